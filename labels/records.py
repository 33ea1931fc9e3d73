"""Frozen record types for a document and its three annotation layers.

One span convention everywhere: ``start`` and ``end`` are code-point offsets
(Python ``str`` indices) into the document text, end exclusive, and
``text == doc.text[start:end]``. Records do not validate themselves; the
boundaries that build them from outside data (JSONL, Label Studio) call
:func:`goldsmith.labels.validate.problems`.

Example:
    >>> doc = AnnotatedDoc(doc_id="d1", text="Austin said so.",
    ...     entities=(Entity(0, 6, "Austin", "PERSON"),))
    >>> doc.entities[0].text == doc.text[0:6]
    True
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Span:
    """A character range of a document: ``text[start:end]``."""

    start: int
    end: int
    text: str

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlap(self, other: Span) -> int:
        """Number of code points the two spans share (0 when disjoint)."""
        return max(0, min(self.end, other.end) - max(self.start, other.start))


@dataclass(frozen=True)
class Entity(Span):
    """A labelled span: a named entity, or a quote's speaker (which may be ``SOURCE``)."""

    label: str
    score: float | None = None


@dataclass(frozen=True)
class Quote(Span):
    """Reported speech of a given ``kind``, linked to its ``speaker`` span when known."""

    kind: str
    speaker: Entity | None = None
    score: float | None = None


@dataclass(frozen=True)
class Claim(Span):
    """A numeric claim: ``value`` (and ``value_high`` for ranges) of ``unit``, qualified."""

    value: float
    unit: str
    qualifier: str
    value_high: float | None = None
    score: float | None = None


@dataclass(frozen=True)
class AnnotatedDoc:
    """A document with its three layers, each a tuple sorted by (start, end).

    ``meta`` holds any other top-level fields of a JSONL record (``title``,
    ``source``, ``model_version`` ...) so that nothing read is lost on write.
    """

    doc_id: str
    text: str
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, hash=False)

    def sorted(self) -> AnnotatedDoc:
        """The same document with every layer in (start, end, ...) order."""
        key = _span_key
        return replace(
            self,
            entities=tuple(sorted(self.entities, key=key)),
            quotes=tuple(sorted(self.quotes, key=key)),
            claims=tuple(sorted(self.claims, key=key)),
        )

    def without_layers(self) -> AnnotatedDoc:
        """The bare document: same id, text and meta, no annotations."""
        return AnnotatedDoc(doc_id=self.doc_id, text=self.text, meta=dict(self.meta))


def _span_key(span: Span) -> tuple:
    return (span.start, span.end, getattr(span, "label", ""), getattr(span, "kind", ""))
