"""Numbers that are not claims (rule 2 of :mod:`goldsmith.annotate.rules.claims`).

:class:`ClaimFilters` says when a number is a phone number, glued to a word, a score, a
time or a date, a figure of speech, part of a name, an amount of time that says when,
a referential number ("the two nations"), or an unqualified "one"; the rules of names
and of time are in :mod:`claim_names` and :mod:`claim_when`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.claim_lists import is_bracket_rank, is_decade, is_numbered_line
from goldsmith.annotate.rules.claim_quantity import Quantity, year_like_value
from goldsmith.annotate.rules.claim_when import WhenRules
from goldsmith.annotate.rules.claim_words import (
    ASSENT_VERBS,
    MEASURES,
    MONTHS,
    NAME_MARKERS,
    PERCENT_WORDS,
    TIME_WORDS,
    UNIT_WORDS,
    is_plural,
)
from goldsmith.annotate.rules.currencies import CURRENCY_UNITS
from goldsmith.annotate.rules.numbers import match_number
from goldsmith.annotate.rules.spans import overlaps_any

if TYPE_CHECKING:
    from spacy.tokens import Token

_WORD_TAIL = re.compile(r"(?<=[^a-z])[a-z]+\.?$")


class ClaimFilters(WhenRules):
    """Rules that drop a number found by :class:`QuantityReader`: this module's, names
    (:mod:`claim_names`), amounts of time that say when (:mod:`claim_when`) and referential
    numbers (:mod:`claim_referential`)."""

    def _drop_reason(self, qty: Quantity, num: int, qual_start: int, qualifier: str) -> str | None:
        """The name of the first rule that says the number is not a claim, else None."""
        doc, lower, n = self.doc, self.lower, len(self.lower)
        tok = doc[num]
        text = self.text
        start_char = tok.idx
        end_char = doc[qty.end - 1].idx + len(doc[qty.end - 1].text)
        if overlaps_any(start_char, end_char, self.phones):
            return "phone"
        if start_char > 0 and (text[start_char - 1].isalnum() or text[start_char - 1] in "/"):
            return "glued"
        if start_char > 1 and text[start_char - 1] in "-\u2013" and text[start_char - 2].isalnum():
            return "glued"  # "F-16", and the second half of a score or season ("3-2", "2023-24")
        if text[end_char : end_char + 1] == "-" and text[end_char + 1 : end_char + 2].isupper():
            if not self._titled_compound(qty):
                return "glued"  # "7-Eleven", "3-D"; not "A 6-Word Warning" in a headline
        nxt = lower[qty.end] if qty.end < n else ""
        if nxt in TIME_WORDS or ":" in tok.text:
            return "time"
        if self._figure_of_speech(qty, nxt):
            return "figure"
        if re.match(r"[-\u2013]to[-\u2013]\d", text[end_char : end_char + 6]):
            return "vote_split"  # "a 5-to-4 decision": a vote split, like "5-4"
        if self._titled_unit(qty):
            return "titled"  # "the film \u201c13 Hours\u201d", "on CBS' 60 Minutes"
        if qty.end < n and text[end_char : end_char + 1] in ("-", "\u2013") and qty.digits:
            after = lower[qty.end + 1] if qty.end + 1 < n else ""
            if after and after[0].isdigit() and qty.value_high is None:
                return "score"  # "3-2", "2023-24": scores and seasons, not counts
        prev = self._word_before(num)
        if prev == "." and num > 1:
            prev = lower[num - 2] + "."
        if prev in MONTHS or nxt in MONTHS:
            return "month"
        if prev in NAME_MARKERS and not self._unit_follows(qty):
            return "name_marker"  # "No. 19"; but "No    58%" in a poll table is an answer's share
        glued = _WORD_TAIL.search(prev)
        if glued is not None and glued.group() in MONTHS:
            return "month"  # 'date="February 28': a month glued to markup
        if prev == "per" or (prev == "every" and num > 1 and lower[num - 2] == "for"):
            return "denominator"  # "5 incidents for every 1,000 residents": a rate's denominator
        if self._year_pair(num) and qty.value_high is None:
            return "year_pair"  # "the 2004 and 2008 conventions": years
        if year_like_value(qty.value, tok.text) and qty.value_high is None:
            if not (nxt and is_plural(doc[qty.end]) and tok.ent_type_ != "DATE"):
                return "year"
        if nxt == "in" and match_number(self.words, qty.end + 1) is not None:
            return "ratio"  # "one in 45 adults": a ratio, not a count
        if num >= 2 and prev == "in" and match_number(self.words, num - 2) is not None:
            return "ratio"
        if self._gallery_counter(start_char, end_char) or self._list_marker(qty, end_char):
            return "list"
        if is_numbered_line(text, start_char, end_char) or is_decade(text, start_char, end_char):
            return "list"
        if is_bracket_rank(text, start_char, end_char):
            return "list"  # "Ann Lee (4.)": last week's place in a ranking
        if tok.text == "911" and self._bare(qty):
            return "emergency"  # "a 911 caller", "called 911": the emergency number, a name
        if self._in_name(num, qual_start, qualifier, qty):
            return "name"
        if self._says_when(qty, qual_start):
            return "when"
        if tok.ent_type_ in ("DATE", "TIME"):
            return None if self._duration(qty) or self._counted_around(qty) else "date"
        return None

    def _counted_around(self, qty: Quantity) -> bool:
        """Whether the words around a bare number name what it counts although spaCy calls
        it a date: "a population under 500", "the number of berths, from 70 to 85"."""
        if self._counted(qty, qty.end)[1] is not None:
            return False
        return (self._people_whole(qty) or self._number_of(qty)) is not None

    def _list_marker(self, qty: Quantity, end: int) -> bool:
        """A numbered list's marker: a bare number opening its line, followed by "." or
        ")" and a space on the same line ("2.  Even in a state where ...", "3) Turnout"), or
        a number closing a bracket never opened on its line ("she 1) reads, 2) acts");
        "60." alone on its line is a heading the next line explains, not a marker."""
        text = self.text
        start = self.doc[qty.first].idx
        line_start = text.rfind("\n", 0, start) + 1
        if text[end : end + 1] == ")" and "(" not in text[line_start:start]:
            return True  # "it 1) registers the words, 2) acts": an inline enumeration
        if text[line_start:start].strip():
            return False
        return text[end : end + 1] in (".", ")") and text[end + 1 : end + 2] in (" ", "\t")

    def _gallery_counter(self, start: int, end: int) -> bool:
        """A photo gallery's counter "1." / "of." / "8.", each on its own line."""
        text = self.text
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        if text[line_start:line_end].strip().rstrip(".") != text[start:end]:
            return False
        before = text[:line_start].rstrip().rsplit("\n", 1)[-1].strip()
        after = text[line_end:].lstrip().split("\n", 1)[0].strip()
        return "of." in (before, after)

    def _year_pair(self, num: int) -> bool:
        """A year-like number joined to another by "and"/"or"/"," ("2004 and 2008")."""
        words = self.words
        if not year_like_value(float(words[num]) if words[num].isdigit() else 0, words[num]):
            return False
        return (
            num > 1
            and self.lower[num - 1] in ("and", "or", ",", "&")
            and year_like_value(
                float(words[num - 2]) if words[num - 2].isdigit() else 0, words[num - 2]
            )
        )

    def _figure_of_speech(self, qty: Quantity, nxt: str) -> bool:
        """Numbers that state no amount: "one or more of", multipliers ("10 times
        harder"), a number glued to an adjective ("three-dimensional") and "100 percent"
        before an adjective ("100% sure")."""
        doc, lower, n = self.doc, self.lower, len(self.lower)
        after = doc[qty.end + 1] if qty.end + 1 < n else None
        if qty.value == 1 and lower[qty.end : qty.end + 2] == ["or", "more"]:
            return True
        if nxt in ("way", "ways") and self._manner(doc[qty.end]):
            return True  # "the vote was split three ways": a manner, like "in two"
        if qty.value == 0 and lower[qty.first] == "zero" and qty.end == qty.first + 1:
            return True  # "zero chance", "zero communication skills": none, as a figure
        if qty.value == 1 and nxt in ("point", "time", "stage") and qty.first > 0:
            if lower[qty.first - 1] == "at":
                return True  # "at one point, he ...": a moment, not a measure
        if nxt == "times" and after is not None:
            if after.tag_ in ("JJR", "RBR") or after.lower_ in ("as", "more", "less", "the"):
                return True
        if nxt in ("-", "\u2013") and after is not None and not doc[qty.last].whitespace_:
            if not doc[qty.end].whitespace_ and after.lower_ in ("time", "times", "fold"):
                return True  # "a two-time winner": a multiplier, like "twice"
            if not doc[qty.end].whitespace_ and after.pos_ in ("ADJ", "ADV"):
                if nxt == "-" and self._hyphen_unit(qty.end) is not None:
                    return False  # "13-straight-day", "1.4-square-mile"
                return after.lower_ not in UNIT_WORDS
        if qty.value == 100 and nxt in PERCENT_WORDS:
            return self._full_assent(qty, after)
        return False

    @staticmethod
    def _manner(ways: Token) -> bool:
        """Whether "ways" is adverbial ("split three ways"), also as the false object of a
        passive verb ("was divided four ways"), not a noun counted ("three ways to win")."""
        if ways.dep_ in ("npadvmod", "advmod"):
            return True
        return ways.dep_ == "dobj" and any(c.dep_ == "auxpass" for c in ways.head.children)

    def _full_assent(self, qty: Quantity, after: Token | None) -> bool:
        """ "100 percent" as an intensifier: before an adjective ("100% sure"), after a verb
        of support or agreement ("backs the mayor 100 percent", "I agree 100 percent"), or
        as a whole sentence answering ("Will they pay? One hundred percent.")."""
        if after is not None and after.tag_ in ("JJ", "VBN") and after.head.i <= after.i:
            return True
        percent = self.doc[qty.end]
        verb = percent.head.lemma_.lower()
        if percent.dep_ in ("npadvmod", "advmod", "dobj") and verb in ASSENT_VERBS:
            return self.lower[qty.end + 1 : qty.end + 2] != ["of"]  # not "backs 100% of it"
        start, end = self._sentence(qty.first)
        words = [t.i for t in self.doc[start:end] if not (t.is_punct or t.is_space)]
        amount = [i for i in words if qty.first <= i <= qty.end]
        return words == amount

    def _one_counts(self, qty: Quantity, qualifier: str, unit: str) -> bool:
        """ "one" is a claim only when qualified ("at least one"), scaled or a measure."""
        if qty.end < len(self.lower) and self.lower[qty.end] == "of":
            return False
        if qualifier not in ("exact", "approx") and qualifier != "range":
            return qty.first == 0 or self.lower[qty.first - 1] not in ("under", "over")
        if self.doc[qty.first].pos_ == "PRON":
            return False
        if self._word_before(qty.first) in ("only", "just"):
            return self._counted(qty, qty.end)[1] is not None  # "only one poll"
        counted, end = self._counted(qty, qty.end)
        if end is not None and self._held(end - 1):
            return True  # "they had one child", "left one person dead": what is held
        return end is not None and (counted in MEASURES or counted in CURRENCY_UNITS)

    def _held(self, head: int) -> bool:
        """Whether the noun at token ``head`` is the object of "have" as a main verb or of
        "leave" with a state after it ("left one person dead")."""
        noun = self.doc[head]
        verb = noun.head
        if noun.dep_ != "dobj" or verb.pos_ != "VERB":
            return False
        if verb.lemma_.lower() == "have":
            return True
        nxt = self.doc[head + 1] if head + 1 < len(self.doc) else None
        return verb.lemma_.lower() == "leave" and nxt is not None and nxt.pos_ == "ADJ"
