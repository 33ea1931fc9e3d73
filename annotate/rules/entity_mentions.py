"""Document-level entity rules: mentions spaCy misses or mislabels sentence by sentence.

Rules, applied to the entities found in one document:

- a multi-word name in a title-case line (a headline: a title-case line that has no
  final full stop, or whose counted words are all capitalised, so that a sentence full
  of names such as "OSLO — Count former Premier Jan Roe among the critics." is not
  one) that the rest of the text does not write is checked against it: written there
  in lower case it is a common noun phrase and dropped ("Visa Program"); otherwise it
  is cut to the longest run of its first or last words that the text names ("Trump
  Addresses Munich Attack" -> PERSON "Trump");
- dateline: a paragraph (not the headline) that opens with a place in capitals
  followed by a comma, a dash or a bracket ("ROTTERDAM, Netherlands —", "THE HAGUE —")
  starts with a GPE of that place; entities overlapping it are replaced;
- a one-word name the document also writes in lower case is a common noun
  capitalised at the start of a sentence ("Wildfire forces ...", "the wildfire"): dropped;
- one person, one label: once "Faith Chepkemoi" is a PERSON, other entities reading
  "Faith Chepkemoi" or "Chepkemoi" are PERSON too, and a later "Chepkemoi" that spaCy
  missed (a proper noun outside any entity, or a capitalised word the tagger took for
  another word that the document never writes in lower case: "Chepkemoi landed") is
  added;
- metonymic government bodies ("Pentagon", "White House", "Kremlin") and news outlets
  and platforms ("Twitter", "Reuters", "USA TODAY") are ORG wherever they are mentioned,
  also where spaCy found nothing, unless another capitalised word follows ("Fox News
  Sunday", a title, is left alone).

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
from goldsmith.annotate.rules.headlines import (
    LOWER_IN_TITLES,
    TITLE_WORD,
    is_headline,
    is_title_case,
)
from goldsmith.annotate.rules.spans import overlaps
from goldsmith.labels.names import last_word
from goldsmith.labels.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Metonymic government bodies, and the industry named by its street (ANNOTATION_SPEC.md
#: section 4: "Wall Street" meaning the industry): always ORG.
METONYMS = ("White House", "Pentagon", "Kremlin", "Downing Street", "Wall Street")

#: News outlets, agencies and platforms that real news names as sources: always ORG
#: (spaCy's small model often misses them or calls them PERSON or WORK_OF_ART).
MEDIA_ORGS = (
    "Twitter",
    "Facebook",
    "Instagram",
    "YouTube",
    "Reuters",
    "Associated Press",
    "CNN",
    "MSNBC",
    "Fox News",
    "POLITICO",
    "Politico",
    "USA TODAY",
    "USA Today",
    "Breitbart News",
    "Huffington Post",
    "HuffPost",
    "Washington Post",
    "New York Times",
    "Wall Street Journal",
    "NPR",
    "Gawker",
    "BuzzFeed",
    "Daily Beast",
)

#: Names that are always ORG; one followed by another capitalised word is part of a
#: longer name or a title ("Fox News Sunday") and is left alone.
ALWAYS_ORG = frozenset(METONYMS + MEDIA_ORGS)
_METONYM_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(map(re.escape, sorted(ALWAYS_ORG, key=len, reverse=True)))
    + r")(?![\w-])(?! [A-Z])"
)

_PROPER_TAGS = ("NNP", "NNPS")

#: A word of a name: letters, an apostrophe or a hyphen inside ("O’Hara", "Lee-Poe").
_NAME_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

_LINE_RE = re.compile(r"[^\n]+")

#: A word in lower-case letters only, not part of a hyphenated or longer word.
_LOWER_WORD_RE = re.compile(r"(?<![\w-])[^\W\d_A-Z]+(?![\w-])")


def complete_mentions(doc: Doc, found: list[Entity], text: str | None = None) -> list[Entity]:
    """``found`` with the rules above applied; ``text`` is ``doc.text`` if already read."""
    if text is None:
        text = doc.text
    found = _headlines_by_body(text, _without_common_words(text, found))
    found = _with_dateline(text, found)
    found = _media_as_org(_consistent_people(doc, text, found))
    return found + _missed_metonyms(text, found)


def same_people(doc: Doc, found: list[Entity], text: str) -> list[Entity]:
    """The one-person-one-label rule alone, for persons that later rules found."""
    return _consistent_people(doc, text, found)


def _without_common_words(text: str, found: list[Entity]) -> list[Entity]:
    """Drop one-word names that the document also writes in lower case: a capitalised
    common noun at the start of a sentence or headline ("Wildfire forces ...")."""
    lower_words = set(_LOWER_WORD_RE.findall(text))
    return [
        entity
        for entity in found
        if entity.label == "DATE" or entity.text.lower() not in lower_words or entity.text.islower()
    ]


def _headlines_by_body(text: str, found: list[Entity]) -> list[Entity]:
    """Check the multi-word names of title-case lines against the rest of the text.

    In a headline every word is capitalised, so the model takes verbs and common nouns
    into names ("Trump Addresses Munich Attack", "Visa Program"). A name the body also
    writes is kept; one the body writes in lower case is a common noun phrase and is
    dropped; otherwise it becomes the longest run of its first or last words that the
    body names as an entity, with that entity's label ("Trump" PERSON).
    """
    lines = [(m.start(), m.end()) for m in _LINE_RE.finditer(text)]
    heads = [(a, b) for a, b in lines if _is_title_line(text[a:b])]
    if not heads:
        return found
    body = [e for e in found if not any(a <= e.start < b for a, b in heads)]
    body_names = {e.text: e.label for e in body}
    kept: list[Entity] = []
    for entity in found:
        words = entity.text.split()
        if len(words) < 2 or entity in body or entity.label == "DATE":
            kept.append(entity)
            continue
        line = next((a, b) for a, b in heads if a <= entity.start < b)
        outside = text[: line[0]] + text[line[1] :]
        if entity.text in outside:
            kept.append(entity)
            continue
        if entity.text.lower() in outside.lower():
            continue  # "Visa Program" / "the visa program": a common noun phrase
        part = _named_part(entity, words, body_names)
        if part is not None:
            kept.append(part)
    return kept


def _is_title_line(line: str) -> bool:
    """A headline (see the module rule): a sentence ends with a full stop and keeps
    some content words in lower case, which a title-case line ending in one does not."""
    if not is_title_case(line):
        return False
    return is_headline(line) or all(
        w[0].isupper() for w in TITLE_WORD.findall(line) if w.lower() not in LOWER_IN_TITLES
    )


def _named_part(entity: Entity, words: list[str], names: dict[str, str]) -> Entity:
    """The longest run of first or last words of ``entity`` that ``names`` holds (a
    possessive dropped: "Delaware’s Democratic Primary" -> "Delaware"), else ``entity``."""
    for size in range(len(words) - 1, 0, -1):
        head = " ".join(words[:size])
        for suffix in ("’s", "'s"):
            head = head.removesuffix(suffix)
        if head in names:
            return Entity(entity.start, entity.start + len(head), head, names[head])
        tail = " ".join(words[-size:])
        if tail in names:
            return Entity(entity.end - len(tail), entity.end, tail, names[tail])
    return entity


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
            if _NAME_WORD_RE.fullmatch(last) and last[:1].isupper() and len(last) > 2:
                names.add(last)
    if not names:
        return found
    people = [replace(e, label="PERSON") if e.text in names else e for e in found]
    lower_words = set(_LOWER_WORD_RE.findall(text))
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(names))) + r")(?![\w-])")
    for match in pattern.finditer(text):
        begin, stop = match.span()
        if any(_overlaps(e, begin, stop) for e in people):
            continue
        span = doc.char_span(begin, stop)
        if span is not None and all(_name_token(token, lower_words) for token in span):
            people.append(Entity(start=begin, end=stop, text=match.group(), label="PERSON"))
    return people


def _name_token(token: Token, lower_words: set[str]) -> bool:
    """A word of a name: a proper noun, or a capitalised word the tagger took for another
    word ("O’Hara said" NN, "Trump landed" VB) that the document never writes in lower
    case; an untagged doc adds proper nouns only."""
    return token.tag_ in _PROPER_TAGS or (
        token.tag_ != "" and token.text[:1].isupper() and token.lower_ not in lower_words
    )


def _missed_metonyms(text: str, found: list[Entity]) -> list[Entity]:
    """ORG entities for metonymic bodies and media names that no found entity overlaps."""
    added: list[Entity] = []
    for match in _METONYM_RE.finditer(text):
        begin, stop = match.span()
        if not any(_overlaps(e, begin, stop) for e in found):
            added.append(Entity(start=begin, end=stop, text=match.group(), label="ORG"))
    return added


def _media_as_org(found: list[Entity]) -> list[Entity]:
    """A found entity that is exactly a media name is ORG, whatever spaCy said."""
    return [
        replace(e, label="ORG") if e.text in MEDIA_ORGS and e.label != "ORG" else e for e in found
    ]


def _overlaps(entity: Entity, begin: int, stop: int) -> bool:
    return overlaps(entity.start, entity.end, begin, stop)
