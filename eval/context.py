"""A span's surroundings in the text, as one line with the spans marked.

The window is ``width`` code points either side of the spans (their union), cut with
``…`` where the text goes on. The gold span is marked ``«…»`` and the predicted span
``⟦…⟧``; when both have the same offsets only ``«…»`` is shown. Newlines show as ``⏎``
and tabs as spaces so the context stays on one line. Offsets are code points, so emoji
and other characters outside the Basic Multilingual Plane count as one.

Example:
    >>> from goldsmith.labels import Span
    >>> mark_context("We met 🙂 Ann Lee today.", Span(9, 16, "Ann Lee"), None, 4)
    '…t 🙂 «Ann Lee» tod…'
"""

from __future__ import annotations

from goldsmith.labels.records import Span

GOLD_OPEN, GOLD_CLOSE = "«", "»"
PRED_OPEN, PRED_CLOSE = "⟦", "⟧"
ELLIPSIS = "…"


def mark_context(text: str, gold: Span | None, predicted: Span | None, width: int = 60) -> str:
    """``text`` around ``gold`` and ``predicted`` (rules in the module docstring)."""
    spans = [s for s in (gold, predicted) if s is not None]
    if not spans:
        return ""
    if gold is not None and predicted is not None and _same(gold, predicted):
        predicted = None
    left = max(0, min(s.start for s in spans) - width)
    right = min(len(text), max(s.end for s in spans) + width)
    # (position, rank, marker): closers before openers at one position, nested properly
    marks: list[tuple[int, int, str]] = []
    if gold is not None:
        marks += [(gold.start, 2, GOLD_OPEN), (gold.end, 1, GOLD_CLOSE)]
    if predicted is not None:
        marks += [(predicted.start, 3, PRED_OPEN), (predicted.end, 0, PRED_CLOSE)]
    marks.sort()
    pieces: list[str] = [ELLIPSIS] if left > 0 else []
    pos = left
    for at, _, marker in marks:
        pieces.append(_one_line(text[pos:at]))
        pieces.append(marker)
        pos = at
    pieces.append(_one_line(text[pos:right]))
    if right < len(text):
        pieces.append(ELLIPSIS)
    return "".join(pieces)


def _same(a: Span, b: Span) -> bool:
    return a.start == b.start and a.end == b.end


def _one_line(text: str) -> str:
    return text.replace("\r", "").replace("\n", "⏎").replace("\t", " ")
