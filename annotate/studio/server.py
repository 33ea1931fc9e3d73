"""The local Label Studio server: start (detached), health wait, stop, status.

Its state lives in a studio data dir (:mod:`goldsmith.annotate.studio.data_dir`:
credentials, ``server.json``, ``server.log``, Label Studio's database).

Rules:

- the server binds 127.0.0.1 only; the secrets reach it through environment
  variables (``LABEL_STUDIO_USERNAME`` / ``_PASSWORD`` / ``_USER_TOKEN``), never argv,
  so ``ps`` and the log never show them;
- nothing leaves the machine: its version check, analytics and error reporting
  (``SENTRY_DSN`` and ``FRONTEND_SENTRY_DSN`` empty) are off;
- the data dir is the user's only: ``studio up`` makes the folder and every folder
  under it 0700 and every file 0600 (the SQLite database holds the API token), also
  for a data dir made before, and the server runs with umask 077 so what it creates
  later is private too;
- a ``server.json`` is believed only when its pid is the Label Studio server of this
  very data dir (its command line names ``label_studio``, this data dir and the port),
  so a data dir copied with its ``server.json`` is not taken for a running server and
  ``studio down`` there signals nothing;
- a port already taken is an error (Label Studio itself would silently move to the
  next port).

Example:
    >>> status = start_server(".goldsmith/studio", port=8080)  # doctest: +SKIP
    >>> status.url  # doctest: +SKIP
    'http://127.0.0.1:8080'
"""

from __future__ import annotations

import importlib.util
import math
import os
import socket
import subprocess
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

import httpx

from goldsmith.annotate.studio.data_dir import (
    CREDENTIALS_FILE,
    DEFAULT_DATA_DIR,
    LOG_FILE,
    LS_DATA,
    SERVER_FILE,
    Credentials,
    ensure_credentials,
    load_credentials,
    mask,
    read_server_file,
    secure_data_dir,
    write_server_file,
)
from goldsmith.annotate.studio.database import DatabaseRequest, start_database, stop_database
from goldsmith.annotate.studio.server_process import (
    HOST,
    alive,
    has_proc,
    is_zombie,
    launch_command,
    launch_env,
    runs_server,
    terminate,
)
from goldsmith.errors import StudioError
from goldsmith.progress import Progress, ProgressCallback

DEFAULT_PORT = 8080
#: The line ``studio up`` writes to ``server.log`` before each start of the server.
START_MARK = "=== goldsmith studio up:"
#: The stage of :func:`start_server`'s progress events (``done`` counts seconds waited).
WAITING_STAGE = "seconds waiting for an answer"

__all__ = [  # the data dir's names are re-exported: callers import them from here
    "CREDENTIALS_FILE",
    "DEFAULT_DATA_DIR",
    "DEFAULT_PORT",
    "HOST",
    "LOG_FILE",
    "LS_DATA",
    "SERVER_FILE",
    "START_MARK",
    "Credentials",
    "ServerStatus",
    "ensure_credentials",
    "health_ok",
    "is_zombie",
    "label_studio_installed",
    "load_credentials",
    "mask",
    "secure_data_dir",
    "server_status",
    "start_server",
    "stop_server",
]


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


def label_studio_installed() -> bool:
    """True when the ``label-studio`` package can be imported."""
    return importlib.util.find_spec("label_studio") is not None


def server_status(data_dir: str | Path = DEFAULT_DATA_DIR) -> ServerStatus:
    """Running when ``server.json`` names the live Label Studio server of this data dir.

    Stale files, reused pids and ``server.json`` files copied from another data dir are
    ignored (rule in the module docstring).
    """
    data_dir = Path(data_dir)
    info = read_server_file(data_dir)
    if info is None or not _is_server_of(data_dir, info):
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
    progress: ProgressCallback | None = None,
    database: DatabaseRequest | None = None,
) -> ServerStatus:
    """Start Label Studio detached on ``127.0.0.1:port`` and wait until ``/health`` answers.

    Idempotent: when the server of ``data_dir`` already runs, its status is returned
    with ``already_running=True``. While it waits, ``progress`` receives a
    :class:`~goldsmith.progress.Progress` about twice a second: stage
    :data:`WAITING_STAGE`, ``done`` whole seconds waited of ``total`` = the timeout.
    Raises :class:`StudioError` when label-studio is missing, the port is taken, the
    process dies, or ``timeout`` passes (the log file is named).
    ``database`` picks SQLite or PostgreSQL (see :mod:`.database`).
    """
    data_dir = Path(data_dir).resolve()
    secure_data_dir(data_dir)
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
    (data_dir / LS_DATA).mkdir(mode=0o700, parents=True, exist_ok=True)
    secure_data_dir(data_dir)
    log_path = data_dir / LOG_FILE
    url = f"http://{HOST}:{port}"
    db_env = start_database(data_dir, database)
    with os.fdopen(os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "ab") as log:
        log.write(f"{START_MARK} {_now()} on port {port}\n".encode())
        log.flush()
        process = subprocess.Popen(
            launch_command(data_dir / LS_DATA, port),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**launch_env(creds), **db_env},
            cwd=data_dir,
            start_new_session=True,
            umask=0o077,
        )
    info = {
        "pid": process.pid,
        "port": port,
        "url": url,
        "started_at": _now(),
    }
    write_server_file(data_dir, info)
    try:
        _wait_healthy(url, process, timeout, log_path, progress)
    except BaseException:
        terminate(process.pid)
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
        terminate(status.pid, timeout)
    (data_dir / SERVER_FILE).unlink(missing_ok=True)
    stop_database(data_dir)
    return status


def health_ok(url: str, timeout: float = 2.0) -> bool:
    """True when ``url/health`` answers 200."""
    try:
        return httpx.get(f"{url.rstrip('/')}/health", timeout=timeout).status_code == 200
    except httpx.HTTPError:
        return False


def _wait_healthy(
    url: str,
    process: subprocess.Popen,
    timeout: float,
    log_path: Path,
    progress: ProgressCallback | None,
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
        if progress is not None:
            progress(Progress(WAITING_STAGE, int(elapsed), math.ceil(timeout)))
        time.sleep(0.5)


def _is_server_of(data_dir: Path, info: dict) -> bool:
    """True when ``info``'s pid runs Label Studio on ``info``'s port for this data dir.

    With ``/proc`` (Linux) the process's command line decides
    (:func:`~goldsmith.annotate.studio.server_process.runs_server`); without it the
    pid must be alive and the port must answer ``/health``.
    """
    pid, port = info.get("pid"), info.get("port")
    if not isinstance(pid, int) or pid <= 0 or not isinstance(port, int) or not alive(pid):
        return False
    if not has_proc():
        return health_ok(f"http://{HOST}:{port}", timeout=1.0)
    return runs_server(pid, data_dir / LS_DATA, port)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((HOST, port)) == 0
