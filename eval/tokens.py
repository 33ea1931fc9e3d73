"""Token-level labels of a layer, the units of Krippendorff's alpha.

Tokenisation is a regular expression over the raw text: a run of word characters
(``\\w+``) or one character that is neither a word character nor whitespace (a
punctuation mark, a symbol, an emoji). Offsets are code points, end exclusive.

A token takes the label of the region of the layer that overlaps it, or ``"O"``
when none does; when several regions of one layer overlap a token, the one that
starts first wins (then the longer one, then the smaller label), so the result
does not depend on the order regions are stored in.

Example:
    >>> from goldsmith.labels import AnnotatedDoc, Entity
    >>> doc = AnnotatedDoc("d", "Ann Lee spoke.", entities=(Entity(0, 7, "Ann Lee", "PERSON"),))
    >>> token_labels(doc, "entities")
    ('PERSON', 'PERSON', 'O', 'O')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from goldsmith.labels.records import AnnotatedDoc, Span
from goldsmith.labels.schema import CLAIM_LABEL, QUOTE_LABEL

OUTSIDE = "O"

_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Token:
    """One token of a text: ``text[start:end]``."""

    start: int
    end: int
    text: str


def tokenize(text: str) -> tuple[Token, ...]:
    """The tokens of ``text``: words and single non-space, non-word characters."""
    return tuple(Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text))


def region_label(span: Span) -> str:
    """The label a region shows in its layer: the entity label, ``QUOTE`` or ``CLAIM``."""
    label = getattr(span, "label", None)
    if isinstance(label, str):
        return label
    return QUOTE_LABEL if hasattr(span, "kind") else CLAIM_LABEL


def layer_regions(doc: AnnotatedDoc, layer: str) -> tuple[Span, ...]:
    """The regions of one layer (``entities``, ``quotes`` or ``claims``) of a document."""
    return tuple(getattr(doc, layer))


def token_labels(doc: AnnotatedDoc, layer: str) -> tuple[str, ...]:
    """The label of every token of ``doc.text`` in ``layer`` (``"O"`` outside every region)."""
    regions = sorted(layer_regions(doc, layer), key=lambda r: (r.start, -r.end, region_label(r)))
    labels: list[str] = []
    first = 0  # regions before this index end before the current token starts
    for token in tokenize(doc.text):
        while first < len(regions) and regions[first].end <= token.start:
            first += 1
        label = OUTSIDE
        for region in regions[first:]:
            if region.start >= token.end:
                break
            if region.end > token.start:
                label = region_label(region)
                break
        labels.append(label)
    return tuple(labels)
