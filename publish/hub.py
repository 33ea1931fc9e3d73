"""Uploading a published folder to the Hugging Face Hub.

Order matters: the data files go first and the card last, so a repository never shows
a card that describes files it does not have yet. The token comes from ``HF_TOKEN``
(``huggingface_hub``'s own variable); it is never printed.
"""

from __future__ import annotations

import os
from pathlib import Path

from goldsmith.errors import PublishError

_TRANSPORT_MODULES = ("httpx", "httpx2", "httpcore", "httpcore2", "requests", "urllib3")


def push_folder(folder: str | Path, repo_id: str, *, private: bool = False) -> str:
    """Create (or reuse) the dataset repo and upload ``folder``; returns the repo URL."""
    from huggingface_hub import HfApi
    from huggingface_hub.errors import HfHubHTTPError

    folder = Path(folder)
    if not (folder / "README.md").exists() or not (folder / "data").is_dir():
        raise PublishError(f"{folder}: not a published folder (run goldsmith publish first)")
    token = os.environ.get("HF_TOKEN")
    if not token:
        raise PublishError("HF_TOKEN is not set: create a write token on the Hub and export it")
    api = HfApi(token=token)
    try:
        url = api.create_repo(repo_id, repo_type="dataset", private=private, exist_ok=True)
        api.upload_folder(
            folder_path=str(folder / "data"),
            path_in_repo="data",
            repo_id=repo_id,
            repo_type="dataset",
            commit_message="goldsmith: data files",
        )
        api.upload_file(
            path_or_fileobj=str(folder / "README.md"),
            path_in_repo="README.md",
            repo_id=repo_id,
            repo_type="dataset",
            commit_message="goldsmith: dataset card",
        )
    except HfHubHTTPError as exc:
        status = getattr(exc.response, "status_code", "?")
        raise PublishError(
            f"the Hub refused the upload to {repo_id} (HTTP {status}); check that HF_TOKEN "
            "has write access to that namespace"
        ) from exc
    except (OSError, ConnectionError) as exc:
        raise PublishError(f"cannot reach the Hub to upload {repo_id}: {_reason(exc)}") from exc
    except Exception as exc:  # httpx / requests transport errors have no common base
        if type(exc).__module__.split(".")[0] in _TRANSPORT_MODULES:
            raise PublishError(f"cannot reach the Hub to upload {repo_id}: {_reason(exc)}") from exc
        raise
    return str(url)


def _reason(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:160]
