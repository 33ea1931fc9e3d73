"""Summable counts and the figures derived from them; absent figures are None."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goldsmith.eval.metrics import (
    AccuracyCounts,
    SpanCounts,
    add_fields,
    f1_from,
    macro_average,
)

counts = st.builds(SpanCounts, *[st.integers(0, 50) for _ in range(5)])


@given(counts, counts)
def test_span_counts_add_field_by_field(a, b):
    total = a + b
    assert total.correct == a.correct + b.correct
    assert total.spurious == a.spurious + b.spurious
    assert total.possible == a.possible + b.possible
    assert total.actual == a.actual + b.actual


@given(counts)
def test_f1_is_harmonic_mean_of_precision_and_recall(c):
    p, r = c.precision, c.recall
    if p is not None and r is not None and p + r > 0:
        assert c.f1 == pytest.approx(2 * p * r / (p + r))


@pytest.mark.parametrize(
    ("c", "precision", "recall", "f1"),
    [
        (SpanCounts(), None, None, None),
        (SpanCounts(spurious=3), 0.0, None, 0.0),
        (SpanCounts(missed=3), None, 0.0, 0.0),
        (SpanCounts(correct=1, missed=1), 1.0, 0.5, 2 / 3),
        (SpanCounts(partial=2), 0.5, 0.5, 0.5),
        (SpanCounts(correct=1, incorrect=1), 0.5, 0.5, 0.5),
    ],
)
def test_span_figures_truth_table(c, precision, recall, f1):
    assert c.precision == (None if precision is None else pytest.approx(precision))
    assert c.recall == (None if recall is None else pytest.approx(recall))
    assert c.f1 == (None if f1 is None else pytest.approx(f1))


def test_partial_match_earns_half_credit():
    assert SpanCounts(correct=1, partial=1).credit == 1.5


def test_accuracy_without_data_is_none():
    assert AccuracyCounts().accuracy is None
    assert AccuracyCounts(0, 4).accuracy == 0.0
    assert (AccuracyCounts(1, 2) + AccuracyCounts(2, 2)).accuracy == 0.75


def test_f1_from_no_data_is_none():
    assert f1_from(0, 0, 0) is None


def test_macro_average_skips_absent_values():
    assert macro_average([1.0, None, 0.0]) == 0.5
    assert macro_average([None]) is None


def test_span_counts_round_trip_through_dict():
    c = SpanCounts(1, 2, 3, 4, 5)
    assert SpanCounts.from_dict(c.to_dict()) == c
    assert set(c.to_dict()) == {
        "correct",
        "incorrect",
        "partial",
        "missed",
        "spurious",
        "possible",
        "actual",
        "precision",
        "recall",
        "f1",
    }


def test_add_fields_merges_dicts_by_key():
    from dataclasses import dataclass, field

    @dataclass(frozen=True)
    class Layer:
        total: SpanCounts = SpanCounts()
        by_key: dict = field(default_factory=dict)
        setting: float = 0.5

    a = Layer(SpanCounts(correct=1), {"x": SpanCounts(missed=1)})
    b = Layer(SpanCounts(correct=2), {"x": SpanCounts(missed=1), "y": SpanCounts(spurious=1)})
    total = add_fields(a, b)
    assert total.total == SpanCounts(correct=3)
    assert total.by_key == {"x": SpanCounts(missed=2), "y": SpanCounts(spurious=1)}
    assert total.setting == 0.5
