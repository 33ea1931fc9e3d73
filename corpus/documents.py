"""The corpus record, the newline normalisation and the stable document id.

Rules:
- newlines: CRLF and lone CR become LF; no other character changes, so offsets
  computed on the normalised text stay valid for the stored text;
- id: ``"doc-"`` + the first 16 hex digits of SHA-256 over the UTF-8 bytes of the
  normalised text, so the same text gets the same id on any machine.

Example:
    >>> doc_id_for(normalize_newlines("A\\r\\nB")) == doc_id_for("A\\nB")
    True
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    """A document of the corpus: normalised text plus where it came from.

    ``ignore`` lists (start, end) code-point ranges of advertising or boilerplate
    lines; nothing is annotated inside them. ``source_id`` is the record's own ``id``
    field when the input had one (JSONL, CSV, Parquet, datasets rows).
    """

    doc_id: str
    text: str
    source: str = ""
    title: str | None = None
    ignore: tuple[tuple[int, int], ...] = ()
    source_id: str | None = None


def normalize_newlines(text: str) -> str:
    """CRLF and CR to LF; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def doc_id_for(text: str) -> str:
    """The stable id of a normalised text."""
    return "doc-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
