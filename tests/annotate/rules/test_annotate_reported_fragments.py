"""Tests of goldsmith.annotate.rules.reported_fragments: where an indirect span ends
beside a quoted fragment (ANNOTATION_SPEC.md 4)."""

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
        # the quote is an adverbial clause of the verb
        (
            "Mayor Lind said she would back the plan “because the harbor needs it now.”",
            ["she would back the plan"],
        ),
        # a relative clause of the last noun
        (
            "Lind told the council that the harbor should be run by people “who know the tides.”",
            ["the harbor should be run by people"],
        ),
        # a participle clause of the object
        (
            "Hale said he wants a ferry service “built for the next fifty years.”",
            ["he wants a ferry service"],
        ),
        # a prepositional phrase of the verb
        (
            "The Gazette reported that Ruiz was dismissed “at the request of the board.”",
            ["Ruiz was dismissed"],
        ),
    ],
)
def test_clause_before_a_quote_that_only_modifies_it(nlp, text, expected) -> None:
    assert clauses(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the quote is the object, the predicate or holds the verb: the partial alone
        "Lind said she lacks “the votes to pass it.”",
        "Lind said the plan “makes no sense at all.”",
        "Officials said the bridge was “a danger to everyone.”",
    ],
)
def test_clause_completed_by_the_quote_is_left_to_it(nlp, text) -> None:
    assert clauses(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Hale said it was “a costly mistake” to sell the ferries.",
        "Hale said Ruiz lacks “the patience and the votes” needed to pass it.",
    ],
)
def test_quote_carrying_the_clause_in_its_middle_is_left_to_it(nlp, text) -> None:
    # the fragment holds the clause's object or predicate and much of its words
    assert clauses(nlp, text) == []


def test_short_fragment_in_the_middle_stays_in_the_clause(nlp) -> None:
    text = "Officials said the mayor seemed “rattled” by the vote."
    assert clauses(nlp, text) == ["the mayor seemed “rattled” by the vote"]


def test_preposition_before_the_quote_goes_with_it(nlp) -> None:
    # an adjunct after the verb's own phrase: the clause ends before the preposition
    text = (
        "He said he would vote for it not because of “any loyalty to the mayor,” but"
        " because it works."
    )
    assert clauses(nlp, text) == ["he would vote for it"]


def test_complement_preposition_before_the_quote_is_not_an_adjunct(nlp) -> None:
    # "engaged in" takes its phrase: without the quote the clause is not complete
    assert clauses(nlp, "Hale said the rivals are engaged in needless “mischief.”") == []
