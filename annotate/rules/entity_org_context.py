"""Organisations told by the words around a name, not by knowing the name (document level).

spaCy's small pipeline labels a one-word outlet, platform or company by its shape
("Bluebird" PERSON, "Zinger" LOC) or misses it. The words around a name say what it
is. Rules, in this order (after :mod:`goldsmith.annotate.rules.entity_org_shapes`):

- a name right after a lower-case noun that says what kind of organisation it is ("the
  gossip site Zinger", "the think tank Harbor Policy") is an ORG, also where spaCy found
  none;
- a one-word name that is no person's name is an ORG, also where spaCy found none,
  right before a noun only organisations have ("Bluebird account", "Zinger employees")
  or right after "told", "an interview with" or a verb of publishing and "on" ("told
  Zinger", "wrote on Bluebird");
- a "person" after a role held in an organisation and "of", or after a described
  "group", is an ORG: "director of Harbor Scribes", "the advocacy group Mothers Speak";
- an organisation named inside a person's title is an ORG: "Harbor Freight Committee
  Chair Mara Quist" -> ORG "Harbor Freight Committee" (ANNOTATION_SPEC.md section 4:
  "FBI Director James Comey" -> ORG "FBI"); one generic word ("Police Commissioner") is
  no name;
- one name, one label: a name labelled ORG at two or more mentions and more than twice
  as often as anything else, or made an ORG by a rule above, is an ORG at every
  mention (a mention labelled PERSON only when a rule above made the name an ORG), and
  a mention spaCy missed (proper nouns outside any entity) is added; a name with a word
  of a person's name, or a department word ("Treasury"), never is.

A person's name here is a word of a PERSON of two words or more in the document.

Example:
    >>> from goldsmith.annotate.model import load_model   # doctest: +SKIP
    >>> doc = load_model()("She gained 2,000 Bluebird followers.")   # doctest: +SKIP
    >>> [(e.text, e.label) for e in org_context(doc, find(doc), doc.text)]   # doctest: +SKIP
    [('Bluebird', 'ORG')]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.entity_runs import (
    further_mentions,
    is_proper_name,
    proper_run,
    starts_sentence,
    trimmed_entity,
)
from goldsmith.annotate.rules.entity_words import ORG_AFTER_NOUNS, ORG_CLASS_NOUNS, ORG_HEADS
from goldsmith.annotate.rules.role_words import DEPARTMENT_WORDS, TITLE_WORDS
from goldsmith.labels.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Labels that a rule here may turn into ORG; a DATE or a NORP ("American workers") never.
_RELABELLED = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG"})

#: Roles held in an organisation, never in a person: "director of Harbor Scribes".
_ROLES_OF_ORGS = frozenset(
    "director founder co-founder cofounder president chairman chairwoman ceo publisher "
    "owner member members".split()
)

#: Verbs of publishing before "on" and a platform or outlet: "wrote on Bluebird".
_PUBLISHING_VERBS = frozenset(
    """
    write writes wrote written post posts posted tweet tweets tweeted say says said
    appear appears appeared announce announces announced share shares shared
    """.split()
)


def org_context(doc: Doc, found: list[Entity], text: str) -> list[Entity]:
    """``found`` with the rules above applied."""
    people = _person_words(found)
    found, strong = _by_context(doc, found, text, people)
    found = _not_persons(doc, found, text, strong)
    found = found + _orgs_in_titles(doc, found, text)
    return _consistent_orgs(doc, found, text, people, strong)


def _person_words(found: list[Entity]) -> frozenset[str]:
    """Words of the document's multi-word PERSON names: "Donald Trump" -> both words."""
    words = set()
    for entity in found:
        parts = entity.text.split()
        if entity.label == "PERSON" and len(parts) > 1:
            words.update(w.rstrip(".,") for w in parts)
    return frozenset(words)


def _by_context(
    doc: Doc, found: list[Entity], text: str, people: frozenset[str]
) -> tuple[list[Entity], set[str]]:
    """ORG by the words around a name; also the names so made ORG (for all mentions)."""
    found = list(found)
    at = {e.start: i for i, e in enumerate(found)}
    taken = [(e.start, e.end) for e in found]
    strong: set[str] = set()

    def mark(i: int, one_word: bool) -> None:
        token = doc[i]
        index = at.get(token.idx)
        if index is not None:
            entity = found[index]
            if (
                entity.label in _RELABELLED
                and _no_person(entity, people)
                and not (one_word and (" " in entity.text or entity.label == "GPE"))
            ):
                found[index] = replace(entity, label="ORG")
                strong.add(entity.text)
            return
        if starts_sentence(doc, i) or token.text in people:
            return
        span = proper_run(doc, i, 1, taken)
        if span is None or (one_word and span[1] != token.idx + len(token.text)):
            return
        if one_word and i + 1 < len(doc) and is_proper_name(doc[i + 1]):
            return
        found.append(trimmed_entity(text, *span, "ORG"))
        taken.append(span)
        strong.add(text[span[0] : span[1]])

    for token in doc:
        lower, i = token.lower_, token.i
        if i + 1 < len(doc) and token.whitespace_:
            if lower in ORG_CLASS_NOUNS and (token.text.islower() or lower == "pac"):
                mark(i + 1, one_word=False)
            elif _cue_before(doc, i):
                mark(i + 1, one_word=True)
        if lower in ORG_AFTER_NOUNS and token.text.islower() and i > 0:
            if doc[i - 1].whitespace_ and not (i > 1 and is_proper_name(doc[i - 2])):
                mark(i - 1, one_word=True)
    return found, strong


def _cue_before(doc: Doc, i: int) -> bool:
    """Words that a one-word outlet or platform follows: "told Zinger", "an interview
    with Zinger", "wrote on Bluebird"."""
    lower = doc[i].lower_
    if lower == "told":
        return True
    if i == 0:
        return False
    before = doc[i - 1]
    if lower == "with":
        return before.lower_ in ("interview", "interviews")
    return lower == "on" and before.lower_ in _PUBLISHING_VERBS


def _not_persons(doc: Doc, found: list[Entity], text: str, strong: set[str]) -> list[Entity]:
    """A PERSON after "<role> of" or after a described "group" is an organisation:
    "director of Harbor Scribes", "the advocacy group Mothers Speak" (no person is
    directed or is a group); a possessive after it ("director of Jo Ulm’s campaign")
    or another person's name with its last word keeps it a PERSON."""
    names = {e.text for e in found if e.label == "PERSON"}
    persons = Counter(w for name in names for w in set(name.split()))
    result = []
    for entity in found:
        if entity.label == "PERSON":
            span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
            last = entity.text.split()[-1]
            after = text[entity.end : entity.end + 1]
            if (
                span is not None
                and _org_cue_before(doc, span.start)
                and after not in ("'", "’")
                and persons[last] == 1
            ):
                entity = replace(entity, label="ORG")
                strong.add(entity.text)
        result.append(entity)
    return result


def _org_cue_before(doc: Doc, i: int) -> bool:
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _ROLES_OF_ORGS:
        return doc[i - 2].text.islower()
    return (
        i >= 2
        and doc[i - 1].text in ("group", "groups")
        and doc[i - 2].is_alpha
        and doc[i - 2].text.islower()
        and doc[i - 2].pos_ in ("NOUN", "ADJ")
    )


def _no_person(entity: Entity, people: frozenset[str]) -> bool:
    words = entity.text.split()
    return entity.label != "PERSON" or (len(words) == 1 and words[0] not in people)


def _orgs_in_titles(doc: Doc, found: list[Entity], text: str) -> list[Entity]:
    """ORG for the capitalised words before a title before a PERSON ("... Committee Chair")."""
    taken = [(e.start, e.end) for e in found]
    starts = {token.idx: token.i for token in doc}
    added = []
    for entity in found:
        i = starts.get(entity.start)
        if entity.label != "PERSON" or i is None:
            continue
        j = i - 1
        while j >= 0 and doc[j].text[:1].isupper() and doc[j].lower_ in TITLE_WORDS:
            j -= 1
        if j == i - 1 or j < 0:
            continue
        span = proper_run(doc, j, -1, taken)
        if span is None:
            continue
        words = text[span[0] : span[1]].split()
        if words[0] == "The":
            span = (span[0] + 4, span[1])
            words = words[1:]
        if (len(words) > 1 and words[-1] in ORG_HEADS) or (len(words) == 1 and words[0].isupper()):
            added.append(trimmed_entity(text, *span, "ORG"))
            taken.append(span)
    return added


def _mostly_org(counts: Counter) -> bool:
    """Two ORG mentions or more, and more than twice as many as of any other label."""
    others = sum(counts.values()) - counts["ORG"]
    return counts["ORG"] > 1 and counts["ORG"] > 2 * others


def _consistent_orgs(
    doc: Doc, found: list[Entity], text: str, people: frozenset[str], strong: set[str]
) -> list[Entity]:
    labels: dict[str, Counter] = {}
    for entity in found:
        if entity.label != "DATE":
            labels.setdefault(entity.text, Counter())[entity.label] += 1
    orgs = {
        name
        for name, counts in labels.items()
        if (name in strong or _mostly_org(counts))
        and name.lower() not in DEPARTMENT_WORDS
        and not (set(name.split()) & people)
        and name[:1].isupper()
    }
    if not orgs:
        return found
    found = [
        replace(e, label="ORG")
        if e.text in orgs
        and e.label in _RELABELLED
        and (e.label != "PERSON" or e.text in strong)  # a PERSON the speakers may need
        else e
        for e in found
    ]
    for match, _ in list(further_mentions(doc, text, orgs, found)):
        found.append(Entity(start=match.start(), end=match.end(), text=match.group(), label="ORG"))
    return found
