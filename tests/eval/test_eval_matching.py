"""Truth tables for span matching: SemEval entity schemes, overlap thresholds, speakers."""

from __future__ import annotations

import pytest

from goldsmith.eval.entities import match_entities
from goldsmith.eval.matching import (
    Outcome,
    match_spans,
    overlap_ratio,
    same_source,
)
from goldsmith.labels.records import Entity, Span

TEXT = "abcdefghijklmnopqrstuvwxyz" * 4


def ent(start: int, end: int, label: str = "PERSON") -> Entity:
    return Entity(start, end, TEXT[start:end], label)


def span(start: int, end: int) -> Span:
    return Span(start, end, TEXT[start:end])


# gold, pred, {scheme: (correct, incorrect, partial, missed, spurious)}
ENTITY_CASES = {
    "exact boundaries, same label": (
        [ent(0, 5)],
        [ent(0, 5)],
        {
            "strict": (1, 0, 0, 0, 0),
            "exact": (1, 0, 0, 0, 0),
            "partial": (1, 0, 0, 0, 0),
            "type": (1, 0, 0, 0, 0),
        },
    ),
    "exact boundaries, wrong label": (
        [ent(0, 5)],
        [ent(0, 5, "ORG")],
        {
            "strict": (0, 1, 0, 0, 0),
            "exact": (1, 0, 0, 0, 0),
            "partial": (1, 0, 0, 0, 0),
            "type": (0, 1, 0, 0, 0),
        },
    ),
    "boundary shift, same label": (
        [ent(0, 5)],
        [ent(1, 5)],
        {
            "strict": (0, 1, 0, 0, 0),
            "exact": (0, 1, 0, 0, 0),
            "partial": (0, 0, 1, 0, 0),
            "type": (1, 0, 0, 0, 0),
        },
    ),
    "boundary shift, wrong label": (
        [ent(0, 5)],
        [ent(2, 8, "GPE")],
        {
            "strict": (0, 1, 0, 0, 0),
            "exact": (0, 1, 0, 0, 0),
            "partial": (0, 0, 1, 0, 0),
            "type": (0, 1, 0, 0, 0),
        },
    ),
    "touching but not overlapping": (
        [ent(0, 5)],
        [ent(5, 9)],
        {s: (0, 0, 0, 1, 1) for s in ("strict", "exact", "partial", "type")},
    ),
    "missed and spurious": (
        [ent(0, 5)],
        [ent(10, 15)],
        {s: (0, 0, 0, 1, 1) for s in ("strict", "exact", "partial", "type")},
    ),
    "nothing predicted": (
        [ent(0, 5), ent(6, 9)],
        [],
        {s: (0, 0, 0, 2, 0) for s in ("strict", "exact", "partial", "type")},
    ),
    "one prediction over two gold spans": (
        [ent(0, 5), ent(6, 10)],
        [ent(0, 10)],
        {
            "strict": (0, 1, 0, 1, 0),
            "exact": (0, 1, 0, 1, 0),
            "partial": (0, 0, 1, 1, 0),
            "type": (1, 0, 0, 1, 0),
        },
    ),
    "two predictions inside one gold span": (
        [ent(0, 10)],
        [ent(0, 4), ent(5, 10)],
        {
            "strict": (0, 1, 0, 0, 1),
            "exact": (0, 1, 0, 0, 1),
            "partial": (0, 0, 1, 0, 1),
            "type": (1, 0, 0, 0, 1),
        },
    ),
    "overlapping predictions, one exact": (
        [ent(0, 10)],
        [ent(0, 6), ent(0, 10)],
        {
            "strict": (1, 0, 0, 0, 1),
            "exact": (1, 0, 0, 0, 1),
            "partial": (1, 0, 0, 0, 1),
            "type": (1, 0, 0, 0, 1),
        },
    ),
    "type prefers the closest same-label gold": (
        [ent(0, 4), ent(5, 12)],
        [ent(2, 11)],
        {
            "strict": (0, 1, 0, 1, 0),
            "exact": (0, 1, 0, 1, 0),
            "partial": (0, 0, 1, 1, 0),
            "type": (1, 0, 0, 1, 0),
        },
    ),
    "type prefers same label over first overlapping": (
        [ent(0, 5, "ORG"), ent(5, 10)],
        [ent(3, 8)],
        {
            "strict": (0, 1, 0, 1, 0),
            "exact": (0, 1, 0, 1, 0),
            "partial": (0, 0, 1, 1, 0),
            "type": (1, 0, 0, 1, 0),
        },
    ),
}


@pytest.mark.parametrize("case", list(ENTITY_CASES))
@pytest.mark.parametrize("scheme", ["strict", "exact", "partial", "type"])
def test_entity_scheme_truth_table(case, scheme):
    gold, pred, expected = ENTITY_CASES[case]
    counts = match_entities(gold, pred, scheme).counts()
    got = (counts.correct, counts.incorrect, counts.partial, counts.missed, counts.spurious)
    assert got == expected[scheme]


def test_match_indices_point_into_unsorted_inputs():
    gold = [ent(20, 25), ent(0, 5)]
    pred = [ent(30, 33), ent(0, 5), ent(21, 25)]
    m = match_entities(gold, pred, "strict")
    assert [(x.gold, x.pred, x.outcome) for x in m.matches] == [
        (0, 2, Outcome.INCORRECT),
        (1, 1, Outcome.CORRECT),
    ]
    assert m.missed == ()
    assert m.spurious == (0,)


def test_match_records_overlap_over_longer_span():
    m = match_entities([ent(0, 10)], [ent(0, 5)], "partial")
    assert m.matches[0].overlap == 0.5


def test_unknown_scheme_is_rejected():
    with pytest.raises(ValueError):
        match_entities([], [], "lenient")


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ((0, 10), (0, 10), 1.0),
        ((0, 10), (0, 5), 0.5),
        ((0, 5), (0, 10), 0.5),
        ((0, 10), (10, 20), 0.0),
        ((0, 10), (7, 17), 0.3),
    ],
)
def test_overlap_ratio_uses_the_longer_span(gold, pred, expected):
    assert overlap_ratio(span(*gold), span(*pred)) == pytest.approx(expected)


# gold (0, 100); pred of the given end: 29, 30, 79, 80 shared code points
@pytest.mark.parametrize(
    ("pred_end", "threshold", "matched"),
    [
        (29, 0.3, False),
        (30, 0.3, True),
        (79, 0.8, False),
        (80, 0.8, True),
        (100, 1.0, True),
        (99, 1.0, False),
        (30, 0.8, False),
    ],
)
def test_span_threshold_truth_table(pred_end, threshold, matched):
    m = match_spans([span(0, 100)], [span(0, pred_end)], threshold)
    assert (len(m.matches) == 1) is matched


def test_span_threshold_counts_the_longer_prediction():
    # The prediction is the longer span: 30 shared of 100 predicted code points.
    m = match_spans([span(0, 30)], [span(0, 100)], 0.3)
    assert len(m.matches) == 1
    assert match_spans([span(0, 29)], [span(0, 100)], 0.3).matches == ()


def test_spans_match_one_to_one_greatest_overlap_first():
    gold = [span(0, 10), span(10, 20)]
    pred = [span(2, 18)]
    # Equal overlap (8 of 16) with both gold spans: the earlier gold span wins.
    m = match_spans(gold, pred, 0.3)
    assert [(x.gold, x.pred) for x in m.matches] == [(0, 0)]
    assert m.missed == (1,)
    # Greater overlap wins over position.
    m = match_spans(gold, [span(8, 20)], 0.1)
    assert [(x.gold, x.pred) for x in m.matches] == [(1, 0)]
    # Exact match wins over a larger overlapping candidate.
    m = match_spans([span(0, 10)], [span(0, 12), span(0, 10)], 0.3)
    assert [(x.gold, x.pred) for x in m.matches] == [(0, 1)]
    assert m.spurious == (0,)


def test_span_matching_does_not_depend_on_order():
    gold = [span(0, 10), span(5, 15), span(20, 30)]
    pred = [span(4, 12), span(0, 9), span(21, 30), span(6, 15)]
    forward = match_spans(gold, pred, 0.3)
    backward = match_spans(gold[::-1], pred[::-1], 0.3)

    def as_spans(m, g, p):
        return sorted(
            ((g[x.gold].start, g[x.gold].end), (p[x.pred].start, p[x.pred].end)) for x in m.matches
        )

    assert as_spans(forward, gold, pred) == as_spans(backward, gold[::-1], pred[::-1])


def speaker(text: str, start: int = 0, label: str = "PERSON") -> Entity:
    return Entity(start, start + len(text), text, label)


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [
        (None, None, True),
        (speaker("Austin"), None, False),
        (None, speaker("Austin"), False),
        (speaker("Austin", 50), speaker("Lloyd J. Austin III", 0), True),
        (speaker("Austin", 50), speaker("Lloyd Austin", 0), True),
        (speaker("austin", 50), speaker("Lloyd AUSTIN", 0), True),
        (speaker("Austin", 50), speaker("Lloyd Smith", 0), False),
        (speaker("the Pentagon", 0), speaker("Pentagon", 4), True),
        (speaker("Pentagon", 40), speaker("Pentagon's", 0), True),
        (speaker("Kim", 0), speaker("Kim Jong Un", 30), False),
        (speaker("U.S. officials", 0, "SOURCE"), speaker("officials", 5, "SOURCE"), True),
        (speaker("Jr.", 10), speaker("Smith Jr.", 40), False),
    ],
)
def test_same_source_truth_table(gold, pred, same):
    assert same_source(gold, pred) is same
