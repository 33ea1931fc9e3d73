"""One real Label Studio server per test session, shared by every test that asks for it.

``acquire()`` starts the server on the first call (a free loopback port, a temporary
data directory, through :func:`goldsmith.annotate.studio.server.start_server`) and
returns the same :class:`StudioInstance` afterwards; ``release()`` stops it when the
last user lets go. The ``studio`` fixture of tests/conftest.py is a thin wrapper
around the two calls.

Without label-studio installed the tests skip, unless ``CI=true``: then they fail.
``GOLDSMITH_STUDIO_START_TIMEOUT`` (seconds, default 420: a loaded two-core machine needs
more than 240 s to migrate a fresh database) bounds the wait. For quick local runs,
``GOLDSMITH_TEST_STUDIO_DIR`` may name the data dir of a server already started with
``goldsmith studio up``: it is used as is and left running.
"""

from __future__ import annotations

import ast
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from label_studio_sdk import LabelStudio

from goldsmith.annotate.studio.client import Connection, connect
from goldsmith.annotate.studio.server import (
    LS_DATA,
    is_zombie,
    label_studio_installed,
    load_credentials,
    server_status,
    start_server,
    stop_server,
)

START_TIMEOUT = float(os.environ.get("GOLDSMITH_STUDIO_START_TIMEOUT", "420"))
REUSE_ENV = "GOLDSMITH_TEST_STUDIO_DIR"


@dataclass(frozen=True)
class Annotator:
    """A non-admin user: id, API token and an SDK client acting as that user."""

    user_id: int
    token: str
    client: LabelStudio


@dataclass
class StudioInstance:
    """A running server: where it is, its admin token and login, its data dir and a ready
    SDK client (as the admin)."""

    url: str
    api_key: str
    data_dir: Path
    client: LabelStudio
    port: int
    pid: int
    username: str = ""
    password: str = ""
    _annotators: dict[str, Annotator] = field(default_factory=dict)

    def annotator(self, email: str) -> Annotator:
        """A user of the server with its own token and client, created on first use.

        The user is created through the API by the admin; its token is read with the
        ``label-studio user`` command, as an administrator would hand it out.
        """
        if email in self._annotators:
            return self._annotators[email]
        headers = {"Authorization": f"Token {self.api_key}"}
        users = httpx.get(f"{self.url}/api/users/", headers=headers, timeout=30).json()
        known = [u["id"] for u in users if u.get("email") == email]
        if known:  # a reused server (GOLDSMITH_TEST_STUDIO_DIR) may know the user already
            user_id = known[0]
        else:
            response = httpx.post(
                f"{self.url}/api/users/",
                headers=headers,
                timeout=30,
                json={"email": email, "username": email.split("@")[0]},
            )
            response.raise_for_status()
            user_id = response.json()["id"]
        token = _user_token(self.data_dir / LS_DATA, email)
        client = connect(Connection(self.url, token, "test annotator"))
        self._annotators[email] = Annotator(user_id, token, client)
        return self._annotators[email]


_state: dict[str, object] = {
    "instance": None,
    "users": 0,
    "error": None,
    "tmp": None,
    "owned": True,
}


def acquire() -> StudioInstance:
    """The session's server, started on first use (skips or fails when impossible)."""
    if not label_studio_installed():
        message = "label-studio is not installed (pip install 'goldsmith[studio]')"
        if os.environ.get("CI") == "true":
            pytest.fail(message + "; CI=true never skips the Label Studio tests")
        pytest.skip(message)
    if _state["error"] is not None:
        pytest.fail(f"the Label Studio server failed to start earlier: {_state['error']}")
    if _state["instance"] is None:
        reuse = os.environ.get(REUSE_ENV)
        if reuse and server_status(reuse).running:
            data_dir, status = Path(reuse), server_status(reuse)
            _state["owned"] = False
        else:
            tmp = Path(tempfile.mkdtemp(prefix="goldsmith-studio-"))
            _state["tmp"] = tmp
            data_dir = tmp / "studio"
            try:
                status = start_server(data_dir, port=free_port(), timeout=START_TIMEOUT)
            except Exception as exc:
                _state["error"] = str(exc)
                raise
        creds = load_credentials(data_dir)
        assert creds is not None and status.url and status.pid and status.port
        client = connect(Connection(status.url, creds.token, "test session"))
        _state["instance"] = StudioInstance(
            url=status.url,
            api_key=creds.token,
            data_dir=data_dir,
            client=client,
            port=status.port,
            pid=status.pid,
            username=creds.username,
            password=creds.password,
        )
    _state["users"] = int(_state["users"]) + 1
    return _state["instance"]  # type: ignore[return-value]


def release() -> None:
    """Let go of the server; the last user stops it and removes its data dir."""
    _state["users"] = int(_state["users"]) - 1
    instance = _state["instance"]
    if int(_state["users"]) > 0 or instance is None:
        return
    _state["instance"] = None
    if _state["owned"]:
        stop_server(instance.data_dir)  # type: ignore[attr-defined]
        still = server_status(instance.data_dir).running  # type: ignore[attr-defined]
        shutil.rmtree(str(_state["tmp"]), ignore_errors=True)
        if still or _alive(instance.pid):  # type: ignore[attr-defined]
            raise RuntimeError(f"stop_server left Label Studio running (pid {instance.pid})")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return not is_zombie(pid)


def free_port() -> int:
    """A TCP port nothing listens on at 127.0.0.1 (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _user_token(ls_data: Path, email: str) -> str:
    env = {**os.environ, "LABEL_STUDIO_LATEST_VERSION_CHECK": "false"}
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "label_studio.server",
            "user",
            "--username",
            email,
            "--data-dir",
            str(ls_data),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=True,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("{") and "'token'" in x)
    return ast.literal_eval(line)["token"]
