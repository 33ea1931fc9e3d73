"""Entity label rules: US states written short, events, facilities, organisations.

spaCy docs are built with a blank tokenizer and hand-set entities (and, where a rule
reads them, parts of speech), so each rule is tested on its own.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from goldsmith.annotate.rules.entities import find_entities

_BLANK = spacy.blank("en")


def _doc(text: str, ents: list[tuple[str, str]], tags: dict[str, str] | None = None) -> Doc:
    """``text`` tokenized, with each (substring, label) set as a spaCy entity."""
    doc = _BLANK(text)
    spans = []
    cursor = 0
    for surface, label in ents:
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        span = doc.char_span(start, cursor, label=label)
        assert span is not None, f"{surface!r} is not on token boundaries"
        spans.append(span)
    doc.ents = spans
    for token in doc:
        token.tag_ = (tags or {}).get(token.text, "")
    return doc


def _found(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in find_entities(doc)]


@pytest.mark.parametrize(
    ("text", "spacy_ents", "expected"),
    [
        # the state of a party-state tag is a GPE, the party letter is not annotated
        (
            "Sen. Ann Roe (D-Ore.) objected.",
            [("Ann Roe", "PERSON")],
            [("Ann Roe", "PERSON"), ("Ore.", "GPE")],
        ),
        (
            "Rep. Al Poe (R-TX) agreed.",
            [("Al Poe", "PERSON"), ("R-TX", "ORG")],
            [("Al Poe", "PERSON"), ("TX", "GPE")],
        ),
        (
            "Rep. Al Poe, R-Wis., agreed.",
            [("Al Poe", "PERSON")],
            [("Al Poe", "PERSON"), ("Wis.", "GPE")],
        ),
        (
            "Sen. Jo Fry (I-N.Y.) left.",
            [("Jo Fry", "PERSON")],
            [("Jo Fry", "PERSON"), ("N.Y.", "GPE")],
        ),
        # not a tag: a hyphenated word after a comma, a plain bracket
        ("On D-Day, troops landed.", [("D-Day", "DATE")], [("D-Day", "DATE")]),
        ("The (X-Men) film.", [], []),
        # a postal code is a GPE whatever spaCy said
        (
            "A champion for AZ, not DC.",
            [("AZ", "ORG"), ("DC", "GPE")],
            [("AZ", "GPE"), ("DC", "GPE")],
        ),
    ],
)
def test_states_written_short(text, spacy_ents, expected):
    assert _found(_doc(text, spacy_ents)) == expected
