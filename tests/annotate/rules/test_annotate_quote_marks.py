"""Tests of goldsmith.annotate.rules.quote_marks: pairing quotation marks in plain text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goldsmith.annotate.rules.quote_marks import paragraphs, quoted_regions


def _texts(text: str) -> list[str]:
    return [text[r.start : r.end] for r in quoted_regions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “yes” twice.", ["yes"]),
        ('He said "yes" twice.', ["yes"]),
        ("He said ‘yes’ twice.", ["yes"]),
        ("He said 'yes' twice.", ["yes"]),
        ("“A,” she said, “B.”", ["A,", "B."]),
        ('"A," she said, "B."', ["A,", "B."]),
        ("Korea’s leaders don’t agree; the ’90s are over.", []),
        ("The players' union and the soldiers’ families don't agree.", []),
        ("“Nested ‘inner’ quote.”", ["Nested ‘inner’ quote."]),
        ("A stray ” mark. “Then a real quote,” she said.", ["Then a real quote,"]),
        ("An opening “ never closed, “then a real quote,” she said.", ["then a real quote,"]),
        ('A 12" pipe and "a quote" here.', ["a quote"]),
        ("Empty “ ” marks.", []),
    ],
)
def test_quoted_text(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_unclosed_quote_runs_to_paragraph_end_only() -> None:
    text = "She called it “a disaster.\nThe next paragraph is prose."
    regions = quoted_regions(text)
    assert [text[r.start : r.end] for r in regions] == ["a disaster."]
    assert regions[0].close_at is None and not regions[0].runs_on


def test_multi_paragraph_quote_is_one_region_per_paragraph() -> None:
    text = "“First part of it.\n\n“Second part,” she said."
    regions = quoted_regions(text)
    assert [text[r.start : r.end] for r in regions] == ["First part of it.", "Second part,"]
    assert regions[0].runs_on and regions[0].paragraph == 0
    assert not regions[1].runs_on and regions[1].paragraph == 1


def test_unclosed_single_mark_is_dropped() -> None:
    assert _texts("He said ‘maybe and left.") == []


def test_paragraphs_are_non_empty_lines() -> None:
    assert paragraphs("a\n\nbc\n") == [(0, 1), (3, 5)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n\"“”‘’'😀"))))
def test_regions_are_ordered_inside_the_text_and_never_contain_a_newline(text: str) -> None:
    previous_end = -1
    for region in quoted_regions(text):
        assert 0 <= region.open_at < region.start < region.end <= len(text)
        assert "\n" not in text[region.start : region.end]
        assert region.open_at >= previous_end or not region.double
        previous_end = region.outer_end


def test_marks_inside_markup_tags_are_not_quotation_marks() -> None:
    text = '<tweet id="88" author="@olav">“Sail at dawn,” he wrote</tweet> and <b>"ok"</b>.'
    assert [text[r.start : r.end] for r in quoted_regions(text)] == ["Sail at dawn,", "ok"]
