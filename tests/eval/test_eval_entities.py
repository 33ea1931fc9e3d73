"""Entity layer counts: schemes, per-label matching, macro F1, figures; the fast counter.

The fast counter (``entity_doc_counts``) must give the counts of the pairs it mirrors
(``entity_pairs``), with overlapping spans too: checked here, without nervaluate.
"""

from __future__ import annotations

import random

from eval_strategies import entity_corpus, fast_entity_counts, paired_entity_counts
from hypothesis import given, settings
from hypothesis import strategies as st

from goldsmith.eval.entity_counter import entity_doc_counts, sum_entity_counts
from goldsmith.eval.entity_scores import EntityCounts, entity_scores
from goldsmith.eval.matching import SCHEMES
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


# --------------------------------------------------------------------------- fast counter = pairs


@settings(max_examples=200, deadline=None)
@given(entity_corpus(disjoint=False), st.randoms(use_true_random=False))
def test_counts_do_not_depend_on_order_of_overlapping_predictions(docs, rnd: random.Random):
    for scheme in SCHEMES:
        before = paired_entity_counts(docs, scheme)
        shuffled = []
        for gold, pred in docs:
            gold, pred = list(gold), list(pred)
            rnd.shuffle(gold)
            rnd.shuffle(pred)
            shuffled.append((gold, pred))
        assert paired_entity_counts(shuffled, scheme) == before
        assert fast_entity_counts(shuffled, scheme) == before


@settings(max_examples=250, deadline=None)
@given(entity_corpus(disjoint=False))
def test_layer_counts_equal_match_entities_with_overlaps(docs):
    labels = {e.label for gold, pred in docs for e in (*gold, *pred)}
    for scheme in SCHEMES:
        assert fast_entity_counts(docs, scheme) == paired_entity_counts(docs, scheme), scheme
        for label in labels:
            assert fast_entity_counts(docs, scheme, label) == paired_entity_counts(
                docs, scheme, label
            ), (scheme, label)


@settings(max_examples=100, deadline=None)
@given(entity_corpus(disjoint=False))
def test_fast_sum_equals_adding(docs):
    per_doc = [entity_doc_counts(gold, pred) for gold, pred in docs]
    total = EntityCounts()
    for c in per_doc:
        total = total + c
    assert sum_entity_counts(per_doc) == total
