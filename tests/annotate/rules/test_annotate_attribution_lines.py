"""Tests of goldsmith.annotate.rules.attribution_lines: headline statements ``Name: words``,
signatures with handles, embedded posts."""

from __future__ import annotations

import pytest

from goldsmith.annotate.rules.attribution_lines import headline_statements
from goldsmith.annotate.rules.quote_context import DocContext
from goldsmith.annotate.rules.quote_marks import quoted_regions
from goldsmith.annotate.rules.quotes import find_quotes
from goldsmith.labels.records import Entity


def statements(nlp, text: str, name: str) -> list[tuple[str, str]]:
    ents = []
    start = text.find(name)
    while start >= 0:
        ents.append(Entity(start, start + len(name), name, "PERSON"))
        start = text.find(name, start + 1)
    blocked = [(r.open_at, r.outer_end) for r in quoted_regions(text)]
    ctx = DocContext.build(nlp(text), ents, blocked)
    return [(text[c.start : c.end], c.speaker.text) for c in headline_statements(ctx)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Valley Mayor Greta Lind: Sell The Old Ferries, ‘Start Fresh’\n\nThe council met.",
            [("Sell The Old Ferries", "Greta Lind")],
        ),
        (
            "Greta Lind: Riders Don’t Care Who Runs The Ferries, Only When They Sail.\n\n"
            "OSLO — Greta Lind met riders on Monday.",
            [("Riders Don’t Care Who Runs The Ferries, Only When They Sail", "Greta Lind")],
        ),
        # a quote right after the colon is a quote, not a statement
        ("Greta Lind: ‘We Will Sell The Ferries’\n\nThe council met.", []),
        # a colon in a sentence of the story is no headline
        ("Greta Lind had one message for the council: sell the ferries now.", []),
        # no name before the colon
        ("Ferry Update: Two Boats Sold To Norway\n\nThe council met.", []),
    ],
)
def test_headline_statement(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert statements(nlp, text, "Greta Lind") == expected


def quotes(nlp, text: str, *names: tuple[str, str]) -> list[tuple[str, str, str | None]]:
    ents = []
    for surface, label in names:
        start = text.find(surface)
        while start >= 0:
            ents.append(Entity(start, start + len(surface), surface, label))
            start = text.find(surface, start + 1)
    found = find_quotes(nlp(text), sorted(ents, key=lambda e: e.start))
    return [(q.text, q.kind, q.speaker.text if q.speaker else None) for q in found]


def test_handle_after_a_signature_dash_names_the_speaker(nlp) -> None:
    text = (
        "Greta Lind praised the crew on Monday, and Olav Berg posted her words.\n\n"
        '<tweet id="1234567" author="@olavberg">“A fine crew, a fine crew indeed”'
        "–@realGretaLind speaking at the pier</tweet>."
    )
    found = quotes(nlp, text, ("Greta Lind", "PERSON"), ("Olav Berg", "PERSON"))
    assert found == [("A fine crew, a fine crew indeed", "direct", "Greta Lind")]


def test_author_in_the_markup_of_an_embedded_post_names_the_speaker(nlp) -> None:
    text = (
        "Greta Lind shared a line on Sunday.\n\n"
        '<tweet tweet-author="@GretaLind2024" tweet-date="May 3, 2024">'
        "“Better one day as a captain than a year as a deckhand.”</tweet>."
    )
    found = quotes(nlp, text, ("Greta Lind", "PERSON"))
    assert found == [
        ("Better one day as a captain than a year as a deckhand.", "direct", "Greta Lind")
    ]


def test_a_handle_matching_nobody_gives_no_speaker(nlp) -> None:
    text = "Greta Lind spoke.\n\n“The pier will reopen in May.” – @harborwatch"
    found = quotes(nlp, text, ("Greta Lind", "PERSON"))
    assert found == [("The pier will reopen in May.", "direct", None)]


def test_so_called_marks_a_scare_quote(nlp) -> None:
    text = "The senator cannot win so-called “closed” primaries, where only members vote."
    assert quotes(nlp, text) == []
