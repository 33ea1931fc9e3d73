"""The local server's process: how it is launched, is a pid that server, stopping it.

Launching: the secrets reach Label Studio through environment variables, never argv, and
its version check, analytics and error reports are switched off (:func:`launch_env`).

Rule: a pid is the Label Studio server of a data dir only when its command line holds
``label_studio``, ``--data-dir`` with that data dir's ``label-studio`` folder and
``--port`` with the server's port; a pid that was reused, or a server of another
(copied) data dir, is not.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from goldsmith.annotate.studio.data_dir import Credentials

#: The only address the local server listens on.
HOST = "127.0.0.1"


def has_proc() -> bool:
    """True where ``/proc/<pid>/cmdline`` can be read (Linux)."""
    return Path("/proc/self/cmdline").exists()


def alive(pid: int) -> bool:
    """True while ``pid`` exists and has not exited (a zombie counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not is_zombie(pid)


def runs_server(pid: int, ls_data: Path, port: int) -> bool:
    """True when ``pid``'s command line is Label Studio on ``port`` for ``ls_data``."""
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return (
        any(b"label_studio" in a or b"label-studio" in a for a in args)
        and _argument(args, b"--data-dir") == os.fsencode(str(ls_data.resolve()))
        and _argument(args, b"--port") == str(port).encode()
    )


def _argument(args: list[bytes], flag: bytes) -> bytes | None:
    """The value after ``flag`` in a command line (``--flag value`` or ``--flag=value``)."""
    for i, arg in enumerate(args):
        if arg == flag and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(flag + b"="):
            return arg[len(flag) + 1 :]
    return None


def terminate(pid: int, timeout: float = 20.0) -> None:
    """SIGTERM to ``pid``'s process group, SIGKILL after ``timeout``; waits until it is gone."""
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    except PermissionError:
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _running(pid):
            return
        time.sleep(0.2)
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    while _running(pid) and time.monotonic() < deadline + 5:
        time.sleep(0.1)


def _running(pid: int) -> bool:
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


def launch_command(ls_data: Path, port: int) -> list[str]:
    """The argv that starts Label Studio on 127.0.0.1:``port`` over ``ls_data`` (no secrets)."""
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


def launch_env(creds: Credentials) -> dict[str, str]:
    """The server's environment: this one without Label Studio/Django settings, plus the
    credentials and every switch that keeps the server from calling out."""
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
        # error reports (Sentry): the server's and the one its web pages would load
        LABEL_STUDIO_SENTRY_DSN="",
        LABEL_STUDIO_FRONTEND_SENTRY_DSN="",
        LABEL_STUDIO_SENTRY_RATE="0",
        LABEL_STUDIO_FRONTEND_SENTRY_RATE="0",
        LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN="true",
        PYTHONUNBUFFERED="1",
    )
    return env
