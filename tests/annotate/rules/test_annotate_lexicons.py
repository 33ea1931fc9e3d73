"""Tests of the shared lexicons: role nouns, currencies, datelines, rule confidence."""

from __future__ import annotations

import pytest

from goldsmith.annotate.rules.confidence import claim_score, quote_score
from goldsmith.annotate.rules.currencies import CURRENCY_PREFIXES, CURRENCY_UNITS, CURRENCY_WORDS
from goldsmith.annotate.rules.datelines import DATELINE, DATELINE_PLACE
from goldsmith.annotate.rules.numbers import parse_number
from goldsmith.annotate.rules.role_words import (
    HONORIFICS,
    PERSON_ROLES,
    PERSONAL_TITLES,
    ROLE_NOUNS,
    TITLE_WORDS,
)


def test_role_nouns_are_both_titles_and_person_roles() -> None:
    assert ROLE_NOUNS <= TITLE_WORDS
    assert ROLE_NOUNS <= PERSON_ROLES
    assert PERSONAL_TITLES <= TITLE_WORDS
    assert not HONORIFICS & PERSON_ROLES  # "the mr. said" is never a description


@pytest.mark.parametrize(("word", "unit"), [("€", "euro"), ("usd", "dollar"), ("hk$", "dollar")])
def test_currency_prefixes(word: str, unit: str) -> None:
    assert CURRENCY_PREFIXES[word] == unit


def test_every_currency_is_a_money_unit() -> None:
    assert set(CURRENCY_PREFIXES.values()) | set(CURRENCY_WORDS.values()) == CURRENCY_UNITS
    assert CURRENCY_WORDS["roubles"] == "ruble"


def test_glued_sign_reads_through_the_shared_table() -> None:
    found = parse_number("HK$3m")
    assert found is not None and found.currency == "dollar" and found.value == 3_000_000


@pytest.mark.parametrize(
    ("line", "place", "whole"),
    [
        ("KELOWNA, British Columbia — Fires spread.", "KELOWNA", "KELOWNA, British Columbia — "),
        ("THE HAGUE — Talks began.", "THE HAGUE", "THE HAGUE — "),
        ("ST. JOHN'S - Snow fell.", "ST. JOHN'S", "ST. JOHN'S - "),
    ],
)
def test_one_place_pattern_for_both_dateline_uses(line: str, place: str, whole: str) -> None:
    assert DATELINE_PLACE.match(line)["place"] == place
    assert DATELINE.match(line).group() == whole


def test_no_dateline_in_a_sentence() -> None:
    assert DATELINE_PLACE.match("The mayor spoke — briefly.") is None
    assert DATELINE.match("The mayor spoke — briefly.") is None


def test_scores_order_review() -> None:
    assert quote_score("direct", has_speaker=True, inherited=False) == 0.9
    assert quote_score("direct", has_speaker=True, inherited=True) == 0.75
    assert quote_score("block", has_speaker=False, inherited=False) == 0.2
    assert claim_score(digits=True, elided=False, ner_quantity=True) == 0.9
    assert claim_score(digits=False, elided=True, ner_quantity=False) == 0.5
