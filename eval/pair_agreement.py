"""Pairwise span agreement: for every pair of annotators, span F1 per layer, label and criterion.

Regions are matched one to one with the scorer's matchers: ``exact`` offsets for every
layer (and the same label for entities), and also ``overlap_30`` for quotes and
``overlap_50`` for claims (see :func:`layer_agreement_counts`). F1 is symmetric:
``2m / (2m + only_a + only_b)``. Part of the report of ``goldsmith eval agree``
(:mod:`goldsmith.eval.agreement`).

Example:
    >>> from goldsmith.labels import AnnotatedDoc, Entity
    >>> a = AnnotatedDoc("d", "Ann Roe", entities=(Entity(0, 7, "Ann Roe", "PERSON"),))
    >>> b = AnnotatedDoc("d", "Ann Roe", entities=(Entity(4, 7, "Roe", "PERSON"),))
    >>> [p.f1 for p in pair_scores({"1": {"x": a, "y": b}}) if p.layer == "entities"]
    [0.0, 0.0]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from goldsmith.eval.entities import match_entities
from goldsmith.eval.matching import Scheme, match_spans
from goldsmith.eval.metrics import SpanCounts
from goldsmith.eval.tokens import layer_regions
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
            for criterion, label in sorted(total, key=lambda k: row_order(layer, k[1], k[0])):
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


def row_order(layer: str, label: str, criterion: str) -> tuple:
    """Layers in spec order, criteria from strict to loose, ``ALL`` before the labels."""
    return (LAYERS.index(layer), -CRITERIA[layer].get(criterion, 0.0), label != ALL_LABELS, label)
