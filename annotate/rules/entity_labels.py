"""Entity labels and name boundaries from how a name is built (document level).

spaCy's small pipeline often labels an event, a venue or a news outlet as the wrong
kind of name, or stops a name one word short. Rules, applied in this order to the
entities of one document (word lists in :mod:`goldsmith.annotate.rules.entity_words`):

- a name joined to another by a slash is two names: "Acme News/Ledger" -> "Acme News",
  "Ledger";
- capitalised words right after a name that end in an organisation head belong to it
  and make it an ORG: "Acme" + "News" -> ORG "Acme News"; "Lake County" + "Executive
  Committee" -> ORG "Lake County Executive Committee";
- a party or nationality word before an organisation head is one ORG ("Islamic" +
  "State" -> "Islamic State"); one before a legislature is not ("Republican" NORP,
  "Congress" ORG);
- a name that spaCy calls an EVENT or a FAC and that ends in an organisation head that
  names no event or building is an ORG ("World Anti-Fraud Agency");
- a name whose last word is an event head is an EVENT ("... National Convention",
  "Cold War"), a number right after it included ("Super Bowl 50"); one whose last word
  is a facility head is a FAC ("Wells Fargo Center", "Tolvik Airport"), but not when a
  word inside makes it an organisation ("Pew Research Center"), and a GPE or a PERSON
  only with a head no town or person is named by ("... Street", "... Tower", not
  "... Park");
- an ORG right before a facility noun is a FAC ("the Pulse nightclub", "the Arcadia
  shopping mall");
- an ORG right before "program" or "visa" names a programme: no entity, there or at
  any other mention of the same name ("the EB-5 program");
- a place, a nationality or a person has no digits in its name ("76%-21" is no GPE);
- one-word PERSON that is the first word of a longer ORG of the same document, and
  no person's last name, is that organisation ("Acme" and "Acme News");
- a one-word name that the document labels PERSON at least twice as often as anything
  else is a PERSON at every mention.

Example:
    >>> from goldsmith.annotate.model import load_model   # doctest: +SKIP
    >>> doc = load_model()("Crowds filled the Wells Fargo Center.")   # doctest: +SKIP
    >>> [(e.text, e.label) for e in relabel(doc, find(doc))]   # doctest: +SKIP
    [('Wells Fargo Center', 'FAC')]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.entity_mentions import METONYMS
from goldsmith.annotate.rules.entity_words import (
    EVENT_HEADS,
    FAC_AMBIGUOUS_HEADS,
    FAC_HEADS,
    FAC_HEADS_NOT_PLACES,
    FAC_NOUNS,
    NORP_ORG_HEADS,
    ORG_HEADS,
    ORG_INSIDE_WORDS,
    PROGRAM_NOUNS,
    SPLIT_BODIES,
)
from goldsmith.annotate.rules.headlines import is_title_case
from goldsmith.labels.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

_NAMES = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT"})

#: At most this many capitalised words are taken in after a name before its head.
_MAX_TAKEN_IN = 3

_SLASH = re.compile(r"(?<=\w)\s?/\s?(?=[A-Z])")


def relabel(doc: Doc, found: list[Entity], text: str) -> list[Entity]:
    """``found`` with the rules above applied."""
    found = [part for entity in found for part in _split_slash(entity, text)]
    found = _take_in_heads(doc, found, text)
    found = _join_norp_heads(doc, found, text)
    found = [_by_head(doc, entity, text) for entity in found]
    found = _without_programmes(doc, found)
    found = [e for e in found if not (e.label in ("GPE", "NORP", "PERSON", "LOC") and _digit(e))]
    found = _first_words_of_orgs(found)
    return _person_by_majority(found)


def _split_slash(entity: Entity, text: str) -> list[Entity]:
    if entity.label not in _NAMES or "/" not in entity.text:
        return [entity]
    parts: list[Entity] = []
    begin = entity.start
    for match in _SLASH.finditer(text, entity.start, entity.end):
        parts.append(_entity(text, begin, match.start(), entity.label))
        begin = match.end()
    parts.append(_entity(text, begin, entity.end, entity.label))
    return [p for p in parts if p.text.strip()]


def _take_in_heads(doc: Doc, found: list[Entity], text: str) -> list[Entity]:
    """Extend a name over capitalised words ending in an organisation head (not in a
    title-case line, where every word is capitalised: "Roe Visit To Police Memorial")."""
    starts = {token.idx: token.i for token in doc}
    result = list(found)
    for entity in found:
        if entity.label not in _NAMES or entity.end >= len(text) or text[entity.end] != " ":
            continue
        if is_title_case(_line(text, entity.start)):
            continue
        first = starts.get(entity.end + 1)
        if first is None:
            continue
        head = None
        for i in range(first, min(first + _MAX_TAKEN_IN, len(doc))):
            token = doc[i]
            if not (token.text[:1].isupper() and token.is_alpha or token.text in ORG_HEADS):
                break
            if token.text in ORG_HEADS:
                head = i
            if not token.whitespace_:
                break
        if head is None:
            continue
        stop = doc[head].idx + len(doc[head].text)
        grown = _entity(text, entity.start, stop, "ORG")
        result = [e for e in result if not (grown.start <= e.start and e.end <= grown.end)]
        result.append(grown)
    return result


def _line(text: str, char: int) -> str:
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    return text[start : end if end >= 0 else len(text)]


def _join_norp_heads(doc: Doc, found: list[Entity], text: str) -> list[Entity]:
    """ "Islamic" + "State" -> ORG "Islamic State"; "Republican Congress" -> NORP + ORG."""
    starts = {token.idx: token.i for token in doc}
    result: list[Entity] = []
    for entity in found:
        if entity.label == "ORG" and " " in entity.text:
            first, rest = entity.text.split(" ", 1)
            if rest in SPLIT_BODIES and first in ("Republican", "Democratic", "GOP"):
                result.append(_entity(text, entity.start, entity.start + len(first), "NORP"))
                result.append(_entity(text, entity.end - len(rest), entity.end, "ORG"))
                continue
        if entity.label == "NORP" and entity.end < len(text) and text[entity.end] == " ":
            i = starts.get(entity.end + 1)
            if i is not None and doc[i].text in NORP_ORG_HEADS:
                stop = doc[i].idx + len(doc[i].text)
                result.append(_entity(text, entity.start, stop, "ORG"))
                continue
        result.append(entity)
    grown = [e for e in result if e.label == "ORG"]
    return [
        e
        for e in result
        if not any(g is not e and g.start <= e.start and e.end <= g.end for g in grown)
    ]


#: Organisation heads that name neither an event nor a building: a name ending in one
#: is an ORG whatever spaCy said ("... Agency" EVENT -> ORG).
_ORG_ONLY_HEADS = frozenset(
    """
    Agency Commission Committee Council Ministry Bureau Administration Authority
    Foundation Institute Association Federation Organization Organisation Corporation
    Corp. Company Co. Inc. Ltd. LLC Coalition Society
    """.split()
)


def _by_head(doc: Doc, entity: Entity, text: str) -> Entity:
    """EVENT or FAC by the last word of the name, or FAC by the noun after it; a
    metonym ("Wall Street", "Downing Street") stays an ORG."""
    if entity.label not in _NAMES or entity.text in METONYMS:
        return entity
    if entity.label == "PERSON":
        if len(entity.text.split()) > 1 and entity.text.split()[-1] in FAC_HEADS_NOT_PLACES:
            return replace(entity, label="FAC")  # "Harbor Tower", no person's name
        return entity
    words = entity.text.split()
    last = words[-1]
    if entity.label in ("EVENT", "FAC") and last in _ORG_ONLY_HEADS and len(words) > 1:
        return replace(entity, label="ORG")  # "World Anti-Fraud Agency" is no event
    if entity.label != "EVENT" and last in EVENT_HEADS and len(words) > 1:
        return _with_number(doc, replace(entity, label="EVENT"), text)
    if entity.label == "EVENT" and last in EVENT_HEADS:
        return _with_number(doc, entity, text)
    heads = FAC_HEADS if entity.label == "ORG" else FAC_HEADS_NOT_PLACES
    if entity.label in ("ORG", "GPE") and last in heads and len(words) > 1:
        if last not in FAC_AMBIGUOUS_HEADS or not any(w in ORG_INSIDE_WORDS for w in words):
            return replace(entity, label="FAC")
    if entity.label == "ORG" and any(w in FAC_NOUNS for w in _next_words(text, entity.end)):
        return replace(entity, label="FAC")
    return entity


def _with_number(doc: Doc, entity: Entity, text: str) -> Entity:
    """ "Super Bowl" + " 50" -> "Super Bowl 50"."""
    match = re.match(r" (\d{1,3}|[IVX]{1,5})(?![\w,.]\w)", text[entity.end : entity.end + 7])
    if match is None:
        return entity
    return _entity(text, entity.start, entity.end + match.end(), entity.label)


def _without_programmes(doc: Doc, found: list[Entity]) -> list[Entity]:
    text = doc.text
    names = {e.text for e in found if e.label == "ORG" and _next_word(text, e.end) in PROGRAM_NOUNS}
    return [e for e in found if e.text not in names]


def _first_words_of_orgs(found: list[Entity]) -> list[Entity]:
    """A one-word PERSON that opens a longer ORG of the document is that organisation."""
    persons = {e.text.split()[-1] for e in found if e.label == "PERSON" and " " in e.text}
    firsts = {e.text.split()[0] for e in found if e.label == "ORG" and " " in e.text}
    return [
        replace(e, label="ORG")
        if e.label == "PERSON" and e.text in firsts and e.text not in persons
        else e
        for e in found
    ]


def _person_by_majority(found: list[Entity]) -> list[Entity]:
    counts: dict[str, Counter] = {}
    for entity in found:
        if entity.label in _NAMES and " " not in entity.text:
            counts.setdefault(entity.text, Counter())[entity.label] += 1
    people = {
        name
        for name, c in counts.items()
        if c["PERSON"] >= 2
        and all(n * 2 <= c["PERSON"] for label, n in c.items() if label != "PERSON")
    }
    return [
        replace(e, label="PERSON") if e.text in people and e.label in _NAMES else e for e in found
    ]


def _next_words(text: str, end: int) -> tuple[str, ...]:
    """The lower-case word after ``end``, and the one after it when the first is a
    lower-case modifier too ("shopping mall")."""
    match = re.match(r"\s+([a-z-]+)(?:\s+([a-z]+))?", text[end : end + 40])
    return tuple(w for w in match.groups() if w) if match else ()


def _next_word(text: str, end: int) -> str:
    match = re.match(r"\s+([\w-]+)", text[end : end + 40])
    return match.group(1) if match else ""


def _digit(entity: Entity) -> bool:
    return any(c.isdigit() for c in entity.text)


def _entity(text: str, start: int, end: int, label: str) -> Entity:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Entity(start=start, end=end, text=text[start:end], label=label)
