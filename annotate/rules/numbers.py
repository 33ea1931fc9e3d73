"""Reading numbers written the way news text writes them, in digits or in words.

The parser works on a sequence of words (token texts, as spaCy splits them) and finds
the longest number expression starting at a given word. Forms understood:

- digits with thousands separators and decimals: "3,000", "1,500.5", "12";
  a digit string with a leading zero ("0123") is not a number (phone numbers, codes);
- scales glued to the digits: "2.4bn", "3mn", "5k", "175million" -> 2.4e9, 3e6, 5e3,
  1.75e8;
- number words up to the trillions: "three", "twenty-five", "twenty five",
  "two hundred and ten", "a dozen", "two dozen", "a hundred", "half a million";
- digits followed by scale words: "1.5 million", "3 trillion";
- plural scale words, which state a lower bound (``vague``): "hundreds", "thousands",
  "millions", "dozens" (12), "tens of thousands" (10,000), "hundreds of thousands";
  "several thousand" and "a few hundred" read the same way;
- "minus" before a number negates it: "minus 5" -> -5;
- a currency sign or code before the number sets ``currency``: "$2.4bn" -> 2.4e9 dollar,
  "€5m" -> 5e6 euro (after a currency, "m", "b", "k" are scales too).

Ranges written as one token ("20–30") are read by :func:`parse_range_token`. The word
lists are in :mod:`goldsmith.annotate.rules.number_words`.

Example:
    >>> parse_number("$2.4bn").value, parse_number("$2.4bn").currency
    (2400000000.0, 'dollar')
    >>> parse_number("twenty-five").value
    25.0
    >>> parse_number("thousands of").vague
    True
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from goldsmith.annotate.rules.currencies import CURRENCY_PREFIXES, SIGN_PREFIX
from goldsmith.annotate.rules.number_words import (
    CURRENCY_SCALES,
    GLUED_SCALES,
    PLURAL_SCALES,
    SCALES,
    STARTERS,
    UNITS,
    VAGUE_QUANTIFIERS,
    continue_number,
    match_plural,
    small_word,
)

__all__ = [  # UNITS is re-exported: claim_forms reads it from here
    "UNITS",
    "NumberMatch",
    "digit_value",
    "is_starter",
    "match_number",
    "parse_number",
    "parse_range_token",
    "split_words",
]

_DIGITS = re.compile(
    r"^(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
    r"(?P<suffix>thousand|million|billion|trillion|bn|bln|mn|mln|trn|tn|k|m|b)?$"
)
_RANGE_TOKEN = re.compile(r"^(?P<low>[\d.,]+)[-\u2013\u2014](?P<high>[\d.,]+)$")
_SPLIT = re.compile(r"[-\u2013\u2014]|[^\s\-\u2013\u2014]+")


@dataclass(frozen=True)
class NumberMatch:
    """A number found in ``words[start:end]``.

    ``vague`` marks plural scale words ("thousands") that state a lower bound;
    ``scale`` is the multiplier of the trailing scale word (1 when there is none);
    ``currency`` the unit named by a currency sign or code before the number.
    """

    start: int
    end: int
    value: float
    vague: bool = False
    scale: int = 1
    currency: str | None = None
    digits: bool = False

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "vague": self.vague,
            "scale": self.scale,
            "currency": self.currency,
            "digits": self.digits,
        }


def is_starter(word: str) -> bool:
    """Cheap test: could a number expression start at ``word``?"""
    if word[:1] in ("+", "-", "\u2212") and word[1:2].isdigit():
        return True  # a signed number: "-11 points"
    return bool(word) and (word[0].isdigit() or word[0] == "." or word.lower() in STARTERS)


def digit_value(word: str) -> Decimal | None:
    """The value of a digit token: "3,000" -> 3000, "2.4bn" -> 2.4e9; None otherwise.

    A digit string with a leading zero and no decimal point ("0123") is not a number.
    """
    found = _DIGITS.match(word.lower())
    if found is None:
        return None
    num = found["num"]
    if len(num) > 1 and num[0] == "0" and num[1] != ".":
        return None
    suffix = found["suffix"]
    if suffix in CURRENCY_SCALES:
        return None  # only read after a currency sign, see match_number
    try:
        value = Decimal(num.replace(",", ""))
    except InvalidOperation:
        return None
    return value * GLUED_SCALES[suffix] if suffix else value


def match_number(words: Sequence[str], i: int) -> NumberMatch | None:
    """The longest number expression starting at ``words[i]``, or None.

    Rule: an optional currency sign, then digits or number words combined the way
    English writes them, then scale words. "and" joins only after "hundred" or a scale
    word ("two hundred and ten"); a hyphen only joins tens and units ("twenty-five").
    A trailing "of" is never consumed.
    """
    n = len(words)
    if i >= n:
        return None
    currency = None
    j = i
    sign = 1
    if words[j].lower() == "minus":
        sign, j = -1, j + 1
        if j >= n:
            return None
    first = words[j].lower()
    if first in CURRENCY_PREFIXES:
        currency = CURRENCY_PREFIXES[first]
        j += 1
        if j >= n:
            return None
    found = _match_bare(words, j, currency is not None)
    if found is None:
        return None
    value, end, vague, scale, digits = found
    number = float(sign * value)
    if (sign < 0 and vague) or not math.isfinite(number):
        return None  # "minus thousands"; a digit string too long for a float
    return NumberMatch(i, end, number, vague, scale, currency, digits)


def _match_bare(
    words: Sequence[str], i: int, after_currency: bool
) -> tuple[Decimal, int, bool, int, bool] | None:
    n = len(words)
    low = words[i].lower()
    if low in PLURAL_SCALES or low == "tens":
        return match_plural(words, i)
    if low in VAGUE_QUANTIFIERS or (low == "a" and i + 1 < n and words[i + 1].lower() == "few"):
        k = i + 1 if low != "a" else i + 2
        if k < n and (words[k].lower() in SCALES or words[k].lower() == "hundred"):
            scale = SCALES.get(words[k].lower(), 100)
            return Decimal(scale), k + 1, True, scale, False
        return None
    dozen = _half_dozen(words, i)
    if dozen is not None:
        return Decimal(6), dozen, False, 12, False
    if low == "half" and i + 2 < n and words[i + 1].lower() in ("a", "an"):
        scale = SCALES.get(words[i + 2].lower())
        if scale is None:
            return None
        return Decimal(scale) / 2, i + 3, False, scale, False
    digits = False
    if low in ("a", "an"):
        if i + 1 >= n:
            return None
        nxt = words[i + 1].lower()
        if nxt not in SCALES and nxt not in ("hundred", "dozen"):
            return None
        current, j, last = Decimal(1), i + 1, "unit"
    else:
        value = digit_value(words[i])
        if value is not None:
            current, j, last, digits = value, i + 1, "digits", True
            glued = _DIGITS.match(low)
            if glued and glued["suffix"]:
                mult = GLUED_SCALES[glued["suffix"]]
                return current, j, False, mult, True
            if after_currency and j < n and words[j].lower() in CURRENCY_SCALES:
                current *= CURRENCY_SCALES[words[j].lower()]
                return current, j + 1, False, CURRENCY_SCALES[words[j].lower()], True
        else:
            word_value = small_word(low)
            if word_value is None:
                if after_currency:
                    return _currency_glued(low, i)
                return None
            current, j, last = Decimal(word_value[0]), i + 1, word_value[1]
    return continue_number(words, j, current, last, digits)


def _half_dozen(words: Sequence[str], i: int) -> int | None:
    """ "a half-dozen", "half a dozen", "a half dozen", "half-dozen": six; the end."""
    low = [w.lower() for w in words[i : i + 4]]
    if low[:1] == ["a"]:
        low, i = low[1:], i + 1
    if low[:1] != ["half"]:
        return None
    for tail in (["-", "dozen"], ["a", "dozen"], ["dozen"]):
        if low[1 : 1 + len(tail)] == tail:
            return i + 1 + len(tail)
    return None


def _currency_glued(low: str, i: int) -> tuple[Decimal, int, bool, int, bool] | None:
    found = _DIGITS.match(low)
    if found is None or found["suffix"] not in CURRENCY_SCALES:
        return None
    mult = CURRENCY_SCALES[found["suffix"]]
    return Decimal(found["num"].replace(",", "")) * mult, i + 1, False, mult, True


def split_words(text: str) -> list[str]:
    """Split ``text`` roughly the way spaCy does for numbers: signs, hyphens, "%" apart."""
    words: list[str] = []
    for chunk in text.split():
        sign = SIGN_PREFIX.match(chunk)
        if sign:
            words.append(sign.group(1))
            chunk = chunk[sign.end() :]
        tail = []
        while chunk and chunk[-1] in "%,;:":
            tail.insert(0, chunk[-1])
            chunk = chunk[:-1]
        if _DIGITS.match(chunk.lower()) or _RANGE_TOKEN.match(chunk):
            words.append(chunk)
        else:
            words.extend(_SPLIT.findall(chunk))
        words.extend(tail)
    return words


def parse_number(text: str) -> NumberMatch | None:
    """The number that ``text`` consists of, or None when ``text`` is anything more or less.

    A trailing "of" after a plural scale word is allowed ("thousands of").
    """
    words = split_words(text)
    if not words:
        return None
    found = match_number(words, 0)
    if found is None:
        return None
    rest = words[found.end :]
    if rest == [] or (found.vague and [w.lower() for w in rest] == ["of"]):
        return found
    return None


def parse_range_token(word: str) -> tuple[float, float] | None:
    """A range written as one token with a dash: "20–30" -> (20.0, 30.0); None otherwise.

    The high end must be larger than the low end ("3-2" is a score, not a range).
    """
    found = _RANGE_TOKEN.match(word)
    if found is None:
        return None
    low, high = digit_value(found["low"]), digit_value(found["high"])
    if low is None or high is None or not high > low or not math.isfinite(float(high)):
        return None
    return float(low), float(high)
