"""Claim layer counts: span levels, value tolerance, unit, qualifier, ranges, end to end."""

from __future__ import annotations

import pytest

from goldsmith.eval.claims import claim_doc_counts, values_close
from goldsmith.eval.metrics import AccuracyCounts, SpanCounts
from goldsmith.labels.records import Claim

TEXT = "The ministry said at least 1,200 workers joined, and between 40 and 60 ships waited."


def claim(start, end, value, unit="worker", qualifier="at_least", value_high=None) -> Claim:
    return Claim(start, end, TEXT[start:end], value, unit, qualifier, value_high)


GOLD = claim(18, 40, 1200)  # "at least 1,200 workers"
RANGE = claim(53, 76, 40, "ship", "range", 60)  # "between 40 and 60 ships"


@pytest.mark.parametrize(
    ("a", "b", "tolerance", "close"),
    [
        (1200, 1200, 0.0, True),
        (1200, 1201, 0.0, False),
        (1200, 1212, 0.01, True),
        (1200, 1213, 0.01, False),
        (1200, 1188, 0.01, True),
        (0, 0, 0.0, True),
        (0, 1, 0.5, False),
        (None, None, 0.0, True),
        (None, 3, 0.5, False),
    ],
)
def test_values_close_truth_table(a, b, tolerance, close):
    assert values_close(a, b, tolerance) is close


@pytest.mark.parametrize(
    ("value", "tolerance", "exact", "within", "one_percent"),
    [
        (1200, 0.0, 1, 1, 1),
        (1210, 0.0, 0, 0, 1),
        (1210, 0.05, 0, 1, 1),
        (1300, 0.05, 0, 0, 0),
    ],
)
def test_value_accuracies(value, tolerance, exact, within, one_percent):
    c = claim_doc_counts([GOLD], [claim(18, 40, value)], value_tolerance=tolerance)
    assert c.value_exact == AccuracyCounts(exact, 1)
    assert c.value_tolerance == AccuracyCounts(within, 1)
    assert c.value_1pct == AccuracyCounts(one_percent, 1)
    assert c.end_to_end == (SpanCounts(correct=1) if within else SpanCounts(incorrect=1))


def test_unit_is_compared_case_insensitively():
    c = claim_doc_counts([GOLD], [claim(18, 40, 1200, unit=" Worker")])
    assert c.unit == AccuracyCounts(1, 1)
    assert c.end_to_end == SpanCounts(correct=1)


def test_wrong_qualifier_fails_end_to_end():
    c = claim_doc_counts([GOLD], [claim(27, 40, 1200, qualifier="exact")])
    assert c.span["exact"] == SpanCounts(missed=1, spurious=1)
    assert c.span["overlap_50"] == SpanCounts(correct=1)  # 13 of 22 code points
    assert c.qualifier == AccuracyCounts(0, 1)
    assert c.end_to_end == SpanCounts(incorrect=1)


def test_range_high_value_is_judged_on_gold_ranges():
    right = claim_doc_counts([RANGE], [claim(53, 76, 40, "ship", "range", 60)])
    wrong = claim_doc_counts([RANGE], [claim(53, 76, 40, "ship", "range", 70)])
    assert right.value_high == AccuracyCounts(1, 1)
    assert wrong.value_high == AccuracyCounts(0, 1)
    assert wrong.end_to_end == SpanCounts(incorrect=1)
    assert claim_doc_counts([GOLD], [GOLD]).value_high.accuracy is None


def test_below_half_overlap_is_not_matched():
    c = claim_doc_counts([GOLD], [claim(27, 32, 1200)])  # "1,200": 5 of 22
    assert c.span["overlap_50"] == SpanCounts(missed=1, spurious=1)
    assert c.value_exact.accuracy is None
    assert c.unit.accuracy is None and c.qualifier.accuracy is None


def test_no_claims_is_no_data():
    c = claim_doc_counts([], [])
    figures = c.figures()
    accuracies = [c for c in figures.values() if isinstance(c, AccuracyCounts)]
    assert accuracies and all(c.total == 0 for c in accuracies)
    assert c.end_to_end.f1 is None


def test_counts_do_not_depend_on_the_order_of_identical_spans():
    twins = [GOLD, claim(18, 40, 1300)]
    pred = [claim(18, 40, 1300)]
    assert claim_doc_counts(twins, pred) == claim_doc_counts(twins[::-1], pred)
