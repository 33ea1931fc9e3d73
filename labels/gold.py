"""The gold directory written by ``annotate pull`` and read by ``eval`` and ``publish``.

Layout of a gold directory (every file an open format):

- ``gold.jsonl``: one line per gold document, spec format; meta fields ``task_id``,
  ``annotation_id``, ``annotator`` (a pseudonym) and ``source``/``title`` when known.
- ``dataset/``: the same gold as a ``datasets.DatasetDict`` (split ``gold``) saved
  with ``save_to_disk``, explicit features from :func:`gold_features`.
- ``annotations.jsonl``: every annotation of every annotator, one line each, spec
  format, meta fields ``task_id``, ``annotation_id``, ``annotator``, ``status``
  (``submitted`` | ``skipped`` | ``draft``), ``ground_truth``, ``created_at``,
  ``updated_at``, ``lead_time``.
- ``predictions.jsonl``: the pre-annotations the tasks carried, one line per
  (task, prediction), spec format, meta fields ``task_id``, ``model_version``.
- ``report.json``: the pull summary (tasks, annotations, annotators, conflicts ...).

Example:
    >>> docs = read_gold("corpus/sample/gold.jsonl")  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from goldsmith.errors import InputError
from goldsmith.labels.jsonl import read_jsonl
from goldsmith.labels.records import AnnotatedDoc

GOLD_JSONL = "gold.jsonl"
DATASET_DIR = "dataset"
ANNOTATIONS_JSONL = "annotations.jsonl"
PREDICTIONS_JSONL = "predictions.jsonl"
REPORT_JSON = "report.json"


def read_gold(path: str | Path) -> list[AnnotatedDoc]:
    """The gold documents of a gold directory or of a spec JSONL file."""
    path = Path(path)
    if path.is_dir():
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
