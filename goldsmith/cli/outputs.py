"""Checking an output path before a command starts its work.

The rule: a command that will write a folder (``--out``) or a file (``--json``) first
finds the nearest folder that already exists on the way to it and creates (then removes)
a temporary folder there. If that fails (no permission, a read-only file system, a file
where a folder should be) the command stops with one line naming the path, before any
long work or any change on a server. The library still turns a later ``OSError`` into
an error naming the path; this check only makes the answer come first.

Example:
    >>> check_writable(Path("/tmp/gold"), "--out")  # doctest: +SKIP
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from goldsmith.errors import InputError


def check_writable(path: Path, option: str, *, in_parent: bool = False) -> None:
    """Raise :class:`InputError` when ``path`` (for ``option``) cannot be written.

    ``in_parent``: the folder is replaced by renaming a sibling, so its parent folder
    must be writable too.
    """
    path = Path(os.path.abspath(path))
    if path.is_dir() and not in_parent:
        where = path
    else:
        where = path.parent
        while not where.exists() and where != where.parent:
            where = where.parent
    if not where.is_dir():
        raise InputError(f"{option} {path}: {where} is a file, not a folder; choose another path")
    try:
        probe = tempfile.mkdtemp(prefix=".goldsmith-probe-", dir=where)
    except OSError as exc:
        raise InputError(
            f"{option} {path}: cannot write in {where} ({exc.strerror or exc}); choose another path"
        ) from None
    os.rmdir(probe)
