"""Summable counts with precision, recall, F1 and accuracy derived from them.

Scores are always computed from summed counts (micro averaging): add the counts of
every document with ``+``, then read the derived figures. A figure with no data is
``None`` ("absent"), never 0.

SemEval-2013 task 9.1 conventions (as nervaluate): ``possible`` = correct + incorrect +
partial + missed (the gold spans), ``actual`` = correct + incorrect + partial + spurious
(the predicted spans); a partial match earns half credit:
``precision = (correct + 0.5 * partial) / actual``, ``recall = (...) / possible``.
For schemes without partial matches (strict, exact, type) ``partial`` is 0 and these are
the usual formulas. Layers with attribute checks (quotes with speakers, claims with
values) count a matched span whose attribute is wrong as ``incorrect``: it is both a
wrong prediction and a missed gold span.

Example:
    >>> total = SpanCounts(correct=3, missed=1) + SpanCounts(spurious=1, partial=2)
    >>> round(total.precision, 4), round(total.recall, 4), round(total.f1, 4)
    (0.6667, 0.6667, 0.6667)
    >>> SpanCounts().f1 is None
    True
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, is_dataclass
from typing import Any


def ratio(numerator: float, denominator: float) -> float | None:
    """``numerator / denominator``, or ``None`` when the denominator is 0 (no data)."""
    return numerator / denominator if denominator else None


def f1_from(credit: float, actual: float, possible: float) -> float | None:
    """F1 of ``credit`` correct answers among ``actual`` predictions and ``possible`` gold.

    Equal to ``2PR / (P + R)``, written ``2 * credit / (actual + possible)`` so that it is
    defined whenever either side has data: no predictions against some gold (or the
    reverse) is an F1 of 0, while no gold and no predictions is ``None``.
    """
    total = actual + possible
    return 2 * credit / total if total else None


@dataclass(frozen=True)
class SpanCounts:
    """SemEval outcome counts of span matching; add them with ``+``."""

    correct: int = 0
    incorrect: int = 0
    partial: int = 0
    missed: int = 0
    spurious: int = 0

    def __add__(self, other: SpanCounts) -> SpanCounts:
        if not isinstance(other, SpanCounts):
            return NotImplemented
        return SpanCounts(
            self.correct + other.correct,
            self.incorrect + other.incorrect,
            self.partial + other.partial,
            self.missed + other.missed,
            self.spurious + other.spurious,
        )

    @property
    def possible(self) -> int:
        """Number of gold spans."""
        return self.correct + self.incorrect + self.partial + self.missed

    @property
    def actual(self) -> int:
        """Number of predicted spans."""
        return self.correct + self.incorrect + self.partial + self.spurious

    @property
    def credit(self) -> float:
        """Correct answers, a partial match counting one half."""
        return self.correct + 0.5 * self.partial

    @property
    def precision(self) -> float | None:
        """``credit / actual``; ``None`` without predictions."""
        return ratio(self.credit, self.actual)

    @property
    def recall(self) -> float | None:
        """``credit / possible``; ``None`` without gold spans."""
        return ratio(self.credit, self.possible)

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall; see :func:`f1_from`."""
        return f1_from(self.credit, self.actual, self.possible)

    def to_dict(self) -> dict[str, Any]:
        """Counts plus ``possible``, ``actual``, ``precision``, ``recall`` and ``f1``."""
        out: dict[str, Any] = asdict(self)
        out.update(
            possible=self.possible,
            actual=self.actual,
            precision=self.precision,
            recall=self.recall,
            f1=self.f1,
        )
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SpanCounts:
        """Inverse of :meth:`to_dict` (derived fields are ignored)."""
        return cls(**{f.name: int(data.get(f.name, 0)) for f in fields(cls)})


@dataclass(frozen=True)
class AccuracyCounts:
    """How many of ``total`` judged items were right; add them with ``+``."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: AccuracyCounts) -> AccuracyCounts:
        if not isinstance(other, AccuracyCounts):
            return NotImplemented
        return AccuracyCounts(self.correct + other.correct, self.total + other.total)

    @property
    def accuracy(self) -> float | None:
        """``correct / total``; ``None`` when nothing was judged."""
        return ratio(self.correct, self.total)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.accuracy}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AccuracyCounts:
        return cls(int(data.get("correct", 0)), int(data.get("total", 0)))


def macro_average(values: list[float | None]) -> float | None:
    """Mean of the values that are not ``None``; ``None`` when there are none."""
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def add_fields(a: Any, b: Any) -> Any:
    """Field-by-field sum of two dataclasses of counts (the ``__add__`` of layer counts).

    Fields that are dataclasses (counts) are added with ``+``; dict fields are merged
    key by key, adding values present on both sides (keys in first-seen order); any
    other field (a setting such as a tolerance) is taken from ``a``.
    """
    values = {}
    for f in fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, dict):
            merged = dict(x)
            for key, value in y.items():
                merged[key] = merged[key] + value if key in merged else value
            values[f.name] = merged
        elif is_dataclass(x):
            values[f.name] = x + y
        else:
            values[f.name] = x
    return type(a)(**values)


@dataclass(frozen=True)
class Interval:
    """A confidence interval ``[low, high]``."""

    low: float
    high: float

    def to_list(self) -> list[float]:
        return [self.low, self.high]


@dataclass(frozen=True)
class SpanScore:
    """Span counts with their derived P/R/F1 and a confidence interval for F1."""

    counts: SpanCounts
    f1_ci: Interval | None = None

    @property
    def f1(self) -> float | None:
        return self.counts.f1

    def to_dict(self) -> dict[str, Any]:
        out = self.counts.to_dict()
        out["f1_ci"] = self.f1_ci.to_list() if self.f1_ci else None
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SpanScore:
        ci = data.get("f1_ci")
        return cls(SpanCounts.from_dict(data), Interval(*ci) if ci else None)


@dataclass(frozen=True)
class AccuracyScore:
    """Accuracy counts with a confidence interval for the accuracy."""

    counts: AccuracyCounts
    ci: Interval | None = None

    @property
    def accuracy(self) -> float | None:
        return self.counts.accuracy

    def to_dict(self) -> dict[str, Any]:
        out = self.counts.to_dict()
        out["ci"] = self.ci.to_list() if self.ci else None
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AccuracyScore:
        ci = data.get("ci")
        return cls(AccuracyCounts.from_dict(data), Interval(*ci) if ci else None)
