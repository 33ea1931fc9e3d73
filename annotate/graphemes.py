"""Grapheme clusters: where a region may begin and end, and snapping regions to them.

A grapheme cluster is what a reader sees as one character: a letter with its combining
marks ("é" as e + U+0301), a flag (two regional indicators), an emoji with a skin-tone
modifier or joined by ZWJ (👩‍👧), a Hangul syllable made of jamo. A region that starts or
ends inside one (a DATE on half of 🇺🇦) cannot be shown or corrected in Label Studio.

Boundaries follow Unicode's extended grapheme cluster rules (UAX #29) with the standard
library's character data: CR LF stays together; no break before a combining mark (Mn, Me),
a spacing mark (Mc), ZWJ, an emoji modifier or a tag character; regional indicators pair up
from the start of their run; ZWJ joins two pictographs; Hangul jamo form syllables; a
virama joins two consonants of an Indic script. Prepend characters are not modelled (no
break after them is the only difference, and news text does not use them).

Snapping rule (:func:`snap`): a region whose ends are both on boundaries is unchanged; a
region that is part of one cluster and nothing else is dropped; otherwise a start inside a
cluster moves back to the cluster's start and an end inside one moves forward to the
cluster's end, so the region keeps everything it had.

Example:
    >>> snap(0, 1, "\U0001f1fa\U0001f1e6 Kyiv") is None    # half a flag
    True
    >>> snap(0, 3, "Cafe\u0301 open")                      # 'Caf' + 'e' without its accent
    (0, 3)
    >>> snap(0, 4, "Cafe\u0301 open")
    (0, 5)
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from goldsmith.labels.records import Quote, Span

S = TypeVar("S", bound=Span)

_CR, _LF, _ZWJ, _ZWNJ = "\r", "\n", "\u200d", "\u200c"
#: Below this code point no character extends or joins a cluster (Latin-1 and Latin
#: Extended, except CR LF): the fast path for most news text.
_SIMPLE_BELOW = 0x300

#: Indic scripts whose viramas join consonants (UAX #29 rule GB9c): block start, virama.
_VIRAMAS = {0x094D: 0x0900, 0x09CD: 0x0980, 0x0ACD: 0x0A80, 0x0B4D: 0x0B00, 0x0C4D: 0x0C00}
_VIRAMAS[0x0D4D] = 0x0D00


def is_boundary(text: str, i: int) -> bool:
    """Whether a grapheme cluster boundary lies between ``text[i - 1]`` and ``text[i]``."""
    if i <= 0 or i >= len(text):
        return True
    a, b = text[i - 1], text[i]
    if ord(a) < _SIMPLE_BELOW and ord(b) < _SIMPLE_BELOW:
        return not (a == _CR and b == _LF)
    if a == _CR and b == _LF:
        return False
    if _is_control(a) or _is_control(b):
        return True
    if not _hangul_breaks(a, b):
        return False
    if _is_extend(b) or b == _ZWJ or unicodedata.category(b) == "Mc":
        return False
    if a == _ZWJ and _is_pictographic(b) and _pictograph_before_zwj(text, i - 1):
        return False
    if _is_regional(a) and _is_regional(b):
        return _regional_run(text, i) % 2 == 0
    return not _joined_by_virama(text, i)


def snap(start: int, end: int, text: str) -> tuple[int, int] | None:
    """``(start, end)`` moved out to cluster boundaries, or ``None`` (module rule)."""
    if is_boundary(text, start) and is_boundary(text, end):
        return start, end
    if not any(is_boundary(text, i) for i in range(start + 1, end)):
        return None  # part of one cluster and nothing else
    return cluster_start(text, start), cluster_end(text, end)


def snap_spans(spans: Sequence[S], text: str) -> tuple[S, ...]:
    """The spans moved out to grapheme cluster boundaries (or dropped), sorted, no repeats."""
    kept: dict[object, S] = {}
    for span in spans:
        bounds = snap(span.start, span.end, text)
        if bounds is None:
            continue
        if bounds != (span.start, span.end):
            span = replace(span, start=bounds[0], end=bounds[1], text=text[bounds[0] : bounds[1]])
        kept.setdefault(span, span)
    return tuple(sorted(kept.values(), key=lambda span: (span.start, span.end)))


def snap_speaker(quote: Quote, text: str) -> Quote:
    """The quote with its speaker snapped; no speaker when the speaker is dropped."""
    if quote.speaker is None:
        return quote
    bounds = snap(quote.speaker.start, quote.speaker.end, text)
    if bounds == (quote.speaker.start, quote.speaker.end):
        return quote
    if bounds is None:
        return replace(quote, speaker=None)
    speaker = replace(quote.speaker, start=bounds[0], end=bounds[1], text=text[slice(*bounds)])
    return replace(quote, speaker=speaker)


def cluster_start(text: str, i: int) -> int:
    """The start of the cluster holding ``text[i]`` (``i`` itself when on a boundary)."""
    while i > 0 and not is_boundary(text, i):
        i -= 1
    return i


def cluster_end(text: str, i: int) -> int:
    """The end of the cluster ``text[i - 1]`` belongs to (``i`` itself when on a boundary)."""
    while i < len(text) and not is_boundary(text, i):
        i += 1
    return i


def _is_control(c: str) -> bool:
    if c in (_CR, _LF):
        return True
    if c in (_ZWJ, _ZWNJ) or _is_extend(c):
        return False
    return unicodedata.category(c) in ("Cc", "Zl", "Zp", "Cf")


def _is_extend(c: str) -> bool:
    cp = ord(c)
    if unicodedata.category(c) in ("Mn", "Me"):
        return True
    return cp == 0x200C or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F


def _is_regional(c: str) -> bool:
    return 0x1F1E6 <= ord(c) <= 0x1F1FF


def _regional_run(text: str, i: int) -> int:
    """How many regional indicators stand right before ``i``."""
    n = 0
    while i - n - 1 >= 0 and _is_regional(text[i - n - 1]):
        n += 1
    return n


def _is_pictographic(c: str) -> bool:
    """Extended_Pictographic, approximated by the emoji blocks (no exact data in stdlib)."""
    cp = ord(c)
    if _is_regional(c) or 0x1F3FB <= cp <= 0x1F3FF:
        return False
    return (
        0x1F000 <= cp <= 0x1FAFF
        or 0x1FC00 <= cp <= 0x1FFFD
        or 0x2600 <= cp <= 0x27BF
        or 0x2300 <= cp <= 0x23FF
        or 0x2B00 <= cp <= 0x2BFF
        or cp in (0x00A9, 0x00AE, 0x203C, 0x2049, 0x2122, 0x2139, 0x3030, 0x303D, 0x3297, 0x3299)
    )


def _pictograph_before_zwj(text: str, zwj: int) -> bool:
    """Rule GB11: a pictograph, then any extenders, then the ZWJ at ``zwj``."""
    j = zwj - 1
    while j >= 0 and _is_extend(text[j]):
        j -= 1
    return j >= 0 and _is_pictographic(text[j])


_L = range(0x1100, 0x1160), range(0xA960, 0xA980)
_V = range(0x1160, 0x11A8), range(0xD7B0, 0xD7C7)
_T = range(0x11A8, 0x1200), range(0xD7CB, 0xD7FC)


def _hangul(c: str) -> str:
    cp = ord(c)
    if any(cp in r for r in _L):
        return "L"
    if any(cp in r for r in _V):
        return "V"
    if any(cp in r for r in _T):
        return "T"
    if 0xAC00 <= cp <= 0xD7A3:
        return "LV" if (cp - 0xAC00) % 28 == 0 else "LVT"
    return ""


def _hangul_breaks(a: str, b: str) -> bool:
    """Rules GB6-GB8: False where jamo join into one syllable."""
    ha, hb = _hangul(a), _hangul(b)
    if not ha or not hb:
        return True
    if ha == "L":
        return hb not in ("L", "V", "LV", "LVT")
    if ha in ("LV", "V"):
        return hb not in ("V", "T")
    return hb != "T"  # LVT, T


def _indic_consonant(c: str) -> int | None:
    """The block start of an Indic consonant of a script with a joining virama, else None."""
    cp = ord(c)
    block = cp & ~0x7F
    if (
        block in _VIRAMAS.values()
        and unicodedata.category(c) == "Lo"
        and 0x15 <= cp - block <= 0x39
    ):
        return block
    return None


def _joined_by_virama(text: str, i: int) -> bool:
    """Rule GB9c, leniently: a virama of the script (among the marks right before ``i``)
    joins ``text[i]``, a consonant, whatever stands before the virama (as the ``regex``
    module does; fewer boundaries is the safe side for snapping)."""
    block = _indic_consonant(text[i])
    if block is None:
        return False
    j = i - 1
    while j >= 0 and (_is_extend(text[j]) or text[j] == _ZWJ):
        if _VIRAMAS.get(ord(text[j])) == block:
            return True
        j -= 1
    return False
