"""Advertising and boilerplate lines: the truth table and the ignore ranges."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goldsmith.corpus.boilerplate import ignore_ranges, is_boilerplate_line


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "  - Advertisement -  ",
        "(Advertising)",
        "Sponsored content",
        "Story continues below advertisement",
        "Article continues below this ad",
        "Continue reading the main story",
        "Scroll to continue with content",
        "Sign up for our newsletter to get the morning briefing",
        "Sign up to receive breaking news alerts",
        "Subscribe today and save 40 percent",
        "Read more: Council sets out budget plans",
        "READ MORE: Council sets out budget plans",
        "Click here to download the full report",
        "Related: Five things to know about the tunnel",
        "Follow us on social media",
        "SUBSCRIBE NOW FOR UNLIMITED ACCESS",
        "GET 50% OFF YOUR FIRST MONTH!",
        "BREAKING NEWS ALERTS STRAIGHT TO YOUR PHONE",
    ],
)
def test_boilerplate_lines(line):
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "",
        "   ",
        "The council met on Tuesday to discuss the advertisement ban.",
        "Advertisements for the new ferry appeared across the city last week.",
        "Sign up sheets for the volunteer crews were posted at the town hall.",
        "Readers could click on a map of the closures.",
        "NATO, EU AND UN",
        "U.S. AND NATO",
        "AP PHOTO",
        "BY MARTA OYELARAN AND PIETER VOSS",
        "VARNE ISLAND, SCOTLAND —",
        "## WHAT HAPPENS NEXT",
        "Ferry Service To Varne Island Resumes",
        "The mayor said the plan would “ADVANCE THE HARBOUR” project.",
        "Subscribe " + "word " * 40,
    ],
)
def test_lines_that_are_not_boilerplate(line):
    assert not is_boilerplate_line(line)


def test_ignore_range_covers_the_whole_line_without_its_newline():
    text = "Ferry Resumes\n\nThe ferry runs.\n  ADVERTISEMENT \nIslanders cheer.\n"
    ranges = ignore_ranges(text)
    assert ranges == ((31, 47),)
    assert text[31:47] == "  ADVERTISEMENT "
    assert text[47] == "\n"


def test_first_line_is_never_boilerplate():
    text = "SUBSCRIBERS CELEBRATE RECORD TURNOUT\nThe turnout was high.\nADVERTISEMENT"
    assert ignore_ranges(text) == ((59, 72),)


def test_first_non_blank_line_is_the_headline_even_after_blank_lines():
    assert ignore_ranges("\n\nADVERTISEMENT\nText.") == ()


def test_last_line_without_newline_is_flagged():
    text = "Title\nBody.\nAdvertisement"
    assert [text[s:e] for s, e in ignore_ranges(text)] == ["Advertisement"]


_lines = st.lists(
    st.sampled_from(["Body text.", "ADVERTISEMENT", "", "  ", "Read more: x", "Ünïcode 🚢 line"]),
    max_size=12,
)


@given(_lines)
def test_every_range_is_one_whole_flagged_line(lines):
    text = "\n".join(lines)
    for start, end in ignore_ranges(text):
        assert start == 0 or text[start - 1] == "\n"
        assert end == len(text) or text[end] == "\n"
        assert "\n" not in text[start:end]
        assert is_boilerplate_line(text[start:end])
