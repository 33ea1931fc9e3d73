"""Agreement between annotators, and how much they edited the pre-annotations.

Three measures over the annotation table of a gold directory
(:func:`goldsmith.eval.annotations.read_annotation_table`; submitted annotations only):

- **pairwise span F1** (:mod:`goldsmith.eval.pair_agreement`): for every pair of
  annotators, over the tasks both annotated, per layer, per label and per match
  criterion, regions matched one to one with the scorer's matchers;
- **Krippendorff's alpha** (nominal) on token labels per layer
  (:mod:`goldsmith.eval.alpha`) over the tasks with at least two annotators;
- **edit rate** of the pre-annotations (:mod:`goldsmith.eval.edit_rate`), summed over
  the submitted annotations of tasks that carried a prediction.

Example:
    >>> report = agreement_report("gold/")  # doctest: +SKIP
    >>> report.alpha["entities"].alpha  # doctest: +SKIP
    0.87
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from goldsmith.errors import InputError
from goldsmith.eval.alpha import AlphaScore, token_alpha
from goldsmith.eval.annotations import AnnotationTable, read_annotation_table
from goldsmith.eval.edit_rate import EditCounts, summed_edit_counts
from goldsmith.eval.metrics import SpanCounts
from goldsmith.eval.pair_agreement import ALL_LABELS, PairScore, pair_scores, row_order
from goldsmith.labels.gold.layout import GOLD_JSONL
from goldsmith.labels.jsonl import read_jsonl
from goldsmith.labels.records import AnnotatedDoc
from goldsmith.labels.schema import LAYERS
from goldsmith.wording import plural


@dataclass(frozen=True)
class AgreementReport:
    """Everything ``goldsmith eval agree`` reports about one gold directory."""

    annotators: tuple[str, ...]
    tasks: int
    shared_tasks: int
    annotations: int
    skipped: int
    drafts: int
    pairs: tuple[PairScore, ...]
    alpha: dict[str, AlphaScore]
    edits: dict[str, EditCounts] | None
    notes: tuple[str, ...] = field(default=())
    #: Gold documents by how they were made (``single``, ``consensus``, ``adjudicated``).
    provenance: dict[str, int] = field(default_factory=dict)

    def summed(
        self, layer: str, label: str = ALL_LABELS, criterion: str = "exact"
    ) -> PairScore | None:
        """The pair scores of one layer, label and criterion summed over all pairs."""
        rows = [
            p for p in self.pairs if (p.layer, p.label, p.criterion) == (layer, label, criterion)
        ]
        if not rows:
            return None
        return PairScore(
            annotator_a="*",
            annotator_b="*",
            layer=layer,
            label=label,
            criterion=criterion,
            tasks=sum(p.tasks for p in rows),
            counts=sum((p.counts for p in rows), SpanCounts()),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "annotators": list(self.annotators),
            "tasks": self.tasks,
            "shared_tasks": self.shared_tasks,
            "annotations": self.annotations,
            "skipped": self.skipped,
            "drafts": self.drafts,
            "pairs": [p.to_dict() for p in self.pairs],
            "summed": [
                s.to_dict()
                for s in (self.summed(*key) for key in self.pair_keys())
                if s is not None
            ],
            "alpha": {layer: a.to_dict() for layer, a in self.alpha.items()},
            "edits": (
                None if self.edits is None else {k: v.to_dict() for k, v in self.edits.items()}
            ),
            "notes": list(self.notes),
            "provenance": dict(self.provenance),
        }

    def pair_keys(self) -> list[tuple[str, str, str]]:
        """The (layer, label, criterion) rows of the pair scores: layers in spec order,
        criteria from strict to loose, ``ALL`` first."""
        keys = {(p.layer, p.label, p.criterion) for p in self.pairs}
        return sorted(keys, key=lambda k: row_order(*k))


def agreement_report(gold_dir: str | Path, model_version: str | None = None) -> AgreementReport:
    """Pairwise span F1, token alpha and edit rate of the annotations in ``gold_dir``,
    and how its gold documents were made (their meta ``provenance``)."""
    report = agreement_from_table(read_annotation_table(gold_dir, model_version=model_version))
    return replace(report, provenance=gold_provenance(gold_dir))


def gold_provenance(gold_dir: str | Path) -> dict[str, int]:
    """How many gold documents of ``gold_dir`` have each provenance (documents of pulls
    that did not record one are not counted; {} without gold.jsonl)."""
    path = Path(gold_dir) / GOLD_JSONL
    if not path.is_file():
        return {}
    found = Counter(str(d.meta["provenance"]) for d in read_jsonl(path) if d.meta.get("provenance"))
    return dict(sorted(found.items()))


def agreement_from_table(table: AnnotationTable) -> AgreementReport:
    """The agreement report of an already read annotation table."""
    by_task = table.by_task()
    _check_same_text(by_task)
    shared = {task: docs for task, docs in by_task.items() if len(docs) >= 2}
    notes: list[str] = []
    if table.missing is not None:
        notes.append(
            f"no {table.missing} in the gold directory: nothing to compare; make one with "
            "'goldsmith annotate pull'"
        )
    elif not table.annotations:
        notes.append("no submitted annotations")
    elif not shared:
        notes.append("no task has two or more submitted annotations: nothing to compare")
    edits: dict[str, EditCounts] | None = None
    if table.has_predictions:
        with_prediction = [a for a in table.annotations if a.task in table.predictions]
        pairs = [
            (table.predictions[a.task], a.doc)
            for a in with_prediction
            if table.predictions[a.task].text == a.doc.text
        ]
        edits = summed_edit_counts(pairs)
        missing = len(table.annotations) - len(with_prediction)
        if missing:
            notes.append(
                f"{plural(missing, 'annotation')} of tasks without a prediction: no edit rate"
            )
        if len(with_prediction) > len(pairs):
            n = len(with_prediction) - len(pairs)
            notes.append(
                f"{plural(n, 'annotation')} whose text differs from their task's prediction: "
                "left out of the edit rate"
            )
    elif table.missing is None:
        notes.append("no predictions.jsonl: no edit rate")
    return AgreementReport(
        annotators=table.annotators,
        tasks=len(by_task),
        shared_tasks=len(shared),
        annotations=len(table.annotations),
        skipped=table.skipped,
        drafts=table.drafts,
        pairs=pair_scores(by_task),
        alpha={layer: token_alpha(shared, layer) for layer in LAYERS},
        edits=edits,
        notes=tuple(notes),
    )


def _check_same_text(by_task: Mapping[str, Mapping[str, AnnotatedDoc]]) -> None:
    for task, docs in by_task.items():
        texts = {doc.text for doc in docs.values()}
        if len(texts) > 1:
            raise InputError(
                f"task {task}: annotators' documents have different texts; "
                "re-run 'goldsmith annotate pull' to rebuild the gold directory"
            )
