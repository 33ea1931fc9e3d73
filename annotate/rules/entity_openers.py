"""A capitalised word that opens a sentence is no part of the name after it when the
document names that name without it (document-level consistency).

At a sentence start every word is capitalised, so spaCy takes an opening adjective
into the name after it ("Internal Acme University records ..." ORG "Internal Acme
University"). The rule: a name of three words or more that starts a sentence (or a
line) loses its first word when the rest, two words or more, is an entity elsewhere
in the document and the whole name is written nowhere else. "North Korea" keeps
"North" (the rest is one word), and so does a name the document repeats whole. The
period of a title or an initial ends no sentence: "Rep. Jane Ann Roe" keeps "Jane"
however often the document says "Ann Roe".

Example:
    >>> text = "Internal Acme University files. Acme University said no."
    >>> found = [Entity(0, 24, "Internal Acme University", "ORG"),
    ...          Entity(32, 47, "Acme University", "ORG")]
    >>> [e.text for e in sentence_openers(text, found)]
    ['Acme University', 'Acme University']
"""

from __future__ import annotations

from goldsmith.annotate.rules.role_words import HONORIFICS
from goldsmith.labels.records import Entity

#: Characters after which a sentence starts (after spaces and opening quotes).
_ENDS = ".!?\n"
_OPENING = "\"'“‘("


def sentence_openers(text: str, found: list[Entity]) -> list[Entity]:
    """``found`` with the opening word cut from such names (module rule)."""
    names = {e.text for e in found}
    result = []
    for entity in found:
        result.append(_cut(text, entity, names) if entity.label != "DATE" else entity)
    return result


def _cut(text: str, entity: Entity, names: set[str]) -> Entity:
    first, _, rest = entity.text.partition(" ")
    if len(rest.split()) < 2 or rest not in names or not first.isalpha():
        return entity
    if not _opens_sentence(text, entity.start):
        return entity
    if text.count(entity.text) > 1:
        return entity
    start = entity.start + len(first) + 1
    return Entity(start, entity.end, text[start : entity.end], entity.label, entity.score)


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t" + _OPENING)
    if not before:
        return True
    if before[-1] == "." and _abbreviation(before[:-1]):
        return False
    return before[-1] in _ENDS


def _abbreviation(before: str) -> bool:
    """The word before a period is a title ("Rep", "Sen", "Gov") or an initial ("J")."""
    word = before[-8:].split()[-1] if before[-8:].split() else ""
    if word != before[len(before) - len(word) :]:
        return False
    return word.lower() in HONORIFICS or (len(word) == 1 and word.isupper())
