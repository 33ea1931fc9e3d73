"""The thing a claim counts: its unit and where its span ends (rules 4 and 5 of
:mod:`goldsmith.annotate.rules.claims`).

:class:`CountedReader` finds the counted noun after a number (a percent or currency word, a
unit abbreviation, a hyphen compound, or the head of the noun phrase), the fixed units of
fractions, ratios and ages (the unit of an elided counted thing: :mod:`claim_elided`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from goldsmith.annotate.rules.claim_forms import age_end, is_apposed_age
from goldsmith.annotate.rules.claim_quantity import Quantity, QuantityReader
from goldsmith.annotate.rules.claim_words import (
    DURATIONS,
    MEASURES,
    MONTHS,
    NOMINALISED,
    NP_STOP,
    PERCENT_WORDS,
    PRONOUN_NOUNS,
    REFERENTIAL,
    UNIT_WORDS,
    WEEKDAYS,
    is_plural,
    singular,
    unit_of,
)
from goldsmith.annotate.rules.currencies import CURRENCY_SIGNS, CURRENCY_UNITS, CURRENCY_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

_MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN"})
#: Personal pronouns whose "was 92" is an age.
_PERSONAL = frozenset({"he", "she", "i"})
#: Tokens looked at after a number for its counted noun: "3,000 North Korean special
#: forces troops" has five; a noun further away is not what the number counts.
_NP_WINDOW = 6
#: Longest aside in brackets inside a counted noun phrase, in tokens with the brackets.
_ASIDE = 9


class CountedReader(QuantityReader):
    """Finds the unit of a number and the token end of its counted thing."""

    def _fixed_unit(self, qty: Quantity, num: int, k: int) -> tuple[str, int] | None:
        """Unit and token end of a fraction, a ratio or an age (:mod:`claim_forms`)."""
        if qty.kind in ("fraction", "ratio"):
            return qty.kind, qty.end
        if qty.kind == "glued":
            return qty.unit, qty.end
        if qty.currency or qty.vague:
            return None
        end = age_end(self.lower, qty.end)
        if end is not None:
            return "year", end  # "a 52-year-old", "those 18 to 35 years old"
        prev = self.doc[num - 1] if num > 0 else None
        if prev is not None and prev.lower_ in ("aged", "age", "ages") and self._bare(qty):
            return "year", k  # "aged 61", "children ages 3 to 17"
        if qty.value_high is not None or prev is None:
            return None
        if is_apposed_age(self.doc, num, qty.end):
            return "year", k
        if k > qty.end and self.lower[k - 1] == "older":
            return "year", k  # "voters 45 and older"
        if self.lower[max(0, num - 2) : num] in (["younger", "than"], ["older", "than"]):
            return "year", k  # "all of them are younger than 50"
        if prev.lemma_.lower() == "turn" and qty.digits and self._bare(qty):
            return "year", k  # "she turned 66 on Sunday"
        if self._age_of_a_person(qty, num):
            return "year", k  # "She was 92.", "dies at 92"
        return None

    def _age_of_a_person(self, qty: Quantity, num: int) -> bool:
        """A bare number 1-120 that a person is ("She was 92.", "he was 45 when ...") or
        dies at ("Ana Ruiz dies at 92")."""
        tok = self.doc[num]
        if not tok.text.isdigit() or not 0 < int(tok.text) <= 120 or qty.end != num + 1:
            return False
        if not self._bare(qty):
            return False
        if num > 1 and self.lower[num - 1] == "at" and self.doc[num - 2].lemma_.lower() == "die":
            return True
        verb = tok.head
        if tok.dep_ != "attr" or verb.lemma_.lower() != "be":
            return False
        if not self._same_line(verb.idx, tok.idx):
            return False  # a parse across lines: "... was low.\n\n60.\n\nThe number of"
        nxt = self.lower[qty.end] if qty.end < len(self.lower) else "."
        if nxt not in (".", ",", ";", "when", "and", "at"):
            return False
        return any(
            c.dep_ == "nsubj" and (c.lower_ in _PERSONAL or c.ent_type_ == "PERSON")
            for c in verb.children
        )

    def _counts_things(self, unit: str, qty: Quantity, head: int) -> bool:
        """Whether a claim counts things (an antecedent for elided units).

        Money, percentages, measures and durations do not; nor does a count inside a
        prepositional phrase of an earlier counted noun ("runners from 150 countries").
        """
        if not unit or qty.currency or unit in MEASURES or unit in DURATIONS:
            return False
        if unit in CURRENCY_UNITS or unit.startswith("degree"):
            return False
        tok = self.doc[head]
        return not (tok.dep_ == "pobj" and tok.head.head.i in self.count_heads)

    def _counted(self, qty: Quantity, k: int) -> tuple[str | None, int | None]:
        """The unit and the token end of the counted thing after the number, if any."""
        lower, n = self.lower, len(self.lower)
        if k < n and lower[k] in PERCENT_WORDS:
            return "percent", k + 1
        if lower[k : k + 2] == ["per", "cent"]:
            return "percent", k + 2
        if lower[k : k + 2] in (["percentage", "points"], ["percentage", "point"]):
            return "point", k + 2  # the counted noun without its modifier (spec 4)
        if qty.currency:
            return qty.currency, k
        if k < n and lower[k] in CURRENCY_WORDS:
            return CURRENCY_WORDS[lower[k]], k + 1
        if k < n and lower[k] in UNIT_WORDS and lower[k] != "sq":
            return UNIT_WORDS[lower[k]], k + 1
        if k + 1 < n and lower[k] == "-":
            compound = self._hyphen_unit(k)
            if compound is not None:
                return compound  # "a 20-month war", "a 28-stop tour", "1.4-square-mile"
        if k + 1 < n and lower[k] == "square" and unit_of(self.doc[k + 1]) in MEASURES:
            return f"square {unit_of(self.doc[k + 1])}", k + 2  # "20 square miles"
        if (qty.vague or qty.kind in ("couple", "set")) and k < n and lower[k] == "of":
            k += 1
        nested = self._nested_head(qty, k)
        if nested is not None:
            return unit_of(self.doc[nested]), nested + 1  # "three $40 million jets"
        if self._nominalised(qty, k):
            return "person", k + 1  # "the 53 wounded": the participle is the head
        head = self._head_noun(qty, k)
        if head is None:
            return None, None
        tok = self.doc[head]
        unit = singular(tok.lower_) if _plural_name(tok) else unit_of(tok)
        return (None if unit in PRONOUN_NOUNS else unit), head + 1

    def _nested_head(self, qty: Quantity, k: int) -> int | None:
        """The head noun counted by a count whose noun phrase holds an amount of money
        ("three $40 million jets", "two \u20ac5 tickets"): the outer claim runs to the head
        (claims may nest), the inner amount is a claim of its own."""
        if qty.currency or qty.kind or k >= len(self.lower) or self.lower[k] not in CURRENCY_SIGNS:
            return None
        inner = self._quantity(k)
        if inner is None or inner.currency is None or inner.value_high is not None:
            return None
        return self._head_noun(inner, inner.end)

    def _nominalised(self, qty: Quantity, k: int) -> bool:
        """ "the 53 wounded", "TWO DEAD, 16 INJURED": a participle standing for people after
        "the" + number, or after a number that opens its sentence or line or follows a
        comma (a headline's list); not the verb of "84 were killed and 200 wounded"."""
        lower, n = self.lower, len(self.lower)
        if k >= n or lower[k] not in NOMINALISED:
            return False
        before = self._word_before(qty.first) if qty.first > 0 else ""
        opens = qty.first == self._sentence(qty.first)[0] or "\n" in before or before == ","
        if before not in REFERENTIAL and not opens and before != "":
            return False
        return k + 1 >= n or self.doc[k + 1].pos_ != "NOUN"

    def _hyphen_unit(self, k: int) -> tuple[str, int] | None:
        """The unit and token end of a compound written with hyphens after the number
        (the hyphen is token ``k``): "20-month", "a 28-stop tour" (a noun the tagger calls
        a verb, before the noun it modifies), "13-straight-day" (a word between the number
        and a unit of time or measure), "1.4-square-mile" (unit "square mile"); capitalised
        only in a title-case headline ("A 6-Word Warning")."""
        doc, n = self.doc, len(self.doc)
        word = doc[k + 1]
        if doc[k - 1].whitespace_ or doc[k].whitespace_ or not word.is_alpha:
            return None
        titled = word.text.istitle() and self._title_case(k)  # "A 6-Word Warning"
        if not word.text.islower() and not titled:
            return None
        if k + 3 < n and doc[k + 2].text == "-" and not word.whitespace_:
            last = doc[k + 3]
            unit = unit_of(last)
            glued = not doc[k + 2].whitespace_ and last.is_alpha and last.text.islower()
            if glued and (unit in DURATIONS or unit in MEASURES):
                return (f"square {unit}" if word.lower_ == "square" else unit), k + 4
        if word.pos_ == "NOUN" or (titled and word.pos_ == "PROPN"):
            return unit_of(word), k + 2
        if word.tag_ in ("VB", "VBP") and k + 2 < n and doc[k + 2].pos_ in ("NOUN", "PROPN"):
            return unit_of(word), k + 2  # "28-stop bus tour": "stop" tagged as a verb
        return None

    def _head_noun(self, qty: Quantity, k: int) -> int | None:
        doc, n = self.doc, len(self.doc)
        if k >= n or self.lower[k] in NP_STOP:
            return None
        number = doc[qty.last]
        dep_head = number.head.i
        if qty.vague and k > 0 and self.lower[k - 1] == "of":
            dep_head = next((c.i for c in doc[k - 1].children if c.dep_ == "pobj"), -1)
        if k <= dep_head < k + _NP_WINDOW and self._noun_phrase(k, dep_head):
            if (
                is_plural(doc[dep_head])
                or _plural_name(doc[dep_head])
                or qty.value <= 1
                or unit_of(doc[dep_head]) in (DURATIONS | MEASURES)
            ):
                return dep_head
        j, limit = k, min(n, k + _NP_WINDOW)
        while j < limit:
            close = self._aside_end(j) if j > k else None
            if close is not None:  # "2 DS (Bureau of Diplomatic Security) agents"
                limit, j = min(n, limit + close + 1 - j), close + 1
                continue
            if not self._modifier(j):
                break
            tok = doc[j]
            if tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.tag_ == "NNPS"):
                while j + 1 < n and _noun_or_group(doc[j + 1]) and not is_plural(tok):
                    j, tok = j + 1, doc[j + 1]
                return j if (is_plural(tok) or qty.value <= 1) else None
            j += 1
        return None

    def _modifier(self, j: int) -> bool:
        tok = self.doc[j]
        low = self.lower[j]
        if low in NP_STOP:
            return False
        if low in MONTHS or low in WEEKDAYS:
            # "4 Super Tuesday states": a day inside a name stays in the phrase
            return j > 0 and self.doc[j - 1].pos_ == "PROPN" and self.words[j - 1][:1].isupper()
        if tok.pos_ in _MODIFIER_POS:
            return True
        if tok.tag_ in ("VBN", "VBG", "VBD") and tok.dep_ in ("amod", "compound"):
            return True  # "pledged delegates" (also when tagged as a past tense)
        if tok.tag_ in ("VBN", "VBD") and j + 1 < len(self.doc):
            noun = self.doc[j + 1]
            if noun.tag_ == "NNS" and noun.head.i != j and not self._has_object(tok):
                return True  # "60 pledged delegates were at stake": a verb with no object
            if noun.tag_ == "NNS" and self.doc[j - 1].like_num and self._no_clause(tok, j + 2):
                return True  # "by 60 pledged delegates": a "verb" with no clause of its own
        if tok.tag_ == "RP" and j > 1 and self.words[j - 1] == "-" and not self._spaced(j - 1):
            return self.doc[j - 2].tag_ in ("VBN", "VBD")  # "40 laid-off workers"
        if tok.dep_ == "advmod" and tok.head.i > j and tok.head.pos_ == "ADJ":
            return True  # "seven less politicized panels": an adverb of its adjective
        if low in ("and", "or", ",") and 0 < j < len(self.doc) - 1:
            if self.doc[j - 1].pos_ == "ADJ" and self.doc[j + 1].dep_ == "conj":
                return True  # "three current and former employees"
        if tok.pos_ == "ADV" and not tok.whitespace_ and self.words[j + 1 : j + 2] == ["-"]:
            return True  # "randomly-selected voters": an adverb hyphened to its adjective
        if low in ("and", "or") and j > 0 and self.words[j - 1].endswith("-"):
            return True  # "low- and middle-income voters": a suspended hyphen
        if low == "-" and j > 0 and not self.doc[j - 1].whitespace_:
            return not tok.whitespace_ or self.lower[j + 1 : j + 2] in (["and"], ["or"])
        return False

    @staticmethod
    def _has_object(verb: Token) -> bool:
        return any(c.dep_ in ("dobj", "attr", "oprd") for c in verb.children)

    def _no_clause(self, verb: Token, after: int) -> bool:
        """Whether a participle read as a verb before a plural noun is a misparsed modifier:
        it has no subject of its own ("led by 60 pledged delegates"), or the verb right
        after its object has none ("where 60 pledged delegates will be at stake")."""
        if not _has_subject(verb):
            return True
        if after >= len(self.doc) or self.doc[after].pos_ not in ("AUX", "VERB"):
            return False
        nxt = self.doc[after]
        head = nxt.head if nxt.dep_ in ("aux", "auxpass") else nxt
        return not _has_subject(head, but=verb.i)

    def _spaced(self, j: int) -> bool:
        return bool(self.doc[j].whitespace_)

    def _aside_end(self, j: int) -> int | None:
        """The closing bracket of a short aside opened at token ``j`` after a name in a
        noun phrase, with no verb in it: "2 DS (Bureau of Diplomatic Security) agents"."""
        if self.lower[j] != "(" or self.doc[j - 1].pos_ != "PROPN":
            return None
        for close in range(j + 1, min(len(self.words), j + _ASIDE)):
            tok = self.doc[close]
            if tok.text == ")":
                return close if close > j + 1 else None
            if tok.pos_ in ("VERB", "AUX") or "\n" in tok.text or tok.text == "(":
                return None
        return None

    def _noun_phrase(self, k: int, head: int) -> bool:
        tok = self.doc[head]
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        return all(self._modifier(j) for j in range(k, head + 1))

    def _bare(self, qty: Quantity) -> bool:
        return self._counted(qty, qty.end)[1] is None


def _has_subject(verb: Token, but: int = -1) -> bool:
    """Whether ``verb`` has a subject (other than token ``but``)."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.i != but for c in verb.children)


def _noun_or_group(tok: Token) -> bool:
    """A common noun, or a plural proper noun naming a group ("income Americans")."""
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.tag_ == "NNPS")


def _plural_name(tok: Token) -> bool:
    """A plural group name the tagger took for a singular proper noun: "55 million Latinos"
    ("Latinos" NNP); not a place or an organisation ("3 Doors Down")."""
    if tok.pos_ != "PROPN" or tok.tag_ != "NNP" or tok.ent_type_ in ("GPE", "ORG", "FAC", "LOC"):
        return False
    text = tok.text
    return text[:1].isupper() and text[1:].islower() and singular(text) != text
