"""Runs of proper nouns in a parsed document, and where its sentences start.

What the entity rules that find a name by the words around it share: a name is a run of
capitalised proper nouns (tagged ``NNP``/``NNPS``) outside any entity found so far, and
a sentence starts where spaCy says or at the first word of a line.

Example:
    >>> from goldsmith.annotate.model import load_model   # doctest: +SKIP
    >>> doc = load_model()("The site Harbor Daily Ledger said no.")   # doctest: +SKIP
    >>> proper_run(doc, 2, 1, [])   # doctest: +SKIP
    (9, 27)
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.spans import overlaps
from goldsmith.labels.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: spaCy's tags of proper nouns.
PROPER_TAGS = ("NNP", "NNPS")

#: At most this many capitalised words make a name found by its context.
MAX_NAME_WORDS = 4


def further_mentions(
    doc: Doc, text: str, names: Collection[str], found: list[Entity]
) -> Iterator[tuple[re.Match, Span]]:
    """Whole-word mentions of ``names`` in ``text`` (``doc.text``) outside every entity of
    ``found`` whose tokens are all proper nouns (how a name the document already gave a
    label is found again)."""
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(names))) + r")(?![\w-])")
    taken = [(e.start, e.end) for e in found]
    for match in pattern.finditer(text):
        begin, stop = match.span()
        if any(overlaps(a, b, begin, stop) for a, b in taken):
            continue
        span = doc.char_span(begin, stop)
        if span is not None and all(token.tag_ in PROPER_TAGS for token in span):
            yield match, span


def starts_sentence(doc: Doc, i: int) -> bool:
    """A sentence start by spaCy, or the first word of a line."""
    if doc[i].is_sent_start or i == 0:
        return True
    before = doc[i - 1]
    return "\n" in before.whitespace_ or (before.is_space and "\n" in before.text)


def is_proper_name(token: Token) -> bool:
    word = token.text
    return token.tag_ in PROPER_TAGS and word[:1].isupper() and word.replace(".", "").isalpha()


def proper_run(
    doc: Doc, first: int, direction: int, taken: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Characters of the run of proper nouns from token ``first`` on, outside any entity."""
    i, tokens = first, []
    while 0 <= i < len(doc) and len(tokens) < MAX_NAME_WORDS and is_proper_name(doc[i]):
        tokens.append(doc[i])
        joined = doc[i].whitespace_ if direction > 0 else i > 0 and doc[i - 1].whitespace_
        if not joined:
            break
        i += direction
    if not tokens:
        return None
    tokens.sort(key=lambda t: t.i)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    if any(overlaps(a, b, start, end) for a, b in taken):
        return None
    return start, end


def trimmed_entity(text: str, start: int, end: int, label: str) -> Entity:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Entity(start=start, end=end, text=text[start:end], label=label)


def in_capitals_line(text: str, char: int) -> bool:
    """Whether the line around ``char`` is written mostly in capitals."""
    line = text[text.rfind("\n", 0, char) + 1 : (text.find("\n", char) + 1 or len(text) + 1) - 1]
    return sum(c.isupper() for c in line) > sum(c.islower() for c in line)
