"""The local server: credentials, status files, the live server's binding and secrecy."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from studio_session import free_port

from goldsmith.annotate.studio.client import Connection, connect, resolve_connection
from goldsmith.annotate.studio.pseudonyms import load_salt, pseudonym
from goldsmith.annotate.studio.server import (
    CREDENTIALS_FILE,
    LOG_FILE,
    LS_DATA,
    SERVER_FILE,
    START_MARK,
    WAITING_STAGE,
    Credentials,
    ensure_credentials,
    load_credentials,
    mask,
    server_status,
    start_server,
    stop_server,
)
from goldsmith.annotate.studio.server_process import launch_env, terminate
from goldsmith.errors import StudioError
from goldsmith.progress import Progress


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_credentials_are_generated_once_with_mode_0600(tmp_path):
    first = ensure_credentials(tmp_path / "studio")
    assert _mode(tmp_path / "studio" / CREDENTIALS_FILE) == 0o600
    assert _mode(tmp_path / "studio") == 0o700
    assert ensure_credentials(tmp_path / "studio") == first
    assert len(first.token) >= 32 and len(first.password) >= 20


def test_mask_shows_four_characters_only():
    assert mask("abcdefgh") == "abcd…"


def test_status_without_server_file_is_stopped(tmp_path):
    assert server_status(tmp_path).running is False


def test_status_ignores_a_stale_pid(tmp_path):
    (tmp_path / SERVER_FILE).write_text(
        json.dumps({"pid": os.getpid(), "port": 1, "url": "http://127.0.0.1:1"})
    )
    assert server_status(tmp_path).running is False  # pytest is not label-studio


_SLOW_HEALTH = """
import http.server, sys, time
time.sleep(1.5)  # a server that takes a while to answer, like a first migration
class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200 if self.path == "/health" else 404)
        self.end_headers()
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Health).serve_forever()
"""


def test_start_reports_the_wait_as_progress_events(tmp_path, monkeypatch):
    """While the server does not answer, the one progress event of the library is sent."""
    monkeypatch.setattr(
        "goldsmith.annotate.studio.server.launch_command",
        lambda ls_data, port: [sys.executable, "-c", _SLOW_HEALTH, str(port)],
    )
    events: list[Progress] = []
    status = start_server(tmp_path / "studio", port=free_port(), timeout=30, progress=events.append)
    try:
        assert status.running and events
        assert all(isinstance(e, Progress) and e.stage == WAITING_STAGE for e in events)
        assert {e.total for e in events} == {30}
        assert [e.done for e in events] == sorted(e.done for e in events)
        assert events[-1].done >= 1  # it waited at least a second, counted in seconds
    finally:
        stop_server(tmp_path / "studio")
        # stop_server leaves alone a process that is not Label Studio, as this stand-in is
        if status.pid is not None:
            terminate(status.pid, timeout=5)


def test_salt_is_stored_0600_and_pseudonyms_are_stable(tmp_path):
    salt = load_salt(tmp_path)
    assert load_salt(tmp_path) == salt
    assert _mode(tmp_path / "pseudonym-salt") == 0o600
    assert pseudonym(salt, 3) == pseudonym(salt, "3") != pseudonym(salt, 4)
    assert pseudonym(salt, 3).startswith("annotator-")


def test_resolve_prefers_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("LABEL_STUDIO_URL", "http://example.invalid:9/")
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", "k" * 40)
    conn = resolve_connection(data_dir=tmp_path)
    assert (conn.url, conn.api_key) == ("http://example.invalid:9", "k" * 40)


def test_resolve_without_server_or_environment_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.delenv("LABEL_STUDIO_URL", raising=False)
    monkeypatch.delenv("LABEL_STUDIO_API_KEY", raising=False)
    with pytest.raises(StudioError, match="goldsmith studio up"):
        resolve_connection(data_dir=tmp_path)


def test_server_down_is_one_studio_error_naming_the_url():
    from studio_session import free_port

    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(StudioError, match=f"cannot reach Label Studio at {url}.*studio up"):
        connect(Connection(url, "x" * 40, "test"))


# --- the live server ----------------------------------------------------------------------


@pytest.mark.studio
def test_resolve_falls_back_to_the_local_server(studio, monkeypatch):
    monkeypatch.delenv("LABEL_STUDIO_URL", raising=False)
    monkeypatch.delenv("LABEL_STUDIO_API_KEY", raising=False)
    conn = resolve_connection(data_dir=studio.data_dir)
    assert (conn.url, conn.api_key) == (studio.url, studio.api_key)


@pytest.mark.studio
def test_wrong_token_is_one_studio_error(studio):
    with pytest.raises(StudioError, match=f"{studio.url} refused the token.*LABEL_STUDIO_API_KEY"):
        connect(Connection(studio.url, "0" * 40, "test"))


@pytest.mark.studio
def test_wrong_url_is_one_studio_error(studio):
    with pytest.raises(StudioError, match="does not look like Label Studio"):
        connect(Connection(studio.url + "/not-here", studio.api_key, "test"))


@pytest.mark.studio
def test_server_listens_on_loopback_only(studio):
    port_hex = f"{studio.port:04X}"
    listening = [
        line.split()[1]
        for line in Path("/proc/net/tcp").read_text().splitlines()[1:]
        if line.split()[1].endswith(":" + port_hex) and line.split()[3] == "0A"
    ]
    assert listening == ["0100007F:" + port_hex]
    v6 = Path("/proc/net/tcp6")
    if v6.exists():
        assert not [
            line
            for line in v6.read_text().splitlines()[1:]
            if line.split()[1].endswith(":" + port_hex) and line.split()[3] == "0A"
        ]


@pytest.mark.studio
def test_secrets_are_not_in_argv_or_log(studio):
    creds = load_credentials(studio.data_dir)
    argv = Path(f"/proc/{studio.pid}/cmdline").read_bytes().decode()
    log = (studio.data_dir / LOG_FILE).read_text(errors="replace")
    for secret in (creds.password, creds.token):
        assert secret not in argv
        assert secret not in log
    assert "label_studio.server" in argv


@pytest.mark.studio
def test_start_when_running_is_idempotent(studio):
    status = start_server(studio.data_dir, port=studio.port)
    assert status.already_running and status.pid == studio.pid


@pytest.mark.studio
def test_start_on_a_taken_port_is_refused(studio, tmp_path):
    with pytest.raises(StudioError, match=f"port {studio.port} .* in use"):
        start_server(tmp_path / "other", port=studio.port)


def test_local_token_is_never_sent_to_another_url(tmp_path, monkeypatch):
    ensure_credentials(tmp_path)
    monkeypatch.setenv("LABEL_STUDIO_URL", "http://elsewhere.invalid:8080")
    monkeypatch.delenv("LABEL_STUDIO_API_KEY", raising=False)
    with pytest.raises(StudioError, match="no API token for http://elsewhere.invalid:8080"):
        resolve_connection(data_dir=tmp_path)


def _stand_in(data_dir: Path, port: int) -> subprocess.Popen:
    """A sleeping process whose command line is the server's: label_studio, the data dir's
    ``label-studio`` folder and the port."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time; time.sleep(120)",
            "label_studio.server",
            "start",
            "--data-dir",
            str(data_dir.resolve() / LS_DATA),
            "--port",
            str(port),
        ],
        start_new_session=True,
    )
    cmdline = Path(f"/proc/{child.pid}/cmdline")
    deadline = time.monotonic() + 10
    while b"label_studio" not in cmdline.read_bytes() and time.monotonic() < deadline:
        time.sleep(0.05)  # until the fork has exec'd
    (data_dir / SERVER_FILE).write_text(
        json.dumps({"pid": child.pid, "port": port, "url": f"http://127.0.0.1:{port}"})
    )
    return child


def test_stop_server_ends_the_process_and_reaps_it(tmp_path):
    child = _stand_in(tmp_path, 1)
    assert server_status(tmp_path).running
    assert stop_server(tmp_path).pid == child.pid
    with pytest.raises(ProcessLookupError):
        os.kill(child.pid, 0)
    assert not server_status(tmp_path).running and not (tmp_path / SERVER_FILE).exists()


def test_a_data_dir_copied_with_its_server_file_is_not_running(tmp_path):
    original, copy = tmp_path / "original", tmp_path / "copy"
    original.mkdir()
    child = _stand_in(original, 1)
    try:
        shutil.copytree(original, copy)
        assert server_status(original).running
        assert not server_status(copy).running
        assert stop_server(copy).running is False  # signals nothing...
        assert child.poll() is None  # ...so the other folder's server still runs
        assert server_status(original).running
    finally:
        child.kill()
        child.wait(timeout=10)


def test_a_server_file_naming_another_port_is_not_running(tmp_path):
    child = _stand_in(tmp_path, 1)
    try:
        info = json.loads((tmp_path / SERVER_FILE).read_text())
        (tmp_path / SERVER_FILE).write_text(json.dumps({**info, "port": 2}))
        assert not server_status(tmp_path).running
    finally:
        child.kill()
        child.wait(timeout=10)


def test_up_makes_an_existing_data_dir_private(tmp_path):
    data_dir = tmp_path / "studio"
    database = data_dir / LS_DATA / "label_studio.sqlite3"
    database.parent.mkdir(parents=True)
    ensure_credentials(data_dir)
    database.write_bytes(b"SQLite format 3\0")
    (data_dir / LOG_FILE).write_text("log\n")
    (data_dir / LS_DATA / "media").mkdir()
    for path, mode in [
        (data_dir, 0o755),
        (data_dir / LS_DATA, 0o755),
        (data_dir / LS_DATA / "media", 0o775),
        (database, 0o644),
        (data_dir / LOG_FILE, 0o644),
        (data_dir / CREDENTIALS_FILE, 0o644),
    ]:
        os.chmod(path, mode)
    with socket.socket() as taken:  # the start itself is refused: the port is in use
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(StudioError, match="in use"):
            start_server(data_dir, port=taken.getsockname()[1])
    assert _mode(data_dir) == _mode(data_dir / LS_DATA) == _mode(data_dir / LS_DATA / "media")
    assert _mode(data_dir) == 0o700
    assert {_mode(database), _mode(data_dir / LOG_FILE), _mode(data_dir / CREDENTIALS_FILE)} == {
        0o600
    }


def test_corrupt_credentials_say_how_to_recover_without_deleting_the_data_dir(tmp_path):
    (tmp_path / CREDENTIALS_FILE).write_text("{not json")
    with pytest.raises(StudioError) as caught:
        load_credentials(tmp_path)
    message = str(caught.value)
    assert str(tmp_path / CREDENTIALS_FILE) in message
    assert f"label-studio user --data-dir {tmp_path / LS_DATA} --username" in message
    assert "reset_password" in message and "delete" not in message


def test_the_server_is_told_to_report_nothing_outside():
    env = launch_env(Credentials("u", "p", "t"))
    assert env["LABEL_STUDIO_SENTRY_DSN"] == env["LABEL_STUDIO_FRONTEND_SENTRY_DSN"] == ""
    assert env["LABEL_STUDIO_LATEST_VERSION_CHECK"] == "false"
    assert env["LABEL_STUDIO_COLLECT_ANALYTICS"] == "false"


@pytest.mark.studio
def test_label_studio_settings_under_that_environment_report_nothing_outside(studio, tmp_path):
    """Label Studio's own settings module, loaded with the server's environment, has no
    error-report address, no version check and no analytics (read from the installed
    source: SENTRY_DSN and FRONTEND_SENTRY_DSN default to sentry.io addresses)."""
    code = (
        "import json, label_studio.server as s; s._setup_env(); "
        "from django.conf import settings as t; "
        "print(json.dumps([t.SENTRY_DSN, t.FRONTEND_SENTRY_DSN, t.LATEST_VERSION_CHECK, "
        "t.COLLECT_ANALYTICS]))"
    )
    env = {
        **launch_env(Credentials("u", "p", "t")),
        "LABEL_STUDIO_BASE_DATA_DIR": str(tmp_path),
    }
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert json.loads(out.stdout.strip().splitlines()[-1]) == ["", "", False, False]


_LOOPBACK = {"127.0.0.1", "localhost", "0.0.0.0", "[::1]"}
#: Django's development-server banner prints this documentation link; it is text, not a
#: connection, and the only outside address a quiet server's log is allowed to hold.
_BANNER = "For more information on production servers see: https://docs.djangoproject.com/"


def outside_hosts(log: str) -> set[str]:
    """Hosts other than loopback named in a server log as a URL (``https://host``), a
    urllib3 connection (``host='...'``) or a failed name lookup (``resolve '...'``)."""
    found: set[str] = set()
    for line in log.splitlines():
        if line.startswith(_BANNER):
            continue
        found.update(re.findall(r"https?://([^/\s:'\"]+)", line))
        found.update(re.findall(r"host='([^']+)'", line))
        found.update(re.findall(r"[Ff]ailed to resolve '([^']+)'", line))
    return found - _LOOPBACK


def test_outside_hosts_finds_urls_connections_and_lookups():
    log = "\n".join(
        [
            _BANNER + "en/5.2/howto/deployment/",
            '[INFO] "GET /health HTTP/1.1" 200 16 from http://127.0.0.1:8080/',
            "[WARNING] Retrying after 'HTTPSConnection(host='errors.example.org', port=443)'",
            "[WARNING] Failed to resolve 'pkg.example.net' ([Errno -2])",
            "[WARNING] Can't get latest version from https://registry.example.com/x/json",
        ]
    )
    assert outside_hosts(log) == {"errors.example.org", "pkg.example.net", "registry.example.com"}


@pytest.mark.studio
def test_the_running_server_sends_nothing_outside(studio):
    """The session's server, as far as a test of a server that may have been up for
    seconds only can tell.

    Checked: the server process really got the settings that switch error reporting off
    (its environment), and after a request that makes Label Studio log an error (a wrong
    token: the kind of event its error reporting sends), the log written since this
    server started names no outside host within 3 s. Not proven by this test: what the
    server would try after running longer (its error reporting batches and retries;
    the settings test above covers that by reading Label Studio's resolved settings).
    """
    environ = Path(f"/proc/{studio.pid}/environ").read_bytes().split(b"\0")
    for name in (b"LABEL_STUDIO_SENTRY_DSN", b"LABEL_STUDIO_FRONTEND_SENTRY_DSN"):
        assert name + b"=" in environ
    httpx.get(
        f"{studio.url}/api/current-user/whoami",
        headers={"Authorization": "Token " + "0" * 40},
        timeout=30,
    )
    time.sleep(3)
    log = (studio.data_dir / LOG_FILE).read_text(errors="replace")
    since_start = log.rsplit(START_MARK, 1)[-1]
    assert "Invalid token" in since_start  # the error was logged...
    assert outside_hosts(since_start) == set()  # ...and sent nowhere
