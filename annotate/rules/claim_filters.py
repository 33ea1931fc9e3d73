"""Numbers that are not claims (rule 2 of :mod:`goldsmith.annotate.rules.claims`).

:class:`ClaimFilters` says when a number is a phone number, glued to a word, a score, a
time or a date, a figure of speech, part of a name, an amount of time that says when,
a referential number ("the two nations"), or an unqualified "one".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.claim_lists import is_bracket_rank, is_decade, is_numbered_line
from goldsmith.annotate.rules.claim_quantity import Quantity, year_like_value
from goldsmith.annotate.rules.claim_referential import ReferentialRules
from goldsmith.annotate.rules.claim_words import (
    ASSENT_VERBS,
    DURATIONS,
    MEASURES,
    MONTHS,
    NAME_LABELS,
    NAME_MARKERS,
    PERCENT_WORDS,
    RELATIVE_AFTER,
    TIME_WORDS,
    UNIT_WORDS,
    WEEKDAYS,
    is_plural,
)
from goldsmith.annotate.rules.currencies import CURRENCY_UNITS
from goldsmith.annotate.rules.numbers import is_starter, match_number
from goldsmith.annotate.rules.spans import overlaps_any

if TYPE_CHECKING:
    from spacy.tokens import Token

_WORD_TAIL = re.compile(r"(?<=[^a-z])[a-z]+\.?$")
#: Units after which a number is never part of a name ("Route 66" has none).
_UNITS_NOT_NAMES = MEASURES | {"percentage point"}
#: Words after a duration that make it say when, not how long ("four days before").
_WHEN_AFTER = frozenset("before after prior".split())
#: Quotation marks around a title.
_QUOTES = frozenset("\"'\u2018\u2019\u201c\u201d")
#: Prepositions whose duration says how long also before "before"/"after".
_EXTENT_PREPOSITIONS = frozenset("for during throughout within".split())
#: Verbs whose duration says how long ("waited three days before answering").
_LASTING_VERBS = frozenset("last wait spend take serve stay remain live work stall linger".split())
#: Adverbs after a duration that always make it say when ("four years ago").
_WHEN_ADVERBS = frozenset("ago earlier later hence".split())
#: Units of a duration that says when before "away" ("a year away"); "six hours away"
#: says how far.
_CALENDAR_UNITS = frozenset("day week month year decade century".split())
#: Last words of a street name after a house number ("100 Haven Avenue").
_STREET_WORDS = frozenset(
    "street st avenue ave road rd boulevard blvd drive dr lane ln place pl court ct way "
    "parkway pkwy plaza square terrace highway".split()
)
#: Auxiliaries of a future "in N days" ("will decide in three days": when).
_FUTURE_AUX = frozenset("will would 'll shall".split())


class ClaimFilters(ReferentialRules):
    """Rules that drop a number found by :class:`QuantityReader` (the sentence's title case
    comes from :meth:`goldsmith.annotate.rules.claims._Finder._title_case`)."""

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

    def _counted_around(self, qty: Quantity) -> bool:
        """Whether the words around a bare number name what it counts although spaCy calls
        it a date: "a population under 500", "the number of berths, from 70 to 85"."""
        if self._counted(qty, qty.end)[1] is not None:
            return False
        return (self._people_whole(qty) or self._number_of(qty)) is not None

    def _unit_follows(self, qty: Quantity) -> bool:
        """Whether a percent, a measure or money follows the number (names never end so)."""
        unit, end = self._counted(qty, qty.end)
        return end is not None and (unit in _UNITS_NOT_NAMES or unit in CURRENCY_UNITS)

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

    def _address(self, qty: Quantity) -> bool:
        """A street number: "100 Haven Avenue", "1600 Pennsylvania Ave."."""
        words = self.words[qty.end : qty.end + 4]
        for j, word in enumerate(words):
            if not word[:1].isupper():
                return False
            if word.lower().rstrip(".") in _STREET_WORDS:
                return j > 0
        return False

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

    def _in_name(self, num: int, qual_start: int, qualifier: str, qty: Quantity) -> bool:
        doc = self.doc
        tok = doc[num]
        unit, unit_end = self._counted(qty, qty.end)
        if unit_end is not None and (unit in _UNITS_NOT_NAMES or unit in CURRENCY_UNITS):
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
