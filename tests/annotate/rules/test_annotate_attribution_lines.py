"""Tests of goldsmith.annotate.rules.attribution_lines: headline statements ``Name: words``."""

from __future__ import annotations

import pytest

from goldsmith.annotate.rules.attribution_lines import headline_statements
from goldsmith.annotate.rules.quote_context import DocContext
from goldsmith.annotate.rules.quote_marks import quoted_regions
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
