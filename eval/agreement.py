"""Agreement between annotators, and how much they edited the pre-annotations.

Three measures over the annotation table of a gold directory
(:func:`goldsmith.eval.annotations.read_annotation_table`; submitted annotations only):

- **pairwise span F1**: for every pair of annotators, over the tasks both annotated,
  per layer, per label and per match criterion; regions are matched one to one with the
  scorer's matchers: ``exact`` offsets for every layer (and the same label for
  entities), and also ``overlap_30`` for quotes and ``overlap_50`` for claims (see
  :func:`layer_agreement_counts`). F1 is symmetric: ``2m / (2m + only_a + only_b)``.
- **Krippendorff's alpha** (nominal) on token labels per layer
  (:mod:`goldsmith.eval.tokens`): units are the tokens of tasks with at least two
  annotators; an annotator who did not annotate a task is a missing value.
  Alpha is ``None`` when it is undefined (no units, or one label everywhere).
- **edit rate** of the pre-annotations (:mod:`goldsmith.eval.edit_rate`), summed over
  the submitted annotations of tasks that carried a prediction.

Example:
    >>> report = agreement_report("gold/")  # doctest: +SKIP
    >>> report.alpha["entities"].alpha  # doctest: +SKIP
    0.87
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations
from pathlib import Path
from typing import Any

import krippendorff
import numpy as np

from goldsmith.errors import InputError
from goldsmith.eval.annotations import AnnotationTable, read_annotation_table
from goldsmith.eval.edit_rate import EditCounts, summed_edit_counts
from goldsmith.eval.entities import match_entities
from goldsmith.eval.matching import Scheme, match_spans
from goldsmith.eval.metrics import SpanCounts
from goldsmith.eval.report import plural
from goldsmith.eval.tokens import OUTSIDE, layer_regions, token_labels
from goldsmith.labels.gold.layout import GOLD_JSONL
from goldsmith.labels.jsonl import read_jsonl
from goldsmith.labels.records import AnnotatedDoc, Span
from goldsmith.labels.schema import LAYERS

ALL_LABELS = "ALL"

#: Match criteria per layer: name -> minimum overlap over the longer span (1.0 = exact).
CRITERIA: dict[str, dict[str, float]] = {
    "entities": {"exact": 1.0},
    "quotes": {"exact": 1.0, "overlap_30": 0.3},
    "claims": {"exact": 1.0, "overlap_50": 0.5},
}


@dataclass(frozen=True)
class PairScore:
    """Span agreement of two annotators on one layer, label (or ``ALL``) and criterion.

    ``counts`` treats annotator ``a`` as the gold side; a region both marked with
    different labels is ``incorrect`` (it counts against both annotators).
    """

    annotator_a: str
    annotator_b: str
    layer: str
    label: str
    criterion: str
    tasks: int
    counts: SpanCounts

    @property
    def matched(self) -> int:
        """Regions both annotators marked the same way."""
        return self.counts.correct

    @property
    def only_a(self) -> int:
        """Regions of ``a`` that ``b`` did not mark the same way."""
        return self.counts.missed + self.counts.incorrect

    @property
    def only_b(self) -> int:
        """Regions of ``b`` that ``a`` did not mark the same way."""
        return self.counts.spurious + self.counts.incorrect

    @property
    def f1(self) -> float | None:
        """``2m / (2m + only_a + only_b)``; None when neither annotator marked anything."""
        return self.counts.f1

    def to_dict(self) -> dict[str, Any]:
        return {
            "annotator_a": self.annotator_a,
            "annotator_b": self.annotator_b,
            "layer": self.layer,
            "label": self.label,
            "criterion": self.criterion,
            "tasks": self.tasks,
            "matched": self.matched,
            "only_a": self.only_a,
            "only_b": self.only_b,
            "f1": self.f1,
        }


@dataclass(frozen=True)
class AlphaScore:
    """Krippendorff's alpha (nominal) on the token labels of one layer."""

    layer: str
    alpha: float | None
    units: int
    tasks: int
    annotators: int
    labels: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "layer": self.layer,
            "alpha": self.alpha,
            "units": self.units,
            "tasks": self.tasks,
            "annotators": self.annotators,
            "labels": list(self.labels),
        }


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
        return sorted(keys, key=lambda k: _row_order(*k))


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


def pair_scores(by_task: Mapping[str, Mapping[str, AnnotatedDoc]]) -> tuple[PairScore, ...]:
    """Span agreement of every pair of annotators, per layer and label (and ``ALL``).

    Annotator ``a`` (the first in sorted order) plays the gold side; F1 is symmetric.
    """
    annotators = sorted({name for docs in by_task.values() for name in docs})
    out: list[PairScore] = []
    for a, b in combinations(annotators, 2):
        both = [
            (docs[a], docs[b]) for _, docs in sorted(by_task.items()) if a in docs and b in docs
        ]
        if not both:
            continue
        for layer in LAYERS:
            total: dict[tuple[str, str], SpanCounts] = {}
            for doc_a, doc_b in both:
                counts = layer_agreement_counts(
                    layer, layer_regions(doc_a, layer), layer_regions(doc_b, layer)
                )
                for key, c in counts.items():
                    total[key] = total.get(key, SpanCounts()) + c
            for criterion, label in sorted(total, key=lambda k: _row_order(layer, k[1], k[0])):
                c = total[(criterion, label)]
                out.append(PairScore(a, b, layer, label, criterion, len(both), c))
    return tuple(out)


def layer_agreement_counts(
    layer: str, regions_a: Sequence[Span], regions_b: Sequence[Span]
) -> dict[tuple[str, str], SpanCounts]:
    """Span counts of one layer of one document by ``(criterion, label)``.

    Entities: ``exact`` offsets and label (the ``strict`` scheme of
    :func:`~goldsmith.eval.entities.match_entities`), for ``ALL`` and per entity label.
    Quotes and claims: every criterion of :data:`CRITERIA`
    (:func:`~goldsmith.eval.matching.match_spans` at that overlap), for ``ALL``; quotes
    also per ``kind`` (quotes of that kind on both sides matched on their own). Other
    attributes are ignored.
    """
    out: dict[tuple[str, str], SpanCounts] = {}
    if layer == "entities":
        out[("exact", ALL_LABELS)] = match_entities(regions_a, regions_b, Scheme.STRICT).counts()
        for label in sorted({r.label for r in (*regions_a, *regions_b)}):
            a = [r for r in regions_a if r.label == label]
            b = [r for r in regions_b if r.label == label]
            out[("exact", label)] = match_entities(a, b, Scheme.STRICT).counts()
        return out
    kinds = sorted({r.kind for r in (*regions_a, *regions_b)}) if layer == "quotes" else []
    for criterion, threshold in CRITERIA[layer].items():
        out[(criterion, ALL_LABELS)] = match_spans(regions_a, regions_b, threshold).counts()
        for kind in kinds:
            a = [r for r in regions_a if r.kind == kind]
            b = [r for r in regions_b if r.kind == kind]
            out[(criterion, kind)] = match_spans(a, b, threshold).counts()
    return out


def token_alpha(shared: Mapping[str, Mapping[str, AnnotatedDoc]], layer: str) -> AlphaScore:
    """Krippendorff's alpha (nominal) on the token labels of ``layer`` over ``shared`` tasks."""
    annotators = sorted({name for docs in shared.values() for name in docs})
    columns: list[list[str | None]] = []
    for _, docs in sorted(shared.items()):
        labels = {name: token_labels(doc, layer) for name, doc in docs.items()}
        n_tokens = len(next(iter(labels.values())))
        for t in range(n_tokens):
            columns.append([labels[name][t] if name in labels else None for name in annotators])
    values = sorted({v for col in columns for v in col if v is not None})
    alpha: float | None = None
    if columns and len(values) >= 2:
        code = {v: float(i) for i, v in enumerate(values)}
        matrix = np.array(
            [[math.nan if v is None else code[v] for v in col] for col in columns],
            dtype=float,
        ).T
        value = float(krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal"))
        alpha = None if math.isnan(value) else value
    elif columns:
        # one label everywhere (usually all "O"): perfect but undefined agreement
        alpha = None
    return AlphaScore(
        layer=layer,
        alpha=alpha,
        units=len(columns),
        tasks=len(shared),
        annotators=len(annotators),
        labels=tuple(v for v in values if v != OUTSIDE),
    )


def _row_order(layer: str, label: str, criterion: str) -> tuple:
    """Layers in spec order, criteria from strict to loose, ``ALL`` before the labels."""
    return (LAYERS.index(layer), -CRITERIA[layer].get(criterion, 0.0), label != ALL_LABELS, label)


def _check_same_text(by_task: Mapping[str, Mapping[str, AnnotatedDoc]]) -> None:
    for task, docs in by_task.items():
        texts = {doc.text for doc in docs.values()}
        if len(texts) > 1:
            raise InputError(
                f"task {task}: annotators' documents have different texts; "
                "re-run 'goldsmith annotate pull' to rebuild the gold directory"
            )
