"""Amounts of time that say when (part of rule 2 of :mod:`goldsmith.annotate.rules.claims`).

Spec 4: an amount of time that says when something happened is a DATE, not a claim ("four
days before Election Day", "in three days", "four years ago"); one that says how long is a
claim. :class:`WhenRules` reads the words after the duration (ago/earlier/later, "away"
after a calendar unit, before/after unless a preposition of extent or a verb of lasting
governs it) and a future "in N days".
"""

from __future__ import annotations

from goldsmith.annotate.rules.claim_names import NameRules
from goldsmith.annotate.rules.claim_quantity import Quantity
from goldsmith.annotate.rules.claim_words import DURATIONS, RELATIVE_AFTER

#: Words after a duration that make it say when, not how long ("four days before").
_WHEN_AFTER = frozenset("before after prior".split())
#: Prepositions whose duration says how long also before "before"/"after".
_EXTENT_PREPOSITIONS = frozenset("for during throughout within".split())
#: Verbs whose duration says how long ("waited three days before answering").
_LASTING_VERBS = frozenset("last wait spend take serve stay remain live work stall linger".split())
#: Adverbs after a duration that always make it say when ("four years ago").
_WHEN_ADVERBS = frozenset("ago earlier later hence".split())
#: Units of a duration that says when before "away" ("a year away"); "six hours away"
#: says how far.
_CALENDAR_UNITS = frozenset("day week month year decade century".split())
#: Auxiliaries of a future "in N days" ("will decide in three days": when).
_FUTURE_AUX = frozenset("will would 'll shall".split())


class WhenRules(NameRules):
    """Says whether an amount of time says when (a date) or how long (a claim)."""

    def _says_when(self, qty: Quantity, qual_start: int) -> bool:
        """An amount of time that says when, not how long: "Four days before the vote,",
        "…, five years earlier", "three years later", "will decide in three days"; and a
        fronted count of steps "Six stops later, …"."""
        unit, end = self._counted(qty, qty.end)
        if end is None or self.lower[qty.end : qty.end + 1] == ["-"]:
            return False  # "after 82-year Iowa Sen. ...": a compound modifier says no time
        nxt = self.lower[end] if end < len(self.lower) else ""
        if unit not in DURATIONS:
            return nxt == "later" and self._set_off(qual_start)  # "Six stops later, ..."
        if nxt in _WHEN_ADVERBS:
            return True  # "four years ago", "bringing it back three years later"
        if nxt == "away" and unit in _CALENDAR_UNITS:
            return True  # "the election is less than a year away"
        if nxt in _WHEN_AFTER:
            # "four days before Election Day", "arrived just one day after the vote",
            # "Two weeks after the flood, …" say when; a duration governed by "for" or
            # "during", or what a verb of lasting takes, says how long ("stalled for
            # nearly five years before resuming", "waited three days before answering")
            return not self._how_long(qty, qual_start, end)
        if (
            qual_start == qty.first
            and qual_start > 0
            and self.lower[qual_start - 1]
            in (
                "after",
                "before",
            )
        ):
            # "bans abortions after 20 weeks" says when; "after more than 200 years" and
            # "after four decades in office" say how long
            return end >= len(self.lower) or self.lower[end] not in ("in", "of", "as", "at", "on")
        if qual_start == 0 or self.lower[qual_start - 1] != "in":
            return False
        verb = self.doc[qual_start - 1].head
        while qual_start == qty.first and verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head  # "will become minorities in 30 years": "in" hangs off a noun
        return any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in verb.children)

    def _how_long(self, qty: Quantity, qual_start: int, end: int) -> bool:
        """Whether a duration followed by "before"/"after" says how long: it is governed by
        a preposition of extent ("for nearly five years before", "during two weeks after")
        or its noun is what a verb of lasting takes ("waited three days after", "spent two
        years before")."""
        if self._word_before(qual_start) in _EXTENT_PREPOSITIONS:
            return True
        head = self.doc[end - 1]
        verb = head.head
        if verb.pos_ == "ADP":
            verb = verb.head  # "waited [three days] before": the amount hangs off "before"
        elif verb.dep_ == "advcl" and any(c.lower_ in _WHEN_AFTER for c in verb.children):
            verb = verb.head  # "waited [14 months] after the rocket failed": off "failed"
        return head.dep_ in ("dobj", "npadvmod") and verb.lemma_.lower() in _LASTING_VERBS

    def _set_off(self, qual_start: int) -> bool:
        """Whether the amount starting at token ``qual_start`` (or "just"/"only" before it)
        opens its sentence (after opening quotation marks or brackets at most) or follows a
        comma, a dash or a bracket (a non-breaking space between is no word)."""
        start, _ = self._sentence(qual_start)
        first = qual_start
        if first > start and self._word_before(first) in ("just", "only"):
            first -= 1  # "Just three hours later, ..."
            while first > start and self._is_glue_space(first):
                first -= 1
        if all(self.doc[j].is_punct or self.doc[j].is_space for j in range(start, first)):
            return True  # "“Two months before the attack, …"
        return self._word_before(first) in (",", "—", "–", "(", "-", "--")

    def _duration(self, qty: Quantity) -> bool:
        """A DATE/TIME number that counts something ("20 months", "20 percent"), not a date.

        A bare number is a date; a duration followed by "ago" is a date too.
        """
        unit, end = self._counted(qty, qty.end)
        if end is None:
            return False
        if unit not in DURATIONS:
            return True
        after = self.lower[end] if end < len(self.lower) else ""
        return after not in RELATIVE_AFTER
