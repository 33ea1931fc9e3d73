"""The number a claim states: one number, a range, or a form of :mod:`claim_forms`.

:class:`QuantityReader` reads at a word that can start a number
(:mod:`goldsmith.annotate.rules.numbers`) the fraction, "a couple of", ratio, number or
range there (rules 0 and 1 of :mod:`goldsmith.annotate.rules.claims`).
"""

from __future__ import annotations

from dataclasses import dataclass

from goldsmith.annotate.rules.claim_forms import (
    read_couple,
    read_fraction,
    read_glued_unit,
    read_height,
    read_one_duration,
    read_percent_fraction,
    read_ratio,
    read_share,
    read_signed,
)
from goldsmith.annotate.rules.claim_reader import ClaimReader
from goldsmith.annotate.rules.claim_words import PERCENT_WORDS, QUALIFIERS
from goldsmith.annotate.rules.numbers import NumberMatch, match_number, parse_range_token

_RANGE_LINKS = frozenset({"to", "-", "\u2013", "\u2014"})
#: Verbs (and the noun "range") whose "from A to B" is a range, not a change: "estimates
#: range from 40 to 60", "sizes vary from 2 to 5 feet".
_SPREAD_VERBS = frozenset({"range", "vary", "span"})


@dataclass(frozen=True)
class Quantity:
    """A number (or range) found at tokens ``[first, end)``; ``last`` is its final token."""

    first: int
    end: int
    last: int
    value: float
    value_high: float | None
    vague: bool
    currency: str | None
    digits: bool
    between: bool = False
    #: "fraction", "ratio", "couple", "set" ("a pair of") or "one" for those forms
    #: (:mod:`claim_forms`), else "".
    kind: str = ""
    #: The unit written together with the number ("16ounces"), or fixed by its form ("a
    #: quarter of a percent", 6'3"; ``kind`` "glued"), else "".
    unit: str = ""


class QuantityReader(ClaimReader):
    """Reads the number (or range) at a token of the document."""

    def _quantity(self, i: int) -> Quantity | None:
        if self.lower[i] == "minus" and self.lower[max(0, i - 2) : i] == ["plus", "or"]:
            return None  # "plus or minus 3.4 points": a margin, read from the next word
        percent = read_percent_fraction(self.lower, i)
        if percent is not None:  # "a quarter of a percent": an amount of percent
            end, value, unit = percent
            return Quantity(i, end, end - 1, value, None, False, None, False, "", "glued", unit)
        height = read_height(self.words, i)
        if height is not None:  # 6'3": feet and inches
            return Quantity(i, i + 2, i + 1, height, None, False, None, True, "", "glued", "inch")
        fraction = read_fraction(self.lower, i, self._share_alone if self._qualified(i) else None)
        if fraction is not None:
            end, value = fraction
            return Quantity(i, end, end - 1, value, None, False, None, False, kind="fraction")
        before = self.lower[i - 1] if i > 0 else ""
        if i > 1 and QUALIFIERS.get((before,)) == "approx":
            before = self.lower[i - 2]
        couple = read_couple(self.lower, i)
        if couple is not None:
            end, value = couple
            kind = "couple" if self.lower[i + 1] == "couple" else "set"  # "a pair of"
            return Quantity(i, end, end - 1, value, None, False, None, False, kind=kind)
        if read_one_duration(self.lower, i) is not None:  # "more than a month"
            return Quantity(i, i + 1, i, 1.0, None, False, None, False, kind="one")
        margin = self.lower[i + 1 : i + 3] in (["-", "1"], ["\u2013", "1"])
        if margin and before != "by" and self._after_out_verb(i):
            before = "by"  # "outspending its rivals 5-1": a margin like "by 5-1"
        share = read_share(self.words, self.lower, i, self._qualified(i))
        if share is not None:  # "one in five", "nine out of 10"
            end, value = share
            return Quantity(i, end, end - 1, value, None, False, None, False, kind="fraction")
        ratio = read_ratio(self.lower, i, before)
        if ratio is not None:
            end, value = ratio
            return Quantity(i, end, end - 1, value, None, False, None, True, kind="ratio")
        found = match_number(self.words, i)
        if found is None:
            signed = read_signed(self.words[i])
            if signed is not None and (
                i == 0 or self.doc[i - 1].whitespace_ or self.words[i - 1] == "("
            ):
                return Quantity(i, i + 1, i, signed, None, False, None, True)  # "-11 points"
            glued = read_glued_unit(self.words[i])
            if glued is not None:  # "16ounces"
                return Quantity(
                    i, i + 1, i, glued[0], None, False, None, True, "", "glued", glued[1]
                )
            pair = parse_range_token(self.words[i])
            if pair is None:
                return None
            return Quantity(i, i + 1, i, pair[0], pair[1], False, None, True)
        end = found.end
        if end < len(self.words) and self._is_glue_space(end):
            end += 1  # "19.36\u00a0pesos": the space token is part of the number's end
        return self._range(found) or Quantity(
            i,
            end,
            found.end - 1,
            found.value,
            None,
            found.vague,
            found.currency,
            found.digits,
        )

    def _range(self, low: NumberMatch) -> Quantity | None:
        lower, k = self.lower, low.end
        between = low.start > 0 and lower[low.start - 1] == "between"
        if k < len(lower) and lower[k] in PERCENT_WORDS:
            k += 1
        if k + 1 >= len(lower):
            return None
        link = lower[k]
        if not (link in _RANGE_LINKS or link == "or" or (link == "and" and between)):
            return None
        if link == "to" and low.start > 0 and lower[low.start - 1] == "from":
            frm = self.doc[low.start - 1]
            spread = {frm.head.lemma_.lower(), frm.nbor(-1).lemma_.lower() if frm.i else ""}
            if not spread & _SPREAD_VERBS:
                return None  # "from A to B" states a change: two claims
        h = k + 1
        if link == "to":
            h += _qualifier_size(lower, h)  # "$500,000 to more than $1 million"
        high = match_number(self.words, h)
        if high is None or high.vague or low.vague:
            return None
        if k > low.end and high.currency:
            return None  # "fell 3% to $45": a percent and a price, not a range
        if low.currency and high.currency and low.currency != high.currency:
            return None
        value = low.value
        if low.scale == 1 and high.scale > 1 and value * high.scale <= high.value:
            value *= high.scale
        if link == "-" and high.digits != low.digits:
            return None  # "7-Eleven"
        percent_low = k > low.end and lower[low.end] in PERCENT_WORDS
        if percent_low and not (high.end < len(lower) and lower[high.end] in PERCENT_WORDS):
            return None  # "fell 1.1 percent to 16,800.55 points": a change and a level
        if percent_low and link == "to":
            return None  # "lost 36 percent to 51 percent", "(30 percent to 60 percent)": a tally
        if not high.value > value or self._year_like(low) or self._year_like(high):
            return None
        if link == "or" and high.value != value + 1:
            return None  # "four or five months" is a range; "10 or 20" is two amounts
        return Quantity(
            low.start,
            high.end,
            high.end - 1,
            value,
            high.value,
            False,
            low.currency or high.currency,
            low.digits,
            between,
        )

    def _qualified(self, i: int) -> bool:
        """Whether a qualifier phrase ends right before token ``i`` ("just over a quarter")."""
        return any(tuple(self.lower[max(0, i - n) : i]) in QUALIFIERS for n in (1, 2, 3) if i >= n)

    def _share_alone(self, end: int) -> bool:
        """Whether a qualified fraction ending at token ``end`` stands on its own: before
        punctuation or a verb ("just over a quarter, 26 percent", "more than half said")."""
        if end >= len(self.words):
            return True
        tok = self.doc[end]
        return (tok.is_punct and tok.text not in ("-", "\u2013")) or tok.pos_ in ("VERB", "AUX")

    def _after_out_verb(self, i: int) -> bool:
        """Whether a verb of outdoing ("outspent", "outnumbering") comes within six words
        before token ``i`` in its sentence."""
        start, _ = self._sentence(i)
        for j in range(i - 1, max(start, i - 7) - 1, -1):
            tok = self.doc[j]
            if tok.text in (".", ";"):
                return False
            if tok.pos_ == "VERB" and tok.lower_.startswith("out") and len(tok.text) > 5:
                return True
        return False

    def _year_like(self, found: NumberMatch) -> bool:
        return found.currency is None and year_like_value(found.value, self.words[found.start])


def year_like_value(value: float, text: str) -> bool:
    return text.isdigit() and len(text) == 4 and 1000 <= value <= 2100


def _qualifier_size(lower: list[str], i: int) -> int:
    """Words of a qualifier phrase starting at ``lower[i]`` ("more than"), else 0."""
    for size in (3, 2, 1):
        if tuple(lower[i : i + size]) in QUALIFIERS:
            return size
    return 0
