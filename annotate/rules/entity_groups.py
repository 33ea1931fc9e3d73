"""Groups of people: nationalities written in two parts, religions, the tea party, and
advocacy groups named "X for Y".

Rules (ANNOTATION_SPEC.md section 1 and 4, NORP and ORG), on the entities of one
document:

- two nationalities joined by a hyphen or a space are one NORP: "Ruritanian-American",
  "Mexican American journalists" (spaCy gives the first, or both apart); the second is
  a NORP entity or a capitalised word shaped like a nationality ("-an", "-ese", "-ish",
  "-i"); party words ("Democratic", "Republican") are never joined;
- a religion is NORP, whatever spaCy said, and is added where missed: "a strain of Islam";
- one-word ethnic groups are NORP and added where missed: "the Latino vote",
  "Hispanic parents" (spec section 4), but not before a capitalised word;
- "tea party" is NORP (spec section 4), in lower case too, but for a longer capitalised
  name ("Tea Party Express");
- a capitalised plural and "for" and one to three capitalised words name a group: "Nurses
  for Clean Air", "director of Farmers for Trade" -> ORG over the whole (spaCy gives a
  NORP or nothing); a time after "for" ("Democrats for Monday"), a person on either
  side ("rallies Democrats for Poe", "awareness of Poe for Ohio"), or a lower-case noun
  after the name ("for Ohio voters") make no name.

Example:
    >>> found = [Entity(0, 7, "Mexican", "NORP")]
    >>> [(e.text, e.label) for e in group_names("Mexican American voters", found)]
    [('Mexican American', 'NORP')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.spans import overlaps
from goldsmith.labels.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Religions: NORP (OntoNotes). A closed class of words, not names of this corpus.
RELIGIONS = ("Islam", "Christianity", "Judaism", "Hinduism", "Buddhism", "Sikhism")

_RELIGION = re.compile(r"(?<![\w-])(?:" + "|".join(RELIGIONS) + r")(?![\w-])")
#: Ethnic groups named by one word (spec section 4: "Latino" is NORP): a closed class
#: of words, like the religions; a capitalised word after one makes a longer name
#: ("Latino Victory Fund") that is left alone. Other identity groups ("LGBT") are no
#: NORP (docs/gold-conventions.md).
GROUP_WORDS = ("Latino", "Latinos", "Latina", "Latinas", "Latinx", "Hispanic", "Hispanics")
_GROUP_WORD = re.compile(r"(?<![\w-])(?:" + "|".join(GROUP_WORDS) + r")(?![\w-])(?! [A-Z])")
_TEA_PARTY = re.compile(r"(?<![\w-])(?:tea party|Tea Party)(?![\w-])(?! [A-Z])")
_JOINED = re.compile(r"[- ](?P<word>[A-Z][a-z]+)(?![\w-])")
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|i)")
_PARTY_WORDS = frozenset(
    """
    Democratic Democrat Democrats Republican Republicans Libertarian Libertarians
    Independent Independents
    """.split()
)
_FOR_GROUP = re.compile(
    r"(?<![\w-])[A-Z][a-z]+s for (?:[A-Z][a-z]+)(?: [A-Z][a-z]+){0,2}(?![\w'’-])"
)
_LOWER_NEXT = re.compile(r" [a-z]")
_TIMES = frozenset(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December
    """.split()
)


def group_names(text: str, found: list[Entity], doc: Doc | None = None) -> list[Entity]:
    """``found`` with the rules above applied; ``doc`` gives the parts of speech that
    tell a noun after an "X for Y" name (without it, no lower-case word may follow)."""
    found = _joined_nationalities(text, found)
    found = _always_norp(text, found, _RELIGION)
    found = _always_norp(text, found, _TEA_PARTY)
    found = _always_norp(text, found, _GROUP_WORD)
    nouns = None if doc is None else {t.idx for t in doc if t.pos_ in ("NOUN", "PROPN")}
    return _for_groups(text, found, nouns)


def _joined_nationalities(text: str, found: list[Entity]) -> list[Entity]:
    norps = sorted((e for e in found if e.label == "NORP"), key=lambda e: e.start)
    by_start = {e.start: e for e in found}
    dropped: set[Entity] = set()
    for entity in norps:
        if entity in dropped or entity.text in _PARTY_WORDS:
            continue
        match = _JOINED.match(text, entity.end)
        if match is None or match["word"] in _PARTY_WORDS:
            continue
        nxt = by_start.get(match.start("word"))
        if nxt is not None and (nxt.label != "NORP" or nxt.end != match.end()):
            continue
        if nxt is None and not _NATIONALITY.fullmatch(match["word"]):
            continue
        joined = Entity(entity.start, match.end(), text[entity.start : match.end()], "NORP")
        dropped.add(entity)
        if nxt is not None:
            dropped.add(nxt)
        found = [e for e in found if e not in (entity, nxt)] + [joined]
    return found


def _always_norp(text: str, found: list[Entity], pattern: re.Pattern) -> list[Entity]:
    for match in pattern.finditer(text):
        begin, stop = match.span()
        over = [e for e in found if overlaps(e.start, e.end, begin, stop)]
        if all(e.start == begin and e.end == stop for e in over):
            found = [e for e in found if e not in over]
            found.append(Entity(begin, stop, match.group(), "NORP"))
    return found


def _for_groups(text: str, found: list[Entity], nouns: set[int] | None) -> list[Entity]:
    for match in _FOR_GROUP.finditer(text):
        begin, stop = match.span()
        if any(word in _TIMES for word in match.group().split()[2:]):
            continue
        if _LOWER_NEXT.match(text, stop) and (nouns is None or stop + 1 in nouns):
            continue  # "Poe for Ohio voters": the name modifies a noun
        over = [e for e in found if overlaps(e.start, e.end, begin, stop)]
        if any(e.start < begin or e.end > stop or e.label == "PERSON" for e in over):
            continue  # "rallies Democrats for Jo Poe": for a person, no name
        found = [e for e in found if e not in over]
        found.append(Entity(begin, stop, match.group(), "ORG"))
    return found
