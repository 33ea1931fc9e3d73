"""Title-case headlines: names found from the story under them, not from capitals.

In a headline written in title case ("Mayor Praises Acme News Editor Jane Roe") every
word is capitalised, so spaCy takes common words for names ("Praises Acme" PERSON).
The story below names the same people and bodies in running text, where capitals
mean names. So, in a title-case headline (the first line of a document, in title case
by the rule of :mod:`goldsmith.annotate.rules.headlines`):

- each name the story uses (an entity outside the headline, or the last word of a
  person it names) is found in the headline's capitalised words, the longest first,
  with the label the story gives it most often (spaCy's longer name of the headline
  with that label is kept when the story writes it too: "Jane Roe" over "Roe", but
  not "Praises Roe");
- a spaCy name of the headline over none of those is kept only when none of its
  words is written in lower case in the story ("Bathroom Door" goes when the story
  says "bathroom");
- dates of the headline are kept as spaCy found them.

Example:
    >>> text = "Mayor Praises Acme Editor\\nThe mayor thanked Acme."
    >>> found = [Entity(6, 18, "Praises Acme", "PERSON"), Entity(44, 48, "Acme", "ORG")]
    >>> [(e.start, e.text, e.label) for e in headline_names(text, found)]
    [(14, 'Acme', 'ORG'), (44, 'Acme', 'ORG')]
"""

from __future__ import annotations

import re
from collections import Counter

from goldsmith.annotate.rules.headlines import is_title_case
from goldsmith.labels.records import Entity

_WORD = re.compile(r"[\w'’.-]+")
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z'’-]*(?![\w-])")


def headline_names(text: str, found: list[Entity]) -> list[Entity]:
    """``found`` with the names of a title-case first line re-found (module rule)."""
    end = text.find("\n")
    if end <= 0 or not is_title_case(text[:end]):
        return found
    head = [e for e in found if e.start < end]
    body = [e for e in found if e.start >= end]
    known = _story_names(body)
    lower_words = set(_LOWER_WORD.findall(text, end))
    story = text[end:]
    # two words of one name ("Jane", "Roe") both give spaCy's "Jane Roe": keep it once
    matched = list(
        dict.fromkeys(_longer_name(m, head, story) for m in _match_known(text, end, known))
    )
    kept = [
        entity
        for entity in head
        if not any(_overlaps(entity, m) for m in matched)
        and (
            entity.label == "DATE"
            or not any(w.lower() in lower_words for w in _WORD.findall(entity.text))
        )
    ]
    return kept + matched + body


def _longer_name(match: Entity, head: list[Entity], story: str) -> Entity:
    """The headline's own entity over ``match`` when it has the same label and the
    story writes it too: "Jane Roe" over "Roe" (but not "Praises Roe")."""
    for entity in head:
        if (
            entity.label == match.label
            and entity.start <= match.start
            and match.end <= entity.end
            and entity.text in story
        ):
            return entity
    return match


def _story_names(body: list[Entity]) -> dict[str, str]:
    """Each name the story uses, with the label it gives it most often."""
    labels: dict[str, Counter] = {}
    for entity in body:
        if entity.label == "DATE":
            continue
        labels.setdefault(entity.text, Counter())[entity.label] += 1
        words = entity.text.split()
        if entity.label == "PERSON" and len(words) > 1:
            labels.setdefault(words[-1], Counter())["PERSON"] += 1
    return {name: c.most_common(1)[0][0] for name, c in labels.items()}


def _match_known(text: str, end: int, known: dict[str, str]) -> list[Entity]:
    if not known:
        return []
    names = sorted(known, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    return [
        Entity(start=m.start(), end=m.end(), text=m.group(), label=known[m.group()])
        for m in pattern.finditer(text, 0, end)
        if m.group()[:1].isupper()
    ]


def _overlaps(a: Entity, b: Entity) -> bool:
    return a.start < b.end and b.start < a.end
