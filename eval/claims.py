"""Claim layer scores: span matching, value, unit, qualifier, end to end.

For each document, gold and predicted claims are paired with
:func:`~goldsmith.eval.matching.match_spans` (overlap = shared code points over the
LONGER span, one to one, greatest overlap first):

- ``span["exact"]`` and ``span["overlap_50"]``: span counts with identical boundaries
  and with >= 50 % overlap;
- on the pairs matched at 50 %: ``value_exact`` (equal numbers), ``value_tolerance``
  (relative difference ``|a - b| <= tolerance * max(|a|, |b|)``, the scorer's
  ``value_tolerance``, 0 by default), ``value_1pct`` (the same at 1 %), ``unit``
  (equal after stripping and case folding), ``qualifier`` (equal), and ``value_high``
  (judged on the pairs whose gold qualifier is ``range``: the predicted ``value_high``
  is within ``value_tolerance``);
- ``end_to_end``: a 50 % pair is correct when value (within ``value_tolerance``), unit
  and qualifier (and ``value_high`` for a gold range) are all right, else ``incorrect``.

Example:
    >>> from goldsmith.labels import Claim
    >>> g = [Claim(0, 14, "3,000 soldiers", 3000, "soldier", "exact")]
    >>> p = [Claim(0, 5, "3,000", 3010, "Soldier", "exact")]
    >>> c = claim_doc_counts(g, p)
    >>> c.span["overlap_50"].correct, c.value_exact.accuracy, c.value_1pct.accuracy
    (0, None, None)
    >>> c = claim_doc_counts(g, [Claim(0, 8, "3,000 so", 3010, "Soldier", "exact")])
    >>> c.value_exact.accuracy, c.value_1pct.accuracy, c.unit.accuracy
    (0.0, 1.0, 1.0)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from goldsmith.eval.matching import match_spans
from goldsmith.eval.metrics import (
    AccuracyCounts,
    AccuracyScore,
    Interval,
    SpanCounts,
    SpanScore,
    add_fields,
)
from goldsmith.labels.records import Claim

#: Span matching levels: name -> minimum overlap (over the longer span).
CLAIM_LEVELS: dict[str, float] = {"exact": 1.0, "overlap_50": 0.5}
#: The level whose pairs are checked for value, unit and qualifier.
ATTRIBUTE_LEVEL = "overlap_50"
#: The fixed relative tolerance reported next to the user's.
ONE_PERCENT = 0.01

_ACCURACIES = (
    "value_exact",
    "value_tolerance",
    "value_1pct",
    "unit",
    "qualifier",
    "value_high",
)


def values_close(a: float | None, b: float | None, tolerance: float) -> bool:
    """Whether two numbers differ by at most ``tolerance`` relative to the larger magnitude.

    Example: ``values_close(3000, 3010, 0.01)`` is True, ``values_close(3000, 3010, 0.0)``
    is False; ``None`` is close only to ``None``.
    """
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


@dataclass(frozen=True)
class ClaimCounts:
    """Claim counts of one document or, summed, of a corpus."""

    span: dict[str, SpanCounts] = field(default_factory=dict)
    value_exact: AccuracyCounts = AccuracyCounts()
    value_tolerance: AccuracyCounts = AccuracyCounts()
    value_1pct: AccuracyCounts = AccuracyCounts()
    unit: AccuracyCounts = AccuracyCounts()
    qualifier: AccuracyCounts = AccuracyCounts()
    value_high: AccuracyCounts = AccuracyCounts()
    end_to_end: SpanCounts = SpanCounts()

    __add__ = add_fields

    def figures(self) -> dict[str, SpanCounts | AccuracyCounts]:
        """Headline figures: span F1s, the attribute accuracies, end-to-end F1."""
        out: dict[str, SpanCounts | AccuracyCounts] = {
            f"claims.span.{level}.f1": self.span.get(level, SpanCounts()) for level in CLAIM_LEVELS
        }
        for name in _ACCURACIES:
            out[f"claims.{name}_accuracy"] = getattr(self, name)
        out["claims.end_to_end.f1"] = self.end_to_end
        return out


def claim_doc_counts(
    gold: Sequence[Claim], pred: Sequence[Claim], value_tolerance: float = 0.0
) -> ClaimCounts:
    """Claim counts of one document (rules in the module docstring).

    Both sides are first put in a canonical order (position, then attributes), so that
    claims with identical spans are paired the same way whatever the input order.
    """
    gold, pred = sorted(gold, key=_canonical), sorted(pred, key=_canonical)
    span = {level: match_spans(gold, pred, t).counts() for level, t in CLAIM_LEVELS.items()}
    matching = match_spans(gold, pred, CLAIM_LEVELS[ATTRIBUTE_LEVEL])
    ok = dict.fromkeys(_ACCURACIES, 0)
    ranges = right = 0
    for m in matching.matches:
        g, p = gold[m.gold], pred[m.pred]
        value = values_close(g.value, p.value, value_tolerance)
        unit = g.unit.strip().casefold() == p.unit.strip().casefold()
        qualifier = g.qualifier == p.qualifier
        high = True
        if g.qualifier == "range":
            ranges += 1
            high = values_close(g.value_high, p.value_high, value_tolerance)
            ok["value_high"] += high
        ok["value_exact"] += g.value == p.value
        ok["value_tolerance"] += value
        ok["value_1pct"] += values_close(g.value, p.value, ONE_PERCENT)
        ok["unit"] += unit
        ok["qualifier"] += qualifier
        right += value and unit and qualifier and high
    n = len(matching.matches)
    totals = dict.fromkeys(_ACCURACIES, n) | {"value_high": ranges}
    return ClaimCounts(
        span=span,
        **{name: AccuracyCounts(ok[name], totals[name]) for name in _ACCURACIES},
        end_to_end=SpanCounts(
            correct=right,
            incorrect=n - right,
            missed=len(matching.missed),
            spurious=len(matching.spurious),
        ),
    )


def _canonical(c: Claim) -> tuple:
    high = float("-inf") if c.value_high is None else c.value_high
    return (c.start, c.end, c.value, high, c.unit, c.qualifier)


@dataclass(frozen=True)
class ClaimScores:
    """The claim layer of a system's report."""

    value_tolerance: float
    span: dict[str, SpanScore]
    accuracy: dict[str, AccuracyScore]
    end_to_end: SpanScore

    def to_dict(self) -> dict[str, Any]:
        return {
            "value_tolerance": self.value_tolerance,
            "span": {k: v.to_dict() for k, v in self.span.items()},
            "accuracy": {k: v.to_dict() for k, v in self.accuracy.items()},
            "end_to_end": self.end_to_end.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClaimScores:
        return cls(
            value_tolerance=float(data["value_tolerance"]),
            span={k: SpanScore.from_dict(v) for k, v in data["span"].items()},
            accuracy={k: AccuracyScore.from_dict(v) for k, v in data["accuracy"].items()},
            end_to_end=SpanScore.from_dict(data["end_to_end"]),
        )


def claim_scores(
    total: ClaimCounts,
    value_tolerance: float,
    intervals: Mapping[str, Interval | None] | None = None,
) -> ClaimScores:
    """Attach confidence intervals (by figure name, see :meth:`ClaimCounts.figures`)."""
    cis = intervals or {}
    return ClaimScores(
        value_tolerance=value_tolerance,
        span={
            level: SpanScore(
                total.span.get(level, SpanCounts()), cis.get(f"claims.span.{level}.f1")
            )
            for level in CLAIM_LEVELS
        },
        accuracy={
            name: AccuracyScore(getattr(total, name), cis.get(f"claims.{name}_accuracy"))
            for name in _ACCURACIES
        },
        end_to_end=SpanScore(total.end_to_end, cis.get("claims.end_to_end.f1")),
    )
