"""The per-annotator table of a gold directory: submitted annotations and the predictions.

Reads ``annotations.jsonl`` and ``predictions.jsonl`` of a gold directory (layout in
:mod:`goldsmith.labels.gold`). The rules:

- a document's task is its meta ``task_id`` (its ``doc_id`` when there is none);
- a directory without ``annotations.jsonl`` gives an empty table (``missing`` says
  so); a file that cannot be read or parsed is an error naming the file and line;
- only annotations with status ``submitted`` count (a missing status counts as
  submitted); skipped and draft ones are only counted;
- when one annotator submitted several annotations of one task, the latest wins
  (largest ``updated_at``, then the later line of the file);
- a task's prediction is the last prediction line of that task, or the last one with
  the given ``model_version``.

Example:
    >>> table = read_annotation_table("gold/")  # doctest: +SKIP
    >>> table.annotators  # doctest: +SKIP
    ('ann-1', 'ann-2')
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from goldsmith.errors import InputError, SchemaError
from goldsmith.labels.gold import ANNOTATIONS_JSONL, PREDICTIONS_JSONL
from goldsmith.labels.jsonl import doc_from_dict
from goldsmith.labels.records import AnnotatedDoc

SUBMITTED = "submitted"


@dataclass(frozen=True)
class Annotation:
    """One annotator's submitted annotation of one task."""

    task: str
    annotator: str
    doc: AnnotatedDoc


@dataclass(frozen=True)
class AnnotationTable:
    """Submitted annotations (latest per task and annotator) and one prediction per task."""

    annotations: tuple[Annotation, ...]
    predictions: dict[str, AnnotatedDoc]
    skipped: int = 0
    drafts: int = 0
    superseded: int = 0
    has_predictions: bool = False
    #: The file that was not there (``annotations.jsonl``), when the table is empty for that.
    missing: str | None = None

    @property
    def annotators(self) -> tuple[str, ...]:
        """Every annotator with at least one submitted annotation, sorted."""
        return tuple(sorted({a.annotator for a in self.annotations}))

    @property
    def tasks(self) -> tuple[str, ...]:
        """Every task with at least one submitted annotation, sorted."""
        return tuple(sorted({a.task for a in self.annotations}))

    def by_task(self) -> dict[str, dict[str, AnnotatedDoc]]:
        """``{task: {annotator: doc}}`` for every annotated task."""
        out: dict[str, dict[str, AnnotatedDoc]] = {}
        for item in self.annotations:
            out.setdefault(item.task, {})[item.annotator] = item.doc
        return out


def read_annotation_table(
    gold_dir: str | Path, model_version: str | None = None
) -> AnnotationTable:
    """Read the annotation table of a gold directory (see the module rules)."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir}: not a directory; pass the gold directory of a pull")
    ann_path = gold_dir / ANNOTATIONS_JSONL
    if not ann_path.exists():
        return AnnotationTable(annotations=(), predictions={}, missing=ANNOTATIONS_JSONL)
    latest: dict[tuple[str, str], tuple[str, int, AnnotatedDoc]] = {}
    skipped = drafts = superseded = 0
    for index, (where, doc) in enumerate(_read_records(ann_path)):
        status = doc.meta.get("status") or SUBMITTED
        if status == "skipped":
            skipped += 1
            continue
        if status != SUBMITTED:
            drafts += 1
            continue
        annotator = doc.meta.get("annotator")
        if annotator is None or annotator == "":
            raise SchemaError(f"{where}: missing meta field 'annotator' (a pseudonym)")
        key = (_task(doc), str(annotator))
        rank = (str(doc.meta.get("updated_at") or ""), index, doc)
        if key in latest:
            superseded += 1
            if rank[:2] < latest[key][:2]:
                continue
        latest[key] = rank
    annotations = tuple(
        Annotation(task=task, annotator=annotator, doc=doc)
        for (task, annotator), (_, _, doc) in sorted(latest.items(), key=lambda kv: kv[0])
    )
    pred_path = gold_dir / PREDICTIONS_JSONL
    predictions: dict[str, AnnotatedDoc] = {}
    if pred_path.exists():
        for _, doc in _read_records(pred_path):
            if model_version is None or doc.meta.get("model_version") == model_version:
                predictions[_task(doc)] = doc
    return AnnotationTable(
        annotations=annotations,
        predictions=predictions,
        skipped=skipped,
        drafts=drafts,
        superseded=superseded,
        has_predictions=pred_path.exists(),
    )


def _task(doc: AnnotatedDoc) -> str:
    task = doc.meta.get("task_id")
    return doc.doc_id if task is None else str(task)


def _read_records(path: Path) -> Iterator[tuple[str, AnnotatedDoc]]:
    """Yield ``(file:line, doc)`` for every non-blank line of a spec JSONL file."""
    try:
        lines = path.read_text(encoding="utf-8-sig").split("\n")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 ({exc.reason}); re-save the file as UTF-8") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{line_no}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SchemaError(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from exc
        yield where, doc_from_dict(record, where=where)
