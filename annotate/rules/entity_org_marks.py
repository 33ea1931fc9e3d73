"""What the writing around a name says about it: marks of organisations and of things
that are no names.

Rules (ANNOTATION_SPEC.md section 1), on the entities of one document:

- a capital "The" inside a sentence belongs to the name of two words or more after it:
  "told The Daily Ledger" -> ORG "The Daily Ledger" (spec: a leading "the" stays when
  it is part of the proper name; mid-sentence, only the name's own "The" is
  capitalised), but not in a title-case line, where every word is capitalised; a
  newspaper called by its head word alone keeps a capital "The" anywhere ("The Post
  reported", "reported by The Post");
- a web domain ending belongs to the name: "a Chirper.com video" -> ORG "Chirper.com",
  and a capitalised domain spaCy missed is an ORG ("listed on Gunmart.com");
- a one-word PERSON followed by "which" ("Factcheckr (which is ..." / ", which") is an
  organisation: people take "who"; but not a name the document also calls a person
  without "which" ("Hillary Roe ... support for Roe, which is small": there "which"
  stands for the clause);
- a word in capitals that is a function word ("COULD"), or that stands beside one
  ("SIGN UP FOR OUR NEWSLETTER"), is emphasis or a promotional line, not an ORG;
- a one-word PERSON written alone in quotation marks (“Harbormist,”) is a title or a
  term (spec section 4: titles are not annotated) and dropped; an organisation or place
  in quotation marks (“Hamas” said wrong, 'Brussels' as a byword) is still one.

Example:
    >>> text = "She told The Daily Ledger so."
    >>> [(e.text, e.label) for e in org_marks(text, [Entity(13, 25, "Daily Ledger", "ORG")])]
    [('The Daily Ledger', 'ORG')]
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS

from goldsmith.annotate.rules.headlines import is_title_case
from goldsmith.labels.records import Entity

_DOMAIN = re.compile(r"\.(?:com|org|net)(?![\w-])")

#: A capitalised web domain written as a name: "Chirpr.com" (not "jo@chirpr.com").
_DOMAIN_NAME = re.compile(r"(?<![\w@./-])[A-Z][A-Za-z0-9-]*[A-Za-z0-9]\.(?:com|org|net)(?![\w-])")
_WHICH = re.compile(r"\s*(?:\(|,)\s*which\b")
#: A newspaper called by its head word alone: "The Post", "The Times" keep their "The"
#: wherever it is capitalised, also at a sentence start (real-news adjudication).
_PAPER_SHORT_NAMES = frozenset(
    "Post Times Journal Herald Tribune Globe Gazette Chronicle Inquirer Examiner".split()
)
_CAPS_WORD = re.compile(r"[A-Z]{2,}")
_QUOTED_LABELS = frozenset({"PERSON"})
_OPENING = "“‘\"'"
_CLOSING = "”’\"'"


def org_marks(text: str, found: list[Entity]) -> list[Entity]:
    """``found`` with the rules above applied."""
    kept = []
    people = _people_elsewhere(text, found)
    for entity in found:
        if entity.label == "ORG":
            if _is_shouting(text, entity):
                continue
            entity = _with_domain(text, _with_the(text, entity))
        elif (
            entity.label == "PERSON"
            and " " not in entity.text
            and _WHICH.match(text, entity.end)
            and entity.text not in people
        ):
            entity = replace(entity, label="ORG")
        if _is_quoted_word(text, entity):
            continue
        kept.append(entity)
    return kept + _domain_names(text, kept)


def _people_elsewhere(text: str, found: list[Entity]) -> set[str]:
    """Names the document calls a person where no "which" follows: each PERSON's text and
    the last word of a PERSON of several words ("Hillary Roe" gives "Roe")."""
    people: set[str] = set()
    for entity in found:
        if entity.label == "PERSON" and not _WHICH.match(text, entity.end):
            people.add(entity.text)
            people.add(entity.text.rsplit(" ", 1)[-1])
    return people


def _domain_names(text: str, found: list[Entity]) -> list[Entity]:
    """A capitalised web domain no entity covers is an ORG: "posted on Chirpr.com"."""
    added = []
    for match in _DOMAIN_NAME.finditer(text):
        begin, stop = match.span()
        if not any(e.start < stop and begin < e.end for e in found):
            added.append(Entity(begin, stop, match.group(), "ORG"))
    return added


def _with_the(text: str, entity: Entity) -> Entity:
    begin = entity.start - 4
    if begin < 0 or text[begin : entity.start] != "The ":
        return entity
    paper = entity.text in _PAPER_SHORT_NAMES
    if not paper and (begin < 2 or " " not in entity.text):
        return entity
    line_start = text.rfind("\n", 0, begin) + 1
    line_end = text.find("\n", entity.end)
    if is_title_case(text[line_start : line_end if line_end >= 0 else len(text)]):
        return entity
    if paper:
        return Entity(begin, entity.end, text[begin : entity.end], entity.label, entity.score)
    before = text[:begin].rstrip(" ")
    if not before or not (before[-1].islower() or before[-1] == ","):
        return entity
    return Entity(begin, entity.end, text[begin : entity.end], entity.label, entity.score)


def _with_domain(text: str, entity: Entity) -> Entity:
    match = _DOMAIN.match(text, entity.end)
    if match is None:
        return entity
    return Entity(entity.start, match.end(), text[entity.start : match.end()], entity.label)


def _is_shouting(text: str, entity: Entity) -> bool:
    word = entity.text
    if not (_CAPS_WORD.fullmatch(word) and len(word) >= 4):
        return False
    if word.lower() in STOP_WORDS:
        return True
    before = text[max(0, entity.start - 12) : entity.start].split()
    after = text[entity.end : entity.end + 12].split()
    near = before[-1:] + after[:1]
    return any(_CAPS_WORD.fullmatch(w) and w.lower() in STOP_WORDS for w in near)


def _is_quoted_word(text: str, entity: Entity) -> bool:
    if entity.label not in _QUOTED_LABELS or " " in entity.text:
        return False
    before = text[entity.start - 1 : entity.start]
    after = text[entity.end : entity.end + 3].lstrip(",.")
    return (
        bool(before)
        and before in _OPENING
        and after[:1] != ""
        and after[:1] in _CLOSING
        and not after[1:2].isalpha()  # ‘Roe’s plan’: a possessive, not a closing mark
    )
