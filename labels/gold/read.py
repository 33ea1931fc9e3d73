"""Reading a gold directory: recover an interrupted swap, check the manifest, read the gold.

Every reader of a gold directory (``eval score``, ``eval agree``, ``publish``) opens it
with :func:`open_gold_dir`: a swap a killed pull left half done is finished or undone
first (:func:`goldsmith.labels.gold.swap.recover`), then the files are checked against
``manifest.json`` (:func:`goldsmith.labels.gold.manifest.verify`); a mismatch is an
:class:`InputError` naming the file. A spec JSONL file is read as is.

Example:
    >>> docs = read_gold("corpus/sample/gold.jsonl")  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from goldsmith.errors import InputError
from goldsmith.labels.gold.layout import GOLD_JSONL
from goldsmith.labels.gold.manifest import Manifest, verify
from goldsmith.labels.gold.swap import recover
from goldsmith.labels.jsonl import read_jsonl
from goldsmith.labels.records import AnnotatedDoc


def open_gold_dir(path: str | Path) -> Manifest | None:
    """Recover and check the gold directory ``path``; its manifest, or None without one."""
    path = Path(path)
    _recover(path)
    if not path.is_dir():
        raise InputError(f"{path}: no such directory; make one with 'goldsmith annotate pull'")
    return verify(path)


def read_gold(path: str | Path) -> list[AnnotatedDoc]:
    """The gold documents of a gold directory (checked, see above) or of a spec JSONL file."""
    path = Path(path)
    if not path.is_file():
        _recover(path)
    if path.is_dir():
        verify(path)
        jsonl = path / GOLD_JSONL
        if not jsonl.exists():
            raise InputError(
                f"{path}: not a gold directory (no {GOLD_JSONL}); "
                "make one with 'goldsmith annotate pull' or pass a spec JSONL file"
            )
        path = jsonl
    elif not path.exists():
        raise InputError(f"{path}: no such file or directory")
    return list(read_jsonl(path))


def _recover(path: Path) -> None:
    try:
        recover(path)
    except OSError as exc:
        raise InputError(
            f"{path}: a pull was interrupted while swapping this folder and the swap cannot "
            f"be finished here ({exc.strerror or exc}); run 'goldsmith annotate pull' again"
        ) from None
