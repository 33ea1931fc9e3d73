"""Number parsing: digits, number words, scale words, money signs, vague plurals, ranges."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goldsmith.annotate.rules.numbers import (
    digit_value,
    match_number,
    parse_number,
    parse_range_token,
    split_words,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("7", 7),
        ("3,000", 3000),
        ("1,250,000", 1_250_000),
        ("4.75", 4.75),
        ("1,500.5", 1500.5),
        (".5", 0.5),
        ("zero", 0),
        ("three", 3),
        ("Eleven", 11),
        ("forty", 40),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("ninety-nine", 99),
        ("a hundred", 100),
        ("two hundred", 200),
        ("two hundred and ten", 210),
        ("three hundred forty-two", 342),
        ("a thousand", 1000),
        ("four thousand five hundred", 4500),
        ("one million two hundred thousand", 1_200_000),
        ("a dozen", 12),
        ("two dozen", 24),
        ("half a million", 500_000),
        ("a million", 1_000_000),
        ("1.5 million", 1_500_000),
        ("3 billion", 3_000_000_000),
        ("2 trillion", 2_000_000_000_000),
        ("seven million", 7_000_000),
        ("2.4bn", 2_400_000_000),
        ("3mn", 3_000_000),
        ("6 bln", 6_000_000_000),
        ("six-million", 6_000_000),
        ("two-dozen", 24),
        ("two-hundred", 200),
        ("a half-dozen", 6),
        ("half a dozen", 6),
        ("a half dozen", 6),
        ("minus 5", -5),
        ("minus twelve", -12),
    ],
)
def test_parse_number_reads_each_form(text, value):
    found = parse_number(text)
    assert found is not None
    assert found.value == pytest.approx(value)
    assert not found.vague


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("$2.4 billion", 2_400_000_000, "dollar"),
        ("$2.4bn", 2_400_000_000, "dollar"),
        ("US$5 million", 5_000_000, "dollar"),
        ("€5m", 5_000_000, "euro"),
        ("€180 million", 180_000_000, "euro"),
        ("£3k", 3000, "pound"),
        ("£45 million", 45_000_000, "pound"),
        ("¥200 billion", 200_000_000_000, "yen"),
        ("₩90 billion", 90_000_000_000, "won"),
        ("$40", 40, "dollar"),
    ],
)
def test_parse_number_reads_currency_signs(text, value, currency):
    found = parse_number(text)
    assert found is not None
    assert (found.value, found.currency) == (pytest.approx(value), currency)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("dozens of", 12),
        ("hundreds of", 100),
        ("thousands of", 1000),
        ("millions of", 1_000_000),
        ("billions", 1_000_000_000),
        ("tens of thousands of", 10_000),
        ("hundreds of thousands", 100_000),
        ("several thousand", 1000),
        ("a few hundred", 100),
    ],
)
def test_plural_scale_words_are_vague_lower_bounds(text, value):
    found = parse_number(text)
    assert found is not None
    assert found.value == value
    assert found.vague


@pytest.mark.parametrize(
    "text",
    [
        "",
        "soldiers",
        "0123",
        "5m",
        "5k",
        "a",
        "the three",
        "third",
        "3rd",
        "first",
        "twenty and thirty",
        "3:30",
        "1990s",
        "COVID-19",
        "12%",
        "three soldiers",
    ],
)
def test_parse_number_rejects_what_is_not_exactly_a_number(text):
    assert parse_number(text) is None


def test_a_number_too_large_for_a_float_is_not_read():
    assert parse_number("9" * 400) is None


def test_match_number_never_consumes_a_trailing_of():
    words = ["millions", "of", "rounds"]
    found = match_number(words, 0)
    assert (found.start, found.end, found.value) == (0, 1, 1_000_000)


def test_match_number_stops_before_and_between_two_numbers():
    words = ["between", "twenty", "and", "thirty", "percent"]
    found = match_number(words, 1)
    assert (found.end, found.value) == (2, 20)


def test_match_number_joins_hyphenated_tens_and_units():
    found = match_number(["twenty", "-", "five", "soldiers"], 0)
    assert (found.end, found.value) == (3, 25)


def test_match_number_records_the_trailing_scale():
    assert match_number(["1.5", "million", "troops"], 0).scale == 1_000_000


def test_one_letter_scale_needs_a_currency_sign():
    assert match_number(["5", "m", "deep"], 0).end == 1
    assert match_number(["€", "5", "m"], 0).value == 5_000_000


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("20-30", (20, 30)),
        ("20\u201330", (20, 30)),
        ("1,000-2,500", (1000, 2500)),
        ("3-2", None),
        ("2-2", None),
        ("a-b", None),
        ("20", None),
    ],
)
def test_parse_range_token(word, expected):
    assert parse_range_token(word) == expected


def test_digit_value_rejects_a_leading_zero():
    assert digit_value("0123") is None
    assert digit_value("0.25") == pytest.approx(0.25)


def test_split_words_splits_like_the_tokenizer():
    assert split_words("about $2.4bn, twenty-five") == [
        "about",
        "$",
        "2.4bn",
        ",",
        "twenty",
        "-",
        "five",
    ]


_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    parts = [f"{_SMALL[hundreds]} hundred"] if hundreds else []
    if rest or not parts:
        tens, units = divmod(rest, 10)
        if rest < 20:
            words = _SMALL[rest]
        else:
            words = _TENS[tens] + (f"-{_SMALL[units]}" if units else "")
        parts.append(("and " if parts else "") + words)
    return " ".join(parts)


def _words(n: int) -> str:
    thousands, rest = divmod(n, 1000)
    if not thousands:
        return _below_thousand(rest)
    head = f"{_below_thousand(thousands)} thousand"
    return head if not rest else f"{head} {_below_thousand(rest)}"


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=0, max_value=999_999))
def test_number_words_round_trip(n):
    assert parse_number(_words(n)).value == n


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_digits_with_separators_round_trip(n):
    assert parse_number(f"{n:,}").value == n


@pytest.mark.parametrize(
    ("text", "value"),
    [("175million", 175e6), ("$2.5billion", 2.5e9), ("3thousand", 3000.0)],
)
def test_whole_scale_word_glued_to_digits(text: str, value: float) -> None:
    assert parse_number(text).value == value


def test_non_breaking_space_before_a_scale_word() -> None:
    found = match_number(["5", "\u00a0", "million", "euros"], 0)
    assert (found.end, found.value) == (3, 5e6)
