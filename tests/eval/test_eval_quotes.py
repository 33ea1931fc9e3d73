"""Quote layer counts: overlap levels, kinds, speaker accuracy, end to end."""

from __future__ import annotations

import pytest

from goldsmith.eval.metrics import AccuracyCounts, SpanCounts
from goldsmith.eval.quotes import quote_doc_counts
from goldsmith.labels.records import Entity, Quote

TEXT = (
    "Defense chief Mara Olsen said the drills would continue. "
    "Olsen added that the harbour would stay closed until further notice."
)
OLSEN_FULL = Entity(14, 24, "Mara Olsen", "PERSON")
OLSEN = Entity(57, 62, "Olsen", "PERSON")
CHIEF = Entity(0, 13, "Defense chief", "SOURCE")


def quote(start: int, end: int, kind: str = "indirect", speaker: Entity | None = None) -> Quote:
    return Quote(start, end, TEXT[start:end], kind, speaker)


GOLD = quote(30, 55, speaker=OLSEN_FULL)  # "the drills would continue"


@pytest.mark.parametrize(
    ("pred", "levels"),
    [
        (quote(30, 55), {"exact": 1, "overlap_80": 1, "overlap_30": 1}),
        (quote(30, 52), {"exact": 0, "overlap_80": 1, "overlap_30": 1}),  # 22/25
        (quote(30, 44), {"exact": 0, "overlap_80": 0, "overlap_30": 1}),  # 14/25
        (quote(30, 36), {"exact": 0, "overlap_80": 0, "overlap_30": 0}),  # 6/25
    ],
)
def test_span_levels(pred, levels):
    c = quote_doc_counts([GOLD], [pred])
    assert {level: counts.correct for level, counts in c.span.items()} == levels


@pytest.mark.parametrize(
    ("pred_speaker", "right"),
    [
        (OLSEN_FULL, True),
        (OLSEN, True),  # same last word
        (Entity(14, 18, "Mara", "PERSON"), True),  # overlapping span
        (CHIEF, False),
        (None, False),
    ],
)
def test_speaker_accuracy_uses_same_source_rule(pred_speaker, right):
    c = quote_doc_counts([GOLD], [quote(30, 55, speaker=pred_speaker)])
    assert c.speaker == AccuracyCounts(int(right), 1)
    assert c.end_to_end == (SpanCounts(correct=1) if right else SpanCounts(incorrect=1))


def test_both_speakers_absent_is_right():
    c = quote_doc_counts([quote(30, 55)], [quote(30, 55)])
    assert c.speaker == AccuracyCounts(1, 1)


def test_unmatched_quotes_are_missed_and_spurious_end_to_end():
    c = quote_doc_counts([GOLD], [quote(63, 120, speaker=OLSEN)])
    assert c.end_to_end == SpanCounts(missed=1, spurious=1)
    assert c.speaker.accuracy is None


def test_kinds_are_matched_on_their_own():
    c = quote_doc_counts([GOLD], [quote(30, 55, kind="direct", speaker=OLSEN_FULL)])
    assert c.kind == AccuracyCounts(0, 1)
    assert c.per_kind["indirect"] == SpanCounts(missed=1)
    assert c.per_kind["direct"] == SpanCounts(spurious=1)
    assert list(c.per_kind) == ["direct", "indirect"]


def test_no_quotes_is_no_data():
    c = quote_doc_counts([], [])
    assert all(counts.f1 is None for counts in c.span.values())
    assert c.speaker.accuracy is None and c.end_to_end.f1 is None


def test_counts_do_not_depend_on_the_order_of_identical_spans():
    twins = [quote(30, 55, speaker=OLSEN_FULL), quote(30, 55, speaker=CHIEF)]
    pred = [quote(30, 55, speaker=CHIEF)]
    assert quote_doc_counts(twins, pred) == quote_doc_counts(twins[::-1], pred)
