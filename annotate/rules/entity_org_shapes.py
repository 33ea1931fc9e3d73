"""Organisation names told by their own form (document level).

spaCy's small pipeline takes a capitalised word at a sentence start for a name
("Crowds" ORG), a dotted acronym for a place ("F.B.I." GPE) and a person's name for an
organisation ("Dale Brant" ORG). Rules, in this order:

- a one-word name at the start of a sentence or line, tagged as no proper noun
  ("Crowds", "Disconsolate") and written nowhere else in the document, is no entity;
- "PAC" is a kind of organisation, no name of its own: the first word of an ORG loses
  it ("super PAC Forward Now" -> "Forward Now"); alone it is the last word of the
  capitalised words before it ("Forward Now PAC"), else no entity ("a super PAC");
- an acronym written with full stops, three letters or more ("F.B.I.", "S.E.C."), is an
  ORG (but for "U.S.A."); so is one in capitals that spaCy called a place or a group
  ("NRA" GPE), but for acronyms of places ("DPRK") and things ("LGBT": no entity) and
  but in a dateline or a line in capitals; so is an organisation head word
  alone that spaCy called a person ("Senate" PERSON);
- a name written with a possessive inside, whose first part ends in an organisation head
  or is an acronym, is an ORG and the person after it: "Harbor Business Network’s Maria
  Holm" -> ORG "Harbor Business Network", PERSON "Maria Holm";
- an ORG never runs over a comma ("Harbor Trade Center, Ruiz" -> "Harbor Trade
  Center");
- two or three capitalised words labelled ORG, with no organisation word among them
  and no organisation noun after them ("told Harbor Lights magazine"), right after a
  person's role or description ("host Dale Brant", "rival Tessa Ulm"), after "told" or
  "an interview with", or written "First M. Last", are a PERSON; so is such a name
  listed with a PERSON ("Kim Lund, Ora Pike and Roy Dunn"), at every mention; one to
  three such words before a noun only people have ("the Quist campaign", "Brant's
  aides") or before a role set off by a comma ("Jo O’Hara, chief strategist for ...",
  "Ohio’s Kendal Ulm, a delegate") are a PERSON, one word with the capitalised word
  spaCy left before it inside a sentence ("Kendal"); such words may hold an apostrophe
  or a hyphen ("O’Hara").

Example:
    >>> from goldsmith.annotate.model import load_model   # doctest: +SKIP
    >>> doc = load_model()("The F.B.I. called host Dale Brant.")   # doctest: +SKIP
    >>> [(e.text, e.label) for e in org_shapes(doc, find(doc), doc.text)]   # doctest: +SKIP
    [('F.B.I.', 'ORG'), ('Dale Brant', 'PERSON')]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from goldsmith.annotate.rules.entity_mentions import ALWAYS_ORG
from goldsmith.annotate.rules.entity_runs import (
    PROPER_TAGS,
    in_capitals_line,
    proper_run,
    starts_sentence,
    trimmed_entity,
)
from goldsmith.annotate.rules.entity_words import (
    ORG_AFTER_NOUNS,
    ORG_CLASS_NOUNS,
    ORG_HEADS,
    ORG_INSIDE_WORDS,
    PERSON_AFTER_NOUNS,
    PERSON_DESCRIPTORS,
    PLACE_ACRONYMS,
    THING_ACRONYMS,
)
from goldsmith.annotate.rules.role_words import PERSON_ROLES
from goldsmith.labels.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Labels of one-word names dropped at a sentence start; a NORP ("Republican leaders
#: said") or a DATE never.
_NAME_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG"})

#: Labels spaCy gives acronyms of organisations ("NRA" GPE); not PERSON, which people
#: are called by too ("FDR", "JFK").
_ACRONYM_LABELS = frozenset({"GPE", "NORP", "LOC"})

_PAC = "PAC"
_DOTTED = re.compile(r"(?:[A-Z]\.){3,}")
_NOT_ORG_DOTTED = frozenset({"U.S.A."})
_POSSESSIVE = re.compile(r"['’]s? ")
_POSSESSIVE_WORD = re.compile(r"['’]s?")
_FIRST_NAME_BEFORE = re.compile(r"(?<=[\w,’'] )(?P<word>[A-Z][a-z]+) $")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_FIRST_M_LAST = re.compile(r"[A-Z][a-z]+ [A-Z]\. [A-Z][a-z]+")

#: What stands between the names of a list: "Roe, Ulm and Poe", "Roe/Ulm".
_LIST_JOINS = frozenset({", ", " and ", ", and ", " or ", ", or ", " & ", "/"})


def org_shapes(doc: Doc, found: list[Entity], text: str) -> list[Entity]:
    """``found`` with the rules above applied."""
    found = _without_sentence_starts(doc, found)
    found = _without_pac(doc, found, text)
    found = [_dotted_acronym(e) for e in found]
    found = [e for e in (_acronym(e, text) for e in found) if e is not None]
    found = [part for e in found for part in _split_possessive(e, text)]
    found = [_before_comma(e, text) for e in found]
    found = [_person_by_role(e, text) for e in found]
    return _people_in_lists(found, text)


def _without_sentence_starts(doc: Doc, found: list[Entity]) -> list[Entity]:
    if not doc.has_annotation("TAG"):
        return found
    counts = Counter(e.text for e in found)
    starts = {token.idx: token for token in doc if starts_sentence(doc, token.i)}
    kept = []
    for entity in found:
        token = starts.get(entity.start)
        if (
            token is not None
            and entity.label in _NAME_LABELS
            and len(token.text) == len(entity.text)
            and token.tag_ not in PROPER_TAGS
            and counts[entity.text] == 1
        ):
            continue
        kept.append(entity)
    return kept


def _without_pac(doc: Doc, found: list[Entity], text: str) -> list[Entity]:
    """ "PAC" as the first word of an ORG is no part of the name ("super PAC Forward
    Now"); "PAC" alone is the name's last word after capitalised words outside any
    entity ("Forward Now PAC"), else no entity ("a super PAC")."""
    taken = [(e.start, e.end) for e in found]
    starts = {token.idx: token.i for token in doc}
    kept = []
    for entity in found:
        first, _, rest = entity.text.partition(" ")
        if entity.label != "ORG" or first != _PAC:
            kept.append(entity)
        elif rest:
            kept.append(trimmed_entity(text, entity.end - len(rest), entity.end, "ORG"))
        else:
            i = starts.get(entity.start)
            run = None
            if i and not starts_sentence(doc, i) and doc[i - 1].whitespace_:
                run = proper_run(doc, i - 1, -1, taken)
            if run is not None:
                kept.append(trimmed_entity(text, run[0], entity.end, "ORG"))
    return kept


def _dotted_acronym(entity: Entity) -> Entity:
    if (
        entity.label != "ORG"
        and _DOTTED.fullmatch(entity.text)
        and entity.text not in _NOT_ORG_DOTTED
    ):
        return replace(entity, label="ORG")
    return entity


def _acronym(entity: Entity, text: str) -> Entity | None:
    """An acronym in capitals that spaCy called a place or a group ("NRA" GPE): an ORG,
    but for acronyms of places and things, and but in a dateline or a line in capitals
    ("ROME (Acme) —"); an organisation head word alone that spaCy called a person
    ("Senate" PERSON) is an ORG too."""
    word = entity.text
    if entity.label == "PERSON" and word in ORG_HEADS:
        return replace(entity, label="ORG")
    if entity.label not in _ACRONYM_LABELS or not (
        3 <= len(word) <= 6 and word.isalpha() and word.isupper()
    ):
        return entity
    if word in PLACE_ACRONYMS or in_capitals_line(text, entity.start):
        return entity
    if text.rfind("\n", 0, entity.start) + 1 == entity.start:
        return entity  # a dateline opens its paragraph
    if word in THING_ACRONYMS:
        return None
    return replace(entity, label="ORG")


def _split_possessive(entity: Entity, text: str) -> list[Entity]:
    if entity.label not in ("ORG", "PERSON"):
        return [entity]
    match = _POSSESSIVE.search(entity.text)
    if match is None:
        return [entity]
    left, right = entity.text[: match.start()], entity.text[match.end() :]
    left_words, right_words = left.split(), right.split()
    last = left_words[-1] if left_words else ""
    if not (last in ORG_HEADS or (last.isupper() and last.isalpha() and len(last) > 1)):
        return [entity]
    if not right_words or len(right_words) > 3 or any(w in ORG_HEADS for w in right_words):
        return [entity]
    if not all(w[:1].isupper() for w in right_words):
        return [entity]
    split = entity.start + match.end()
    return [
        trimmed_entity(text, entity.start, entity.start + len(left), "ORG"),
        trimmed_entity(text, split, entity.end, "PERSON"),
    ]


def _before_comma(entity: Entity, text: str) -> Entity:
    """An ORG never runs over a comma: "World Trade Center, Santilli" -> "World Trade
    Center"."""
    cut = entity.text.find(", ")
    if entity.label != "ORG" or cut <= 0:
        return entity
    return trimmed_entity(text, entity.start, entity.start + cut, "ORG")


def _person_by_role(entity: Entity, text: str) -> Entity:
    if entity.label != "ORG":
        return entity
    words = entity.text.split()
    if _FIRST_M_LAST.fullmatch(entity.text):
        return replace(entity, label="PERSON")
    if not _shaped_like_person(entity.text) or entity.text in ALWAYS_ORG:
        return entity
    after = text[entity.end : entity.end + 30].split()
    if after and _POSSESSIVE_WORD.fullmatch(after[0]):
        after = after[1:]  # "Roe's campaign"
    if after and after[0] in PERSON_AFTER_NOUNS:
        return replace(entity, label="PERSON")
    if _role_after(after):
        return _with_first_name(replace(entity, label="PERSON"), text)
    if len(words) < 2 or (after and (after[0] in ORG_CLASS_NOUNS or after[0] in ORG_AFTER_NOUNS)):
        return entity  # "told New York magazine"
    before = text[max(0, entity.start - 30) : entity.start].split()
    role = before[-1] if before else ""
    if role.islower() and (
        role in PERSON_DESCRIPTORS
        or role in PERSON_ROLES
        or role == "told"
        or (role == "with" and len(before) > 1 and before[-2] in ("interview", "interviews"))
    ):
        return replace(entity, label="PERSON")
    return entity


def _people_in_lists(found: list[Entity], text: str) -> list[Entity]:
    """A name labelled ORG, shaped like a person's name, listed with a PERSON ("Roe, Ulm
    and Poe") is a PERSON, and so is every ORG mention of it or of its last word."""
    ordered = sorted(found, key=lambda e: e.start)
    names: set[str] = set()
    for i, entity in enumerate(ordered):
        if entity.label != "ORG" or not _shaped_like_person(entity.text):
            continue
        near = ordered[max(0, i - 1) : i] + ordered[i + 1 : i + 2]
        for other in near:
            a, b = sorted((entity, other), key=lambda e: e.start)
            if other.label == "PERSON" and text[a.end : b.start] in _LIST_JOINS:
                names.update((entity.text, entity.text.split()[-1]))
    if not names:
        return found
    return [
        replace(e, label="PERSON")
        if e.label == "ORG"
        and (e.text in names or e.text.split()[-1] in names)
        and _shaped_like_person(e.text)
        else e
        for e in found
    ]


def _with_first_name(entity: Entity, text: str) -> Entity:
    """A one-word person with the capitalised word spaCy left before it inside a
    sentence: "Colorado’s Kendal Unruh" ORG "Unruh" -> PERSON "Kendal Unruh"."""
    if " " in entity.text:
        return entity
    match = _FIRST_NAME_BEFORE.search(text, max(0, entity.start - 30), entity.start)
    if match is None or match["word"].lower() in STOP_WORDS:
        return entity
    begin = match.start("word")
    return Entity(begin, entity.end, text[begin : entity.end], entity.label)


def _role_after(after: list[str]) -> bool:
    """A role set off after the name: "Jo O’Hara, chief strategist for ..."."""
    if not after or after[0] != ",":
        return False
    words = []
    for word in after[1:4]:
        if not word.islower():
            break
        words.append(word.rstrip(",."))
    return any(word in PERSON_ROLES or word in PERSON_DESCRIPTORS for word in words)


def _shaped_like_person(name: str) -> bool:
    """One to three capitalised words (an apostrophe or hyphen inside: "O’Hara"), none
    of them a word of organisation names."""
    words = name.split()
    return 1 <= len(words) <= 3 and all(
        _NAME_WORD.fullmatch(w) and w.istitle() and w not in ORG_HEADS and w not in ORG_INSIDE_WORDS
        for w in words
    )
