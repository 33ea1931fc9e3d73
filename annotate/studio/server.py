"""The local Label Studio server: credentials, start (detached), health wait, stop, status.

Layout of a studio data directory (default ``.goldsmith/studio`` under the current
directory, so each project folder has its own server and database):

- ``credentials.json`` (mode 0600): ``username``, ``password``, ``token``, generated
  with :mod:`secrets` on first start and reused afterwards;
- ``server.json``: ``pid``, ``port``, ``url``, ``started_at`` of the running server;
- ``server.log``: the server's stdout and stderr;
- ``label-studio/``: Label Studio's own data directory (SQLite database, media).

Rules: the server binds 127.0.0.1 only; the secrets reach it through environment
variables (``LABEL_STUDIO_USERNAME`` / ``_PASSWORD`` / ``_USER_TOKEN``), never argv,
so ``ps`` and the log never show them; its version check and analytics are off, so
it needs no internet. A port already taken is an error (Label Studio itself would
silently move to the next port).

Example:
    >>> status = start_server(".goldsmith/studio", port=8080)  # doctest: +SKIP
    >>> status.url  # doctest: +SKIP
    'http://127.0.0.1:8080'
"""

from __future__ import annotations

import importlib.util
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

import httpx

from goldsmith.annotate.studio.database import DatabaseRequest, start_database, stop_database
from goldsmith.errors import StudioError

DEFAULT_DATA_DIR = Path(".goldsmith") / "studio"
DEFAULT_PORT = 8080
HOST = "127.0.0.1"
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


@dataclass(frozen=True)
class ServerStatus:
    """Whether the local server runs, and where."""

    running: bool
    data_dir: str
    url: str | None = None
    pid: int | None = None
    port: int | None = None
    log: str | None = None
    already_running: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


def mask(secret: str) -> str:
    """The first four characters and an ellipsis: ``'abcd…'``."""
    return secret[:4] + "…"


def label_studio_installed() -> bool:
    """True when the ``label-studio`` package can be imported."""
    return importlib.util.find_spec("label_studio") is not None


def load_credentials(data_dir: str | Path) -> Credentials | None:
    """The stored credentials of ``data_dir``, or ``None`` before the first start."""
    path = Path(data_dir) / CREDENTIALS_FILE
    if not path.exists():
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Credentials(raw["username"], raw["password"], raw["token"])
    except (ValueError, KeyError, TypeError) as exc:
        raise StudioError(
            f"{path}: unreadable credentials ({exc}); delete the studio data dir to start afresh"
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


def server_status(data_dir: str | Path = DEFAULT_DATA_DIR) -> ServerStatus:
    """Running when ``server.json`` names a live Label Studio process (stale files ignored)."""
    data_dir = Path(data_dir)
    info = _read_server_file(data_dir)
    if info is None or not _is_label_studio(info.get("pid")):
        return ServerStatus(running=False, data_dir=str(data_dir))
    return ServerStatus(
        running=True,
        data_dir=str(data_dir),
        url=info["url"],
        pid=info["pid"],
        port=info["port"],
        log=str(data_dir / LOG_FILE),
    )


def start_server(
    data_dir: str | Path = DEFAULT_DATA_DIR,
    port: int = DEFAULT_PORT,
    timeout: float = 240.0,
    on_wait: Callable[[float], None] | None = None,
    database: DatabaseRequest | None = None,
) -> ServerStatus:
    """Start Label Studio detached on ``127.0.0.1:port`` and wait until ``/health`` answers.

    Idempotent: when the server of ``data_dir`` already runs, its status is returned
    with ``already_running=True``. ``on_wait(elapsed_seconds)`` is called about twice a
    second while waiting. Raises :class:`StudioError` when label-studio is missing,
    the port is taken, the process dies, or ``timeout`` passes (the log file is named).
    ``database`` picks SQLite or PostgreSQL (see :mod:`.database`).
    """
    data_dir = Path(data_dir).resolve()
    current = server_status(data_dir)
    if current.running:
        return ServerStatus(**{**current.to_dict(), "already_running": True})
    if not label_studio_installed():
        raise StudioError(
            "label-studio is not installed; install it with: pip install 'goldsmith[studio]'"
        )
    if _port_in_use(port):
        raise StudioError(f"port {port} on {HOST} is already in use; pass another one with --port")
    creds = ensure_credentials(data_dir)
    (data_dir / LS_DATA).mkdir(parents=True, exist_ok=True)
    log_path = data_dir / LOG_FILE
    url = f"http://{HOST}:{port}"
    db_env = start_database(data_dir, database)
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            _command(data_dir / LS_DATA, port),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**_server_env(creds), **db_env},
            cwd=data_dir,
            start_new_session=True,
        )
    info = {
        "pid": process.pid,
        "port": port,
        "url": url,
        "started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    (data_dir / SERVER_FILE).write_text(json.dumps(info), encoding="utf-8")
    try:
        _wait_healthy(url, process, timeout, log_path, on_wait)
    except BaseException:
        _terminate(process.pid)
        (data_dir / SERVER_FILE).unlink(missing_ok=True)
        stop_database(data_dir)
        raise
    return ServerStatus(
        running=True,
        data_dir=str(data_dir),
        url=url,
        pid=process.pid,
        port=port,
        log=str(log_path),
    )


def stop_server(data_dir: str | Path = DEFAULT_DATA_DIR, timeout: float = 20.0) -> ServerStatus:
    """Stop the server of ``data_dir`` (SIGTERM to its process group, SIGKILL after ``timeout``).

    Returns the status before stopping (``running=False`` when nothing was running).
    """
    data_dir = Path(data_dir)
    status = server_status(data_dir)
    if status.running and status.pid is not None:
        _terminate(status.pid, timeout)
    (data_dir / SERVER_FILE).unlink(missing_ok=True)
    stop_database(data_dir)
    return status


def health_ok(url: str, timeout: float = 2.0) -> bool:
    """True when ``url/health`` answers 200."""
    try:
        return httpx.get(f"{url.rstrip('/')}/health", timeout=timeout).status_code == 200
    except httpx.HTTPError:
        return False


def _command(ls_data: Path, port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "label_studio.server",
        "start",
        "--no-browser",
        "--internal-host",
        HOST,
        "--port",
        str(port),
        "--data-dir",
        str(ls_data),
        "--enable-legacy-api-token",
    ]


def _server_env(creds: Credentials) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("LABEL_STUDIO_", "HEARTEX_", "DJANGO_"))
        and k not in ("USERNAME", "PASSWORD", "USER_TOKEN", "HOST", "PORT")
    }
    env.update(
        LABEL_STUDIO_USERNAME=creds.username,
        LABEL_STUDIO_PASSWORD=creds.password,
        LABEL_STUDIO_USER_TOKEN=creds.token,
        LABEL_STUDIO_LATEST_VERSION_CHECK="false",
        LABEL_STUDIO_COLLECT_ANALYTICS="false",
        LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN="true",
        PYTHONUNBUFFERED="1",
    )
    return env


def _wait_healthy(
    url: str,
    process: subprocess.Popen,
    timeout: float,
    log_path: Path,
    on_wait: Callable[[float], None] | None,
) -> None:
    started = time.monotonic()
    while True:
        elapsed = time.monotonic() - started
        if process.poll() is not None:
            raise StudioError(
                f"Label Studio exited with code {process.returncode} while starting; see {log_path}"
            )
        if health_ok(url, timeout=1.0):
            return
        if elapsed > timeout:
            raise StudioError(
                f"Label Studio did not answer {url}/health within {timeout:.0f} s; see {log_path}"
            )
        if on_wait is not None:
            on_wait(elapsed)
        time.sleep(0.5)


def _read_server_file(data_dir: Path) -> dict | None:
    try:
        info = json.loads((data_dir / SERVER_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) else None


def _is_label_studio(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists():
        try:
            args = cmdline.read_bytes()
        except OSError:
            return False
        return b"label_studio" in args or b"label-studio" in args
    return True


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((HOST, port)) == 0


def _terminate(pid: int, timeout: float = 20.0) -> None:
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    except PermissionError:
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _alive(pid):
            return
        time.sleep(0.2)
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    while _alive(pid) and time.monotonic() < deadline + 5:
        time.sleep(0.1)


def _alive(pid: int) -> bool:
    """True while ``pid`` runs; a zombie child is reaped and counts as gone."""
    try:
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    if is_zombie(pid):
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass
        return False
    return True


def is_zombie(pid: int) -> bool:
    """True when ``pid`` has exited but was not reaped yet (Linux ``/proc``; else False)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    try:
        return stat.rsplit(") ", 1)[1].split()[0] == "Z"
    except IndexError:
        return False
