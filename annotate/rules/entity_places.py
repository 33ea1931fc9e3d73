"""One place, one label: the document-level rule for the names of places.

spaCy's small model labels a place sentence by sentence, so a town named six times may
be a GPE four times, an ORG once ("the Harlow attack") and a PERSON once ("Harlow
became his home"). A document names one place by one name, so (ANNOTATION_SPEC.md
section 1, GPE):

- a name is a place of the document when it is a GPE at least twice and more than twice
  as often as under any other label, or when the document's dateline names it in
  capitals ("HARLOW, Ohio —" makes "Harlow" a place);
- a one-word "person" right before a lower-case "police" is a town ("Harlow police
  officer" -> GPE "Harlow"; a person has no police);
- every entity reading exactly such a name is a GPE, whatever spaCy said (only PERSON,
  ORG, FAC and LOC are changed; an entity with a longer text, "Harlow Fire Department",
  is left alone);
- a mention of such a name that no entity covers is added as a GPE when it is a proper
  noun standing alone: no other proper noun outside an entity right before or after it
  ("the Senate Harlow hearing" -> GPE "Harlow"; "Harlow Springs" is left alone);
- a place right before a lower-case "caucuses" names the event, one EVENT with it:
  "the Harlow caucuses" -> EVENT "Harlow caucuses" (the real-news gold, every time but
  once; a "primary" is left to the place, as the gold mostly does) (:func:`with_caucuses`).

Example:
    >>> found = [Entity(0, 6, "Harlow", "GPE"), Entity(10, 16, "Harlow", "GPE"),
    ...          Entity(20, 26, "Harlow", "GPE"), Entity(30, 36, "Harlow", "ORG")]
    >>> [e.label for e in same_places(found, "")]
    ['GPE', 'GPE', 'GPE', 'GPE']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.datelines import DATELINE_PLACE, DATELINE_WITHIN
from goldsmith.annotate.rules.entity_runs import PROPER_TAGS, further_mentions
from goldsmith.annotate.rules.spans import overlaps
from goldsmith.labels.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

_POLICE = re.compile(r" police\b")

#: Labels a place name may wrongly carry; these are made GPE.
_RELABELLED = frozenset({"PERSON", "ORG", "FAC", "LOC"})

#: Fine-grained tags of proper nouns.


def same_places(found: list[Entity], text: str, doc: Doc | None = None) -> list[Entity]:
    """``found`` with every mention of a place of the document a GPE (module rule);
    with ``doc`` (for its tags), uncovered mentions are added too."""
    found = [_police_town(e, text) for e in found]
    places = _places(found) | _dateline_places(text)
    if not places:
        return found
    found = [
        replace(e, label="GPE") if e.text in places and e.label in _RELABELLED else e for e in found
    ]
    if doc is None:
        return found
    return found + _missed(doc, text, found, places)


def with_caucuses(found: list[Entity], text: str) -> list[Entity]:
    """``found`` with each GPE before " caucuses" grown into an EVENT (module rule)."""
    out = []
    for e in found:
        if e.label == "GPE" and text.startswith(_CAUCUSES, e.end):
            end = e.end + len(_CAUCUSES)
            e = Entity(e.start, end, text[e.start : end], "EVENT", e.score)
        out.append(e)
    return out


_CAUCUSES = " caucuses"


def _police_town(entity: Entity, text: str) -> Entity:
    """A one-word "person" right before a lower-case "police" is the town they serve:
    "Harlow police said" -> GPE "Harlow" (a person has no police)."""
    if (
        entity.label == "PERSON"
        and " " not in entity.text
        and _POLICE.match(text, entity.end) is not None
    ):
        return replace(entity, label="GPE")
    return entity


def _places(found: list[Entity]) -> set[str]:
    labels: dict[str, Counter] = {}
    for entity in found:
        if entity.label != "DATE":
            labels.setdefault(entity.text, Counter())[entity.label] += 1
    return {
        name
        for name, counts in labels.items()
        if counts["GPE"] >= 2
        and all(n * 2 < counts["GPE"] for label, n in counts.items() if label != "GPE")
    }


def _dateline_places(text: str) -> set[str]:
    """The dateline's place in title case, one name a word ("HARLOW" -> "Harlow")."""
    first_break = text.find("\n")
    if first_break < 0:
        return set()
    match = DATELINE_PLACE.search(text, first_break, min(len(text), DATELINE_WITHIN))
    if match is None or not match["place"].isupper():
        return set()
    return {match["place"].title()}


def _missed(doc: Doc, text: str, found: list[Entity], places: set[str]) -> list[Entity]:
    taken = [(e.start, e.end) for e in found]
    added: list[Entity] = []
    for match, span in further_mentions(doc, text, places, found):
        begin, stop = match.span()
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        if any(t is not None and _free_proper(t, taken) for t in (before, after)):
            continue
        added.append(Entity(start=begin, end=stop, text=match.group(), label="GPE"))
    return added


def _free_proper(token, taken: list[tuple[int, int]]) -> bool:
    """A proper noun outside every entity: the mention may be part of a longer name."""
    begin = token.idx
    stop = begin + len(token.text)
    return token.tag_ in PROPER_TAGS and not any(overlaps(a, b, begin, stop) for a, b in taken)
