"""Word lists of the claim rules and the counted noun's unit."""

from __future__ import annotations

import pytest

from goldsmith.annotate.rules.claim_words import QUALIFIERS, singular
from goldsmith.labels.schema import QUALIFIERS as SPEC_QUALIFIERS


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("casualties", "casualty"),
        ("boxes", "box"),
        ("troops", "troop"),
        ("churches", "church"),
        ("bus", "bus"),
        ("glasses", "glass"),
        ("crisis", "crisis"),
        ("is", "is"),
    ],
)
def test_singular(word, expected):
    assert singular(word) == expected


def test_every_qualifier_phrase_names_a_spec_qualifier():
    assert set(QUALIFIERS.values()) <= set(SPEC_QUALIFIERS)


@pytest.mark.parametrize(
    "phrase",
    [
        "about",
        "around",
        "approximately",
        "roughly",
        "an estimated",
        "some",
        "nearly",
        "almost",
        "at least",
        "no fewer than",
        "a minimum of",
        "more than",
        "over",
        "upwards of",
        "in excess of",
        "exceeding",
        "at most",
        "up to",
        "as many as",
        "no more than",
        "less than",
        "fewer than",
        "under",
    ],
)
def test_every_phrase_of_the_spec_is_listed(phrase):
    assert tuple(phrase.split()) in QUALIFIERS
