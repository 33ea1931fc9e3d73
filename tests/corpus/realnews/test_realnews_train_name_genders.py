"""The first-name gender lexicon's trainer (corpus/realnews/train_name_genders.py)."""

from __future__ import annotations

import pytest

from goldsmith.annotate.rules.person_gender import USE_FIRST_NAMES
from goldsmith.corpus.realnews.train_name_genders import (
    MIN_SHARE,
    _first_word,
    lexicon,
    marked_first_names,
)


def test_a_name_needs_two_votes_and_a_clear_majority() -> None:
    votes = [{"tova": "f"}, {"tova": "f"}, {"arno": "m"}, {"kim": "f"}, {"kim": "m"}]
    assert lexicon(votes) == {"tova": "f"}


def test_a_majority_at_the_share_is_enough() -> None:
    agree = round(MIN_SHARE * 100)
    votes = [{"tova": "f"}] * agree + [{"tova": "m"}] * (100 - agree)
    assert lexicon(votes) == {"tova": "f"}


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("tova lind", "tova"),
        ("lind", None),  # a surname alone
        ("president lind", None),  # a title
        ("actress tova lind", None),  # a gendered role noun
        ("j. lind", None),  # an initial
    ],
)
def test_first_word_of_a_full_name(name: str, first: str | None) -> None:
    assert _first_word(name) == first


def test_votes_come_from_the_documents_evidence_with_the_lexicon_off(nlp) -> None:
    text = (
        "Mr. Arno Vesk opened the fair on Monday. Tova Lind defended herself at the "
        "meeting.\n\nKira Stam spoke at the pier. She thanked the crew."
    )
    [votes] = marked_first_names(nlp, [text])
    assert votes["strong"] == {"arno": "m", "tova": "f"}
    assert votes["weak"] == {"kira": "f"}
    assert USE_FIRST_NAMES.get() is True
