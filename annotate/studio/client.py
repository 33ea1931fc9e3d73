"""Connecting to Label Studio: where (URL + token), a reachability check, and error wrapping.

Rule: the URL and token come from the arguments, else from ``LABEL_STUDIO_URL`` /
``LABEL_STUDIO_API_KEY`` (the SDK's own names), else from the local server started by
``goldsmith studio up`` (its ``server.json`` and ``credentials.json``), found by
:func:`~goldsmith.annotate.studio.locate.find_studio_dir` from any folder; the local token
is only ever sent to the local server's URL. Before any
work the server is checked with a short timeout: ``/health`` must answer and the
token must be accepted, otherwise one :class:`StudioError` line names the URL and
what to do. Every later SDK failure is turned into a :class:`StudioError` by
:func:`studio_errors`.

Example:
    >>> client = connect(resolve_connection())  # doctest: +SKIP
    >>> client.users.whoami().id  # doctest: +SKIP
    1
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from label_studio_sdk import LabelStudio
from label_studio_sdk.core.api_error import ApiError

from goldsmith.annotate.studio.locate import STUDIO_DIR_ENV, find_studio_dir, given_or_default
from goldsmith.annotate.studio.server import load_credentials, mask, server_status
from goldsmith.errors import StudioError, redact_urls

URL_ENV = "LABEL_STUDIO_URL"
KEY_ENV = "LABEL_STUDIO_API_KEY"


@dataclass(frozen=True)
class Connection:
    """Where Label Studio is and the token to use; ``origin`` says where they came from.

    ``data_dir`` is the local data dir the connection was resolved with (the place of
    the annotator pseudonym salt), None when not known.
    """

    url: str
    api_key: str
    origin: str
    data_dir: Path | None = None

    def describe(self) -> str:
        """Where, for people: the URL without a password in it, the token masked."""
        return f"{redact_urls(self.url)} (token {mask(self.api_key)} from {self.origin})"


def resolve_connection(
    url: str | None = None,
    api_key: str | None = None,
    data_dir: str | Path | None = None,
) -> Connection:
    """The URL and token to use (rule in the module docstring).

    ``data_dir`` None means: look for the local server (``GOLDSMITH_STUDIO_DIR``, the
    current folder, the last ``studio up``).
    """
    url = url or os.environ.get(URL_ENV) or None
    api_key = api_key or os.environ.get(KEY_ENV) or None
    if url and api_key:
        return Connection(
            url.rstrip("/"), api_key, f"{URL_ENV}/{KEY_ENV}", given_or_default(data_dir)
        )
    lookup = find_studio_dir(data_dir)
    data_dir = lookup.data_dir
    status = server_status(data_dir)
    local_url = status.url if status.running else None
    creds = load_credentials(data_dir)
    if url is None:
        url = local_url
    elif url.rstrip("/") != local_url:
        creds = None  # never send the local server's token to another server
    if api_key is None and creds is not None:
        api_key = creds.token
        origin = f"local server data dir {data_dir}"
    else:
        origin = f"{URL_ENV}/{KEY_ENV}"
    if url is None:
        raise StudioError(
            f"no Label Studio server: no local one is running (looked in {lookup.where()}) "
            f"and {URL_ENV} is not set; run 'goldsmith studio up', or name its folder with "
            f"--studio-dir or {STUDIO_DIR_ENV}, or set {URL_ENV} and {KEY_ENV}"
        )
    if api_key is None:
        raise StudioError(
            f"no API token for {url}: set {KEY_ENV} (Label Studio > Account & Settings > "
            "Access Token)"
        )
    return Connection(url.rstrip("/"), api_key, origin, Path(data_dir))


def connect(conn: Connection, timeout: float = 5.0, request_timeout: float = 300.0) -> LabelStudio:
    """A checked SDK client: the server answers ``/health`` and accepts the token.

    Raises :class:`StudioError` naming the URL and the fix when the server is down,
    the URL is not Label Studio, or the token is refused.
    """
    try:
        health = httpx.get(f"{conn.url}/health", timeout=timeout, follow_redirects=True)
    except httpx.HTTPError as exc:
        raise StudioError(
            f"cannot reach Label Studio at {conn.url} ({type(exc).__name__}); start the local "
            f"server with 'goldsmith studio up' or check {URL_ENV}"
        ) from None
    if health.status_code != 200 or "UP" not in health.text:
        raise StudioError(
            f"{conn.url} does not look like Label Studio (/health answered "
            f"{health.status_code}); check {URL_ENV}"
        )
    client = LabelStudio(base_url=conn.url, api_key=conn.api_key, timeout=request_timeout)
    try:
        client.users.whoami(request_options={"timeout": timeout, "max_retries": 0})
    except ApiError as exc:
        if exc.status_code in (401, 403):
            raise StudioError(
                f"Label Studio at {conn.url} refused the token {mask(conn.api_key)} "
                f"(HTTP {exc.status_code}); check {KEY_ENV} (from {conn.origin})"
            ) from None
        if exc.status_code == 404:
            raise StudioError(
                f"{conn.url} does not look like Label Studio (no API under it, HTTP 404); "
                f"check {URL_ENV} (the server's root URL, e.g. http://127.0.0.1:8080)"
            ) from None
        raise StudioError(f"Label Studio at {conn.url}: {_describe(exc)}") from None
    except httpx.HTTPError as exc:
        raise StudioError(
            f"Label Studio at {conn.url} stopped answering ({type(exc).__name__}); "
            "run 'goldsmith studio status'"
        ) from None
    return client


@contextmanager
def studio_errors(url: str, doing: str) -> Iterator[None]:
    """Turn SDK and HTTP failures inside the block into one-line :class:`StudioError`."""
    try:
        yield
    except ApiError as exc:
        raise StudioError(f"Label Studio at {url}, {doing}: {_describe(exc)}") from exc
    except httpx.HTTPError as exc:
        raise StudioError(
            f"Label Studio at {url} failed while {doing} ({type(exc).__name__}: {exc}); "
            "check 'goldsmith studio status' and run the command again (it resumes)"
        ) from exc


def _describe(exc: ApiError) -> str:
    body = exc.body
    if isinstance(body, dict):  # "Validation error" alone does not say what to change
        detail, errors = body.get("detail"), body.get("validation_errors")
        body = f"{detail} {errors}" if detail and errors else detail or errors or body
    text = " ".join(str(body).split())
    if text.lower().startswith(("<!doctype", "<html")):
        text = "an HTML page instead of JSON"
    if len(text) > 300:
        text = text[:300] + "…"
    return f"HTTP {exc.status_code}: {text}"
