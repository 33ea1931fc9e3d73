"""The unit of a claim whose counted thing is elided (rule 5 of
:mod:`goldsmith.annotate.rules.claims`): "another 7,000 are expected", "had 883".

:class:`ElidedReader` names the thing counted by a number with no noun after it, from the
words around it first (a partitive "of", a parallel amount, a whole whose amount is
people, a noun it is set off after, a heading explained by the next line, the same verb
earlier in the sentence, a verb's subject), then from the claims before it in the same
paragraph, else "person".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from goldsmith.annotate.rules.claim_counted import CountedReader
from goldsmith.annotate.rules.claim_quantity import Quantity
from goldsmith.annotate.rules.claim_words import (
    AMOUNT_NOUNS,
    BOUND_NOUNS,
    CHANGE_VERBS,
    MONEY_VERBS,
    PARENTS,
    QUALIFIERS,
    QUANTITY_VERBS,
    unit_of,
)
from goldsmith.annotate.rules.numbers import is_starter

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Words joining two amounts of the same thing ("13 points from A and 7 from B").
_PARALLEL_LINKS = frozenset({"and", "or", ",", "to", "versus", "vs."})
#: Wholes whose amount is a number of people: "a population of 21,090", "a community of
#: over 21,000", "a crowd of 5,000".
_PEOPLE_WHOLES = frozenset("population community crowd audience town city family household".split())
#: Marks that set an amount off after the noun it counts: "took the most seats -- 123 --".
_APPOSITION_MARKS = frozenset({"--", "\u2014", "\u2013", "(", ":"})
#: How far back (tokens) a whole of people may stand: "the population of the town that
#: year as 21,090" has seven.
_WHOLE_WINDOW = 8
#: Longest gap (characters) from the claim of a paragraph to an elided amount opening the
#: next, for the amount to count the same things.
_NEXT_PARAGRAPH = 300
#: Openings of a line that explains a bare number heading: "60." then "The number of
#: countries that ...".
_HEADING_EXPLAINED = (("the", "number", "of"), ("the", "amount", "of"))


#: Smallest value an elided amount shares with an earlier written count to take its unit
#: ("the 1,237 delegates ... to reach 1,237"); small or round numbers repeat by chance.
_REPEATED_LEAST = 100


class ElidedReader(CountedReader):
    """Finds the unit of a number whose counted thing is elided."""

    def _elided_unit(self, qty: Quantity) -> str | None:
        """The thing counted by a number with no noun after it (see module rule 5), None
        when nothing around it names one."""
        doc, lower, n = self.doc, self.lower, len(self.lower)
        after = qty.end
        if after + 1 < n and lower[after] == "of":
            whole = self._partitive_count(after + 1)
            if whole is not None:
                return whole  # "seven of the state's 44 delegates", "six of the 53 wounded"
            head = next((c for c in doc[after].children if c.dep_ == "pobj"), None)
            if head is not None and head.pos_ in ("NOUN", "PROPN"):
                return unit_of(head)  # partitive: "9,500 of the port's 12,000 dockworkers"
        number = doc[qty.last]
        if qty.vague and number.dep_ == "dobj" and number.head.lemma_.lower() in MONEY_VERBS:
            return "dollar"  # "has given billions", "siphoning millions": sums of money
        listed = self._listed_unit(qty) or self._group_after(qty)
        if listed is not None:
            return listed  # "from 3,000 to 10,000 rubles", "10, 20 or 30 boats"
        if qty.first > 0 and lower[qty.first - 1] == "to" and self.claims:
            if self.claims[-1].end == doc[qty.first - 1].idx - 1:
                return self.claims[-1].unit  # "21 votes to 13"
        q = qty.first - 1
        while q > 0 and self.lower[q] in ("over", "under", "above", "below", "aged"):
            q -= 1
        if q < qty.first - 1 and lower[q] in ("those", "people", "voters", "adults"):
            return "year"  # "those over 60": an age
        parallel = self._parallel_unit(qty)
        if parallel is not None:
            return parallel
        if qty.first > 0 and lower[qty.first - 1] in ("at", "to") and self.claims:
            change = self.claims[-1]
            if change.unit in ("percent", "point") and (change.end == doc[qty.first - 1].idx - 1):
                return "point"  # "DOWN 0.4 percent at 17,512.30": an index level
        nearby = (
            self._people_whole(qty)
            or self._apposed_to(qty)
            or self._explained(qty)
            or self._number_of(qty)
        )
        if nearby is not None:
            return nearby
        number = doc[qty.last]
        if number.dep_ in ("nummod", "compound") and number.head.lemma_.lower() in BOUND_NOUNS:
            number = number.head  # "cases eclipse the 600 mark": the bound stands for it
        verb = number.head
        if not self._same_line(number.idx, verb.idx):
            verb = number  # a head on another line is a parser slip: no verb rule
        same_verb = self._same_verb_unit(number)
        if same_verb is not None:
            return same_verb
        if number.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lemma_.lower() in PARENTS:
            return "child"  # "a mother of three"
        if number.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("to", "at"):
            verb = verb.head  # "rose to 90", "stood at 263"
            verbs = CHANGE_VERBS
        else:
            verbs = QUANTITY_VERBS
        if number.dep_ in ("dobj", "attr", "pobj") and verb.lemma_.lower() in verbs:
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NOUN":
                    counted = self._amount_of(child)  # "the gap in delegates stood at ..."
                    if counted is not None:
                        return counted
            if verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN":
                return self._amount_of(verb.head)
        if _distinctive(qty.value) and qty.value in self.written_units:
            return self.written_units[qty.value]  # "1,237 delegates ... to reach 1,237"
        if self.count_units:
            unit, end_char = self.count_units[-1]
            gap = self.text[end_char : doc[qty.first].idx]
            if "\n" not in gap:
                return unit  # the things counted last in the same paragraph
            if gap.count("\n\n") <= 1 and len(gap) < _NEXT_PARAGRAPH and self._no_new_topic(qty):
                return unit  # "... are 213 delegates.\n\nShe is assured of at least 108"
        return None

    def _no_new_topic(self, qty: Quantity) -> bool:
        """Whether the sentence of an elided amount names no common noun before it and is
        no headline in capitals, so the amount goes on with the paragraph before ("She
        will get at least 108"; not "A storm hit the coast, leaving dozens stranded")."""
        start, _ = self._sentence(qty.first)
        words = [t.text for t in self.doc[start : qty.end + 3] if t.is_alpha]
        if words and all(w.isupper() for w in words):
            return False  # a headline in capitals opens a new item
        return not any(t.pos_ == "NOUN" for t in self.doc[start : qty.first])

    def _amount_of(self, noun: Token) -> str | None:
        """The unit a subject noun gives an elided amount: the noun itself ("the toll rose to
        90" -> toll), or for a noun naming an amount the thing after its "of"/"in" ("the
        gap in pledged delegates stood at 263" -> delegate); None for an amount noun alone
        ("the numbers swelled to ...")."""
        if unit_of(noun) not in AMOUNT_NOUNS:
            return unit_of(noun)
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "in"):
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ == "NOUN":
                    return unit_of(obj)
        return None

    def _elided_unit_or_person(self, qty: Quantity) -> tuple[str, bool]:
        """The unit of an elided count and whether the text names it; news counts with no
        antecedent are of people ("killing at least nine")."""
        unit = self._elided_unit(qty)
        return (unit, True) if unit is not None else ("person", False)

    def _listed_unit(self, qty: Quantity) -> str | None:
        """The unit of a later amount the number is listed with: "from 3,000 to 10,000
        rubles", "by 5 and 10 points", "10, 20 or 30 boats" (commas only in a list that
        ends in "and"/"or"/"to")."""
        lower, n, j = self.lower, len(self.lower), qty.end
        comma = False
        for _ in range(4):
            if j + 1 >= n or lower[j] not in (",", "to", "and", "or"):
                return None
            comma = comma or lower[j] == ","
            k = j + 2 if lower[j] == "," and lower[j + 1] in ("and", "or") else j + 1
            following = self._quantity(k) if k < n and is_starter(self.words[k]) else None
            if following is None:
                return None
            unit, end = self._counted(following, following.end)
            if end is not None and unit:
                closed = lower[j] != "," or k == j + 2
                return unit if closed or not comma else None
            j = following.end
        return None

    def _group_after(self, qty: Quantity) -> str | None:
        """The plural noun after "in"/"among" that a tally counts: "leads 1,428 to 1,153 in
        pledged delegates", "516 to 39 among superdelegates" (the first amount of the
        tally, or the second)."""
        j, n = qty.end, len(self.lower)
        if j + 1 < n and self.lower[j] == "to":
            following = self._quantity(j + 1) if is_starter(self.words[j + 1]) else None
            if following is None or self._counted(following, following.end)[1] is not None:
                return None
            j = following.end
        elif not (qty.first > 1 and self.lower[qty.first - 1] == "to"):
            return None
        if j >= n or self.lower[j] not in ("in", "among"):
            return None
        head = next((c for c in self.doc[j].children if c.dep_ == "pobj"), None)
        if head is None or head.pos_ != "NOUN" or head.tag_ != "NNS":
            return None
        return unit_of(head)

    def _people_whole(self, qty: Quantity) -> str | None:
        """ "person" for the amount of a whole of people: "a population of 769,025", "a
        community of over 21,000", "lists the population of the town as 21,090"."""
        first = qty.first
        while first > 0 and self._is_glue_space(first - 1):
            first -= 1
        bare = next(
            (
                first - size
                for size in (3, 2, 1)
                if size <= first and tuple(self.lower[first - size : first]) in QUALIFIERS
            ),
            first,
        )  # back over "under", "less than"
        if bare > 1 and self.lower[bare - 2 : bare] == ["home", "to"]:
            return "person"  # "a town home to 4,000", "home to less than 300"
        if bare < first and self.doc[bare - 1].lemma_.lower() in _PEOPLE_WHOLES:
            return "person"  # "a hamlet with a population under 500"
        j = first - 1
        while j > 0 and self.lower[j] not in ("of", "as") and j > first - 4:
            j -= 1  # back over a qualifier: "of over", "of more than"
        if j < 0 or self.lower[j] not in ("of", "as"):
            return None
        start, _ = self._sentence(qty.first)
        for k in range(j - 1, max(start, j - _WHOLE_WINDOW) - 1, -1):
            if self.lower[k] in (";", "had", "has", "have") or self.words[k][:1].isdigit():
                return None
            if self.doc[k].lemma_.lower() in _PEOPLE_WHOLES:
                return "person"
        return None

    def _number_of(self, qty: Quantity) -> str | None:
        """The things of "the number of X" in the sentence, looked for before the number
        first: "the number of ferries in service fell from 30 to 12" -> ferry; "'We may be
        at 54, 56,' she said, referring to the number of seats" -> seat ("a number of"
        means some, not an amount)."""
        start, end = self._sentence(qty.first)
        before = range(qty.first - 2, start, -1)
        for j in [*before, *range(qty.end + 1, end - 2)]:
            if self.lower[j] != "number" or self.lower[j + 1] != "of":
                continue
            if self.lower[j - 1] not in ("the", "total") or self.words[j + 2 : j + 3] == []:
                return None
            head = next((c for c in self.doc[j + 1].children if c.dep_ == "pobj"), None)
            if head is not None and head.pos_ == "NOUN" and (head.i < qty.first or j > qty.end):
                return unit_of(head)
            return None
        return None

    def _apposed_to(self, qty: Quantity) -> str | None:
        """The plural noun an amount is set off after: "took the most seats -- 123 --"."""
        i = qty.first
        if i < 2 or self.lower[i - 1] not in _APPOSITION_MARKS:
            return None
        noun = self.doc[i - 2]
        plural = noun.pos_ == "NOUN" and noun.tag_ == "NNS"
        if plural and self._same_line(noun.idx, self.doc[i].idx):
            return unit_of(noun)
        return None

    def _explained(self, qty: Quantity) -> str | None:
        """A number alone on its line explained by the next line: "60." then "The number of
        countries that have had female leaders" -> "country"."""
        doc, text = self.doc, self.text
        first, last = doc[qty.first], doc[qty.end - 1]
        line_start = text.rfind("\n", 0, first.idx) + 1
        line_end = text.find("\n", last.idx)
        if line_end < 0 or text[line_start : first.idx].strip():
            return None
        if text[last.idx + len(last.text) : line_end].strip() not in ("", "."):
            return None
        k = qty.end
        while k < len(self.words) and (self.words[k].isspace() or self.words[k] == "."):
            k += 1
        if tuple(self.lower[k : k + 3]) not in _HEADING_EXPLAINED:
            return None
        j = k + 3
        while j < min(k + 3 + _WHOLE_WINDOW, len(self.words)) and self._in_heading_noun(j):
            j += 1
        if j == k + 3 or self.doc[j - 1].pos_ == "PROPN":
            return None
        return unit_of(self.doc[j - 1])  # "The number of deleted Hillary Clinton emails that"

    def _in_heading_noun(self, j: int) -> bool:
        """Whether token ``j`` still belongs to the noun phrase after "The number of"."""
        tok = self.doc[j]
        return not (tok.is_punct or tok.is_space or tok.pos_ in ("ADP", "PRON", "AUX", "SCONJ"))

    def _same_verb_unit(self, number: Token) -> str | None:
        """The unit counted by the same verb earlier in the sentence: "San Pedro Sula had
        1,317 homicides; Caracas had 3,797" (a verb of a relative clause, "which has
        847,735 citizens", is another verb)."""
        if number.dep_ != "dobj":
            return None
        verb = number.head
        key = (self._sentence(number.i)[0], verb.lemma_.lower(), verb.dep_ == "relcl")
        for earlier, unit in reversed(self.object_units):
            if earlier == key:
                return unit
        return None

    def _partitive_count(self, k: int) -> str | None:
        """The counted unit of a number within four words from token ``k`` (after "of")."""
        for j in range(k, min(k + 4, len(self.words))):
            if self.lower[j] in (",", ".", ";", "and"):
                return None
            if self.words[j][:1].isdigit() or is_starter(self.words[j]):
                whole = self._quantity(j)
                if whole is None or whole.kind or self.lower[whole.end : whole.end + 1] == ["-"]:
                    return None  # "four of his one-time rivals": a compound, not a whole
                unit, end = self._counted(whole, whole.end)
                return unit if end is not None else None
        return None

    def _parallel_unit(self, qty: Quantity) -> str | None:
        """The unit of the claim just before, joined by "and"/","/"or" within four words in
        the same sentence with no verb between: "13 points from A and 7 from B", "114 million
        and 112 million"."""
        if not self.claims or self.last_end < 0 or not 0 < qty.first - self.last_end <= 4:
            return None
        if self._sentence(self.last_end - 1) != self._sentence(qty.first):
            return None
        between = self.lower[self.last_end : qty.first]
        if not any(w in _PARALLEL_LINKS for w in between):
            return None
        if any(t.pos_ in ("VERB", "AUX") for t in self.doc[self.last_end : qty.first]):
            return None  # "which has 847,735 citizens, had 883": another verb, another thing
        return self.claims[-1].unit


def _distinctive(value: float) -> bool:
    """A value unlikely to repeat by chance: at least ``_REPEATED_LEAST`` and not a
    multiple of 100 ("1,237", not "300")."""
    return value >= _REPEATED_LEAST and value % 100 != 0
