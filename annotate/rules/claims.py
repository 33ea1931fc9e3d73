"""Numeric claims: quantities stated as information about the world (spec section 3).

:func:`find_claims` reads a parsed spaCy ``Doc`` left to right, once. At each word that
can start a number (:mod:`goldsmith.annotate.rules.numbers`) it reads the number, then:

0. Forms of :mod:`goldsmith.annotate.rules.claim_forms`: poll tallies "58%-37%" (two
   percent claims), fractions ("half of" -> 0.5 ``fraction``), ratios ("by 2-1"), ages
   ("Roe, 41,", "a 52-year-old" -> "52-year", "aged 45", "turned 66": unit ``year``),
   "a couple of" (2, approx).
1. Range: "between A and B", "A to B", "A or A+1", "A-B" / "A–B" make one ``range`` claim (``value``
   A, ``value_high`` B, B > A); B's scale word also scales A ("1.5 to 2 million").
   "from A to B" states a change and is two claims, and so does "1.1 percent to 16,800"
   (a percent, then a level without "percent").
2. Not a claim (skipped):
   - phone numbers; numbers glued to a word ("F-16", "COVID-19", "7-Eleven");
     scores and seasons ("3-2", "2023-24"); ratios ("one in five");
   - times: a.m./p.m./o'clock/time zones after it, "3:30";
   - dates: next to a month name ("Oct. 23", "June 2024"); a year (1000-2100 written
     as four bare digits) unless it counts a plural noun ("2024 soldiers"); a number
     spaCy calls DATE or TIME unless it counts something after it ("20 months",
     "20 percent") and no "ago" follows;
   - pointing back: "the last two storms", "the two largest unions"; figures of speech:
     "one or more of", "10 times harder", "three-dimensional", "100% sure";
   - amounts of time that say when: followed by before/after/earlier/later/ago and
     fronted, after a comma or before a date or event ("Two weeks after the flood, …",
     "…, five years earlier", "four days before Election Day"), or "in three days"
     after "will";
   - names: after "number"/"no."/"#" ("Number one"); inside a spaCy name entity;
     after a proper noun or mixed-case word ("Route 66", "iPhone 15"; in a title-case
     headline only when no plural noun follows); after a singular common noun with
     nothing counted ("room 404"); ending a name ("Group of 20"); a capitalised number
     word before a capitalised word mid-sentence ("Six Nations");
   - referential numbers: the/these/those/both/all or a possessive pronoun before a
     number word up to ten, unqualified ("the two nations"); "the" + a number already
     claimed with the same unit ("the 40 protesters" after "40 protesters");
   - "one" unless qualified ("at least one"), scaled ("one million") or counting a
     percent, money or measure: not "one said", "one of the", "one notable step".
3. Qualifier: the longest phrase of ``QUALIFIERS`` right before the number (it starts
   the span), or "or more" / "or so" / "plus" right after the number or the counted
   noun; plural scale words ("thousands of") are ``more_than``; "over" before a
   duration means "during" ("over two years" is exact).
4. Counted thing: "%", "percent", "per cent" -> ``percent``; a currency sign or word ->
   that currency; a unit abbreviation ("km") -> its unit; "20-month" -> month;
   otherwise the noun phrase after the number up to its head noun (spaCy's head of the
   number when every word between is a modifier, else the first plural noun of a run
   of adjectives and nouns), plus "Celsius"/"Fahrenheit" after "degrees". ``unit`` is
   the head's singular lower-case lemma ("people" -> "person", "km" -> "kilometer").
5. Elided counted thing ("another 7,000 are expected", "two others"): the span ends at
   the number (or its stand-in noun); ``unit`` is, first that applies: the noun after
   "of", or the unit of a number right after "of" ("9,500 of the port's 12,000
   dockworkers"); "year" after "those over"; the unit of the number after "to"
   ("from 3,000 to 10,000 rubles"); the unit of the claim just before "to" ("21 votes
   to 13") or joined to it by and/or/"," ("13 points from A and 7 from B"); the subject
   of a verb of quantity whose object is the number ("casualties exceeding 600,000", "the
   toll rose to 90"), unless it names an amount ("numbers"); the unit of the nearest preceding claim
   that counted things (not money, percent, measures or durations, nor a count inside a
   phrase of another counted noun: "runners from 150 countries"); else "person" (news
   counts with no antecedent are of people: "killing at least nine").

``score`` is a rule confidence (:mod:`goldsmith.annotate.rules.confidence`): 0.9 for
digits counting a noun, 0.1 less for number words, 0.2 less for an elided noun, 0.1 less
when spaCy's NER did not call it a quantity.

Example:
    >>> nlp = load_model()                                          # doctest: +SKIP
    >>> [c.text for c in find_claims(nlp("At least 300 buses ran."))]  # doctest: +SKIP
    ['At least 300 buses']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.claim_forms import (
    age_end,
    is_apposed_age,
    read_couple,
    read_fraction,
    read_ratio,
    tally_parts,
)
from goldsmith.annotate.rules.claim_words import (
    AFTER_QUALIFIERS,
    AMOUNT_NOUNS,
    CHANGE_VERBS,
    DURATIONS,
    MEASURES,
    MONTHS,
    NAME_LABELS,
    NAME_MARKERS,
    NOMINALISED,
    NP_STOP,
    PERCENT_WORDS,
    PRONOUN_NOUNS,
    QUALIFIERS,
    QUANTITY_LABELS,
    QUANTITY_VERBS,
    REFERENTIAL,
    RELATIVE_AFTER,
    TEMPERATURE_SCALES,
    TIME_WORDS,
    UNIT_WORDS,
    WEEKDAYS,
    is_plural,
    unit_of,
)
from goldsmith.annotate.rules.confidence import claim_score
from goldsmith.annotate.rules.currencies import CURRENCY_UNITS, CURRENCY_WORDS
from goldsmith.annotate.rules.numbers import (
    NumberMatch,
    is_starter,
    match_number,
    parse_range_token,
)
from goldsmith.annotate.rules.spans import overlaps_any
from goldsmith.labels.records import Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc

_RANGE_LINKS = frozenset({"to", "-", "\u2013", "\u2014"})
_MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN"})
_PHONE = re.compile(r"(?<![\w.])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}\b")
_WORD_TAIL = re.compile(r"(?<=[^a-z])[a-z]+\.?$")
_MAX_QUALIFIER = max(len(k) for k in QUALIFIERS)
#: Units after which a number is never part of a name ("Route 66" has none).
_UNITS_NOT_NAMES = MEASURES | {"percentage point"}
#: Words after a duration that make it say when, not how long ("four days before").
_WHEN_AFTER = frozenset("ago before after earlier later prior hence".split())
#: Auxiliaries of a future "in N days" ("will decide in three days": when).
_FUTURE_AUX = frozenset("will would 'll shall".split())
#: Tokens looked at after a number for its counted noun: "3,000 North Korean special
#: forces troops" has five; a noun further away is not what the number counts.
_NP_WINDOW = 6
#: Words between a determiner and a small number that make it point back at things
#: already named ("the last two storms", "the top three contenders").
_ORDER_WORDS = frozenset("last previous top other first next remaining final".split())
#: Words joining two amounts of the same thing ("13 points from A and 7 from B").
_PARALLEL_LINKS = frozenset({"and", "or", ",", "to", "versus", "vs."})


@dataclass(frozen=True)
class _Quantity:
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
    #: "fraction" or "ratio" for those forms (:mod:`claim_forms`), else "".
    kind: str = ""


def find_claims(doc: Doc) -> list[Claim]:
    """CLAIM spans with value, unit, qualifier (and value_high for ranges).

    Reads ``doc`` (a parsed spaCy ``Doc`` of the whole text, with tagger, parser and
    NER) once, left to right, and never calls the pipeline; see the module docstring
    for the rules. Claims come in text order and never overlap; ``score`` is a rule
    confidence in [0, 1].

    Example:
        >>> doc = load_model()("Another 7,000 troops may follow.")  # doctest: +SKIP
        >>> [(c.text, c.value, c.unit) for c in find_claims(doc)]    # doctest: +SKIP
        [('7,000 troops', 7000.0, 'troop')]
    """
    return _Finder(doc).run()


class _Finder:
    """One pass over a document; keeps the claims found so far for elided units."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.words = [t.text for t in doc]
        self.lower = [w.lower() for w in self.words]
        self.text = doc.text  # Doc.text re-joins every token on each access
        self.phones = [m.span() for m in _PHONE.finditer(self.text)]
        self.claims: list[Claim] = []
        self.count_units: list[str] = []
        self.count_heads: set[int] = set()
        self.seen: set[tuple[float, str]] = set()
        self.last_end = -1  # token end of the last claim
        self._sentences: list[tuple[int, int]] | None = None

    def run(self) -> list[Claim]:
        i, floor, n = 0, 0, len(self.words)
        while i < n:
            tally = tally_parts(self.words[i])
            if tally is not None and i + 1 < n and self.words[i + 1] == "%":
                self._tally(i, tally)
                floor = i = i + 2
                continue
            if not is_starter(self.words[i]):
                i += 1
                continue
            qty = self._quantity(i)
            if qty is None:
                i += 1
                continue
            claim, end = self._claim(qty, floor)
            if claim is not None:
                self.claims.append(claim)
                floor = end
            i = max(end, i + 1)
        return self.claims

    # -- the number --------------------------------------------------------------------

    def _tally(self, i: int, parts: tuple[tuple[int, int, float], ...]) -> None:
        """Two percent claims of a tally token "58%-37" followed by "%"."""
        base = self.doc[i].idx
        ends = (parts[0][1], len(self.words[i]) + 1)
        for (start, _, value), end in zip(parts, ends, strict=True):
            a, b = base + start, base + end
            self.claims.append(
                Claim(
                    start=a,
                    end=b,
                    text=self.text[a:b],
                    value=value,
                    unit="percent",
                    qualifier="exact",
                    score=self._tally_score,
                )
            )

    _tally_score = claim_score(digits=True, elided=False, ner_quantity=True)

    def _quantity(self, i: int) -> _Quantity | None:
        fraction = read_fraction(self.lower, i)
        if fraction is not None:
            end, value = fraction
            return _Quantity(i, end, end - 1, value, None, False, None, False, kind="fraction")
        before = self.lower[i - 1] if i > 0 else ""
        if i > 1 and QUALIFIERS.get((before,)) == "approx":
            before = self.lower[i - 2]
        couple = read_couple(self.lower, i)
        if couple is not None:
            end, value = couple
            return _Quantity(i, end, end - 1, value, None, False, None, False, kind="couple")
        ratio = read_ratio(self.lower, i, before)
        if ratio is not None:
            end, value = ratio
            return _Quantity(i, end, end - 1, value, None, False, None, True, kind="ratio")
        found = match_number(self.words, i)
        if found is None:
            pair = parse_range_token(self.words[i])
            if pair is None:
                return None
            return _Quantity(i, i + 1, i, pair[0], pair[1], False, None, True)
        end = found.end
        if end < len(self.words) and self._is_glue_space(end):
            end += 1  # "19.36\u00a0pesos": the space token is part of the number's end
        return self._range(found) or _Quantity(
            i,
            end,
            found.end - 1,
            found.value,
            None,
            found.vague,
            found.currency,
            found.digits,
        )

    def _same_line(self, a: int, b: int) -> bool:
        """Whether character offsets ``a`` and ``b`` are on one line."""
        return "\n" not in self.text[min(a, b) : max(a, b)]

    def _is_glue_space(self, i: int) -> bool:
        """A whitespace token inside a line (a non-breaking space between the number and
        its unit: spaCy makes it a token of its own)."""
        word = self.words[i]
        return word.isspace() and "\n" not in word

    def _range(self, low: NumberMatch) -> _Quantity | None:
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
            return None  # "from A to B" states a change: two claims
        high = match_number(self.words, k + 1)
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
        if not high.value > value or self._year_like(low) or self._year_like(high):
            return None
        if link == "or" and high.value != value + 1:
            return None  # "four or five months" is a range; "10 or 20" is two amounts
        return _Quantity(
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

    def _year_like(self, found: NumberMatch) -> bool:
        return found.currency is None and _year_like_value(found.value, self.words[found.start])

    # -- the claim ---------------------------------------------------------------------

    def _claim(self, qty: _Quantity, floor: int) -> tuple[Claim | None, int]:
        lower, doc = self.lower, self.doc
        num = qty.first + (1 if qty.currency and lower[qty.first] not in CURRENCY_WORDS else 0)
        qual_start, qualifier = self._qualifier_before(qty.first, floor)
        if (
            lower[qual_start : qty.first] == ["over"]
            and self._counted(qty, qty.end)[0] in DURATIONS
        ):
            qual_start, qualifier = qty.first, "exact"  # "over two years": during, not more
        if qty.value_high is not None:
            qualifier = "range"
            if qty.between:
                qual_start = qty.first - 1
        elif qty.vague and qualifier == "exact":
            qualifier = "more_than"
        elif qty.kind == "couple" and qualifier == "exact":
            qualifier = "approx"  # "a couple of things": about two
        k = qty.end
        if qualifier == "exact":
            for phrase, name in AFTER_QUALIFIERS.items():
                if tuple(lower[k : k + len(phrase)]) == phrase:
                    qualifier, k = name, k + len(phrase)
                    break
        fixed = self._fixed_unit(qty, num, k)
        if fixed is not None:
            unit, end = fixed
            elided = False
        elif self._not_a_claim(qty, num, qual_start, qualifier):
            return None, qty.end
        else:
            unit, end = self._counted(qty, k)
            elided = end is None
        if end is None:
            end = k
        if unit is None:
            unit = self._elided_unit(qty)
        elif unit == "degree" and end < len(lower) and lower[end] in TEMPERATURE_SCALES:
            unit, end = f"degree {TEMPERATURE_SCALES[lower[end]]}", end + 1
        if qualifier == "exact" and not elided:
            for phrase, name in AFTER_QUALIFIERS.items():
                if len(phrase) == 2 and tuple(lower[end : end + 2]) == phrase:
                    qualifier, end = name, end + 2  # "300 families or more"
                    break
        if fixed is None and self._referential(qty, num, qualifier, unit, end):
            return None, end
        if qty.value == 1 and not qty.digits and not self._one_counts(qty, qualifier, unit):
            return None, qty.end
        while end - 1 > qual_start and self._is_glue_space(end - 1):
            end -= 1  # an elided unit after "12\u00a0": the span ends at the number
        start_char = doc[qual_start].idx
        last = doc[end - 1]
        end_char = last.idx + len(last.text)
        claim = Claim(
            start=start_char,
            end=end_char,
            text=self.text[start_char:end_char],
            value=qty.value,
            unit=unit,
            qualifier=qualifier,
            value_high=qty.value_high if qualifier == "range" else None,
            score=self._score(qty, num, elided),
        )
        if not elided and self._counts_things(unit, qty, end - 1):
            self.count_units.append(unit)
            self.count_heads.add(end - 1)
        self.seen.add((qty.value, unit))
        self.last_end = end
        return claim, end

    def _fixed_unit(self, qty: _Quantity, num: int, k: int) -> tuple[str, int] | None:
        """Unit and token end of a fraction, a ratio or an age (:mod:`claim_forms`)."""
        if qty.kind in ("fraction", "ratio"):
            return qty.kind, qty.end
        if qty.currency or qty.vague:
            return None
        end = age_end(self.lower, qty.end)
        if end is not None:
            return "year", end  # "a 52-year-old", "those 18 to 35 years old"
        prev = self.doc[num - 1] if num > 0 else None
        if qty.value_high is not None or prev is None:
            return None
        if is_apposed_age(self.doc, num, qty.end) or prev.lower_ == "aged":
            return "year", k
        if prev.lemma_.lower() == "turn" and qty.digits and self._bare(qty):
            return "year", k  # "she turned 66 on Sunday"
        return None

    def _sentence(self, i: int) -> tuple[int, int]:
        """Token bounds of the sentence holding token ``i`` (sentences listed once, lazily).

        ``Token.is_sent_start`` and ``Token.sent`` scan the whole document on every call.
        """
        if self._sentences is None:
            self._sentences = [(s.start, s.end) for s in self.doc.sents]
        for start, end in self._sentences:
            if start <= i < end:
                return start, end
        return 0, len(self.words)

    def _counts_things(self, unit: str, qty: _Quantity, head: int) -> bool:
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

    def _qualifier_before(self, first: int, floor: int) -> tuple[int, str]:
        """The longest qualifier phrase right before token ``first``; a non-breaking space
        between its words is no word ("almost\u00a014\u00a0million")."""
        words: list[int] = []
        j = first - 1
        while j >= floor and len(words) < _MAX_QUALIFIER:
            if not self._is_glue_space(j):
                words.insert(0, j)
            j -= 1
        for size in range(len(words), 0, -1):
            name = QUALIFIERS.get(tuple(self.lower[w] for w in words[-size:]))
            if name is not None:
                return words[-size], name
        return first, "exact"

    def _counted(self, qty: _Quantity, k: int) -> tuple[str | None, int | None]:
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
        if k + 1 < n and lower[k] == "-" and self._hyphen_compound(k):
            return unit_of(self.doc[k + 1]), k + 2  # "a 20-month war", "a 100-seat chamber"
        if (qty.vague or qty.kind == "couple") and k < n and lower[k] == "of":
            k += 1
        if self._nominalised(qty, k):
            return "person", k + 1  # "the 53 wounded": the participle is the head
        head = self._head_noun(qty, k)
        if head is None:
            return None, None
        unit = unit_of(self.doc[head])
        return (None if unit in PRONOUN_NOUNS else unit), head + 1

    def _nominalised(self, qty: _Quantity, k: int) -> bool:
        """ "the 53 wounded": a participle standing for people after "the" + number (not
        the verb of "84 were killed and 200 wounded")."""
        lower, n = self.lower, len(self.lower)
        if k >= n or lower[k] not in NOMINALISED or qty.first == 0:
            return False
        if lower[qty.first - 1] not in REFERENTIAL:
            return False
        return k + 1 >= n or self.doc[k + 1].pos_ != "NOUN"

    def _hyphen_compound(self, k: int) -> bool:
        """ "20-month": number, hyphen and a singular noun written as one word."""
        doc = self.doc
        noun = doc[k + 1]
        return (
            not doc[k - 1].whitespace_
            and not doc[k].whitespace_
            and noun.is_alpha
            and noun.pos_ == "NOUN"
            and noun.text.islower()
        )

    def _head_noun(self, qty: _Quantity, k: int) -> int | None:
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
                or qty.value <= 1
                or unit_of(doc[dep_head]) in (DURATIONS | MEASURES)
            ):
                return dep_head
        j = k
        while j < min(n, k + _NP_WINDOW) and self._modifier(j):
            tok = doc[j]
            if tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.tag_ == "NNPS"):
                while j + 1 < n and doc[j + 1].pos_ == "NOUN" and not is_plural(tok):
                    j, tok = j + 1, doc[j + 1]
                return j if (is_plural(tok) or qty.value <= 1) else None
            j += 1
        return None

    def _modifier(self, j: int) -> bool:
        tok = self.doc[j]
        low = self.lower[j]
        if low in NP_STOP or low in MONTHS or low in WEEKDAYS:
            return False
        if tok.pos_ in _MODIFIER_POS:
            return True
        if tok.tag_ in ("VBN", "VBG") and tok.dep_ in ("amod", "compound"):
            return True
        return low == "-" and not tok.whitespace_ and j > 0 and not self.doc[j - 1].whitespace_

    def _noun_phrase(self, k: int, head: int) -> bool:
        tok = self.doc[head]
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        return all(self._modifier(j) for j in range(k, head + 1))

    def _elided_unit(self, qty: _Quantity) -> str:
        """The thing counted by a number with no noun after it (see module rule 5)."""
        doc, lower, n = self.doc, self.lower, len(self.lower)
        after = qty.end
        if after + 1 < n and lower[after] == "of":
            whole = self._partitive_count(after + 1)
            if whole is not None:
                return whole  # "seven of the state's 44 delegates", "six of the 53 wounded"
            head = next((c for c in doc[after].children if c.dep_ == "pobj"), None)
            if head is not None and head.pos_ in ("NOUN", "PROPN"):
                return unit_of(head)  # partitive: "9,500 of the port's 12,000 dockworkers"
        if after + 1 < n and lower[after] == "to":
            following = self._quantity(after + 1)
            if following is not None:
                unit, end = self._counted(following, following.end)
                if end is not None and unit:
                    return unit  # "from 3,000 to 10,000 rubles"
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
        number = doc[qty.last]
        verb = number.head
        if not self._same_line(number.idx, verb.idx):
            verb = number  # a head on another line is a parser slip: no verb rule
        if number.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ == "to":
            verb = verb.head
            verbs = CHANGE_VERBS
        else:
            verbs = QUANTITY_VERBS
        if number.dep_ in ("dobj", "attr", "pobj") and verb.lemma_.lower() in verbs:
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NOUN":
                    if unit_of(child) not in AMOUNT_NOUNS:  # "the numbers swelled to ..."
                        return unit_of(child)
            if verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN":
                return unit_of(verb.head)
        if self.count_units:
            return self.count_units[-1]
        return "person"

    def _partitive_count(self, k: int) -> str | None:
        """The counted unit of a number within four words from token ``k`` (after "of")."""
        for j in range(k, min(k + 4, len(self.words))):
            if self.lower[j] in (",", ".", ";", "and"):
                return None
            if self.words[j][:1].isdigit() or self.lower[j] in ("dozen", "hundred"):
                whole = self._quantity(j)
                if whole is None or whole.kind:
                    return None
                unit, end = self._counted(whole, whole.end)
                return unit if end is not None else None
        return None

    def _parallel_unit(self, qty: _Quantity) -> str | None:
        """The unit of the claim just before, joined by "and"/","/"or" within four words in
        the same sentence: "13 points from A and 7 from B", "114 million and 112 million"."""
        if not self.claims or self.last_end < 0 or not 0 < qty.first - self.last_end <= 4:
            return None
        if self._sentence(self.last_end - 1) != self._sentence(qty.first):
            return None
        between = self.lower[self.last_end : qty.first]
        if not any(w in _PARALLEL_LINKS for w in between):
            return None
        return self.claims[-1].unit

    # -- what is not a claim -----------------------------------------------------------

    def _not_a_claim(self, qty: _Quantity, num: int, qual_start: int, qualifier: str) -> bool:
        doc, lower, n = self.doc, self.lower, len(self.lower)
        tok = doc[num]
        text = self.text
        start_char = tok.idx
        end_char = doc[qty.end - 1].idx + len(doc[qty.end - 1].text)
        if overlaps_any(start_char, end_char, self.phones):
            return True
        if start_char > 0 and (text[start_char - 1].isalnum() or text[start_char - 1] in "/"):
            return True
        if start_char > 1 and text[start_char - 1] in "-\u2013" and text[start_char - 2].isalnum():
            return True  # "F-16", and the second half of a score or season ("3-2", "2023-24")
        if text[end_char : end_char + 1] == "-" and text[end_char + 1 : end_char + 2].isupper():
            return True  # "7-Eleven", "3-D"
        nxt = lower[qty.end] if qty.end < n else ""
        if nxt in TIME_WORDS or ":" in tok.text:
            return True
        if self._figure_of_speech(qty, nxt):
            return True
        if qty.end < n and text[end_char : end_char + 1] in ("-", "\u2013") and qty.digits:
            after = lower[qty.end + 1] if qty.end + 1 < n else ""
            if after and after[0].isdigit() and qty.value_high is None:
                return True  # "3-2", "2023-24": scores and seasons, not counts
        prev = lower[num - 1] if num > 0 else ""
        if prev == "." and num > 1:
            prev = lower[num - 2] + "."
        if prev in MONTHS or nxt in MONTHS or prev in NAME_MARKERS:
            return True
        glued = _WORD_TAIL.search(prev)
        if glued is not None and glued.group() in MONTHS:
            return True  # 'date="February 28': a month glued to markup
        if _year_like_value(qty.value, tok.text) and qty.value_high is None:
            if not (nxt and is_plural(doc[qty.end]) and tok.ent_type_ != "DATE"):
                return True
        if nxt == "in" and match_number(self.words, qty.end + 1) is not None:
            return True  # "one in five adults": a ratio, not a count
        if num >= 2 and prev == "in" and match_number(self.words, num - 2) is not None:
            return True
        if self._in_name(num, qual_start, qualifier, qty):
            return True
        if self._says_when(qty, qual_start):
            return True
        if tok.ent_type_ in ("DATE", "TIME"):
            return not self._duration(qty)
        return False

    def _figure_of_speech(self, qty: _Quantity, nxt: str) -> bool:
        """Numbers that state no amount: "one or more of", multipliers ("10 times
        harder"), a number glued to an adjective ("three-dimensional") and "100 percent"
        before an adjective ("100% sure")."""
        doc, lower, n = self.doc, self.lower, len(self.lower)
        after = doc[qty.end + 1] if qty.end + 1 < n else None
        if qty.value == 1 and lower[qty.end : qty.end + 2] == ["or", "more"]:
            return True
        if nxt == "times" and after is not None:
            if after.tag_ in ("JJR", "RBR") or after.lower_ in ("as", "more", "less", "the"):
                return True
        if nxt in ("-", "\u2013") and after is not None and not doc[qty.last].whitespace_:
            if not doc[qty.end].whitespace_ and after.pos_ in ("ADJ", "ADV"):
                return after.lower_ not in UNIT_WORDS
        if qty.value == 100 and nxt in PERCENT_WORDS and after is not None:
            return after.tag_ in ("JJ", "VBN") and after.head.i <= after.i
        return False

    def _in_name(self, num: int, qual_start: int, qualifier: str, qty: _Quantity) -> bool:
        doc = self.doc
        tok = doc[num]
        if tok.ent_type_ in NAME_LABELS and tok.ent_iob_ == "I":
            return True
        if num == 0 or qualifier != "exact" or qty.currency:
            return False
        unit, unit_end = self._counted(qty, qty.end)
        if unit_end is not None and (unit in _UNITS_NOT_NAMES or unit in CURRENCY_UNITS):
            return False  # "DOWN 0.4 percent": names do not end in a unit
        if not qty.digits:
            return self._capitalised_name(num, qty)
        prev = doc[num - 1]
        word, low = prev.text, prev.text.lower()
        if low == "of":
            return self._group_of(num, qty)
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
            return not counts_plural  # "Deploys 3,000 Troops" counts; "Route 66" names
        return prev.pos_ == "PROPN" or word[0].islower() or not counts_plural

    def _group_of(self, num: int, qty: _Quantity) -> bool:
        """ "Group of 20": a number ending a capitalised name, nothing counted after it."""
        return num >= 2 and self.doc[num - 2].pos_ == "PROPN" and self._bare(qty)

    def _bare(self, qty: _Quantity) -> bool:
        return self._counted(qty, qty.end)[1] is None

    def _title_case(self, num: int) -> bool:
        """Whether the sentence of token ``num`` is a title-case headline."""
        start, end = self._sentence(num)
        words = [w for w in self.words[start:end] if w.isalpha() and len(w) > 3]
        return bool(words) and not any(w[0].islower() for w in words)

    def _capitalised_name(self, num: int, qty: _Quantity) -> bool:
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

    def _says_when(self, qty: _Quantity, qual_start: int) -> bool:
        """An amount of time that says when, not how long: "Four days before the vote,",
        "…, five years earlier", "will decide in three days"."""
        unit, end = self._counted(qty, qty.end)
        if end is None or unit not in DURATIONS:
            return False
        if end < len(self.lower) and self.lower[end] in _WHEN_AFTER:
            # fronted or set off by a comma ("Five years earlier, …", "…, four days after
            # the vote"), or before a date or event ("four days before Election Day");
            # otherwise it may say how long ("stalled for nearly five years before …")
            start, _ = self._sentence(qual_start)
            first = qual_start
            if first > start and self.lower[first - 1] in ("just", "only"):
                first -= 1  # "Just three hours later, ..."
            if first == start or self.lower[first - 1] in (",", "—", "–", "("):
                return True
            after = self.doc[end + 1] if end + 1 < len(self.doc) else None
            return after is not None and after.ent_type_ in ("DATE", "EVENT")  # "… Election Day"
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
        return any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in verb.children)

    def _duration(self, qty: _Quantity) -> bool:
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

    def _referential(self, qty: _Quantity, num: int, qualifier: str, unit: str, end: int) -> bool:
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
            if qty.end < len(doc) and doc[qty.end].tag_ == "JJS":
                return True  # "the two largest unions": a description, not a count
        if prev not in REFERENTIAL:
            return False
        if small_word:
            return True
        # "the 40 protesters" after "40 protesters"; "the 40 remaining protesters" adds to it
        return prev == "the" and (qty.value, unit) in self.seen and end - qty.end <= 1

    def _one_counts(self, qty: _Quantity, qualifier: str, unit: str) -> bool:
        """ "one" is a claim only when qualified ("at least one"), scaled or a measure."""
        if qty.end < len(self.lower) and self.lower[qty.end] == "of":
            return False
        if qualifier not in ("exact", "approx") and qualifier != "range":
            return qty.first == 0 or self.lower[qty.first - 1] not in ("under", "over")
        if self.doc[qty.first].pos_ == "PRON":
            return False
        if qty.first > 0 and self.lower[qty.first - 1] in ("only", "just"):
            return self._counted(qty, qty.end)[1] is not None  # "only one poll"
        counted, end = self._counted(qty, qty.end)
        return end is not None and (counted in MEASURES or counted in CURRENCY_UNITS)

    def _score(self, qty: _Quantity, num: int, elided: bool) -> float:
        return claim_score(
            digits=qty.digits or qty.currency is not None,
            elided=elided,
            ner_quantity=self.doc[num].ent_type_ in QUANTITY_LABELS,
        )


def _year_like_value(value: float, text: str) -> bool:
    return text.isdigit() and len(text) == 4 and 1000 <= value <= 2100
