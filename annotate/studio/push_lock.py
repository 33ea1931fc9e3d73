"""One push of a project at a time on this machine: an exclusive lock file per server + project.

Rules:

- the lock is an ``flock`` on ``<tmp>/goldsmith-<uid>/push-<hash>.lock``, where the hash
  is of the server URL and the project title, so pushes of one project from any folder
  of this machine (any process, any studio data dir) wait for each other, and pushes
  of different projects do not;
- the kernel releases the lock when its holder exits, even by ``kill -9``, so a
  crashed push never leaves a stale lock behind;
- the lock folder is the user's own (mode 0700); a folder of that name owned by
  someone else is refused (:class:`PushLockError`) rather than trusted.

Pushes from different machines to one team server cannot share this lock; the check
after import (:mod:`goldsmith.annotate.studio.project_tasks`) removes what such a race adds.

Example:
    >>> with push_lock("http://127.0.0.1:8080", "News"):  # doctest: +SKIP
    ...     push(...)
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from goldsmith.errors import PushLockError


def lock_path(url: str, project_title: str, folder: str | Path | None = None) -> Path:
    """The lock file of pushes of ``project_title`` to the server at ``url``."""
    key = hashlib.sha256(f"{url.rstrip('/')}\n{project_title}".encode()).hexdigest()[:32]
    base = Path(folder) if folder is not None else _lock_folder()
    return base / f"push-{key}.lock"


@contextmanager
def push_lock(
    url: str,
    project_title: str,
    on_wait: Callable[[], None] | None = None,
    folder: str | Path | None = None,
) -> Iterator[Path]:
    """Hold the push lock of this server + project for the duration of the block.

    When another process holds it, ``on_wait()`` is called once and the call waits
    until the lock is free (the other push finishes or dies).
    """
    path = lock_path(url, project_title, folder)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    _check_owned(path.parent)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise PushLockError(f"{path}: cannot open the push lock ({exc.strerror or exc})") from exc
    try:
        waited = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not waited and on_wait is not None:
                    on_wait()
                waited = True
                time.sleep(0.1)
        yield path
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _lock_folder() -> Path:
    return Path(tempfile.gettempdir()) / f"goldsmith-{os.getuid()}"


def _check_owned(folder: Path) -> None:
    info = folder.stat()
    if info.st_uid != os.getuid():
        raise PushLockError(
            f"{folder}: the push lock folder belongs to another user (uid {info.st_uid}); "
            "remove it or set TMPDIR to a folder of your own"
        )
    if info.st_mode & 0o077:
        os.chmod(folder, 0o700)
