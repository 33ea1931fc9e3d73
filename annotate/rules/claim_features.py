"""Features of a claim candidate for the learned claim verifier.

:func:`candidate_features` turns each
:class:`~goldsmith.annotate.rules.claim_candidates.ClaimCandidate` of a document into
a tuple of feature names (binary features: a name is present or not). What they say,
by family (the prefix before ``=``):

- ``shape``: digits, a number word, a currency sign, a comma or a decimal point;
  ``mag``: the value's order of magnitude (``1``, ``2-10``, ... ``>1m``); ``yearlike``:
  four digits from 1000 to 2100; ``range``;
- ``unit``: the kind of unit (percent, money, duration, measure, person, other count),
  ``elided`` when the counted noun is not written, ``noun``: the unit itself when the
  noun is written, ``qual``: the qualifier;
- ``num_ent`` / ``head_ent``: spaCy's entity type of the number and of the counted noun
  (``name_ent`` when it is a name type: WORK_OF_ART, ORG, LAW, EVENT, FAC, PRODUCT,
  PERSON, GPE, NORP, LOC), ``num_dep`` / ``head_dep`` / ``head_pos``: their dependency
  relation and part of speech;
- ``prev`` / ``prev_tag`` / ``prev2``: the word (lower case) and tag before the span,
  ``next`` / ``next_tag``: after it, ``det``: "the"/"these"/a possessive before the number;
- capitals: ``num_cap`` (a number word capitalised mid-sentence), ``next_cap``,
  ``prev_cap``; the line: ``line_title`` (title case), ``line_short`` (under 12 words,
  no final stop: a headline or a caption), ``line_start`` (the span opens its line),
  ``sent_first`` (the span opens the sentence);
- ``quoted``: inside quotation marks in its paragraph; ``month_near``: a month or
  weekday within three words; ``times_after`` / ``of_after``;
- ``drop``: the rule filter that dropped it (``drop=none`` when the rules keep it).

The feature names never contain the text beyond single words around the number. Only
the candidate's sentence and line are read, never the whole document per candidate.

Example:
    >>> doc = load_model()("The two men paid $5 million.")     # doctest: +SKIP
    >>> candidate_features(doc, find_candidates(doc))[1][:3]     # doctest: +SKIP
    ('bias', 'shape=currency', 'mag=>1m')
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.claim_words import DURATIONS, MEASURES, MONTHS, WEEKDAYS
from goldsmith.annotate.rules.currencies import CURRENCY_UNITS
from goldsmith.annotate.rules.headlines import is_title_case

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from goldsmith.annotate.rules.claim_candidates import ClaimCandidate

#: spaCy entity types that name something (a number inside one is part of a name).
NAME_TYPES = frozenset("WORK_OF_ART ORG LAW EVENT FAC PRODUCT PERSON GPE NORP LOC LANGUAGE".split())
#: Words before a number that point back to something named ("the two", "their three").
POINTING = frozenset("the these those both all its their his her our your my whose".split())
_OPEN_QUOTES = "\u201c"
_CLOSE_QUOTES = "\u201d"
_MAGNITUDES = ((1, "1"), (10, "2-10"), (100, "11-100"), (1000, "101-1k"), (1e6, "1k-1m"))
_DIGIT = re.compile(r"\d")


def candidate_features(doc: Doc, candidates: Sequence[ClaimCandidate]) -> list[tuple[str, ...]]:
    """The feature names of each candidate of ``doc`` (module rules), in order."""
    if not candidates:
        return []
    starts = [s.start for s in doc.sents]
    return [_features(doc, c, starts) for c in candidates]


def _features(doc: Doc, cand: ClaimCandidate, starts: list[int]) -> tuple[str, ...]:
    claim = cand.claim
    text = doc.text
    num, head = doc[cand.num], doc[cand.head]
    out = ["bias", f"drop={cand.drop or 'none'}"]
    out += _shape(claim.text, num.text, claim.value, claim.value_high is not None)
    out.append(f"unit={_unit_kind(claim.unit)}")
    out.append(f"qual={claim.qualifier}")
    if cand.elided:
        out.append("elided")
    out.append(f"num_ent={num.ent_type_ or 'none'}")
    if num.ent_type_ in NAME_TYPES or head.ent_type_ in NAME_TYPES:
        out.append("name_ent")
    out.append(f"num_dep={num.dep_}")
    if not cand.elided:
        out += [f"head_ent={head.ent_type_ or 'none'}", f"head_dep={head.dep_}"]
        out.append(f"noun={claim.unit}")
        out.append(f"head_pos={head.pos_}")
        if head.text[:1].isupper():
            out.append("head_cap")
    sent = bisect_right(starts, cand.start) - 1
    sent_start = starts[sent] if sent >= 0 else 0
    before = cand.start - 1
    while before >= sent_start and doc[before].is_space:
        before -= 1
    if before < sent_start:
        out.append("sent_first")
    else:
        prev = doc[before]
        out += [f"prev={prev.lower_}", f"prev_tag={prev.tag_}"]
        if prev.lower_ in POINTING or prev.tag_ == "PRP$":
            out.append("det")
        if prev.text[:1].isupper() and prev.is_alpha:
            out.append("prev_cap")
        if before - 1 >= sent_start:
            out.append(f"prev2={doc[before - 1].lower_}")
        if num.text[:1].isupper() and num.is_alpha:
            out.append("num_cap")
    after = _token_after(doc, claim.end, cand.head)
    if after is None:
        out.append("next=END")
    else:
        out += [f"next={after.lower_}", f"next_tag={after.tag_}"]
        if after.text[:1].isupper() and after.is_alpha:
            out.append("next_cap")
        if after.lower_ in ("times", "time"):
            out.append("times_after")
        if after.lower_ == "of":
            out.append("of_after")
    out += _line(text, claim.start, claim.end)
    lo, hi = max(cand.start - 3, 0), min(cand.head + 4, len(doc))
    if any(doc[j].lower_.rstrip(".") in MONTHS or doc[j].lower_ in WEEKDAYS for j in range(lo, hi)):
        out.append("month_near")
    return tuple(out)


def _shape(span: str, word: str, value: float, is_range: bool) -> list[str]:
    shape = "currency" if span[:1] in "$£€¥" else "digits" if _DIGIT.search(word) else "word"
    out = [f"shape={shape}"]
    if "," in word:
        out.append("comma")
    if "." in word.strip("."):
        out.append("decimal")
    size = abs(value)
    out.append(f"mag={next((name for top, name in _MAGNITUDES if size <= top), '>1m')}")
    if word.isdigit() and len(word) == 4 and 1000 <= value <= 2100:
        out.append("yearlike")
    if is_range:
        out.append("range")
    return out


def _unit_kind(unit: str) -> str:
    if unit == "percent" or unit == "percentage point":
        return "percent"
    if unit in CURRENCY_UNITS:
        return "money"
    if unit in DURATIONS:
        return "duration"
    if unit in MEASURES or unit.startswith("degree"):
        return "measure"
    if unit == "person":
        return "person"
    return "count"


def _token_after(doc: Doc, end_char: int, head: int):
    """The first non-space token at or after character ``end_char`` (from ``head`` on)."""
    j = head
    while j < len(doc) and (doc[j].idx < end_char or doc[j].is_space):
        j += 1
    return doc[j] if j < len(doc) else None


def _line(text: str, start: int, end: int) -> list[str]:
    """Features of the line and paragraph holding the span."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    out = []
    if not text[line_start:start].strip():
        out.append("line_start")
    if is_title_case(line):
        out.append("line_title")
    if len(line.split()) < 12 and line[-1:] not in ".\u201d\"'":
        out.append("line_short")
    para_start = text.rfind("\n\n", 0, start) + 1
    lead = text[para_start:start]
    opened = lead.count(_OPEN_QUOTES) > lead.count(_CLOSE_QUOTES)
    if opened or lead.count('"') % 2 == 1:
        out.append("quoted")
    return out
