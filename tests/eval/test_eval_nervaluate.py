"""Differential test: goldsmith's entity matching gives nervaluate 1.2.1's counts."""

from __future__ import annotations

import random

import pytest
from eval_strategies import LABELS, TEXT_LENGTH, disjoint_entities, perturbed
from hypothesis import given, settings
from hypothesis import strategies as st

from goldsmith.eval.entities import EntityCounts, entity_doc_counts, sum_entity_counts
from goldsmith.eval.matching import SCHEMES, match_entities
from goldsmith.eval.metrics import SpanCounts

nervaluate = pytest.importorskip("nervaluate")

TEXT = "x" * TEXT_LENGTH
#: nervaluate's names of the four schemes.
NERVALUATE_NAME = {"strict": "strict", "exact": "exact", "partial": "partial", "type": "ent_type"}


@st.composite
def corpus(draw, disjoint: bool = True):
    docs = []
    for _ in range(draw(st.integers(1, 6))):
        gold = draw(disjoint_entities(TEXT))
        docs.append((gold, draw(perturbed(TEXT, gold, disjoint=disjoint))))
    return docs


def _nervaluate_dicts(entities) -> list[dict]:
    # nervaluate's offsets are inclusive at the end; ours are exclusive.
    return [{"label": e.label, "start": e.start, "end": e.end - 1} for e in entities]


def _counts(result) -> tuple[int, int, int, int, int]:
    return (result.correct, result.incorrect, result.partial, result.missed, result.spurious)


def _fast(docs, scheme, label=None):
    """The layer scorer's counts (entity_doc_counts), summed over documents."""
    total = EntityCounts()
    for gold, pred in docs:
        total = total + entity_doc_counts(gold, pred)
    counts = total.scheme(scheme)
    c = counts.overall if label is None else counts.per_label.get(label, SpanCounts())
    return (c.correct, c.incorrect, c.partial, c.missed, c.spurious)


def _ours(docs, scheme, label=None):
    total = None
    for gold, pred in docs:
        if label is not None:
            gold = [e for e in gold if e.label == label]
            pred = [e for e in pred if e.label == label]
        counts = match_entities(gold, pred, scheme).counts()
        total = counts if total is None else total + counts
    return (total.correct, total.incorrect, total.partial, total.missed, total.spurious)


@settings(max_examples=300, deadline=None)
@given(corpus())
def test_overall_counts_equal_nervaluate(docs):
    true = [_nervaluate_dicts(g) for g, _ in docs]
    pred = [_nervaluate_dicts(p) for _, p in docs]
    results = nervaluate.Evaluator(true, pred, tags=list(LABELS), loader="dict").evaluate()
    for scheme in SCHEMES:
        theirs = _counts(results["overall"][NERVALUATE_NAME[scheme.value]])
        assert _ours(docs, scheme) == theirs, scheme
        assert _fast(docs, scheme) == theirs, scheme


@settings(max_examples=200, deadline=None)
@given(corpus())
def test_per_label_counts_equal_nervaluate(docs):
    true = [_nervaluate_dicts(g) for g, _ in docs]
    pred = [_nervaluate_dicts(p) for _, p in docs]
    results = nervaluate.Evaluator(true, pred, tags=list(LABELS), loader="dict").evaluate()
    for label, by_scheme in results["entities"].items():
        for scheme in SCHEMES:
            theirs = _counts(by_scheme[NERVALUATE_NAME[scheme.value]])
            assert _ours(docs, scheme, label) == theirs, (label, scheme)
            assert _fast(docs, scheme, label) == theirs, (label, scheme)


@settings(max_examples=200, deadline=None)
@given(corpus(disjoint=False), st.randoms(use_true_random=False))
def test_counts_do_not_depend_on_order_of_overlapping_predictions(docs, rnd: random.Random):
    for scheme in SCHEMES:
        before = _ours(docs, scheme)
        shuffled = []
        for gold, pred in docs:
            gold, pred = list(gold), list(pred)
            rnd.shuffle(gold)
            rnd.shuffle(pred)
            shuffled.append((gold, pred))
        assert _ours(shuffled, scheme) == before
        assert _fast(shuffled, scheme) == before


@settings(max_examples=250, deadline=None)
@given(corpus(disjoint=False))
def test_layer_counts_equal_match_entities_with_overlaps(docs):
    labels = {e.label for gold, pred in docs for e in (*gold, *pred)}
    for scheme in SCHEMES:
        assert _fast(docs, scheme) == _ours(docs, scheme), scheme
        for label in labels:
            assert _fast(docs, scheme, label) == _ours(docs, scheme, label), (scheme, label)


@settings(max_examples=100, deadline=None)
@given(corpus(disjoint=False))
def test_fast_sum_equals_adding(docs):
    per_doc = [entity_doc_counts(gold, pred) for gold, pred in docs]
    total = EntityCounts()
    for c in per_doc:
        total = total + c
    assert sum_entity_counts(per_doc) == total
