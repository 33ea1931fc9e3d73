"""The words an organisation's name runs on with (entity_org_tails)."""

from __future__ import annotations

import pytest
from entity_docs import entity_doc, found_entities

from goldsmith.annotate.rules.entity_org_tails import TAIL


@pytest.mark.parametrize(
    ("text", "spacy_ents", "expected"),
    [
        (
            "He joined the Tolvik Rowing Club of Marlow on Friday.",
            [("Tolvik Rowing Club", "ORG"), ("Marlow", "GPE")],
            [("Tolvik Rowing Club of Marlow", "ORG")],
        ),
        (
            "A panel of the Court of Appeals for the Ninth Circuit ruled.",
            [("Court of Appeals", "ORG"), ("Ninth Circuit", "ORG")],
            [("Court of Appeals for the Ninth Circuit", "ORG")],
        ),
        (
            "They sued with the Harbor Coalition for the Homeless.",
            [("Harbor Coalition", "ORG"), ("Homeless", "NORP")],
            [("Harbor Coalition for the Homeless", "ORG")],
        ),
        (
            "Nye sits on the Marlow District Court for the District of Wexford. It is busy.",
            [("Nye", "PERSON"), ("Marlow District Court", "ORG"), ("Wexford", "GPE")],
            [("Nye", "PERSON"), ("Marlow District Court for the District of Wexford", "ORG")],
        ),
        (
            "Staff of the Lorne Institute for Arctic and Island Studies wrote.",
            [("Lorne Institute", "ORG")],
            [("Lorne Institute for Arctic and Island Studies", "ORG")],
        ),
    ],
)
def test_an_organisation_runs_on_over_of_or_for_and_the_capitalised_words(
    text, spacy_ents, expected
):
    assert found_entities(entity_doc(text, spacy_ents)) == expected


def test_no_tail_before_a_lower_case_noun_or_in_a_headline_or_at_a_second_name():
    # "Harlow" only describes the schools
    doc = entity_doc(
        "He gave to the Acme Foundation for Harlow schools.",
        [("Acme Foundation", "ORG"), ("Harlow", "GPE")],
        pos={"schools": "NOUN"},
    )
    assert found_entities(doc) == [("Acme Foundation", "ORG"), ("Harlow", "GPE")]
    # a headline capitalises every word
    doc = entity_doc(
        "Tolvik Rowing Club Of Marlow Wins Again\n\nIt won.",
        [("Tolvik Rowing Club", "ORG"), ("Marlow", "GPE")],
    )
    assert ("Tolvik Rowing Club", "ORG") in found_entities(doc)
    # "and the" starts another name
    doc = entity_doc(
        "The Tolvik Union of Marlow and the Wexford Club sued.",
        [("Tolvik Union", "ORG"), ("Marlow", "GPE"), ("Wexford Club", "ORG")],
    )
    assert found_entities(doc) == [("Tolvik Union of Marlow", "ORG"), ("Wexford Club", "ORG")]
    # "and" before one more word joins another name
    doc = entity_doc(
        "The Tolvik Union of Marlow and Demos sued.",
        [("Tolvik Union", "ORG"), ("Marlow", "GPE"), ("Demos", "ORG")],
    )
    assert found_entities(doc) == [("Tolvik Union of Marlow", "ORG"), ("Demos", "ORG")]


def test_a_party_word_joins_the_organisation_after_it_but_not_a_legislature():
    doc = entity_doc(
        "Only four Republican National Committee members agreed.",
        [("National Committee", "ORG")],
    )
    assert found_entities(doc) == [("Republican National Committee", "ORG")]
    doc = entity_doc(
        "The Democratic Senate passed it.", [("Democratic", "NORP"), ("Senate", "ORG")]
    )
    assert found_entities(doc) == [("Democratic", "NORP"), ("Senate", "ORG")]


def test_a_party_word_before_party_is_the_party_but_not_before_a_noun():
    doc = entity_doc(
        "He could split the Republican party, said Democratic party leaders.",
        [("Republican", "NORP"), ("Democratic", "NORP")],
        pos={"leaders": "NOUN"},
    )
    assert found_entities(doc) == [("Republican party", "ORG"), ("Democratic", "NORP")]


def test_the_tail_pattern_stops_before_lower_case_words():
    assert TAIL.match(" of Marlow on Friday").group("run") == "Marlow"
    assert TAIL.match(" for a Safer Harbor now").group("run") == "Safer Harbor"
