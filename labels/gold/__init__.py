"""The gold directory: written by ``annotate pull``, read by ``eval`` and ``publish``.

This package is its one owner: layout, writer, reader, manifest and agreement file.

Layout of a gold directory (every file an open format):

- ``gold.jsonl``: one line per gold document, spec format; meta fields ``task_id``,
  ``annotation_id``, ``annotator`` (a pseudonym; none for a consensus),
  ``provenance`` (``single``, ``consensus`` or ``adjudicated``), ``region_annotators``
  (per layer, how many annotators marked each region) and ``source``/``title`` when known.
- ``dataset/``: the same gold as a ``datasets.DatasetDict`` (split ``gold``) saved
  with ``save_to_disk``; extra columns ``task_id``, ``annotation_id`` (int64),
  ``annotator``, ``provenance``, ``source``, ``title`` (string); each region's
  ``annotators`` (int32) is part of the layer features.
- ``annotations.jsonl``: every annotation of every annotator, one line each, spec
  format, meta fields ``task_id``, ``annotation_id``, ``annotator``, ``status``
  (``submitted`` | ``skipped`` | ``draft``), ``ground_truth``, ``created_at``,
  ``updated_at``, ``lead_time``.
- ``predictions.jsonl``: the pre-annotations the tasks carried, one line per
  (task, prediction), spec format, meta fields ``task_id``, ``model_version``.
- ``report.json``: the pull summary (tasks, annotations, annotators, conflicts ...).
- ``manifest.json``: server, project, pull id and time, SHA-256 of every file above
  (:mod:`~goldsmith.labels.gold.manifest`); readers refuse a folder that does not match.
- ``agreement.json`` (after ``eval agree``): the agreement report, tied to the pull it
  measured (:mod:`~goldsmith.labels.gold.agreement`).

A pull is written beside the folder and swapped in whole; the gold it replaced is kept
as ``<folder>.prev/`` (:mod:`~goldsmith.labels.gold.swap`, :mod:`~goldsmith.labels.gold.write`).

Example:
    >>> docs = read_gold("corpus/sample/gold.jsonl")  # doctest: +SKIP
"""

from goldsmith.labels.gold.agreement import (
    agreement_path,
    agreement_record,
    matching_agreement,
    save_agreement,
)
from goldsmith.labels.gold.layout import (
    AGREEMENT_JSON,
    ANNOTATIONS_JSONL,
    DATASET_DIR,
    GOLD_JSONL,
    GOLD_SPLIT,
    MANIFEST_JSON,
    PREDICTIONS_JSONL,
    REPORT_JSON,
    gold_extra_features,
    prev_dir,
)
from goldsmith.labels.gold.manifest import Manifest, Origin, new_pull_id, public_url, read_manifest
from goldsmith.labels.gold.read import open_gold_dir, read_gold
from goldsmith.labels.gold.write import GoldContent, Written, check_replace, write_gold_dir

__all__ = [
    "AGREEMENT_JSON",
    "ANNOTATIONS_JSONL",
    "DATASET_DIR",
    "GOLD_JSONL",
    "GOLD_SPLIT",
    "MANIFEST_JSON",
    "PREDICTIONS_JSONL",
    "REPORT_JSON",
    "GoldContent",
    "Manifest",
    "Origin",
    "Written",
    "agreement_path",
    "agreement_record",
    "check_replace",
    "gold_extra_features",
    "matching_agreement",
    "new_pull_id",
    "open_gold_dir",
    "prev_dir",
    "public_url",
    "read_gold",
    "read_manifest",
    "save_agreement",
    "write_gold_dir",
]
