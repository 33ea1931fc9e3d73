"""Character ranges of the rules: whether two ranges overlap, and a sorted set of ranges.

The rule everywhere: ranges are (start, end) code-point offsets, end exclusive, and two
ranges overlap when they share at least one code point (touching ends do not overlap).

Example:
    >>> overlaps(0, 5, 4, 9), overlaps(0, 5, 5, 9)
    (True, False)
    >>> RangeSet([(10, 20)]).contains(15), RangeSet([(10, 20)]).overlaps(0, 11)
    (True, True)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether ``[a_start, a_end)`` and ``[b_start, b_end)`` share a code point."""
    return a_start < b_end and b_start < a_end


def overlaps_any(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` overlaps any of ``ranges`` (a linear scan)."""
    return any(overlaps(start, end, a, b) for a, b in ranges)


class RangeSet:
    """Non-overlapping ranges, sorted once, for fast look-ups by bisection."""

    __slots__ = ("_ranges", "_starts")

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        self._ranges = sorted(ranges)
        self._starts = [r[0] for r in self._ranges]

    def contains(self, char: int) -> bool:
        """Whether the code point at ``char`` lies inside one of the ranges."""
        i = bisect_right(self._starts, char) - 1
        return i >= 0 and char < self._ranges[i][1]

    def starts_within(self, start: int, end: int) -> bool:
        """Whether a range starts inside ``[start, end)``."""
        i = bisect_left(self._starts, start)
        return i < len(self._ranges) and self._ranges[i][0] < end

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps one of the ranges."""
        return self.contains(start) or self.starts_within(start, end)
