"""Tests of goldsmith.annotate.rules.headlines: the one title-case headline rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goldsmith.annotate.rules.headlines import LOWER_IN_TITLES, is_headline, is_title_case


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Harbor Council Approves Ferry Budget", True),
        ("Storm Leaves 3,000 Families Without Power", True),
        # short words and prepositions in lower case do not count against title case
        ("Tolvik to Meet with Leaders of the Alliance in Oslo", True),
        ("Varga Says She Will Fight with Everything from Courts to Council", True),
        ("Mayor Wins", True),  # two words are enough
        ("Varga Praises Tolvik News Editor Al Poe: 'Very Good'", True),
        # sentences and sentence-case headlines capitalise their first word and names only
        ("The harbor council approved the ferry budget on Monday.", False),
        ("Varga praises the Harbor Door", False),
        ("Varga praises editor of Tolvik News", False),
        # a line in capitals is not in title case
        ("VARGA WINS", False),
        ("HARBOR COUNCIL APPROVES FERRY BUDGET", False),
        # nothing to judge
        ("", False),
        ("3,000 in 2016", False),
        ("A to Z", False),
    ],
)
def test_is_title_case(line, expected):
    assert is_title_case(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Harbor Council Approves Ferry Budget", True),
        ("Varga: ‘The Ferry Stays’", True),
        ("Harbor Council Approves Ferry Budget.", False),  # a full stop ends a sentence
        ('Varga Said "The Ferry Stays"', False),
        ("Varga said the ferry stays", False),
    ],
)
def test_is_headline(line, expected):
    assert is_headline(line) is expected


_WORDS = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1), max_size=8)


@given(_WORDS)
def test_a_line_in_lower_case_or_in_capitals_is_never_in_title_case(words):
    line = " ".join(words)
    assert not is_title_case(line)
    assert not is_title_case(line.upper())


@given(_WORDS)
def test_capitalising_every_word_of_four_letters_or_more_makes_title_case(words):
    line = " ".join(w.capitalize() for w in words)
    assert is_title_case(line) is any(len(w) >= 4 and w not in LOWER_IN_TITLES for w in words)
