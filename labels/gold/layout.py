"""The names of a gold directory's parts, and of its siblings during a swap.

Siblings of ``gold/`` (same parent folder, so a rename never crosses a file system):

- ``gold.prev/``: the gold directory this pull replaced (one generation is kept);
- ``.gold.pull-<pull id>/``: a pull being written;
- ``.gold.ready-<pull id>/``: a complete pull about to be put in place, or after an
  exchange the old gold on its way to ``gold.prev/``;
- ``.gold.old-<pull id>/``: the old gold during a two-rename swap (only on a system
  without an atomic directory exchange);
- ``.gold.trash-<pull id>/``: an older ``gold.prev/`` being deleted.

Hidden siblings are left only by a killed process; the next pull (or reader) settles them
(:mod:`goldsmith.labels.gold.swap`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datasets

GOLD_JSONL = "gold.jsonl"
DATASET_DIR = "dataset"
ANNOTATIONS_JSONL = "annotations.jsonl"
PREDICTIONS_JSONL = "predictions.jsonl"
REPORT_JSON = "report.json"
MANIFEST_JSON = "manifest.json"
AGREEMENT_JSON = "agreement.json"

#: The split of the saved ``DatasetDict``.
GOLD_SPLIT = "gold"

#: The parts a pull writes, all listed with their hashes in ``manifest.json``.
PARTS = (GOLD_JSONL, DATASET_DIR, ANNOTATIONS_JSONL, PREDICTIONS_JSONL, REPORT_JSON)


def gold_extra_features() -> dict[str, datasets.Value]:
    """The columns a gold split carries beyond the spec's."""
    import datasets  # here, so reading a gold directory does not load it

    return {
        "task_id": datasets.Value("int64"),
        "annotation_id": datasets.Value("int64"),
        "annotator": datasets.Value("string"),
        "provenance": datasets.Value("string"),
        "source": datasets.Value("string"),
        "title": datasets.Value("string"),
    }


def prev_dir(out: Path) -> Path:
    """``gold.prev/`` beside ``gold/``: the gold a pull replaced."""
    out = Path(os.path.abspath(out)) if not out.name else out
    return out.with_name(out.name + ".prev")


def sibling(out: Path, kind: str, pull_id: str) -> Path:
    """A hidden sibling of ``out`` of one ``kind`` (``pull``, ``old``, ``trash``)."""
    return out.with_name(f".{out.name}.{kind}-{pull_id}")


def siblings(out: Path, kind: str) -> list[tuple[str, Path]]:
    """``(pull id, path)`` of every hidden sibling of ``out`` of one kind, oldest first."""
    prefix = f".{out.name}.{kind}-"
    try:
        found = [(p.name[len(prefix) :], p) for p in out.parent.iterdir()]
    except OSError:
        return []
    return sorted((pull_id, p) for pull_id, p in found if p.name.startswith(prefix))
