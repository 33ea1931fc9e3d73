"""The last word of a name (the spec's rule for two mentions of one source)."""

from __future__ import annotations

import pytest

from goldsmith.eval.matching import same_source
from goldsmith.labels.names import last_word
from goldsmith.labels.records import Entity


@pytest.mark.parametrize(
    ("name", "last"),
    [
        ("Faith Chepkemoi", "Chepkemoi"),
        ("Lloyd J. Austin III", "Austin"),
        ("Robert Haines Jr.", "Haines"),
        ("Martin Luther King Jr.", "King"),
        ("Haines’s", "Haines"),
        ("North Korea's", "Korea"),
        ("Austin", "Austin"),
        ("Ann Smith-Jones,", "Smith-Jones"),
        ("Jr.", "Jr"),  # a suffix alone is the only word, so it stays
        ("...", ""),
        ("", ""),
    ],
)
def test_last_word_of_a_name_follows_the_spec(name: str, last: str) -> None:
    assert last_word(name) == last


def test_the_scorer_compares_last_words_case_insensitively() -> None:
    """The pre-annotator and the scorer read the same word: "AUSTIN" names Lloyd Austin."""
    assert same_source(
        Entity(0, 6, "AUSTIN", "PERSON"), Entity(20, 39, "Lloyd J. Austin III", "PERSON")
    )
    assert not same_source(Entity(0, 6, "Austin", "PERSON"), Entity(20, 27, "Austins", "PERSON"))
