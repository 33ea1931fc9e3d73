"""Tests of goldsmith.annotate.rules.reported_speech: indirect clauses."""

from __future__ import annotations

import pytest

from goldsmith.annotate.rules.quote_context import DocContext
from goldsmith.annotate.rules.quote_marks import quoted_regions
from goldsmith.annotate.rules.reported_speech import indirect_candidates


def clauses(nlp, text: str) -> list[str]:
    doc = nlp(text)
    regions = quoted_regions(text)
    blocked = [(r.open_at, r.outer_end) for r in regions]
    ctx = DocContext.build(doc, [], blocked)
    return [text[c.start : c.end] for c in indirect_candidates(ctx, blocked)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said that the bridge would close.", ["the bridge would close"]),
        ("The bridge will close in May, officials said.", ["The bridge will close in May"]),
        ("Officials said on Monday it would close the bridge.", ["it would close the bridge"]),
        (
            "LISBON — The ministry said on Monday that the bridge would close.",
            ["the bridge would close"],
        ),
        (
            # interrupted by its attribution: two spans, like "A," he said, "B."
            "The bridge, officials said, will close in May.",
            ["The bridge", "will close in May"],
        ),
        ("Officials did not say whether the bridge would close.", []),
        ("Officials Say Bridge Will Close Soon", []),
    ],
)
def test_indirect_clause(nlp, text: str, expected: list[str]) -> None:
    assert clauses(nlp, text) == expected


def test_clause_overlapping_a_quote_is_left_to_the_quote(nlp) -> None:
    assert clauses(nlp, "Officials said the bridge was “a danger to everyone.”") == []


def test_clause_stays_in_its_paragraph(nlp) -> None:
    text = "Bridge Closure Looms\nThe bridge will close in May, officials said."
    assert clauses(nlp, text) == ["The bridge will close in May"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the quote ends the clause: cut before it, the rest is a clause of its own
        (
            "Lind said she was not calling for a strike, only a “long pause.”",
            ["she was not calling for a strike"],
        ),
        (
            "Olsen said he hopes the vote sends a signal that “the valley is not for sale.”",
            ["he hopes the vote sends a signal"],
        ),
        # the fragment sits inside a clause that goes on: the clause keeps it
        (
            "Olsen said the ferries, which he called “floating relics,” would be sold in May.",
            ["the ferries, which he called “floating relics,” would be sold in May"],
        ),
        # nothing but the quote is reported: left to the quote
        ("Olsen said “the valley is not for sale.”", []),
    ],
)
def test_reported_clause_beside_quoted_text(nlp, text: str, expected: list[str]) -> None:
    assert clauses(nlp, text) == expected
