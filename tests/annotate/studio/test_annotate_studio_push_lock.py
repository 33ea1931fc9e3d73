"""The push lock: one holder at a time across processes, released when the holder dies."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap

import pytest

from goldsmith.annotate.studio.push_lock import lock_path, push_lock
from goldsmith.errors import PushLockError

URL, TITLE = "http://127.0.0.1:9", "News gold"


def _holder(folder) -> subprocess.Popen:
    """Another process that takes the lock, says so, and sleeps."""
    code = textwrap.dedent(
        f"""
        import sys, time
        from goldsmith.annotate.studio.push_lock import push_lock
        with push_lock({URL!r}, {TITLE!r}, folder={str(folder)!r}):
            print("locked", flush=True)
            time.sleep(120)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "locked"
    return child


def test_the_lock_waits_for_another_process_and_survives_its_kill_9(tmp_path):
    child = _holder(tmp_path)
    waited = []

    def on_wait() -> None:
        waited.append(True)
        child.send_signal(signal.SIGKILL)  # the holder dies without unlocking

    with push_lock(URL, TITLE, on_wait=on_wait, folder=tmp_path):
        pass
    child.wait(timeout=10)
    assert waited == [True]


def test_other_projects_and_servers_have_their_own_lock(tmp_path):
    child = _holder(tmp_path)
    try:
        with push_lock(URL, "Another project", on_wait=pytest.fail, folder=tmp_path):
            pass
        with push_lock("http://127.0.0.1:10", TITLE, on_wait=pytest.fail, folder=tmp_path):
            pass
    finally:
        child.kill()
        child.wait(timeout=10)
    assert lock_path(URL, TITLE, tmp_path) == lock_path(URL + "/", TITLE, tmp_path)


def test_the_lock_folder_is_private(tmp_path):
    folder = tmp_path / "locks"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    with push_lock(URL, TITLE, folder=folder) as path:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.skipif(os.getuid() != 0, reason="needs root to make a folder owned by another user")
def test_a_lock_folder_of_another_user_is_refused(tmp_path):
    folder = tmp_path / "locks"
    folder.mkdir()
    os.chown(folder, 12345, 12345)
    with pytest.raises(PushLockError, match="belongs to another user"):
        with push_lock(URL, TITLE, folder=folder):
            pass
