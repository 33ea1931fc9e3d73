"""The folder ``publish --out`` writes: only an empty folder or an earlier output of publish.

The rule: ``publish`` writes into a folder that does not exist, an empty folder, or a
folder an earlier ``publish`` of the same format wrote. An earlier output is recognised
by what it holds besides hidden entries (``.git``, ``.gitattributes`` of a clone of the
Hub repository are left alone):

- hub format: a ``README.md`` dataset card goldsmith wrote (its front matter carries the
  ``goldsmith`` tag) and a ``data/`` folder, nothing else;
- spacy / conll: ``*.spacy`` / ``*.conll`` files, nothing else.

Anything else is refused with one line naming the folder and what is in it, so a
publish never overwrites a README it did not write nor mixes its files into others'.
An earlier output is replaced whole: its ``data/`` folder (or its export files) go, so
no split of an earlier run survives beside the new ones.

Example:
    >>> check_out_folder(Path("hub"), "hub")  # doctest: +SKIP
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import yaml

from goldsmith.errors import PublishError

CARD = "README.md"
DATA_DIR = "data"
CARD_TAG = "goldsmith"


def check_out_folder(out: Path, fmt: str) -> None:
    """Raise :class:`PublishError` unless ``out`` may be written (module rule)."""
    if not out.exists():
        return
    if not out.is_dir():
        raise PublishError(f"--out {out}: is a file; choose a folder")
    visible = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    if not visible or _earlier_output(out, fmt, visible):
        return
    shown = ", ".join(visible[:5]) + (", ..." if len(visible) > 5 else "")
    raise PublishError(
        f"--out {out}: not empty and not an earlier 'goldsmith publish' output (holds "
        f"{shown}); choose an empty or new folder"
    )


def _earlier_output(out: Path, fmt: str, visible: list[str]) -> bool:
    if fmt != "hub":
        return all(name.endswith(f".{fmt}") and (out / name).is_file() for name in visible)
    if set(visible) - {CARD, DATA_DIR} or not (out / CARD).is_file():
        return False
    if (out / DATA_DIR).exists() and not (out / DATA_DIR).is_dir():
        return False
    return is_goldsmith_card((out / CARD).read_text("utf-8", errors="replace"))


def is_goldsmith_card(text: str) -> bool:
    """True for a dataset card whose front matter carries the ``goldsmith`` tag."""
    if not text.startswith("---\n"):
        return False
    front, _, _ = text[4:].partition("\n---\n")
    try:
        meta = yaml.safe_load(front)
    except yaml.YAMLError:
        return False
    return isinstance(meta, dict) and CARD_TAG in (meta.get("tags") or [])


def replace_data_dir(out: Path, staged: Path) -> None:
    """Put the freshly written ``staged`` folder in place of ``out/data`` (old one deleted)."""
    data = out / DATA_DIR
    old = out / f".{DATA_DIR}.old"
    shutil.rmtree(old, ignore_errors=True)
    if data.exists():
        os.rename(data, old)
    os.rename(staged, data)
    shutil.rmtree(old, ignore_errors=True)


def remove_exports(out: Path, fmt: str) -> None:
    """Delete the ``*.{fmt}`` files an earlier export wrote into ``out``."""
    if out.is_dir():
        for path in out.glob(f"*.{fmt}"):
            path.unlink()
