"""Checking an output path before any work starts: the one place of that rule.

The rule: before writing a folder (``--out``) or a file (``--json``), find the nearest
folder that already exists on the way to it and create (then remove) a temporary folder
there. If that fails (no permission, a read-only file system, a file where a folder
should be) stop with one line naming the path, before any long work or any change on a
server. Writers still turn a later ``OSError`` into an error naming the path; this check
only makes the answer come first. The CLI calls it for every output option; the corpus
writer calls it too. Lives beside ``errors.py`` so every stage may import it.

Example:
    >>> check_writable(Path("/tmp/gold"), "--out")  # doctest: +SKIP
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from goldsmith.errors import InputError


def check_writable(path: str | Path, option: str = "", *, in_parent: bool = False) -> None:
    """Raise :class:`InputError` when ``path`` (given with ``option``) cannot be written.

    ``in_parent``: the folder is replaced by renaming a sibling, so its parent folder
    must be writable too.
    """
    path = Path(os.path.abspath(path))
    named = f"{option} {path}".strip()
    if path.is_dir() and not in_parent:
        where = path
    else:
        where = path.parent
        while not where.exists() and where != where.parent:
            where = where.parent
    if not where.is_dir():
        raise InputError(
            f"{named}: cannot write there, {where} is a file, not a folder; choose another path"
        )
    try:
        probe = tempfile.mkdtemp(prefix=".goldsmith-probe-", dir=where)
    except OSError as exc:
        raise InputError(
            f"{named}: cannot write in {where} ({exc.strerror or exc}); choose another path"
        ) from None
    os.rmdir(probe)
