"""Numbers written in words: the word lists, and how English combines them.

Units, teens, tens, scales and quantifiers, and the grammar of "two hundred and ten",
"twenty-five", "tens of thousands". The number parser
(:mod:`goldsmith.annotate.rules.numbers`) calls these; the forms it understands are listed
there.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from goldsmith.annotate.rules.currencies import CURRENCY_PREFIXES

#: Number words below one hundred.
UNITS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
TEENS: dict[str, int] = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
#: Scale words that multiply what precedes them.
SCALES: dict[str, int] = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
#: Plural scale words: "thousands of" means some thousands, read as the scale itself.
PLURAL_SCALES: dict[str, int] = {
    "dozens": 12,
    "hundreds": 100,
    "thousands": 10**3,
    "millions": 10**6,
    "billions": 10**9,
    "trillions": 10**12,
}
#: Abbreviated scales, glued ("2.4bn") or separate ("5 mln"); always safe to read.
ABBREVIATED_SCALES: dict[str, int] = {
    "bn": 10**9,
    "bln": 10**9,
    "mn": 10**6,
    "mln": 10**6,
    "trn": 10**12,
    "tn": 10**12,
}
#: Scales glued to the digits: abbreviations ("2.4bn") and whole words, which news
#: copy loses the space before ("$175million").
GLUED_SCALES: dict[str, int] = ABBREVIATED_SCALES | SCALES
#: One-letter scales, read only after a currency ("€5m"), since "5 m" may be metres.
CURRENCY_SCALES: dict[str, int] = {"k": 10**3, "m": 10**6, "b": 10**9, "t": 10**12}
#: Vague quantifiers that turn a following singular scale into a lower bound.
VAGUE_QUANTIFIERS: frozenset[str] = frozenset({"several", "few"})
#: Words a number expression may start with (besides digits).
STARTERS: frozenset[str] = frozenset(
    set(UNITS)
    | set(TEENS)
    | set(TENS)
    | set(PLURAL_SCALES)
    | set(CURRENCY_PREFIXES)
    | {"a", "an", "half", "tens", "several", "minus"}
)


def small_word(low: str) -> tuple[int, str] | None:
    """A number word below one hundred and its kind: "twenty-five" -> (25, "unit")."""
    if low in UNITS:
        return UNITS[low], "unit"
    if low in TEENS:
        return TEENS[low], "teen"
    if low in TENS:
        return TENS[low], "tens"
    if "-" in low:
        head, _, tail = low.partition("-")
        if head in TENS and tail in UNITS and UNITS[tail] > 0:
            return TENS[head] + UNITS[tail], "unit"
    return None


def continue_number(
    words: Sequence[str], j: int, current: Decimal, last: str, digits: bool
) -> tuple[Decimal, int, bool, int, bool]:
    """Extend a number with hyphenated units, "hundred", "and", scale words and "dozen"."""
    n = len(words)
    total = Decimal(0)
    big = 10**15  # the last scale used; each further scale must be smaller
    scale = 1
    while j < n:
        low = words[j].lower()
        nxt = words[j + 1].lower() if j + 1 < n else ""
        if low.isspace() and "\n" not in low and (nxt in SCALES or nxt == "hundred"):
            j += 1  # a non-breaking space before a scale word: "5\u00a0million"
            continue
        small = small_word(low)
        if low == "-" and last != "scale" and (nxt in SCALES or nxt in ("hundred", "dozen")):
            j += 1  # "six-million", "two-dozen": a hyphen before a scale word joins it
            continue
        if low == "-" and last == "tens" and nxt in UNITS and UNITS[nxt] > 0:
            current += UNITS[nxt]
            j, last = j + 2, "unit"
        elif small and not digits and can_follow(last, small[1], current):
            current += small[0]
            j, last = j + 1, small[1]
        elif low == "hundred" and last in ("unit", "teen", "digits") and 0 < current < 100:
            current *= 100
            j, last, scale = j + 1, "hundred", max(scale, 100)
        elif low in SCALES and SCALES[low] < big and last != "and" and current > 0:
            big = SCALES[low]
            total += current * big
            current, scale = Decimal(0), max(scale, big)
            j, last = j + 1, "scale"
        elif low in ABBREVIATED_SCALES and digits and last == "digits":
            current *= ABBREVIATED_SCALES[low]
            scale = ABBREVIATED_SCALES[low]
            j, last = j + 1, "scale"
            break
        elif low == "dozen" and last in ("unit", "teen", "tens", "digits"):
            current *= 12
            j, last, scale = j + 1, "scale", 12
            break
        elif (
            low == "and"
            and last in ("hundred", "scale")
            and not digits
            and small_word(nxt) is not None
        ):
            j, last = j + 1, "and"
        else:
            break
    return total + current, j, False, scale, digits


def can_follow(last: str, kind: str, current: Decimal) -> bool:
    """Whether a word of ``kind`` may follow one of kind ``last`` ("hundred" then "ten")."""
    if last in ("hundred", "scale", "and"):
        return current % 100 == 0 if kind != "unit" else current % 10 == 0
    return last == "tens" and kind == "unit"


def match_plural(words: Sequence[str], i: int) -> tuple[Decimal, int, bool, int, bool] | None:
    """ "thousands" -> 1000; "tens/hundreds of thousands" -> 10,000 / 100,000."""
    n = len(words)
    low = words[i].lower()
    base = 10 if low == "tens" else PLURAL_SCALES[low]
    if i + 2 < n and words[i + 1].lower() == "of":
        outer = words[i + 2].lower()
        if outer in PLURAL_SCALES and PLURAL_SCALES[outer] > base and outer != "dozens":
            return Decimal(base * PLURAL_SCALES[outer]), i + 3, True, PLURAL_SCALES[outer], False
    if low == "tens":
        return None
    return Decimal(base), i + 1, True, base, False
