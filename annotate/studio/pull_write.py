"""Writing a pulled project as a gold directory (layout in :mod:`goldsmith.labels.gold`).

Rule: the files this module owns (``gold.jsonl``, ``dataset/``, ``annotations.jsonl``,
``predictions.jsonl``, ``report.json``) are replaced as a whole on every pull; anything
else in the directory is left alone. The dataset is a ``DatasetDict`` with one split,
``gold``, whose extra columns are ``task_id`` and ``annotation_id`` (int64),
``annotator``, ``source`` and ``title`` (string).

Example:
    >>> write_gold_dir("gold", gold, annotations, predictions, report)  # doctest: +SKIP
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import datasets

from goldsmith.labels.features import docs_to_dataset
from goldsmith.labels.gold import (
    ANNOTATIONS_JSONL,
    DATASET_DIR,
    GOLD_JSONL,
    PREDICTIONS_JSONL,
    REPORT_JSON,
)
from goldsmith.labels.jsonl import write_jsonl
from goldsmith.labels.records import AnnotatedDoc

GOLD_SPLIT = "gold"


def gold_extra_features() -> dict[str, datasets.Value]:
    """The columns a gold split carries beyond the spec's."""
    return {
        "task_id": datasets.Value("int64"),
        "annotation_id": datasets.Value("int64"),
        "annotator": datasets.Value("string"),
        "provenance": datasets.Value("string"),
        "source": datasets.Value("string"),
        "title": datasets.Value("string"),
    }


def write_gold_dir(
    out_dir: str | Path,
    gold: list[AnnotatedDoc],
    annotations: list[AnnotatedDoc],
    predictions: list[AnnotatedDoc],
    report: dict[str, Any],
) -> Path:
    """Write the five parts of a gold directory; returns its path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    write_jsonl(gold, out / GOLD_JSONL)
    write_jsonl(annotations, out / ANNOTATIONS_JSONL)
    write_jsonl(predictions, out / PREDICTIONS_JSONL)
    dataset = docs_to_dataset(gold, extra=gold_extra_features())
    target = out / DATASET_DIR
    if target.exists():
        shutil.rmtree(target)
    quiet = datasets.utils.are_progress_bars_disabled()
    datasets.disable_progress_bars()
    try:
        datasets.DatasetDict({GOLD_SPLIT: dataset}).save_to_disk(str(target))
    finally:
        if not quiet:
            datasets.enable_progress_bars()
    (out / REPORT_JSON).write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return out
