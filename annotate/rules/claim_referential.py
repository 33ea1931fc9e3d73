"""Referential numbers (part of rule 2 of :mod:`goldsmith.annotate.rules.claims`).

A number that only points back at things already named is no claim (spec 3: "the two
nations", "both sides"). :class:`ReferentialRules` decides it from the determiner before
the number, the words between it and the counted noun, and what the text named before.
"""

from __future__ import annotations

from goldsmith.annotate.rules.claim_elided import ElidedReader
from goldsmith.annotate.rules.claim_quantity import Quantity
from goldsmith.annotate.rules.claim_words import DURATIONS, REFERENTIAL

#: Possessive determiners: "their three daughters" counts unless the things were named.
_POSSESSIVES = frozenset("its their his her our your my whose".split())
#: Words between a determiner and a small number that make it point back at things
#: already named ("the last two storms", "the top three contenders").
_ORDER_WORDS = frozenset("last past previous top other first next remaining final".split())
#: Words that rank the things counted, so they point at known ones ("their two top
#: targets", "their two leading candidates").
_RANK_WORDS = _ORDER_WORDS | frozenset("leading main major chief principal key".split())


class ReferentialRules(ElidedReader):
    """Says whether a number points back ("the two nations") or counts ("their three
    daughters", "the four mills that shut")."""

    def _superlative(self, i: int) -> bool:
        """A superlative at token ``i``: "largest", "most influential"."""
        tok = self.doc[i]
        if tok.tag_ == "JJS":
            return True
        nxt = self.doc[i + 1] if i + 1 < len(self.doc) else None
        return tok.lower_ in ("most", "least") and nxt is not None and nxt.pos_ == "ADJ"

    def _referential(self, qty: Quantity, num: int, qualifier: str, unit: str, end: int) -> bool:
        """Whether an unqualified number after a determiner points back: an order word
        ("the last two storms"), a superlative ("the two largest unions"), "the"/"these" +
        a number word up to ten unless it names new things (:meth:`_new_count`), a
        possessive unless a first mention ("their three daughters" counts), "the N
        things" repeating a claim, "these/those N" repeating a number claimed before."""
        if qualifier != "exact" or num == 0 or qty.vague or qty.currency:
            return False
        lower, doc = self.lower, self.doc
        if lower[qty.end : qty.end + 1] == ["-"] and not doc[qty.last].whitespace_:
            return False  # "the 50-state tour": a compound modifier is a claim every time
        prev = lower[num - 1]
        small_word = not qty.digits and qty.value <= 10
        if prev in _ORDER_WORDS and num > 1 and lower[num - 2] in REFERENTIAL:
            return small_word and unit not in DURATIONS  # "the last two storms"
        if prev in REFERENTIAL or prev in ("'s", "\u2019s"):
            if qty.end < len(doc) and self._superlative(qty.end):
                return True  # "the two largest unions": a description, not a count
        if prev not in REFERENTIAL:
            return False
        if small_word and prev in _POSSESSIVES and self._first_mention(qty, num, unit, end):
            return False  # "their three daughters": a first mention of her kin, a count
        if small_word and prev == "the" and self._new_count(qty, unit, end):
            return False  # "the four casinos that closed": first named here, counted
        if small_word:
            return True
        if prev in ("these", "those"):
            return any(value == qty.value for value, _ in self.seen)  # "these 206,000 people"
        # "the 40 protesters" after "40 protesters"; "the 40 remaining protesters" adds to it
        return prev == "the" and (qty.value, unit) in self.seen and end - qty.end <= 1

    def _new_count(self, qty: Quantity, unit: str, end: int) -> bool:
        """Whether "the" + a number word from three up counts things it names here: "the
        four casinos that closed", "the six weeks of leave" (a count, as the adjudicated gold
        reads it). It points back when it is "the two" (a pair already in view: "the two
        candidates"), repeats an earlier claim ("the six weeks" again), has no noun ("the
        three"), or stands in apposition to a list ("Ada and Bo, the two founders")."""
        if qty.value < 3 or (qty.value, unit) in self.seen or end <= qty.end:
            return False
        head = self.doc[end - 1]
        before = self._word_before(qty.first - 1) if qty.first > 0 else ""
        if head.pos_ != "NOUN" or head.dep_ == "appos" or before == ",":
            return False
        return not self._names_listed(qty)

    def _names_listed(self, qty: Quantity) -> bool:
        """Whether the sentence before the number (and its own words before it) name as
        many people, places or organisations of one kind as the number says: "Police held
        Ada, Bo and Cy. The three men ..." points back at the three names."""
        start, _ = self._sentence(qty.first)
        prev_start = self._sentence(start - 1)[0] if start > 0 else start
        counts: dict[str, set[str]] = {}
        for ent in self.doc.ents:
            if ent.start >= prev_start and ent.end <= qty.first:
                counts.setdefault(ent.label_, set()).add(ent.text.lower())
        return any(len(names) == qty.value for names in counts.values())

    def _first_mention(self, qty: Quantity, num: int, unit: str, end: int) -> bool:
        """Whether "his/their/our N things" names things for the first time: no word with
        the lemma ``unit`` before, no "between" before the possessive ("between our two
        countries" names the parties), and no rank word before the noun ("their two
        leading candidates", "their two top targets" point at known ones)."""
        if num > 1 and self.lower[num - 2] == "between":
            return False
        if any(self.lower[j] in _RANK_WORDS for j in range(qty.end, end)):
            return False
        return not any(tok.lemma_.lower() == unit for tok in self.doc[: qty.first])
