"""A studio data dir: its files, the local server's credentials, and keeping it private.

Layout (default ``.goldsmith/studio`` under the current directory, so each project
folder has its own server and database):

- ``credentials.json`` (mode 0600): ``username``, ``password``, ``token``, generated
  with :mod:`secrets` on first start and reused afterwards;
- ``server.json``: ``pid``, ``port``, ``url``, ``started_at`` of the running server;
- ``server.log``: the server's stdout and stderr;
- ``label-studio/``: Label Studio's own data directory (SQLite database, media).

Rule: everything in it is the owner's only (folders 0700, files 0600,
:func:`secure_data_dir`), since the database holds the API token.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

from goldsmith.errors import StudioError

DEFAULT_DATA_DIR = Path(".goldsmith") / "studio"
CREDENTIALS_FILE = "credentials.json"
SERVER_FILE = "server.json"
LOG_FILE = "server.log"
LS_DATA = "label-studio"
DEFAULT_USERNAME = "admin@goldsmith.local"


@dataclass(frozen=True)
class Credentials:
    """The local server's admin login and API token (never printed in full)."""

    username: str
    password: str
    token: str

    def masked_token(self) -> str:
        return mask(self.token)


def mask(secret: str) -> str:
    """The first four characters and an ellipsis: ``'abcd…'``."""
    return secret[:4] + "…"


def load_credentials(data_dir: str | Path) -> Credentials | None:
    """The stored credentials of ``data_dir``, or ``None`` before the first start."""
    path = Path(data_dir) / CREDENTIALS_FILE
    if not path.exists():
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Credentials(raw["username"], raw["password"], raw["token"])
    except (ValueError, KeyError, TypeError) as exc:
        ls_dir = Path(data_dir) / LS_DATA
        raise StudioError(
            f"{path}: unreadable credentials ({exc}). Keep the data dir: its database holds "
            f"the annotations. To recover, read the token with 'label-studio user --data-dir "
            f"{ls_dir} --username {DEFAULT_USERNAME}', set a new password with 'label-studio "
            f"reset_password --data-dir {ls_dir} --username {DEFAULT_USERNAME} --password NEW', "
            f'and write {path} again as {{"username": "{DEFAULT_USERNAME}", "password": "NEW", '
            '"token": "TOKEN"} (chmod 600)'
        ) from exc


def ensure_credentials(data_dir: str | Path) -> Credentials:
    """The stored credentials, generated (and written with mode 0600) on first use."""
    found = load_credentials(data_dir)
    if found is not None:
        return found
    creds = Credentials(
        username=DEFAULT_USERNAME,
        password=secrets.token_urlsafe(18),
        token=secrets.token_hex(20),
    )
    path = Path(data_dir) / CREDENTIALS_FILE
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(asdict(creds), handle)
    return creds


def secure_data_dir(data_dir: str | Path) -> None:
    """Make ``data_dir`` the owner's only: folders 0700, files 0600 (symlinks left alone).

    Raises :class:`StudioError` naming the path that cannot be changed (another owner).
    """
    data_dir = Path(data_dir)
    if not data_dir.is_dir() or data_dir.is_symlink():
        return
    _chmod(str(data_dir), 0o700)
    for folder, dirs, files in os.walk(data_dir):
        for name in dirs:
            _chmod(os.path.join(folder, name), 0o700)
        for name in files:
            _chmod(os.path.join(folder, name), 0o600)


def _chmod(path: str, mode: int) -> None:
    if os.path.islink(path):
        return
    try:
        os.chmod(path, mode)
    except OSError as exc:
        raise StudioError(
            f"{path}: cannot make it private (mode {mode:o}: {exc.strerror or exc}); "
            "the studio data dir must belong to you"
        ) from exc


def read_server_file(data_dir: Path) -> dict | None:
    """The contents of ``server.json``, or ``None`` when missing or unreadable."""
    try:
        info = json.loads((data_dir / SERVER_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) else None


def write_server_file(data_dir: Path, info: dict) -> None:
    """Write ``server.json`` with mode 0600."""
    fd = os.open(data_dir / SERVER_FILE, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(info, handle)
