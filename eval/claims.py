"""Claim layer scores: span matching, value, unit, qualifier, end to end.

For each document, gold and predicted claims are put in a canonical order (position,
then attributes, so claims with identical spans pair the same way whatever the input
order) and paired with :func:`~goldsmith.eval.matching.match_spans` (overlap = shared
code points over the LONGER span, one to one, greatest overlap first):

- ``span["exact"]`` and ``span["overlap_50"]``: span counts with identical boundaries
  and with >= 50 % overlap;
- the pairs matched at 50 % are judged once (:func:`claim_pairs`, a
  :class:`ClaimVerdict` each), and the accuracies count those verdicts (the error
  listing reads the same pairs): ``value_exact`` (equal numbers), ``value_tolerance``
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

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from goldsmith.eval.matching import Outcome, Pair, count_pairs, match_spans
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


@dataclass(frozen=True)
class ClaimVerdict:
    """The attribute checks of a matched claim pair (rules in the module docstring)."""

    value_exact: bool  #: equal values
    value: bool  #: values within the scorer's ``value_tolerance``
    value_1pct: bool  #: values within 1 %
    unit: bool  #: equal units after stripping and case folding
    qualifier: bool  #: equal qualifiers
    #: ``value_high`` within ``value_tolerance``; ``None`` when the gold claim is no range.
    value_high: bool | None = None

    @property
    def right(self) -> bool:
        """Value, unit, qualifier (and ``value_high`` of a gold range) all right."""
        return self.value and self.unit and self.qualifier and self.value_high is not False


def claim_pairs(
    gold: Sequence[Claim], pred: Sequence[Claim], value_tolerance: float = 0.0
) -> tuple[Pair[Claim], ...]:
    """Every claim of one document judged once, at the attribute level (50 % overlap).

    A matched pair carries its :class:`ClaimVerdict` and is ``correct`` when the verdict
    is :attr:`~ClaimVerdict.right`, else ``incorrect``; the rest are ``missed`` or
    ``spurious``. Claims are paired in canonical order (module docstring).

    Example:
        >>> g = Claim(0, 5, "3,000", 3000, "soldier", "exact")
        >>> [p.outcome.value for p in claim_pairs([g], [g, Claim(0, 3, "3,0", 3, "", "exact")])]
        ['correct', 'spurious']
    """
    gold, pred = sorted(gold, key=_canonical), sorted(pred, key=_canonical)
    pairs = match_spans(gold, pred, CLAIM_LEVELS[ATTRIBUTE_LEVEL]).pairs(gold, pred)
    return tuple(_judge(pair, value_tolerance) for pair in pairs)


def _judge(pair: Pair[Claim], tolerance: float) -> Pair[Claim]:
    g, p = pair.gold, pair.pred
    if g is None or p is None:
        return pair
    verdict = ClaimVerdict(
        value_exact=g.value == p.value,
        value=values_close(g.value, p.value, tolerance),
        value_1pct=values_close(g.value, p.value, ONE_PERCENT),
        unit=g.unit.strip().casefold() == p.unit.strip().casefold(),
        qualifier=g.qualifier == p.qualifier,
        value_high=(
            values_close(g.value_high, p.value_high, tolerance) if g.qualifier == "range" else None
        ),
    )
    outcome = Outcome.CORRECT if verdict.right else Outcome.INCORRECT
    return Pair(g, p, outcome, pair.overlap, verdict)


def claim_doc_counts(
    gold: Sequence[Claim],
    pred: Sequence[Claim],
    value_tolerance: float = 0.0,
    pairs: Sequence[Pair[Claim]] | None = None,
) -> ClaimCounts:
    """Claim counts of one document (rules in the module docstring).

    ``pairs`` are :func:`claim_pairs` of the same claims (same tolerance) when already judged.
    """
    if pairs is None:
        pairs = claim_pairs(gold, pred, value_tolerance)
    end_to_end = count_pairs(pairs)
    verdicts = [p.verdict for p in pairs if p.verdict is not None]
    n = len(verdicts)
    gold, pred = sorted(gold, key=_canonical), sorted(pred, key=_canonical)
    span = {}
    for level, threshold in CLAIM_LEVELS.items():
        if level == ATTRIBUTE_LEVEL:  # the judged pairs, every match counted correct
            span[level] = SpanCounts(n, 0, 0, end_to_end.missed, end_to_end.spurious)
        else:
            span[level] = match_spans(gold, pred, threshold).counts()
    ranges = [v.value_high for v in verdicts if v.value_high is not None]

    def right(check: Callable[[ClaimVerdict], bool]) -> AccuracyCounts:
        return AccuracyCounts(sum(check(v) for v in verdicts), n)

    return ClaimCounts(
        span=span,
        value_exact=right(lambda v: v.value_exact),
        value_tolerance=right(lambda v: v.value),
        value_1pct=right(lambda v: v.value_1pct),
        unit=right(lambda v: v.unit),
        qualifier=right(lambda v: v.qualifier),
        value_high=AccuracyCounts(sum(ranges), len(ranges)),
        end_to_end=end_to_end,
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
