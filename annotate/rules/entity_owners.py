"""A person's name after an owner's possessive: two entities, not one.

spaCy often runs a person's name together with the outlet, organisation or place
before it: "Acme’s Jane Roe" PERSON, "Tolvik’s Roe" ORG. The rule (the real-news gold
writes the owner and the person apart every time): a PERSON or ORG made of one or two
capitalised words, a possessive and a person's name splits at the possessive when

- spaCy took the whole for a PERSON and the name after the possessive is two or three
  capitalised words shaped like a person's ("Jane Roe", "Jane M. Roe"), none a word of
  an organisation's, an event's or a building's name ("Acme’s National Rowing Team"
  stays whole), or
- the name after it is a PERSON the document names elsewhere, whole or by the last
  word ("Roe" of "Jane Roe"): "Tolvik’s Best Bakery" ORG stays whole.

The owner keeps the label the document gives the same words elsewhere (GPE "Tolvik"
when "Tolvik" is a GPE there), else it is an ORG (an outlet or an organisation, the
usual owner: "Acme’s Jane Roe").

Example:
    >>> OWNED.fullmatch("Acme’s Jane Roe").group("owner", "name")
    ('Acme', 'Jane Roe')
"""

from __future__ import annotations

import re

from goldsmith.annotate.rules.entity_words import (
    EVENT_HEADS,
    FAC_HEADS,
    ORG_HEADS,
    ORG_INSIDE_WORDS,
)
from goldsmith.labels.records import Entity

_WORD = r"[A-Z][\w&.-]*"

#: Words that make the words after a possessive a name of a thing, not of a person:
#: "Acme’s National Rowing Team", "Acme’s Harbor Rowing Club".
_NOT_PERSON_WORDS = (
    ORG_HEADS | ORG_INSIDE_WORDS | EVENT_HEADS | FAC_HEADS | frozenset({"National", "Team"})
)

#: One or two capitalised words, a possessive, then the rest.
OWNED = re.compile(rf"(?P<owner>{_WORD}(?: {_WORD})?)['’]s (?P<name>.+)")

#: A person's name: two or three capitalised words, an initial allowed in the middle.
_PERSON_NAME = re.compile(
    r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z]\.)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2}"
)


def owner_names(found: list[Entity]) -> list[Entity]:
    """``found`` with such names split (module rule)."""
    labels = {e.text: e.label for e in found}
    people = {e.text for e in found if e.label == "PERSON"}
    surnames = {e.text.split()[-1] for e in found if e.label == "PERSON" and " " in e.text}
    out: list[Entity] = []
    for entity in found:
        out.extend(_split(entity, labels, people | surnames))
    return out


def _split(entity: Entity, labels: dict[str, str], people: set[str]) -> list[Entity]:
    if entity.label not in ("PERSON", "ORG"):
        return [entity]
    match = OWNED.fullmatch(entity.text)
    if match is None:
        return [entity]
    owner, name = match.group("owner", "name")
    shaped = _PERSON_NAME.fullmatch(name) is not None and not any(
        w in _NOT_PERSON_WORDS for w in name.split()
    )
    if not ((entity.label == "PERSON" and shaped) or name in people):
        return [entity]
    begin = entity.start + match.start("name")
    return [
        Entity(entity.start, entity.start + len(owner), owner, labels.get(owner, "ORG")),
        Entity(begin, entity.end, name, "PERSON"),
    ]
