"""Claim forms of real news read apart from the number parser: tallies, fractions,
ratios and ages (spec section 3, and the decisions written in docs/spec-decisions.md).

- Tally: "58%-37%" (a percent sign on both sides of a dash, no spaces) is two exact
  percent claims, not a range, and so is "36 percent to 51 percent" (see
  :mod:`claim_quantity`); a range of percents is written "40-50%" or "40 to 50 percent".
- Fraction: "half", "a quarter", "one-third", "two-thirds", "three-fourths" before "of"
  or a determiner ("half the voters"), a hyphenated one before any word, and a
  denominator after a rank ("the bottom fifth") is a claim of unit ``fraction`` whose
  value is the fraction (2/3 -> 0.667), not a percent.
- Percent fraction: "a quarter of a percent", "less than one-half of 1 percent" is one
  claim of unit ``percent`` (value 0.25, 0.5), not a fraction and a percent.
- Height: "6'3\"" is 75 ``inch``.
- Ratio: "by 2-1", "by nearly 3-1" (a margin "N-1" after "by") is ``N`` of unit ``ratio``.
- Share of a small whole: "one in five", "nine out of 10", "nearly eight of 10" (N below
  M, M from 2 to 10, "of" only after a qualifier and with M = 10, no unit of time or
  measure after M) is one claim of unit ``fraction`` and value N/M, from N to M; "one in
  45 children" is not one (its "one" counts children), nor "six of ten counties" (a
  count of counties).
- Age: "Dana Roe, 41," (a bare number set off by commas after a name), "a 52-year-old",
  "aged 45", "45 years old", "turned 66" are claims of unit ``year``; "N-year-old" ends
  at "year".

Example:
    >>> tally_parts("58%-37")
    ((0, 2, 58.0), (4, 6, 37.0))
    >>> read_fraction(["two", "-", "thirds", "of"], 0)
    (3, 0.667)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.claim_words import DURATIONS, MEASURES, QUALIFIERS, UNIT_WORDS
from goldsmith.annotate.rules.numbers import UNITS, digit_value, match_number

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Denominators of fractions, singular and plural spellings.
DENOMINATORS: dict[str, int] = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
#: Words after a fraction that make it one of a whole ("half of", "half the voters").
_FRACTION_AFTER = frozenset("of the its their his her our these those".split())
#: Words before "half"/"third" that make it a part of a period or an ordinal, not a
#: fraction ("the first half of the year", "a second third").
_NOT_FRACTION_BEFORE = frozenset("first second third last other final opening closing".split())
#: Words before a singular denominator that make it a share of a ranked whole: "the
#: bottom fifth of incomes", "the top quarter".
_POSITIONS = frozenset("top bottom middle lowest highest poorest richest wealthiest".split())
_COUPLE_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 10**6}
#: Nouns of a set of things counted exactly before "of" ("a pair of shoes").
_SETS = {"pair": 2.0, "trio": 3.0}
_HEIGHT = re.compile(r"^(\d)['\u2019](\d{1,2})$")
_TALLY = re.compile(r"^(\d[\d.,]*)%[-\u2013](\d[\d.,]*)$")


def tally_parts(word: str) -> tuple[tuple[int, int, float], tuple[int, int, float]] | None:
    """The two percents of a tally token "58%-37" (spaCy keeps it one token and splits the
    last "%"): character offsets inside ``word`` of "58%" and of "37", and the values."""
    found = _TALLY.match(word)
    if found is None:
        return None
    low, high = digit_value(found[1]), digit_value(found[2])
    if low is None or high is None:
        return None
    return (0, found.end(1) + 1, float(low)), (found.start(2), found.end(2), float(high))


def read_fraction(
    lower: Sequence[str], i: int, alone: Callable[[int], bool] | None = None
) -> tuple[int, float] | None:
    """A fraction starting at ``lower[i]``: its token end and value, or None.

    "half"; "a"/"one" + denominator ("a quarter", "one-third"); a number word up to nine
    + plural denominator ("two-thirds", "three quarters"). A fraction must be followed by
    "of" or a determiner (a hyphenated plural one, "down three-quarters from", need not;
    nor one whose token end ``alone`` accepts: the caller's test for a qualified share
    standing on its own, "just over a quarter, 26 percent", "more than half said") and
    not follow an ordinal ("the first half of").
    """
    n = len(lower)
    word = lower[i]
    if i > 0 and lower[i - 1] in _NOT_FRACTION_BEFORE:
        return None
    if word in DENOMINATORS and not word.endswith("s") and i > 0 and lower[i - 1] in _POSITIONS:
        return i + 1, round(1 / DENOMINATORS[word], 3)  # "the bottom fifth of incomes"
    found = _fraction_words(lower, i)
    if found is None:
        return None
    end, value = found
    if end == i + 3 and word != "a" and (end >= n or lower[end] != "of"):
        return end, value  # "down three-quarters from", "the middle one-fifth paid"
    if alone is not None and alone(end):
        return end, value  # "just over a quarter, 26 percent, say": the share on its own
    if end >= n or lower[end] not in _FRACTION_AFTER:
        return None
    if lower[end] == "of" and end + 1 < n and lower[end + 1] in ("a", "an"):
        return None  # "half of a percent", "a third of a mile": a measure, not a share
    return end, value


def _fraction_words(lower: Sequence[str], i: int) -> tuple[int, float] | None:
    """The words of a fraction at ``lower[i]``, "half", "a quarter", "one-half",
    "two-thirds": token end and value, whatever follows."""
    n, word = len(lower), lower[i]
    if word == "half":
        return i + 1, 0.5
    if word in ("a", "one"):
        top = 1
    elif word in UNITS and UNITS[word] > 1:
        top = UNITS[word]
    else:
        return None
    j = i + 1
    if j < n and lower[j] in ("-", "\u2013"):
        j += 1
    if j >= n or lower[j] not in DENOMINATORS or (lower[j] == "half" and j == i + 1):
        return None
    plural = lower[j].endswith("s")
    if plural != (top > 1):
        return None
    return j + 1, round(top / DENOMINATORS[lower[j]], 3)


def read_percent_fraction(lower: Sequence[str], i: int) -> tuple[int, float, str] | None:
    """ "a quarter of a percent", "one-half of 1 percent", "half a percentage point": an
    amount of percent written as a fraction of one; token end, value and unit."""
    found = _fraction_words(lower, i)
    if found is None:
        return None
    end, value = found
    if lower[end : end + 1] == ["of"]:
        end += 1
    if lower[end : end + 1] not in (["a"], ["1"], ["one"]):
        return None
    rest = lower[end + 1 : end + 3]
    if rest[:1] in (["percent"], ["%"]):
        return end + 2, value, "percent"
    if rest == ["percentage", "point"]:
        return end + 3, value, "point"
    return None


def read_height(words: Sequence[str], i: int) -> float | None:
    """ "6'3\"", "5’2”": a height in feet and inches (spaCy keeps "6'3" one token
    before the closing mark); its value in inches."""
    found = _HEIGHT.match(words[i])
    if found is None or i + 1 >= len(words) or words[i + 1] not in ('"', "\u201d", "''"):
        return None
    feet, inches = int(found[1]), int(found[2])
    return float(12 * feet + inches) if 3 <= feet <= 8 and inches < 12 else None


def read_couple(lower: Sequence[str], i: int) -> tuple[int, float] | None:
    """ "a couple of" (2; the span goes on past "of" to the counted noun) or "a couple
    dozen/hundred/thousand" (2 x the scale); "a pair of" (2) and "a trio of" (3) the same
    way (spec 4: "a pair of" -> 2): token end and value."""
    if lower[i] != "a" or i + 2 >= len(lower):
        return None
    if lower[i + 1] in _SETS and lower[i + 2] == "of":
        return i + 2, _SETS[lower[i + 1]]
    if lower[i + 1] != "couple":
        return None
    scale = _COUPLE_SCALES.get(lower[i + 2])
    if scale is not None:
        return i + 3, float(2 * scale)
    return (i + 2, 2.0) if lower[i + 2] == "of" else None


def read_ratio(lower: Sequence[str], i: int, before: str) -> tuple[int, float] | None:
    """A margin "2-1" at ``lower[i]`` after "by" (``before``, the word before the number
    or its qualifier): token end and the value N of "N-1"."""
    if before != "by" or i + 2 >= len(lower) or lower[i + 1] not in ("-", "\u2013"):
        return None
    if lower[i + 2] != "1" or not lower[i].isdigit():
        return None
    value = int(lower[i])
    return (i + 3, float(value)) if 1 < value < 100 else None


def read_share(
    words: Sequence[str], lower: Sequence[str], i: int, qualified: bool
) -> tuple[int, float] | None:
    """A share of a small whole "one in five", "nine out of 10", "nearly eight of 10"
    starting at ``words[i]`` (``qualified``: a qualifier phrase ends right before it;
    module rules): its token end and value N/M, or None."""
    top = match_number(words, i)
    if top is None or top.vague or top.currency or top.value != int(top.value):
        return None
    j = top.end
    if lower[j : j + 1] == ["in"]:
        k = j + 1
    elif lower[j : j + 2] == ["out", "of"]:
        k = j + 2
    elif lower[j : j + 1] == ["of"] and qualified:
        k = j + 1
    else:
        return None
    whole = match_number(words, k) if k < len(words) else None
    if whole is None or whole.vague or whole.currency or not top.value < whole.value <= 10:
        return None
    if lower[j] == "of" and whole.value != 10:
        return None
    after = lower[whole.end] if whole.end < len(lower) else ""
    if after in DURATIONS or after.removesuffix("s") in DURATIONS or after in UNIT_WORDS:
        return None  # "5 in 10 minutes": a count and a time
    if after.removesuffix("s") in MEASURES or after in ("percent", "%"):
        return None
    return whole.end, round(top.value / whole.value, 3)


def is_apposed_age(doc: Doc, i: int, end: int) -> bool:
    """ "Dana Roe, 41, said": digits 1-120 set off by commas right after a proper name."""
    tok = doc[i]
    if end != i + 1 or not tok.text.isdigit() or not 0 < int(tok.text) <= 120:
        return False
    if i < 2 or doc[i - 1].text != "," or doc[i - 2].pos_ != "PROPN":
        return False
    if doc[i - 2].ent_type_ not in ("PERSON", "ORG", ""):  # spaCy calls some surnames ORG
        return False
    return end < len(doc) and doc[end].text in (",", ".", ";", ")")


def read_one_duration(lower: Sequence[str], i: int) -> int | None:
    """ "more than a month", "nearly a decade", "all of an hour": "a"/"an" right after a
    qualifier phrase (or "all of") and before a singular unit of time is the number 1; its
    token end, or None. "over" is left out ("over a year" also means during it)."""
    if lower[i] not in ("a", "an") or i + 1 >= len(lower) or lower[i + 1] not in DURATIONS:
        return None
    for size in (3, 2, 1):
        phrase = tuple(lower[max(0, i - size) : i])
        if len(phrase) == size and phrase in QUALIFIERS and phrase != ("over",):
            return i + 1
    if tuple(lower[max(0, i - 2) : i]) == ("all", "of"):
        return i + 1  # "spent all of an hour with him": how long, stressed as short
    return None


_GLUED_UNIT = re.compile(r"^(\d[\d,]*(?:\.\d+)?)([a-z]+)$")


def read_glued_unit(word: str) -> tuple[float, str] | None:
    """ "16ounces", "5km": a number written together with its unit word; value and unit."""
    found = _GLUED_UNIT.match(word.lower())
    if found is None:
        return None
    word = found[2].removesuffix("s")
    unit = UNIT_WORDS.get(found[2]) or (word if word in MEASURES else None)
    value = digit_value(found[1])
    if unit is None or value is None:
        return None
    return float(value), unit


_SIGNED = re.compile(r"^([+\-\u2212])(\d[\d,]*(?:\.\d+)?)$")


def read_signed(word: str) -> float | None:
    """ "-11", "+32": a number written with its sign (a net rating, a change); its value."""
    found = _SIGNED.match(word)
    if found is None:
        return None
    value = digit_value(found[2])
    if value is None:
        return None
    return -float(value) if found[1] != "+" else float(value)


def age_end(lower: Sequence[str], end: int) -> int | None:
    """ "52-year-old" / "52 years old" after the number ending at ``end``: the token end
    of the span ("52-year", "52 years"), or None."""
    if lower[end : end + 4] in (["-", "year", "-", "old"], ["-", "years", "-", "old"]):
        return end + 2
    if lower[end : end + 3] in (["-", "year", "old"], ["-", "years", "old"]):
        return end + 2  # "1-year old"
    if lower[end : end + 2] in (["years", "old"], ["year", "old"]):
        return end + 1
    return None
