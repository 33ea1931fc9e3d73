"""Numbers inside names and titles (part of rule 2 of :mod:`goldsmith.annotate.rules.claims`).

:class:`NameRules` says when a number is part of a name or a title, not a claim (spec 3,
"numbers in names"): inside a spaCy name entity ("Group of 20"), after a proper noun or a
mixed-case word ("Route 66", "iPhone 15"), after a singular noun with nothing counted
("room 404"), a house number ("100 Haven Avenue"), a capitalised number word before a
capitalised word ("Six Nations"), or a unit capitalised as a title ("the film 13 Hours").
A count after a person's name is no name ("swept by Cruz 34 delegates", "Diaz 384, Ruiz
300"), nor a number-noun compound of a title-case headline ("A 6-Word Warning").
"""

from __future__ import annotations

from goldsmith.annotate.rules.claim_quantity import Quantity
from goldsmith.annotate.rules.claim_referential import ReferentialRules
from goldsmith.annotate.rules.claim_words import (
    DURATIONS,
    MEASURES,
    MONTHS,
    NAME_LABELS,
    WEEKDAYS,
    is_plural,
)
from goldsmith.annotate.rules.currencies import CURRENCY_UNITS
from goldsmith.annotate.rules.numbers import is_starter

#: Units after which a number is never part of a name ("Route 66" has none).
UNITS_NOT_NAMES = MEASURES | {"percentage point"}
#: Quotation marks around a title.
_QUOTES = frozenset("\"'\u2018\u2019\u201c\u201d")
#: Last words of a street name after a house number ("100 Haven Avenue").
_STREET_WORDS = frozenset(
    "street st avenue ave road rd boulevard blvd drive dr lane ln place pl court ct way "
    "parkway pkwy plaza square terrace highway".split()
)


class NameRules(ReferentialRules):
    """Says whether a number is part of a name or a title."""

    def _titled_compound(self, qty: Quantity) -> bool:
        """A number-noun compound of a title-case headline, "A 6-Word Warning": a
        capitalised word of letters, no number word, after the hyphen."""
        k = qty.end
        if k + 1 >= len(self.doc) or self.words[k] != "-":
            return False
        word = self.doc[k + 1]
        if not (word.is_alpha and word.text.istitle() and len(word.text) > 1):
            return False
        return not is_starter(word.text) and self._title_case(qty.first)

    def _titled_unit(self, qty: Quantity) -> bool:
        """A unit of time or measure capitalised mid-sentence outside a title-case headline,
        or in quotation marks, names a work or a show: "the film \u201c13 Hours\u201d", "on
        60 Minutes", "Movie \u201813 Hours\u2019 Opens"; so do the same words anywhere
        later in the text ("13 Hours opens Friday")."""
        if qty.end >= len(self.words) or qty.currency:
            return False
        word = self.words[qty.end]
        if not (word[:1].isupper() and word[1:].islower()):
            return False
        unit = self._counted(qty, qty.end)[0]
        if unit not in DURATIONS and unit not in MEASURES:
            return False
        name = f"{self.lower[qty.first]} {word.lower()}"
        start, _ = self._sentence(qty.first)
        text, first = self.text, self.doc[qty.first]
        after = self.doc[qty.end].idx + len(word)
        quoted = text[first.idx - 1 : first.idx] in _QUOTES and text[after : after + 1] in _QUOTES
        if quoted or (qty.first > start and not self._title_case(qty.first)):
            self.titles.add(name)  # the same words elsewhere in the text are the title too
            return True
        return name in self.titles

    def _in_name(self, num: int, qual_start: int, qualifier: str, qty: Quantity) -> bool:
        doc = self.doc
        tok = doc[num]
        unit, unit_end = self._counted(qty, qty.end)
        if unit_end is not None and (unit in UNITS_NOT_NAMES or unit in CURRENCY_UNITS):
            return False  # "DOWN 0.4 percent", "favored Trump 46 percent": no name ends so
        if self.lower[qty.end : qty.end + 1] == ["to"] and qty.end + 1 < len(doc):
            if doc[qty.end + 1].like_num:
                return False  # "leads Ana Diaz 812 to 790": a tally, not "Route 66"
        if self._titled_compound(qty):
            return False  # "A 6-Word Warning": the compound counts words
        if tok.ent_type_ in NAME_LABELS and tok.ent_iob_ == "I" and not self._person_digits(num):
            return True
        if num == 0 or qualifier != "exact" or qty.currency:
            return False
        if self._address(qty):
            return True
        if not qty.digits:
            capital = tok.text[:1].isupper() and not tok.text.isupper()
            if capital and doc[num - 1].lower_ in ("of", "for") and self._group_of(num, qty):
                return True  # "the Gang of Eight", like "Group of 20"
            return self._capitalised_name(num, qty)
        prev = doc[num - 1]
        word, low = prev.text, prev.text.lower()
        if low in ("of", "for"):
            return self._group_of(num, qty)  # "Group of 20", "the Fight for 15 Movement"
        if not prev.whitespace_ or low in MONTHS or low in WEEKDAYS:
            return False
        if not word.isalpha():
            # "S&P 500": a capitalised name written with symbols
            return word[:1].isupper() and any(c in "&-" for c in word) and self._bare(qty)
        if word.islower():
            # "room 404", "page 3": a label after a singular noun, nothing counted
            return prev.tag_ == "NN" and "," not in tok.text and self._bare(qty)
        start, _ = self._sentence(num)
        if start == num - 1:
            return False
        following = doc[qty.end] if qty.end < len(doc) else None
        counts_plural = (
            following is not None and is_plural(following) and following.pos_ in ("NOUN", "PROPN")
        )
        if self._title_case(num):
            if not counts_plural:  # "But 2 Major Things Were Left Out": the head is plural
                unit, end = self._counted(qty, qty.end)
                counts_plural = end is not None and is_plural(doc[end - 1])
            return not counts_plural  # "Deploys 3,000 Troops" counts; "Route 66" names
        if prev.ent_type_ == "PERSON" and counts_plural:
            return False  # "swept by Diaz 34 delegates to zero": a person is no name's start
        if prev.pos_ == "PROPN" and self._person_tally(num, qty):
            return False  # "Diaz 384, Ruiz 300, Lee 151": a tally by person
        return prev.pos_ == "PROPN" or word[0].islower() or not counts_plural

    def _person_digits(self, num: int) -> bool:
        """Digits ending a PERSON entity ("Mary Diaz 384"): no person's name ends in digits,
        the tagger took a count after the name into it."""
        tok = self.doc[num]
        last = num + 1 >= len(self.doc) or self.doc[num + 1].ent_iob_ != "I"
        return tok.ent_type_ == "PERSON" and tok.text[:1].isdigit() and last

    def _person_tally(self, num: int, qty: Quantity) -> bool:
        """ "Diaz 384, Ruiz 300 and Lee 37": a bare number after a name, followed by a
        comma, a stop or "and", in a sentence with a person's name before another number."""
        nxt = self.lower[qty.end] if qty.end < len(self.lower) else "."
        if nxt not in (",", ".", ";", "and") or not self._bare(qty):
            return False
        start, end = self._sentence(num)
        doc = self.doc
        return any(
            j != num and doc[j].like_num and doc[j - 1].ent_type_ == "PERSON"
            for j in range(max(start, 1), end)
        )

    def _group_of(self, num: int, qty: Quantity) -> bool:
        """ "Group of 20", "Fight for 15": a number ending a capitalised name, nothing counted
        after it."""
        return num >= 2 and self.doc[num - 2].pos_ == "PROPN" and self._bare(qty)

    def _capitalised_name(self, num: int, qty: Quantity) -> bool:
        """ "Six Nations": a capitalised number word mid-sentence before a capitalised noun."""
        tok, doc = self.doc[num], self.doc
        start, end = self._sentence(num)
        if start == num or not tok.text[:1].isupper() or tok.text.isupper():
            return False
        if qty.end >= len(doc):
            return False
        following = doc[qty.end]
        if not following.text[:1].isupper() or following.text.isupper():
            return False
        return not self._title_case(num)

    def _address(self, qty: Quantity) -> bool:
        """A street number: "100 Haven Avenue", "1600 Pennsylvania Ave."."""
        words = self.words[qty.end : qty.end + 4]
        for j, word in enumerate(words):
            if not word[:1].isupper():
                return False
            if word.lower().rstrip(".") in _STREET_WORDS:
                return j > 0
        return False

    def _unit_follows(self, qty: Quantity) -> bool:
        """Whether a percent, a measure or money follows the number (names never end so)."""
        unit, end = self._counted(qty, qty.end)
        return end is not None and (unit in UNITS_NOT_NAMES or unit in CURRENCY_UNITS)
