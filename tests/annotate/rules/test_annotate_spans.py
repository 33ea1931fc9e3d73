"""Tests of goldsmith.annotate.rules.spans: overlap of character ranges, sorted range sets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goldsmith.annotate.rules.spans import RangeSet, overlaps, overlaps_any


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0, 5), (4, 9), True),
        ((0, 5), (5, 9), False),  # touching ends share no code point
        ((2, 3), (0, 10), True),
        ((0, 10), (2, 3), True),
        ((0, 1), (1, 1), False),
    ],
)
def test_overlaps(a, b, expected) -> None:
    assert overlaps(*a, *b) is expected
    assert overlaps(*b, *a) is expected


def _disjoint(draw_points: list[int]) -> list[tuple[int, int]]:
    points = sorted(set(draw_points))
    return [(points[i], points[i + 1]) for i in range(0, len(points) - 1, 2)]


@given(st.lists(st.integers(0, 200), max_size=20), st.integers(0, 200), st.integers(1, 30))
def test_range_set_agrees_with_a_linear_scan(points, start, length) -> None:
    ranges = _disjoint(points)
    found = RangeSet(ranges)
    end = start + length
    assert found.overlaps(start, end) == overlaps_any(start, end, ranges)
    assert found.contains(start) == any(a <= start < b for a, b in ranges)
