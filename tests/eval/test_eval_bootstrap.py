"""Bootstrap over documents: intervals, determinism, paired p-values, absent figures."""

from __future__ import annotations

import numpy as np
import pytest

from goldsmith.eval.bootstrap import (
    FigureTable,
    Replicated,
    interval,
    paired_p_value,
    ratio_terms,
    replicates,
)
from goldsmith.eval.metrics import AccuracyCounts, SpanCounts


def table(docs):
    return FigureTable.from_docs(docs)


GOOD = [{"f1": SpanCounts(correct=1)}, {"f1": SpanCounts(correct=1, missed=1)}] * 30
BAD = [{"f1": SpanCounts(missed=1)}, {"f1": SpanCounts(correct=1, missed=1)}] * 30


def test_ratio_terms_reproduce_f1_and_accuracy():
    c = SpanCounts(correct=3, partial=1, missed=2, spurious=1)
    num, den = ratio_terms(c)
    assert num / den == pytest.approx(c.f1)
    assert ratio_terms(AccuracyCounts(2, 5)) == (2, 5)


def test_table_values_equal_summed_counts():
    t = table(GOOD)
    total = SpanCounts()
    for doc in GOOD:
        total = total + doc["f1"]
    assert t.values()[0] == pytest.approx(total.f1)


def test_interval_contains_point_estimate_and_is_seeded():
    t = table(GOOD)
    a = replicates(t, resamples=300, seed=1)
    b = replicates(t, resamples=300, seed=1)
    c = replicates(t, resamples=300, seed=2)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)
    ci = interval(a[:, 0])
    assert ci.low <= t.values()[0] <= ci.high
    assert ci.low < ci.high


def test_replicates_shape_and_chunking():
    t = table(GOOD)
    assert replicates(t, resamples=601, seed=0).shape == (601, 1)


def test_interval_without_data_is_none():
    t = table([{"acc": AccuracyCounts()}] * 5)
    assert np.isnan(t.values()[0])
    assert interval(replicates(t, resamples=50, seed=0)[:, 0]) is None


def test_identical_systems_are_not_significantly_different():
    a = replicates(table(GOOD), resamples=500, seed=0)
    v = table(GOOD).values()[0]
    assert paired_p_value(a[:, 0], a[:, 0], v, v) == 1.0


def test_clearly_different_systems_get_a_small_p_value():
    ta, tb = table(GOOD), table(BAD)
    ra, rb = replicates(ta, 500, 0), replicates(tb, 500, 0)
    p = paired_p_value(ra[:, 0], rb[:, 0], ta.values()[0], tb.values()[0])
    assert p < 0.01


def test_slightly_different_systems_get_a_large_p_value():
    noisy = list(GOOD)
    noisy[0] = {"f1": SpanCounts(correct=1, spurious=1)}
    ta, tb = table(GOOD), table(noisy)
    ra, rb = replicates(ta, 500, 0), replicates(tb, 500, 0)
    assert paired_p_value(ra[:, 0], rb[:, 0], ta.values()[0], tb.values()[0]) > 0.2


def test_p_value_without_data_is_none():
    t = table([{"acc": AccuracyCounts()}] * 5)
    r = replicates(t, 50, 0)
    assert paired_p_value(r[:, 0], r[:, 0], float("nan"), float("nan")) is None


def test_missing_figure_in_a_document_is_zero_over_zero():
    t = FigureTable.from_docs([{"a": AccuracyCounts(1, 1)}, {}], names=["a"])
    assert t.num.tolist() == [[1.0], [0.0]]
    assert t.values()[0] == 1.0


def test_mean_figure_is_the_mean_of_present_members_in_every_replicate():
    docs = [
        {"a": SpanCounts(correct=1), "b": SpanCounts(missed=1)},
        {"a": SpanCounts(missed=1)},  # b has no data in this document
    ] * 6
    rep = Replicated.of(table(docs), resamples=200, seed=0).with_mean("m", ["a", "b"])
    assert rep.names == ("a", "b", "m")
    assert rep.values[2] == pytest.approx((rep.values[0] + rep.values[1]) / 2)
    a, b, m = rep.samples[:, 0], rep.samples[:, 1], rep.samples[:, 2]
    both = ~np.isnan(b)
    assert np.allclose(m[both], (a[both] + b[both]) / 2)
    assert np.allclose(m[~both], a[~both])  # a replicate without b: the mean of a alone
    ci = rep.intervals()["m"]
    assert ci is not None and ci.low <= rep.values[2] <= ci.high


def test_mean_of_no_members_has_no_data():
    rep = Replicated.of(table([{"a": SpanCounts(correct=1)}]), resamples=5).with_mean("m", [])
    assert np.isnan(rep.values[-1]) and rep.intervals()["m"] is None
