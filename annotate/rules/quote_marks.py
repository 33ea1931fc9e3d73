"""Quotation-mark pairing: the character ranges a text puts inside quotation marks.

Pure text, no spaCy. The rules, applied paragraph by paragraph (a paragraph is one line):

- double marks (curly “ ”, low „, guillemets « », straight ") are paired first; each mark
  may open when it is followed by a non-space and (for straight and closing shapes)
  preceded by the paragraph start, a space or an opening bracket/dash; it may close when
  a mark is open and it is not an opening curly mark preceded by a space;
- a mark that can neither open nor close is skipped; an opening mark met while another
  is open replaces it (the earlier one was unbalanced); a closing mark with nothing open
  is skipped; so one bad mark never hides the quotes after it;
- a double mark still open at the end of its paragraph runs to the paragraph end; it is
  part of a multi-paragraph quote (``runs_on``) when the next paragraph opens with a
  double mark, and otherwise a quote whose closing mark was forgotten (the writer's
  error is not allowed to hide the quoted words; nothing after the paragraph is taken);
  a single mark still open at the paragraph end is dropped;
- single marks (‘ ’ and straight ') are paired only outside double-quoted ranges (a pair
  overlapping one is dropped), within
  a paragraph: ‘ or ' opens after a space or the paragraph start when followed by a
  letter; ’ or ' closes after a non-space when followed by a space, punctuation or the
  end. So apostrophes (don't, Korea’s, ’90s) are never taken for quotes;
- marks inside a markup tag (``<tweet id="69932" author="@anaruiz">``) are attribute
  delimiters, not quotation marks: they are skipped.

Example:
    >>> [(r.start, r.end) for r in quoted_regions('He said "yes," twice.')]
    [(9, 13)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from goldsmith.annotate.rules.spans import overlaps_any

_DOUBLE_OPENING = "“„«"
_DOUBLE_CLOSING = "”»"
_DOUBLE = re.compile('["“”„«»]')
_SINGLE = re.compile("['‘’]")
_OPEN_BEFORE = "([{—–-/"
_CLOSE_AFTER = ".,;:!?)]}—–-…"
_PARAGRAPH = re.compile(r"[^\n]+")
#: A markup tag left in a scraped article: ``<tweet id="1" author="@x">``, ``</tweet>``.
MARKUP_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>\n]*)?/?>")


@dataclass(frozen=True)
class QuotedRegion:
    """Text between a pair of quotation marks (or from an opening mark to paragraph end).

    ``open_at`` is the index of the opening mark; ``close_at`` that of the closing mark,
    or ``None`` when the quote is still open at the paragraph end (``runs_on`` tells
    whether the next paragraph continues it). ``start``/``end`` bound
    the quoted text with surrounding whitespace removed (a trailing comma is kept here;
    the quote layer decides). ``paragraph`` counts the lines of the text from 0 and
    ``double`` tells double marks from single ones.
    """

    open_at: int
    close_at: int | None
    start: int
    end: int
    paragraph: int
    double: bool = True
    runs_on: bool = False

    @property
    def outer_end(self) -> int:
        """End of the region including its closing mark (the content end when unclosed)."""
        return self.end if self.close_at is None else self.close_at + 1


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line of ``text``."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]


def quoted_regions(text: str) -> list[QuotedRegion]:
    """Every quoted region of ``text`` in order, following the module rules."""
    paras = paragraphs(text)
    regions: list[QuotedRegion] = []
    for number, (p_start, p_end) in enumerate(paras):
        next_opens = number + 1 < len(paras) and _opens_with_double(text, *paras[number + 1])
        doubles = _pair(text, p_start, p_end, _DOUBLE, _double_flags, True)
        found = [_region(text, o, c, p_end, number, True, next_opens) for o, c in doubles]
        # the marks themselves count: a double pair covers [open, close + 1)
        taken = [(o, (c if c is not None else p_end) + 1) for o, c in doubles]
        singles = [
            (o, c)
            for o, c in _pair(text, p_start, p_end, _SINGLE, _single_flags, False)
            if not overlaps_any(o, c + 1, taken)
        ]
        found += [_region(text, o, c, p_end, number, False, False) for o, c in singles]
        regions += sorted((r for r in found if r is not None), key=lambda r: r.open_at)
    return regions


def _opens_with_double(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].lstrip()
    return bool(stripped) and stripped[0] in '"“„«'


def _region(
    text: str,
    open_at: int,
    close_at: int | None,
    p_end: int,
    number: int,
    double: bool,
    next_opens: bool,
) -> QuotedRegion | None:
    start = open_at + 1
    end = p_end if close_at is None else close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    return QuotedRegion(
        open_at, close_at, start, end, number, double, close_at is None and next_opens
    )


def _pair(
    text: str, p_start: int, p_end: int, pattern: re.Pattern, flags, keep_open: bool
) -> list[tuple[int, int | None]]:
    """Pair the marks of one paragraph: (open index, close index or None if left open)."""
    pairs: list[tuple[int, int | None]] = []
    pending: int | None = None
    tags = [m.span() for m in MARKUP_TAG.finditer(text, p_start, p_end)] if "<" in text else []
    for match in pattern.finditer(text, p_start, p_end):
        at = match.start()
        if tags and any(t_start < at < t_end for t_start, t_end in tags):
            continue  # an attribute's delimiter: <tweet author="@x">
        prev = text[at - 1] if at > p_start else " "
        nxt = text[at + 1] if at + 1 < p_end else " "
        can_open, can_close = flags(text[at], prev, nxt)
        if pending is not None and can_close:
            pairs.append((pending, at))
            pending = None
        elif can_open:
            pending = at
    if pending is not None and keep_open:
        pairs.append((pending, None))
    return pairs


def _double_flags(mark: str, prev: str, nxt: str) -> tuple[bool, bool]:
    opens_here = not nxt.isspace() and (prev.isspace() or prev in _OPEN_BEFORE)
    if mark in _DOUBLE_OPENING:
        return not nxt.isspace(), not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_AFTER)
    if mark in _DOUBLE_CLOSING:
        return opens_here, True
    closes_here = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_AFTER or nxt in '"”')
    return opens_here or (not closes_here and not prev.isspace()), closes_here or (
        not opens_here and not nxt.isspace()
    )


def _single_flags(mark: str, prev: str, nxt: str) -> tuple[bool, bool]:
    can_open = (
        mark != "’" and (prev.isspace() or prev in _OPEN_BEFORE or prev in '“"') and (nxt.isalpha())
    )
    can_close = mark != "‘" and not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_AFTER)
    return can_open, can_close
