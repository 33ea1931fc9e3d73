"""The edges of a DATE: what a time amount keeps around it, and vague times that are none.

Read by :func:`goldsmith.annotate.rules.entity_dates.date_bounds` (rules stated in
:mod:`goldsmith.annotate.rules.entity_dates`), each on the tokens of one spaCy DATE:

- :func:`with_qualifier`: "upwards of 10 days", "more than a year", "nearly two
  weeks", "for over two decades", "over a year ago", "Not a day later" (spec section 4:
  modifiers stay inside a DATE); "185 over two years" (during) stays out;
- :func:`part_of`: "the rest of the week", "the end of the month" keep their words;
- :func:`cut_count`: "the next few weeks 28 pages" -> "the next few weeks";
- :func:`cut_leading_count`: a count, a rank or "both" before an anchored date or a
  year counts something else: "up from 90 last year" -> "last year", "second this
  week" -> "this week", "in both 2008 and 2012" -> "2008";
- :func:`is_vague_one`: "in a year", "a very busy week", "began his day", "in my 40s"
  are no DATE;
- :func:`in_law_name`: the year of "the Aid Act of 1990" is no DATE (titles of laws
  are not annotated).

Example:
    >>> import spacy
    >>> doc = spacy.blank("en")("for upwards of 10 days")
    >>> with_qualifier(doc, 3, 5)
    1
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Single time units that are vague after "a" or a possessive ("in a year", "his day").
_UNITS = frozenset("day week weekend month year".split())
_DECADE = re.compile(r"'?\d0s")
_POSSESSIVE_WORDS = frozenset("his her their its my our your".split())

#: Words that pin a time down: never vague.
_ANCHORS = frozenset("last next past coming previous same recent current".split())

#: Words before a time that qualify its amount and stay inside the DATE.
_QUALIFIER_PAIRS = frozenset(
    {"upwards of", "more than", "less than", "fewer than", "at least", "at most"}
)

#: Units of time, one or many ("the rest of the week", "weeks 28 pages").
_TIME_UNITS = frozenset(
    "day days week weeks weekend weekends month months year years decade decades".split()
)

#: Parts of a time unit: "the rest of the week".
_PARTS = frozenset("rest end start beginning middle remainder".split())

#: The heads of a law's name, whose year is no DATE.
_LAW_HEADS = frozenset("Act Law Bill Amendment Accord Treaty".split())


def part_of(doc: Doc, start: int, end: int) -> int | None:
    """The start of "the rest of the week" around a DATE "(the) week": a part of a time
    unit keeps its words ("the rest of the 2016 field" is no time); else ``None``."""
    if doc[end - 1].lower_ not in _TIME_UNITS:
        return None
    i = start + 1 if doc[start].lower_ == "the" else start
    if i > 0 and doc[i - 1].lower_ == "the":
        i -= 1
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _PARTS:
        return i - 3 if i >= 3 and doc[i - 3].lower_ == "the" else i - 2
    return None


def is_vague_one(doc: Doc, start: int, end: int) -> bool:
    """One time unit after "a" and adjectives only ("a very busy week"), or after a
    possessive ("his day", "my 40s")."""
    last = doc[end - 1].lower_
    first = start + 1 if doc[start].lower_ in _POSSESSIVE_WORDS else start
    owned = first > start or (start > 0 and doc[start - 1].lower_ in _POSSESSIVE_WORDS)
    if owned and end - first == 1:
        return last in _UNITS or _DECADE.fullmatch(last) is not None
    return (
        last in _UNITS
        and doc[start].lower_ in ("a", "an")
        and all(
            doc[i].pos_ in ("ADJ", "ADV") and doc[i].lower_ not in _ANCHORS
            for i in range(start + 1, end - 1)
        )
    )


def in_law_name(doc: Doc, start: int) -> bool:
    """The year of a law's name: "the Aid Act of 1990"."""
    return start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].text in _LAW_HEADS


def cut_count(doc: Doc, start: int, end: int) -> int:
    """A number after a plural time unit counts something else: "weeks 28 pages"."""
    if end - start > 1 and doc[end - 1].like_num and doc[end - 2].lower_ in _TIME_UNITS:
        return end - 1
    return end


#: Words that rank or pair what comes before a date, never part of it.
_RANKS = frozenset("both either first second third fourth fifth 1st 2nd 3rd 4th 5th".split())
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def cut_leading_count(doc: Doc, start: int, end: int) -> int:
    """Drop a leading count or rank before "last/this/next/past ..." or a year."""
    if end - start < 2:
        return start
    first, second = doc[start], doc[start + 1]
    if not (first.like_num or first.lower_ in _RANKS) or first.lower_ in ("a", "an"):
        return start
    if second.lower_ in ("last", "this", "next", "past") or _YEAR.fullmatch(second.text):
        return start + 1
    return start


def with_qualifier(doc: Doc, start: int, end: int) -> int:
    """Take in a qualifier of an amount of time before it (module rule)."""
    if not (doc[start].like_num or doc[start].lower_ in ("a", "an")):
        return start
    pair = " ".join(t.lower_ for t in doc[max(0, start - 2) : start])
    if start > 1 and pair in _QUALIFIER_PAIRS:
        return start - 2
    if start == 0:
        return start
    before, last = doc[start - 1].lower_, doc[end - 1].lower_
    if before in ("nearly", "almost") or (
        before in ("over", "not")
        and (last in ("ago", "later", "earlier") or (start > 1 and doc[start - 2].lower_ == "for"))
    ):
        return start - 1
    return start
