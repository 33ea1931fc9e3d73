"""Names inside hyphenated words (real-news adjudication, entities).

- a name after "anti-", "pro-", "stop-", "dump-", "never-", "post-", "pre-", "ex-" is
  annotated alone, with the label the document gives that name elsewhere: "anti-Roe
  activists" -> PERSON "Roe", "anti-Tolvik feeling" -> GPE "Tolvik"; a name the
  document never labels elsewhere keeps the PERSON, ORG or GPE label spaCy gave the
  hyphenated word, or is left alone;
- a name with a derivational suffix is not annotated: "Roe-isms", "Roe-esque";
- a prefixed word inside a longer name is left to it ("World Anti-Fraud Agency");
- a name never runs into a lower-case word after a hyphen: "Jane Roe-led" -> "Jane Roe".

Example:
    >>> [m.group("name") for m in PREFIXED.finditer("the anti-Roe and pro-Poe camps")]
    ['Roe', 'Poe']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from goldsmith.annotate.rules.spans import overlaps
from goldsmith.labels.records import Entity

#: A prefix, a hyphen and a capitalised name of one or two words.
PREFIXED = re.compile(
    r"(?<![\w-])(?i:anti|pro|stop|dump|never|post|pre|ex)-\s?"
    r"(?P<name>[A-Z][\w.'’]*[\w](?: [A-Z][\w'’]*[\w])?)"
)

#: Suffixes that derive a word from a name: the name is not annotated.
_DERIVING = re.compile(
    r"-(?:isms?|ists?|ites?|esque|ish|like|style|mania|speak|ians?|ness)(?![\w-])"
)

_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE"})

_LOWER_TAIL = re.compile(r"-[a-z]+$")

_PREFIX_BEFORE = re.compile(r"(?<![\w-])(?i:anti|pro|stop|dump|never|post|pre|ex)-\s?$")


def hyphenated_names(text: str, found: list[Entity]) -> list[Entity]:
    """``found`` with the rules above applied."""
    found = [_without_lower_tail(e, text) for e in found]
    found = [e for e in found if e.label == "DATE" or not _DERIVING.match(text, e.end)]
    labels = _labels(text, found)
    added = []
    for match in PREFIXED.finditer(text):
        if _inside_name(found, match.start(), match.end("name")):
            continue
        name = match.group("name")
        if name not in labels and name.split()[0] in labels:
            name = name.split()[0]
        begin = match.start("name")
        label = labels.get(name) or _label_over(found, begin, begin + len(name))
        if label is not None:
            added.append(Entity(start=begin, end=begin + len(name), text=name, label=label))
    if not added:
        return found
    kept = [
        e
        for e in found
        if not any(overlaps(e.start, e.end, a.start, a.end) for a in added)
        and not _is_prefixed_form(e, text)
    ]
    return kept + added


def _inside_name(found: list[Entity], begin: int, end: int) -> bool:
    """A prefixed word inside a longer name is a word of it: "World Anti-Fraud Agency"."""
    return any(e.start < begin and end <= e.end and e.label != "DATE" for e in found)


def _label_over(found: list[Entity], begin: int, end: int) -> str | None:
    """The label spaCy gave the hyphenated word, when it names a person, a body or a
    place (a NORP "anti-Roe" is the movement, not the name)."""
    for entity in found:
        if overlaps(entity.start, entity.end, begin, end) and entity.label in _NAME_LABELS:
            return entity.label
    return None


def _labels(text: str, found: list[Entity]) -> dict[str, str]:
    """The label the document gives each name outside hyphenated words (most often),
    and PERSON for the last word of a person's name."""
    counts: dict[str, Counter] = {}
    for entity in found:
        if entity.label == "DATE" or _is_prefixed_form(entity, text) or "-" in entity.text:
            continue
        counts.setdefault(entity.text, Counter())[entity.label] += 1
        words = entity.text.split()
        if entity.label == "PERSON" and len(words) > 1:
            counts.setdefault(words[-1], Counter())["PERSON"] += 1
    return {name: c.most_common(1)[0][0] for name, c in counts.items()}


def _is_prefixed_form(entity: Entity, text: str) -> bool:
    """Whether ``entity`` is a prefixed word ("anti-Roe") or follows a prefix ("Roe")."""
    return (
        PREFIXED.match(entity.text) is not None
        or _PREFIX_BEFORE.search(text, max(0, entity.start - 8), entity.start) is not None
    )


def _without_lower_tail(entity: Entity, text: str) -> Entity:
    if entity.label == "DATE":
        return entity
    tail = _LOWER_TAIL.search(entity.text)
    if tail is None or tail.start() == 0:
        return entity
    end = entity.start + tail.start()
    return replace(entity, end=end, text=text[entity.start : end])
