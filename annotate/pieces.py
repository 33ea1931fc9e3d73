"""Long documents in pieces: where to cut a text the model cannot parse whole.

spaCy refuses a text longer than its ``max_length`` (1,000,000 characters by default;
error E088), and its memory grows with the text. A document longer than the limit is
pre-annotated in pieces:

- pieces are consecutive ranges that together cover the text; each holds whole paragraphs
  (a cut falls right after a blank line) and at most :data:`PIECE_CHARS` characters (never
  more than the limit);
- a paragraph longer than that is cut after a line break, a line longer than that after
  a sentence end (". "), then after any whitespace;
- a stretch longer than the limit with no whitespace at all cannot be cut: the document
  cannot be parsed (:func:`pieces` returns ``None``) and is skipped with a warning;
- regions are found in each piece on its own, so none crosses a cut, and offsets are
  shifted back to the document; a speaker named only in an earlier piece is not found
  (the quote keeps no speaker), which is the price of a cut.

Example:
    >>> pieces("a\\n\\nb\\n\\nc", limit=4)
    [(0, 3), (3, 7)]
    >>> pieces("short", limit=100)
    [(0, 5)]
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TypeVar

from goldsmith.labels.records import Quote, Span

#: Largest piece cut from a long document. Pieces are parsed one at a time and spaCy's
#: memory grows with the text parsed at once (about 0.4 GB per 100,000 characters with
#: en_core_web_sm, measured), so this keeps a long document's peak near that of an
#: ordinary batch of 64 news articles instead of 4 GB for 1,000,000 characters.
PIECE_CHARS = 100_000

#: Cut points, most preferred first: after a blank line, a line break, a sentence end,
#: any whitespace.
_CUTS = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"\n"),
    re.compile(r"[.!?] +"),
    re.compile(r"\s+"),
)

Ranges = tuple[tuple[int, int], ...]
S = TypeVar("S", bound=Span)


def pieces(text: str, limit: int, size: int = PIECE_CHARS) -> list[tuple[int, int]] | None:
    """The ``(start, end)`` pieces of ``text`` (module rules), or ``None`` when some stretch
    longer than ``limit`` has no whitespace. A text within ``limit`` is one piece."""
    if len(text) <= limit:
        return [(0, len(text))]
    size = min(size, limit)
    found: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        cut = _last_cut(text, start, start + size)
        if cut is None:
            return None
        found.append((start, cut))
        start = cut
    found.append((start, len(text)))
    return found


def _last_cut(text: str, start: int, stop: int) -> int | None:
    """The last preferred cut point in ``text[start:stop]`` (after the separator)."""
    for cut in _CUTS:
        ends = [m.end() for m in cut.finditer(text, start, stop) if start < m.end() <= stop]
        if ends:
            return ends[-1]
    return None


def local_ignore(ignore: Ranges, start: int, end: int) -> Ranges:
    """Ignore ranges clipped to the piece ``start:end`` and counted from its start."""
    return tuple(
        (max(a, start) - start, min(b, end) - start) for a, b in ignore if a < end and start < b
    )


def shifted(span: S, by: int) -> S:
    """A region found in a piece, moved to document offsets (a quote's speaker too)."""
    if by == 0:
        return span
    if isinstance(span, Quote) and span.speaker is not None:
        return replace(
            span, start=span.start + by, end=span.end + by, speaker=shifted(span.speaker, by)
        )  # type: ignore[return-value]
    return replace(span, start=span.start + by, end=span.end + by)
