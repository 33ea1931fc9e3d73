"""The local server: credentials, status files, the live server's binding and secrecy."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from goldsmith.annotate.studio.client import Connection, connect, resolve_connection
from goldsmith.annotate.studio.pseudonyms import load_salt, pseudonym
from goldsmith.annotate.studio.server import (
    CREDENTIALS_FILE,
    LOG_FILE,
    SERVER_FILE,
    ensure_credentials,
    load_credentials,
    mask,
    server_status,
    start_server,
    stop_server,
)
from goldsmith.errors import StudioError


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


def test_stop_server_ends_the_process_and_reaps_it(tmp_path):
    # a stand-in whose command line names label_studio, as the real server's does
    child = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(120)", "label_studio"],
        start_new_session=True,
    )
    cmdline = Path(f"/proc/{child.pid}/cmdline")
    deadline = time.monotonic() + 10
    while b"label_studio" not in cmdline.read_bytes() and time.monotonic() < deadline:
        time.sleep(0.05)  # until the fork has exec'd
    (tmp_path / SERVER_FILE).write_text(
        json.dumps({"pid": child.pid, "port": 1, "url": "http://127.0.0.1:1"})
    )
    assert server_status(tmp_path).running
    assert stop_server(tmp_path).pid == child.pid
    with pytest.raises(ProcessLookupError):
        os.kill(child.pid, 0)
    assert not server_status(tmp_path).running and not (tmp_path / SERVER_FILE).exists()
