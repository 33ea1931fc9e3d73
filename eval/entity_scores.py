"""The entity layer's records: counts of the four SemEval schemes and the scores built on them.

Following SemEval / nervaluate:

- ``overall`` (micro) counts match all entities of a document together, so a prediction
  with the right boundaries and the wrong label is ``incorrect`` under ``strict``;
- ``per_label[L]`` counts match only the entities labelled ``L`` on both sides (the same
  prediction is then spurious for its label and the gold entity missed for its own);
- ``macro_f1`` is the mean of the per-label F1s over labels seen in gold or predictions.

The counts of one document come from :func:`goldsmith.eval.entity_counter.entity_doc_counts`;
documents add up with ``+`` (or, faster,
:func:`goldsmith.eval.entity_counter.sum_entity_counts`).

Example:
    >>> c = EntityCounts(strict=SchemeCounts(SpanCounts(correct=1), {"GPE": SpanCounts(correct=1)}))
    >>> c.strict.macro_f1, entity_scores(c).strict.micro.f1
    (1.0, 1.0)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from goldsmith.eval.matching import SCHEMES, Scheme
from goldsmith.eval.metrics import (
    Interval,
    SpanCounts,
    SpanScore,
    add_fields,
    macro_average,
)
from goldsmith.labels.schema import ENTITY_LABELS


@dataclass(frozen=True)
class SchemeCounts:
    """Counts of one scheme: all labels together, and each label on its own."""

    overall: SpanCounts = SpanCounts()
    per_label: dict[str, SpanCounts] = field(default_factory=dict)

    __add__ = add_fields

    @property
    def macro_f1(self) -> float | None:
        """Mean per-label F1 over the labels with data; ``None`` when there are none."""
        return macro_average([c.f1 for c in self.per_label.values()])


@dataclass(frozen=True)
class EntityCounts:
    """Counts of the four schemes for one document or, summed, for a corpus."""

    strict: SchemeCounts = SchemeCounts()
    exact: SchemeCounts = SchemeCounts()
    partial: SchemeCounts = SchemeCounts()
    type: SchemeCounts = SchemeCounts()

    __add__ = add_fields

    def scheme(self, scheme: Scheme | str) -> SchemeCounts:
        return getattr(self, Scheme(scheme).value)

    def figures(self) -> dict[str, SpanCounts]:
        """The headline figures: micro F1 of each scheme and strict F1 of each label."""
        out = {f"entities.{s.value}.f1": self.scheme(s).overall for s in SCHEMES}
        for label, counts in self.strict.per_label.items():
            out[f"entities.strict.f1.{label}"] = counts
        return out


def label_order(label: str) -> tuple[int, str]:
    """Sort key of entity labels: the spec's order, then any other label alphabetically."""
    return (ENTITY_LABELS.index(label) if label in ENTITY_LABELS else len(ENTITY_LABELS), label)


@dataclass(frozen=True)
class SchemeScores:
    """One scheme's scores: micro (all labels), macro F1 and per label."""

    micro: SpanScore
    macro_f1: float | None
    per_label: dict[str, SpanScore]
    macro_f1_ci: Interval | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "micro": self.micro.to_dict(),
            "macro_f1": self.macro_f1,
            "macro_f1_ci": self.macro_f1_ci.to_list() if self.macro_f1_ci else None,
            "per_label": {k: v.to_dict() for k, v in self.per_label.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SchemeScores:
        ci = data.get("macro_f1_ci")
        return cls(
            SpanScore.from_dict(data["micro"]),
            data.get("macro_f1"),
            {k: SpanScore.from_dict(v) for k, v in data.get("per_label", {}).items()},
            Interval(*ci) if ci else None,
        )


@dataclass(frozen=True)
class EntityScores:
    """The entity layer of a system's report: one :class:`SchemeScores` per scheme."""

    strict: SchemeScores
    exact: SchemeScores
    partial: SchemeScores
    type: SchemeScores

    def scheme(self, scheme: Scheme | str) -> SchemeScores:
        return getattr(self, Scheme(scheme).value)

    def to_dict(self) -> dict[str, Any]:
        return {s.value: self.scheme(s).to_dict() for s in SCHEMES}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EntityScores:
        return cls(**{s.value: SchemeScores.from_dict(data[s.value]) for s in SCHEMES})


def entity_scores(
    total: EntityCounts, intervals: Mapping[str, Interval | None] | None = None
) -> EntityScores:
    """Attach confidence intervals (by figure name, see :meth:`EntityCounts.figures`).

    The strict macro F1's interval is ``entities.strict.macro_f1`` (the scorer derives it
    from the per-label replicates).
    """
    cis = intervals or {}
    built = {}
    for s in SCHEMES:
        counts = total.scheme(s)
        per_label = {
            label: SpanScore(
                c, cis.get(f"entities.{s.value}.f1.{label}") if s is Scheme.STRICT else None
            )
            for label, c in sorted(counts.per_label.items(), key=lambda kv: label_order(kv[0]))
        }
        built[s.value] = SchemeScores(
            SpanScore(counts.overall, cis.get(f"entities.{s.value}.f1")),
            counts.macro_f1,
            per_label,
            cis.get(f"entities.{s.value}.macro_f1"),
        )
    return EntityScores(**built)
