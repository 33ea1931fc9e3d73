"""Document-level entity rules: mentions spaCy misses or mislabels sentence by sentence.

Rules, applied to the entities found in one document:

- dateline: a paragraph (not the headline) that opens with a place in capitals
  followed by a comma, a dash or a bracket ("ROTTERDAM, Netherlands —", "THE HAGUE —")
  starts with a GPE of that place; entities overlapping it are replaced;
- a one-word name the document also writes in lower case is a common noun
  capitalised at the start of a sentence ("Wildfire forces ...", "the wildfire"): dropped;
- one person, one label: once "Faith Chepkemoi" is a PERSON, other entities reading
  "Faith Chepkemoi" or "Chepkemoi" are PERSON too, and a later "Chepkemoi" that spaCy
  missed (a proper noun outside any entity) is added;
- metonymic government bodies ("Pentagon", "White House", "Kremlin") are ORG wherever
  they are mentioned, also where spaCy found nothing.

Example:
    >>> from goldsmith.annotate.model import load_model   # doctest: +SKIP
    >>> doc = load_model()("Officials at the Kremlin said no.")   # doctest: +SKIP
    >>> [(e.text, e.label) for e in complete_mentions(doc, [])]   # doctest: +SKIP
    [('Kremlin', 'ORG')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.datelines import DATELINE_PLACE, DATELINE_WITHIN
from goldsmith.annotate.rules.spans import overlaps
from goldsmith.labels.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Metonymic government bodies: always ORG.
METONYMS = ("White House", "Pentagon", "Kremlin", "Downing Street")
_METONYM_RE = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, METONYMS)) + r")(?![\w-])")

_PROPER_TAGS = ("NNP", "NNPS")

#: A word in lower-case letters only, not part of a hyphenated or longer word.
_LOWER_WORD_RE = re.compile(r"(?<![\w-])[^\W\d_A-Z]+(?![\w-])")


def last_word(name: str) -> str:
    """The last word of a name as written ("Faith Chepkemoi" -> "Chepkemoi"; "" for none).

    A later mention of a person by this word names the same person ("Chepkemoi said"),
    and two speaker mentions with the same last word (compared lower-case) name the same
    source (ANNOTATION_SPEC.md section 2).
    """
    words = name.split()
    return words[-1] if words else ""


def complete_mentions(doc: Doc, found: list[Entity], text: str | None = None) -> list[Entity]:
    """``found`` with the rules above applied; ``text`` is ``doc.text`` if already read."""
    if text is None:
        text = doc.text
    found = _without_common_words(text, found)
    found = _with_dateline(text, found)
    found = _consistent_people(doc, text, found)
    return found + _missed_metonyms(text, found)


def _without_common_words(text: str, found: list[Entity]) -> list[Entity]:
    """Drop one-word names that the document also writes in lower case: a capitalised
    common noun at the start of a sentence or headline ("Wildfire forces ...")."""
    lower_words = set(_LOWER_WORD_RE.findall(text))
    return [
        entity
        for entity in found
        if entity.label == "DATE" or entity.text.lower() not in lower_words or entity.text.islower()
    ]


def _with_dateline(text: str, found: list[Entity]) -> list[Entity]:
    first_break = text.find("\n")
    if first_break < 0:
        return found
    for match in DATELINE_PLACE.finditer(text, first_break, min(len(text), DATELINE_WITHIN)):
        begin, stop = match.span("place")
        line_end = text.find("\n", stop)
        rest = text[stop : line_end if line_end >= 0 else len(text)]
        if sum(c.isalpha() for c in match["place"]) < 3 or not any(c.islower() for c in rest):
            continue
        place = Entity(start=begin, end=stop, text=match["place"], label="GPE", score=None)
        return [e for e in found if not _overlaps(e, begin, stop)] + [place]
    return found


def _consistent_people(doc: Doc, text: str, found: list[Entity]) -> list[Entity]:
    names = set()
    for entity in found:
        if entity.label == "PERSON" and len(entity.text.split()) >= 2:
            names.add(entity.text)
            last = last_word(entity.text)
            if last.isalpha() and last[:1].isupper() and len(last) > 2:
                names.add(last)
    if not names:
        return found
    people = [replace(e, label="PERSON") if e.text in names else e for e in found]
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(names))) + r")(?![\w-])")
    for match in pattern.finditer(text):
        begin, stop = match.span()
        if any(_overlaps(e, begin, stop) for e in people):
            continue
        span = doc.char_span(begin, stop)
        if span is not None and all(token.tag_ in _PROPER_TAGS for token in span):
            people.append(Entity(start=begin, end=stop, text=match.group(), label="PERSON"))
    return people


def _missed_metonyms(text: str, found: list[Entity]) -> list[Entity]:
    """ORG entities for metonymic bodies that no found entity overlaps."""
    added: list[Entity] = []
    for match in _METONYM_RE.finditer(text):
        begin, stop = match.span()
        if not any(_overlaps(e, begin, stop) for e in found):
            added.append(Entity(start=begin, end=stop, text=match.group(), label="ORG"))
    return added


def _overlaps(entity: Entity, begin: int, stop: int) -> bool:
    return overlaps(entity.start, entity.end, begin, stop)
