"""Descriptions that stand for a person met before: epithets, and people left unnamed.

The rule (ANNOTATION_SPEC.md section 2: for a description, the nearest preceding named
mention of that source): "the" with an age ("the 34-year-old mother of three", "the
72-year-old") is an epithet for a person already named, whatever modifies the noun after
it; :mod:`goldsmith.annotate.rules.speakers` resolves it like "he" / "she", with the
gender of a gendered noun ("mother", "actor"). "The organizer" said of someone brought in
unnamed ("greeted by an organizer"; "a cashier … said the woman") is that unnamed source,
a SOURCE span, not the last person named (:func:`unnamed_introduction`).

Example:
    >>> is_epithet(token)   # "the 34-year-old mother of three replied"  # doctest: +SKIP
    True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: An age, its tokens joined without spaces: "34-year-old", "6-month-old".
_AGE = re.compile(r"\d+-(?:year|month)s?-old", re.IGNORECASE)


def is_epithet(token: Token) -> bool:
    """Whether a noun is "the" + an age + the noun: "the 34-year-old mother of three"."""
    if token.pos_ != "NOUN" or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children
    ):
        return False
    before = "".join(t.text for t in token.doc[token.left_edge.i : token.i])
    return _AGE.search(before) is not None


#: Nouns that fit any person, whatever their role: "the woman" may be the cashier met
#: just before, "the man" the worshipper.
GENERIC_PERSON_NOUNS = frozenset("man woman person guy lady gentleman".split())
#: Determiners that introduce someone new and unnamed: "an organizer", "another official".
_INDEFINITE = frozenset(("a", "an", "another"))
#: Tokens looked back from "the organizer" for "an organizer", within its paragraph and
#: the one before.
_INTRO_LOOKBACK_TOKENS = 150


def unnamed_introduction(
    token: Token,
    lemma: str,
    is_blocked: Callable[[int], bool],
    is_person: Callable[[Token], bool],
) -> Token | None:
    """The nearest person brought in unnamed before "the <noun>" ``token``: a noun with
    "a" / "an" / "another", outside quotation marks, in the description's paragraph or
    the one before, that is the same noun ("greeted by an organizer … “…,” the
    organizer told them"), or any noun or name naming a person when the description is
    a generic one ("a cashier was shaken … “…,” said the woman"; "Another Muslim who
    worshiped there said … “…,” the man said"). A noun in apposition or a predicate
    ("Ana Ruiz, a lawyer"; "Hale is a lawyer") names someone already named and is
    passed over. ``is_person`` tells whether a token names a person."""
    doc = token.doc
    generic = lemma in GENERIC_PERSON_NOUNS
    breaks = 0
    for earlier in reversed(doc[max(0, token.i - _INTRO_LOOKBACK_TOKENS) : token.i]):
        breaks += "\n" in earlier.text_with_ws
        if breaks > 1:
            return None
        if earlier.pos_ not in ("NOUN", "PROPN") or is_blocked(earlier.idx):
            continue
        if not any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in earlier.children):
            continue
        if earlier.dep_ in ("appos", "attr") or any(c.dep_ == "appos" for c in earlier.children):
            continue
        if earlier.lemma_.lower() == lemma or (generic and is_person(earlier)):
            return earlier
    return None
