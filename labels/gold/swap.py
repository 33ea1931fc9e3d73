"""Putting a finished pull in place of the gold directory, so a kill never leaves it mixed.

The rule (``gold/`` stands for the output folder; siblings are named in
:mod:`goldsmith.labels.gold.layout`):

1. A pull is written whole into ``.gold.pull-ID/``; once its manifest is written (last),
   that folder is renamed ``.gold.ready-ID/``.
2. With an atomic directory exchange (Linux ``renameat2(RENAME_EXCHANGE)``, macOS
   ``renamex_np(RENAME_SWAP)``) ``.gold.ready-ID/`` and ``gold/`` trade places in one
   step; when ``gold/`` is missing or empty one ``rename`` puts the pull there. There is
   no moment when ``gold/`` is missing or mixed.
3. Without an exchange, two renames (``gold/`` -> ``.gold.old-ID/``, ready -> ``gold/``)
   leave a moment without ``gold/``. Every reader and every pull first runs
   :func:`recover`, which finishes that swap (the ready folder holds its own manifest)
   or undoes it, so no reader ever sees the gap.
4. The replaced gold becomes ``gold.prev/``; an older ``gold.prev/`` is deleted.

Pulls into one parent folder take turns (an exclusive ``flock`` on the parent folder,
released by the kernel when a process dies). A pull holding the lock settles what killed
pulls left (:func:`settle`): partial ``.gold.pull-*`` and ``.gold.trash-*`` folders are
deleted; a ``.gold.ready-ID/`` whose manifest is pull ID never got in place and is
deleted; any other ``.gold.ready-*`` or ``.gold.old-*`` is a replaced gold and becomes
``gold.prev/``.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

from goldsmith.labels.gold.layout import MANIFEST_JSON, prev_dir, sibling, siblings

STAGING, READY, OLD, TRASH = "pull", "ready", "old", "trash"
_AT_FDCWD = -100


@contextlib.contextmanager
def parent_lock(out: Path) -> Iterator[None]:
    """Hold the exclusive lock of ``out``'s parent folder (pulls into it take turns)."""
    fd = os.open(out.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def install(ready: Path, out: Path, pull_id: str) -> Path | None:
    """Put the complete pull ``ready`` in place of ``out`` (rules 2-4).

    Returns ``gold.prev/`` when a gold directory was replaced, else None.
    """
    if not out.exists() or (out.is_dir() and not any(out.iterdir())):
        os.rename(ready, out)  # rename onto an empty folder replaces it atomically
        _sync_dir(out.parent)
        return None
    if exchange(ready, out):
        old = ready
    else:
        old = sibling(out, OLD, pull_id)
        os.rename(out, old)
        os.rename(ready, out)
    _sync_dir(out.parent)
    return keep_as_prev(out, old, pull_id)


def keep_as_prev(out: Path, old: Path, pull_id: str) -> Path:
    """Make ``old`` the ``gold.prev/`` of ``out`` (rule 4)."""
    prev = prev_dir(out)
    trash = None
    if prev.exists():
        trash = sibling(out, TRASH, pull_id)
        os.rename(prev, trash)
    os.rename(old, prev)
    _sync_dir(out.parent)
    if trash is not None:
        shutil.rmtree(trash, ignore_errors=True)
    return prev


def recover(out: Path) -> None:
    """Finish or undo a two-rename swap a killed pull left (rule 3); a no-op otherwise."""
    out = Path(os.path.abspath(out))
    if out.exists() or not siblings(out, OLD):
        return
    with parent_lock(out):
        _recover(out)


def _recover(out: Path) -> None:
    if out.exists():
        return
    olds = siblings(out, OLD)
    if not olds:
        return
    pull_id, old = olds[-1]
    ready = sibling(out, READY, pull_id)
    os.rename(ready if _manifest_id(ready) == pull_id else old, out)
    _sync_dir(out.parent)


def settle(out: Path) -> None:
    """Under the lock: recover, then put away what killed pulls left (see the rules)."""
    _recover(out)
    for kind in (STAGING, TRASH):
        for _, path in siblings(out, kind):
            shutil.rmtree(path, ignore_errors=True)
    for pull_id, path in siblings(out, READY):
        if _manifest_id(path) == pull_id or not out.exists():
            shutil.rmtree(path, ignore_errors=True)
        else:
            keep_as_prev(out, path, pull_id)
    for pull_id, path in siblings(out, OLD):
        keep_as_prev(out, path, pull_id)


def _manifest_id(folder: Path) -> str | None:
    try:
        return json.loads((folder / MANIFEST_JSON).read_text("utf-8")).get("pull_id")
    except (OSError, ValueError, AttributeError):
        return None


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths in one atomic step; False when the system cannot."""
    call = _exchange_call()
    if call is None:
        return False
    err = call(os.fsencode(a), os.fsencode(b))
    if err == 0:
        return True
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


@cache
def _exchange_call() -> Callable[[bytes, bytes], int] | None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if sys.platform.startswith("linux"):
            fn, flag = libc.renameat2, 2  # RENAME_EXCHANGE, linux/fs.h
            fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
            fn.argtypes += [ctypes.c_uint]

            def call(a: bytes, b: bytes) -> int:
                return 0 if fn(_AT_FDCWD, a, _AT_FDCWD, b, flag) == 0 else ctypes.get_errno()

            return call
        if sys.platform == "darwin":
            fn, flag = libc.renamex_np, 2  # RENAME_SWAP, sys/stdio.h
            fn.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint]

            def call(a: bytes, b: bytes) -> int:
                return 0 if fn(a, b, flag) == 0 else ctypes.get_errno()

            return call
    except (AttributeError, OSError):  # an older C library without the call
        return None
    return None


def _sync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
