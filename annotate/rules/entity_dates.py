"""DATE boundaries: which tokens of a spaCy DATE make the spec's DATE, or none.

The rules (ANNOTATION_SPEC.md sections 1 and 4, and the real-news adjudication):

- words before a date that are not part of it go: "only last year" -> "last year",
  and so do a lower-case pronoun, or a lower-case noun followed by a number, a
  determiner or "last"/"next"/"past", that spaCy glued in front ("an election eight
  years ago" -> "eight years ago", "himself years ago" -> "years ago", "an essay last
  week" -> "last week"; "this school year" stays);
- a date ends at a possessive after it ("Monday’s Morning Email" -> "Monday");
- a lone time unit takes in the "this"/"last"/"next" before it that spaCy left out
  ("this year's race" -> "this year");
- "late" / "early" before a weekday go with the time of day they stand for: "late
  Monday" -> "Monday" (as "Saturday night" -> "Saturday"); "late September" stays;
- a leading "the" goes ("over the past week" -> "past week", "the 19th century" ->
  "19th century") except in "the X of Y" ("the end of the year") and the idiom "the
  other day";
- a tail that is only "before"/"after" and words naming no time goes: "a few months
  before his third" -> "a few months";
- modifiers of an amount of time stay inside it (spec section 4, "more than 15 months
  ago"): "upwards of", "more/less/fewer than", "at least", "nearly", "almost", and
  "over" / "not" where they qualify ("for over two decades", "over a year ago", "Not a
  day later"; "185 over two years" says during and is left out); "the rest of the week"
  keeps "the rest of" ("the end of the year" is a DATE); a count after the time is cut
  ("the next few weeks 28 pages" -> "the next few weeks");
- a spaCy TIME gives the DATE in it: its final weekday ("the early hours of
  Thursday" -> "Thursday"), its weekday before a time of day ("Wednesday night" ->
  "Wednesday") or a time ending in "today" ("earlier today");
- a named day is one DATE, whatever spaCy said: "Valentine's Day", "Bastille Day";
- no DATE at all for: a small bare number ("between 65"); an age ("a 14-year-old",
  a fraction of a group ("a quarter of the committee"); numbers after "ages" ("children
  ages 3 to 9"); a rate ("costs more per year"); a numbered part of a series ("season
  four");
  "those 18 to 35 years old"); a recurring time word ("daily", "annually"); a bare
  vague amount of time, alone or after "the", "those", "some" ("for years", "the day",
  "those days", "some years"), one time unit after "a" and only adjectives ("in a
  year", "a very busy week") or after a possessive ("began his day", "in my 40s"); a
  recurring time ("every year", "each fiscal year"); a number that is no year with no
  time word ("a population under 500"); the year of a law's name ("the Aid Act of
  1990": titles are not annotated).

Example:
    >>> import spacy
    >>> doc = spacy.blank("en")("over the past week")
    >>> date_bounds(doc, 1, 4)
    (2, 4)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.entity_date_edges import (
    cut_count,
    cut_leading_count,
    in_law_name,
    is_vague_one,
    part_of,
    with_qualifier,
)
from goldsmith.annotate.rules.spans import overlaps
from goldsmith.labels.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Words before a date that are not part of it ("only last year").
_LEADERS = frozenset("only since until till by from before after during throughout".split())

#: Words that may stand with a bare number ("between 65 and 70").
_NUMBER_WORDS = frozenset(
    "between and to or about around some nearly almost up over under upwards of".split()
)

#: Words that name a time: a DATE keeps a leading noun only when it is one of these.
TIME_WORDS = frozenset(
    """
    day days week weeks weekend weekends month months year years decade decades century
    centuries quarter quarters season seasons spring summer fall autumn winter morning
    mornings afternoon evening night nights today tonight yesterday tomorrow hour hours
    minute minutes semester term terms era age period anniversary holiday holidays
    midterm midterms mid
    """.split()
)

WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon. tue. tues. wed. thu. "
    "thur. thurs. fri. sat. sun.".split()
)

_MONTHS = frozenset(
    """
    january february march april may june july august september october november december
    jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.
    """.split()
)

#: Recurring time words: not DATE (spec section 4, "monthly").
_RECURRING = frozenset(
    "daily weekly biweekly monthly yearly annually nightly hourly quarterly".split()
)

#: Vague amounts of time: not DATE alone or after one of :data:`_VAGUE_DETERMINERS`.
_VAGUE_UNITS = frozenset("day days weeks months years decades centuries ages".split())
_VAGUE_DETERMINERS = frozenset("the those these some many".split())

#: Days named after what they mark, without a possessive ("Election Day").
_HOLIDAY_HEADS = (
    "Election Independence Memorial Labor Labour Veterans Presidents Columbus Inauguration "
    "Bastille Armistice Remembrance Boxing Victory Earth Thanksgiving Christmas Groundhog "
    "Flag Anzac Australia Canada Unity Republic Constitution Primary Polling"
).split()

#: A named day: "Valentine's Day", "St. Patrick's Day", "New Year's Day", "Election Day".
_HOLIDAY = re.compile(
    r"(?<![\w-])(?:(?:St\. |Saint |New )?[A-Z][a-z]+['’]s|"
    + "|".join(_HOLIDAY_HEADS)
    + r") Day(?![\w-])"
)

#: A number that may be a year: only such a number makes a DATE of numbers alone.
_YEAR = re.compile(r"1\d{3}|20\d{2}")

#: Times of day after a weekday ("Wednesday night" -> "Wednesday").
_TIMES_OF_DAY = frozenset("morning afternoon evening night overnight".split())

#: Words that place a time from now: "last week", "next year", "past month".
_DEICTIC = frozenset("last next past previous coming".split())

#: Fixed phrases that keep their "the".
_THE_IDIOMS = frozenset({"the other day"})


def date_bounds(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The (start, end) tokens of the DATE that spaCy found at ``doc[start:end]``,
    edge punctuation already trimmed; ``None`` when it is no DATE under the spec."""
    if start >= end or _is_bare_number(doc, start, end) or _is_age(doc, start, end):
        return None
    words = [doc[i].lower_ for i in range(start, end)]
    if words[0] in _RECURRING and len(words) == 1 or words[0] in ("every", "each"):
        return None
    if "per" in words or _is_numbered_part(doc, start, end):
        return None
    start = _with_deictic(doc, start, end)
    end = _before_possessive(doc, start, end)
    part = part_of(doc, start, end)
    if part is not None:
        return part, end
    if is_vague_one(doc, start, end) or in_law_name(doc, start):
        return None
    if _is_fraction(doc, end):
        return None
    if words[-1] in _VAGUE_UNITS and all(
        w in _VAGUE_DETERMINERS or w == "very" for w in words[:-1]
    ):
        return None
    while start < end - 1 and _is_leader(doc, start):
        start += 1
    start = cut_leading_count(doc, start, end)
    if (
        start < end - 1
        and doc[start].lower_ in ("late", "early")
        and doc[start + 1].lower_ in WEEKDAYS
    ):
        start += 1
    if start < end - 1 and doc[start].lower_ == "the" and not _keeps_the(doc, start, end):
        start += 1
    end = cut_count(doc, start, _cut_tail(doc, start, end))
    return with_qualifier(doc, start, end), end


def date_in_time(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The DATE inside a spaCy TIME at ``doc[start:end]`` (there is no TIME label):
    its final weekday ("the early hours of Thursday" -> "Thursday") or the whole of a
    time ending in "today" ("earlier today"); ``None`` for a time of day alone."""
    last = doc[end - 1].lower_
    if last in WEEKDAYS:
        return end - 1, end
    for i in range(start, end - 1):
        if doc[i].lower_ in WEEKDAYS and all(
            doc[j].lower_ in _TIMES_OF_DAY for j in range(i + 1, end)
        ):
            return i, i + 1
    if last == "today":
        return date_bounds(doc, start, end)
    return None


def with_holidays(text: str, found: list[Entity]) -> list[Entity]:
    """``found`` with each named day of ``text`` a DATE ("Valentine's Day", "Bastille
    Day"), in place of the entities that overlap it ("Valentine" PERSON)."""
    days = [m.span() for m in _HOLIDAY.finditer(text)]
    if not days:
        return found
    kept = [e for e in found if not any(overlaps(e.start, e.end, a, b) for a, b in days)]
    return kept + [Entity(start=a, end=b, text=text[a:b], label="DATE") for a, b in days]


def _is_leader(doc: Doc, i: int) -> bool:
    """A word before the date proper: a preposition of :data:`_LEADERS`, or a lower-case
    noun or pronoun that names no time ("election", "himself")."""
    token = doc[i]
    if token.lower_ in _LEADERS:
        return True
    if not token.text.islower() or token.lower_ in TIME_WORDS:
        return False
    if token.pos_ == "PRON":
        return True
    if token.pos_ == "NOUN":
        return _starts_phrase(doc, i + 1)
    # a determiner of such a noun ("an election eight years ago")
    return (
        token.pos_ == "DET"
        and i + 1 < len(doc)
        and doc[i + 1].pos_ == "NOUN"
        and doc[i + 1].text.islower()
        and doc[i + 1].lower_ not in TIME_WORDS
        and _starts_phrase(doc, i + 2)
    )


def _starts_phrase(doc: Doc, i: int) -> bool:
    """Whether a new phrase starts at token ``i``: a number, a determiner or a word that
    places a time from now ("last", "next"), so that the noun before it is not the head
    of a compound ("school year" keeps "school"; "an essay last week" -> "last week")."""
    return i < len(doc) and (doc[i].like_num or doc[i].pos_ == "DET" or doc[i].lower_ in _DEICTIC)


def _with_deictic(doc: Doc, start: int, end: int) -> int:
    """Take in the word before a lone time unit that places it from now, which spaCy
    left out: "this year's race" DATE "year" -> "this year"."""
    if (
        end - start == 1
        and start > 0
        and doc[start - 1].lower_ in _DEICTIC | {"this"}
        and doc[start - 1].ent_iob_ == "O"
        and doc[start].lower_ in TIME_WORDS
    ):
        return start - 1
    return start


def _before_possessive(doc: Doc, start: int, end: int) -> int:
    """A weekday or month ends at its possessive: "Monday’s Morning Briefing" ->
    "Monday"; "the year's end" stays, and named days ("Valentine's Day") are found
    whole by :func:`with_holidays`."""
    for i in range(start + 1, end):
        if doc[i].text in ("'s", "’s") and doc[i - 1].lower_ in WEEKDAYS | _MONTHS:
            return i
    return end


def _is_numbered_part(doc: Doc, start: int, end: int) -> bool:
    """A numbered part of a series, not a time: "season four", "Season 2"."""
    return (
        end - start == 2
        and doc[start].lower_ in ("season", "series", "episode", "part")
        and doc[start + 1].like_num
    )


def _keeps_the(doc: Doc, start: int, end: int) -> bool:
    """ "the X of Y" and fixed phrases keep their article."""
    if doc[start:end].text.lower() in _THE_IDIOMS:
        return True
    return any(doc[i].lower_ == "of" for i in range(start + 2, end - 1))


def _cut_tail(doc: Doc, start: int, end: int) -> int:
    """Cut a "before"/"after" tail that names no time and no name ("before his third";
    "before Christmas" stays)."""
    for i in range(start + 1, end - 1):
        if doc[i].lower_ in ("before", "after") and not any(
            _names_time(doc[j].lower_) or doc[j].text[:1].isupper() for j in range(i + 1, end)
        ):
            return i
    return end


def _names_time(word: str) -> bool:
    return (
        word in TIME_WORDS
        or word in WEEKDAYS
        or word in _MONTHS
        or (word.isdigit() and len(word) == 4)
        or word in ("ago", "later", "earlier")
    )


def _is_fraction(doc: Doc, end: int) -> bool:
    """A fraction of a group, not a time: "a quarter of the committee"."""
    return (
        end < len(doc)
        and doc[end - 1].lower_ in ("quarter", "half", "third")
        and doc[end].lower_ == "of"
    )


def _is_age(doc: Doc, start: int, end: int) -> bool:
    """An age: "14-year-old", "those 18 to 35 years old", "children ages 3 to 9"."""
    last = doc[end - 1].lower_
    if last == "old" or last.endswith("-old"):
        return True
    ages = ("age", "ages", "aged")
    if start > 0 and doc[start - 1].lower_ in ages and doc[start].like_num:
        return True
    if end - start > 1 and doc[start].lower_ in ages and doc[start + 1].like_num:
        return True
    return (
        end < len(doc)
        and doc[end - 1].lower_ in ("year", "years")
        and (
            doc[end].lower_ in ("old", "-old")
            or doc[end].text == "-"
            and end + 1 < len(doc)
            and doc[end + 1].lower_ == "old"
        )
    )


def _is_bare_number(doc: Doc, start: int, end: int) -> bool:
    """A DATE that is only numbers that are no years and connecting words ("between 65",
    "under 500") is not a date."""
    for i in range(start, end):
        token = doc[i]
        word = token.text.replace(",", "")
        if word.isdigit():
            if _YEAR.fullmatch(token.text):
                return False
        elif not (token.is_punct or token.lower_ in _NUMBER_WORDS):
            return False
    return True
