"""Numeric claims: quantities stated as information about the world (spec section 3).

:func:`find_claims` reads a parsed spaCy ``Doc`` left to right, once. At each word that
can start a number (:mod:`goldsmith.annotate.rules.numbers`) it reads the number, then:

0. Forms of :mod:`goldsmith.annotate.rules.claim_forms`: poll tallies "58%-37%" (two
   percent claims), fractions ("half of" -> 0.5 ``fraction``; shares of a small whole
   "one in five", "nine out of 10" -> 0.2, 0.9 ``fraction``), ratios ("by 2-1"), ages
   ("Roe, 41,", "a 52-year-old" -> "52-year", "aged 45", "turned 66": unit ``year``),
   "a couple of" (2, approx), "a pair of" / "a trio of" (2 / 3, exact).
1. Range: "between A and B", "A to B", "A or A+1", "A-B" / "A–B" make one ``range`` claim (``value``
   A, ``value_high`` B, B > A); B's scale word also scales A ("1.5 to 2 million").
   "from A to B" states a change and is two claims (but "ranges from A to B" is a range),
   and so does "1.1 percent to 16,800" (a percent, then a level without "percent").
2. Not a claim (skipped):
   - phone numbers; numbers glued to a word ("F-16", "COVID-19", "7-Eleven");
     scores and seasons ("3-2", "2023-24"); ratios ("one in 45 children");
   - times: a.m./p.m./o'clock/time zones after it, "3:30";
   - dates: next to a month name ("Oct. 23", "June 2024"); a year (1000-2100 written
     as four bare digits) unless it counts a plural noun ("2024 soldiers"); a number
     spaCy calls DATE or TIME unless it counts something after it ("20 months",
     "20 percent") and no "ago" follows;
   - pointing back: "the last two storms", "the two largest unions"; figures of speech:
     "one or more of", "10 times harder", "a two-time winner", "three-dimensional",
     "100% sure", "I agree 100 percent", "at one point";
   - amounts of time that say when: followed by ago/earlier/later ("three years
     later"), or by before/after unless "for"/"during" governs them or a verb of lasting
     takes them ("arrived two days after the vote", "Two weeks after the flood, …"; but
     "waited three days before answering"), or "in three days" after "will"; a fronted
     "Nine stops later, …";
   - names: after "number"/"no."/"#" ("Number one"); inside a spaCy name entity;
     after a proper noun or mixed-case word ("Route 66", "iPhone 15"; in a title-case
     headline only when no plural noun follows); after a singular common noun with
     nothing counted ("room 404"); ending a name ("Group of 20"); a capitalised number
     word before a capitalised word mid-sentence ("Six Nations");
   - referential numbers (:mod:`claim_referential`): these/those/both/all or a
     possessive pronoun before a number word up to ten, unqualified ("the two nations");
     "the" + "two", or a number word naming things already named, repeated or listed
     ("Ohio, Iowa and Utah. The three states ..."; but "the four mills that shut" counts);
     "the" + a number already claimed with the same unit ("the 40 protesters" after "40
     protesters"); "these/those" + a number already claimed ("these 206 people");
   - "one" unless qualified ("at least one"), scaled ("one million") or counting a
     percent, money or measure: not "one said", "one of the", "one notable step".
3. Qualifier: the longest phrase of ``QUALIFIERS`` right before the number (it starts
   the span), or "or more" / "or so" / "plus" right after the number or the counted
   noun; plural scale words ("thousands of") are ``more_than``; "over" before a
   duration means "during" ("over two years" is exact) unless a preposition comes before
   it ("for over two decades"); "up to" of the verb "add up to" is no qualifier.
4. Counted thing (claims may nest: "three $40 million jets" is (3, jet) over
   ($40 million, dollar)): "%", "percent", "per cent" -> ``percent``; a currency sign or word ->
   that currency; a unit abbreviation ("km") -> its unit; "20-month" -> month;
   otherwise the noun phrase after the number up to its head noun (spaCy's head of the
   number when every word between is a modifier, else the first plural noun of a run
   of adjectives and nouns), plus "Celsius"/"Fahrenheit" after "degrees". ``unit`` is
   the head's singular lower-case lemma ("people" -> "person", "km" -> "kilometer");
   hyphen compounds "a 12-stop line", "9-straight-day", "2.5-square-mile" (``square mile``).
5. Elided counted thing ("another 7,000 are expected", "two others"): the span ends at
   the number (or its stand-in noun); ``unit`` is, first that applies
   (:mod:`claim_elided`): the noun after "of", or the unit of a number right after "of"
   ("9,500 of the port's 12,000 dockworkers"); "year" after "those over"; the unit of the
   number after "to" ("from 3,000 to 10,000 rubles"); the unit of the claim just before
   "to" ("21 votes to 13") or joined to it by and/or/"," with no verb between ("13 points
   from A and 7 from B"); "person" for the amount of a whole of people ("a population of
   21,090"); the plural noun it is set off after ("the most seats -- 123 --"); for a
   number alone on its line, the noun after "The number of" on the next; the unit counted
   by the same verb earlier in the sentence ("X had 1,317 homicides; Y had 3,797"); the
   subject of a verb of quantity whose object is the number ("casualties exceeding
   600,000", "the toll rose to 90"), unless it names an amount ("numbers"); the unit of an
   earlier written count of the same value, 100 or more and not a multiple of 100 ("1,237
   delegates" ... "to reach 1,237"); the unit of
   the nearest preceding claim in the same paragraph that counted things (not money,
   percent, measures or durations, nor a count inside a phrase of another counted noun:
   "runners from 150 countries"); else "person" (news counts with no antecedent are of
   people: "killing at least nine").

``score`` is a rule confidence (:mod:`goldsmith.annotate.rules.confidence`): 0.9 for
digits counting a noun, 0.1 less for number words, 0.2 less for an elided noun, 0.1 less
when spaCy's NER did not call it a quantity.

Example:
    >>> nlp = load_model()                                          # doctest: +SKIP
    >>> [c.text for c in find_claims(nlp("At least 300 buses ran."))]  # doctest: +SKIP
    ['At least 300 buses']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from goldsmith.annotate.rules.claim_candidates import ClaimCandidate
from goldsmith.annotate.rules.claim_forms import DENOMINATORS, tally_parts
from goldsmith.annotate.rules.claim_qualifiers import QualifierRules
from goldsmith.annotate.rules.claim_quantity import Quantity
from goldsmith.annotate.rules.claim_verifier import ClaimVerifier, verify
from goldsmith.annotate.rules.claim_words import (
    AFTER_QUALIFIERS,
    QUANTITY_LABELS,
    TEMPERATURE_SCALES,
)
from goldsmith.annotate.rules.confidence import claim_score
from goldsmith.annotate.rules.currencies import CURRENCY_WORDS
from goldsmith.annotate.rules.numbers import is_starter
from goldsmith.labels.records import Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc


def find_claims(doc: Doc, verifier: ClaimVerifier | None = None) -> list[Claim]:
    """CLAIM spans with value, unit, qualifier (and value_high for ranges).

    Reads ``doc`` (a parsed spaCy ``Doc`` of the whole text, with tagger, parser and
    NER) once, left to right, and never calls the pipeline; see the module docstring
    for the rules. Claims come in text order and overlap only by nesting (the amount of
    money inside "three $40 million jets"); ``score`` is a rule confidence in [0, 1].
    With a ``verifier`` (:mod:`~goldsmith.annotate.rules.claim_verifier`, off by default:
    no cross-validated gain on HELD-OUT-R6 and TRAIN, see BENCHMARKS.md round 8) every candidate of
    :func:`find_candidates` is judged by it instead.

    Example:
        >>> doc = load_model()("Another 7,000 troops may follow.")  # doctest: +SKIP
        >>> [(c.text, c.value, c.unit) for c in find_claims(doc)]    # doctest: +SKIP
        [('7,000 troops', 7000.0, 'troop')]
    """
    if verifier is not None:
        return verify(doc, find_candidates(doc), verifier)
    return _Finder(doc).run()


def find_candidates(doc: Doc) -> list[ClaimCandidate]:
    """Every claim the rules read in ``doc``, kept or dropped, with the name of the rule
    that dropped it (:class:`~goldsmith.annotate.rules.claim_candidates.ClaimCandidate`).

    The same pass as :func:`find_claims` (a dropped candidate moves the reading on exactly
    as the rules do), so the kept candidates are the claims ``find_claims`` returns; a
    dropped one gets the unit and span the rules would have given it had no filter applied.
    """
    finder = _Finder(doc)
    finder.collect = True
    finder.run()
    return finder.candidates


class _Finder(QualifierRules):
    """One pass over a document: the number, its qualifier, its unit, and the rules that
    drop it (the mixins of :class:`ClaimFilters`); with ``collect`` set it also keeps
    what they dropped, in ``candidates``."""

    collect = False

    def __init__(self, doc: Doc) -> None:
        super().__init__(doc)
        self.candidates: list[ClaimCandidate] = []

    def run(self) -> list[Claim]:
        i, floor, n = 0, 0, len(self.words)
        while i < n:
            tally = tally_parts(self.words[i])
            if tally is not None and i + 1 < n and self.words[i + 1] == "%":
                self._tally(i, tally)
                floor = i = i + 2
                continue
            if not is_starter(self.words[i]) and self.lower[i] not in DENOMINATORS:
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
            if self._nested_head(qty, qty.end) is not None:
                floor = end = qty.end  # the inner amount of "three $40 million jets"
            i = max(end, i + 1)
        return self.claims

    # -- the number --------------------------------------------------------------------

    def _tally(self, i: int, parts: tuple[tuple[int, int, float], ...]) -> None:
        """Two percent claims of a tally token "58%-37" followed by "%"."""
        base = self.doc[i].idx
        ends = (parts[0][1], len(self.words[i]) + 1)
        for (start, _, value), end in zip(parts, ends, strict=True):
            a, b = base + start, base + end
            claim = Claim(
                start=a,
                end=b,
                text=self.text[a:b],
                value=value,
                unit="percent",
                qualifier="exact",
                score=self._tally_score,
            )
            self.claims.append(claim)
            if self.collect:
                self.candidates.append(ClaimCandidate(claim, None, i, i, i, i, False))

    _tally_score = claim_score(digits=True, elided=False, ner_quantity=True)

    def _claim(self, qty: Quantity, floor: int) -> tuple[Claim | None, int]:
        lower, doc = self.lower, self.doc
        num = qty.first + (1 if qty.currency and lower[qty.first] not in CURRENCY_WORDS else 0)
        qual_start, qualifier = self._qualify(qty, floor)
        k = qty.end
        if qualifier == "exact":
            if lower[k : k + 2] == ["-", "plus"] and not doc[k].whitespace_:
                qualifier, k = "more_than", k + 2  # "15-plus years", like "15 plus years"
            for phrase, name in AFTER_QUALIFIERS.items():
                if qualifier == "exact" and tuple(lower[k : k + len(phrase)]) == phrase:
                    qualifier, k = name, k + len(phrase)
                    break
        fixed = self._fixed_unit(qty, num, k)
        drop, drop_end = None, qty.end
        if fixed is not None:
            unit, end = fixed
            elided = False
        else:
            drop = self._drop_reason(qty, num, qual_start, qualifier)
            if drop is not None and not self.collect:
                return None, qty.end
            unit, end = self._counted(qty, k)
            elided = end is None
        if end is None:
            end = k
        named = not elided
        if unit is None:
            unit, named = self._elided_unit_or_person(qty)
        elif unit == "degree" and end < len(lower) and lower[end] in TEMPERATURE_SCALES:
            unit, end = f"degree {TEMPERATURE_SCALES[lower[end]]}", end + 1
        if qualifier == "exact" and not elided:
            for phrase, name in AFTER_QUALIFIERS.items():
                if len(phrase) == 2 and tuple(lower[end : end + 2]) == phrase:
                    qualifier, end = name, end + 2  # "300 families or more"
                    break
        if drop is None and fixed is None and self._referential(qty, num, qualifier, unit, end):
            drop, drop_end = "referential", end
        if (
            drop is None
            and qty.value == 1
            and not qty.digits
            and qty.kind != "one"
            and not self._one_counts(qty, qualifier, unit)
        ):
            drop = "one"
        if drop is not None and not self.collect:
            return None, drop_end
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
        if self.collect:
            head = qty.last if elided else end - 1
            self.candidates.append(
                ClaimCandidate(claim, drop, qual_start, num, qty.last, head, elided)
            )
            if drop is not None:
                return None, drop_end
        if named and self._counts_things(unit, qty, end - 1):
            self.count_units.append((unit, end_char))
            self.count_heads.add(end - 1)
            if not elided and qty.value_high is None:
                self.written_units[qty.value] = unit  # "1,237 delegates": for a later "1,237"
        counted = doc[qty.last if elided else end - 1]
        if counted.dep_ == "dobj":
            verb = counted.head
            key = (self._sentence(counted.i)[0], verb.lemma_.lower(), verb.dep_ == "relcl")
            self.object_units.append((key, unit))
        self.seen.add((qty.value, unit))
        self.last_end = end
        return claim, end

    def _score(self, qty: Quantity, num: int, elided: bool) -> float:
        return claim_score(
            digits=qty.digits or qty.currency is not None,
            elided=elided,
            ner_quantity=self.doc[num].ent_type_ in QUANTITY_LABELS,
        )
