"""Entity layer counts: schemes, per-label matching, macro F1, figures."""

from __future__ import annotations

from goldsmith.eval.entities import EntityCounts, entity_doc_counts, entity_scores
from goldsmith.eval.metrics import Interval, SpanCounts
from goldsmith.labels.records import Entity

TEXT = "Austin met Kim in Seoul on Monday."


def ent(start: int, end: int, label: str) -> Entity:
    return Entity(start, end, TEXT[start:end], label)


AUSTIN, KIM, SEOUL = ent(0, 6, "PERSON"), ent(11, 14, "PERSON"), ent(18, 23, "GPE")


def test_wrong_label_is_incorrect_overall_but_spurious_and_missed_per_label():
    c = entity_doc_counts([SEOUL], [ent(18, 23, "ORG")])
    assert c.strict.overall == SpanCounts(incorrect=1)
    assert c.strict.per_label["GPE"] == SpanCounts(missed=1)
    assert c.strict.per_label["ORG"] == SpanCounts(spurious=1)
    assert c.exact.overall == SpanCounts(correct=1)


def test_per_label_keys_follow_the_spec_order():
    c = entity_doc_counts([SEOUL, AUSTIN], [])
    assert list(c.strict.per_label) == ["PERSON", "GPE"]


def test_macro_f1_is_the_mean_of_label_f1s():
    c = entity_doc_counts([AUSTIN, KIM, SEOUL], [AUSTIN, KIM])
    assert c.strict.per_label["PERSON"].f1 == 1.0
    assert c.strict.per_label["GPE"].f1 == 0.0
    assert c.strict.macro_f1 == 0.5


def test_counts_sum_over_documents():
    total = entity_doc_counts([AUSTIN], [AUSTIN]) + entity_doc_counts([SEOUL], [])
    assert total.strict.overall == SpanCounts(correct=1, missed=1)
    assert total.strict.per_label["GPE"] == SpanCounts(missed=1)


def test_empty_document_has_no_data():
    c = entity_doc_counts([], [])
    assert c.strict.overall.f1 is None
    assert c.strict.macro_f1 is None
    assert EntityCounts().strict.overall == SpanCounts()


def test_figures_name_each_scheme_and_strict_labels():
    c = entity_doc_counts([AUSTIN, SEOUL], [AUSTIN])
    assert set(c.figures()) == {
        "entities.strict.f1",
        "entities.exact.f1",
        "entities.partial.f1",
        "entities.type.f1",
        "entities.strict.f1.PERSON",
        "entities.strict.f1.GPE",
    }


def test_scores_attach_intervals_by_figure_name():
    c = entity_doc_counts([AUSTIN], [AUSTIN])
    ci = Interval(0.9, 1.0)
    scores = entity_scores(c, {"entities.strict.f1": ci, "entities.strict.f1.PERSON": ci})
    assert scores.strict.micro.f1_ci == ci
    assert scores.strict.per_label["PERSON"].f1_ci == ci
    assert scores.exact.micro.f1_ci is None
