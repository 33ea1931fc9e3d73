"""Person names, names in hyphenated words and title-case headlines.

spaCy docs are built with a blank tokenizer and hand-set entities (and parts of
speech where a rule reads them), so each rule is tested on its own.
"""

from __future__ import annotations

import pytest
from entity_docs import entity_doc, found_entities

from goldsmith.annotate.rules.headlines import is_title_case


@pytest.mark.parametrize(
    ("text", "spacy_ents", "expected"),
    [
        ("Billionaire Ann Varga spoke.", [("Billionaire Ann Varga", "PERSON")], "Ann Varga"),
        ("Senators Ann Varga and Al Poe.", [("Senators Ann Varga", "PERSON")], "Ann Varga"),
        ("He sued AG Ann Varga today.", [("AG Ann Varga", "ORG")], "Ann Varga"),
        ("Varga Challenger Al Poe won.", [("Varga Challenger", "PERSON")], "Varga"),
        ("Committeeman Al Poe agreed.", [("Committeeman Al Poe", "PERSON")], "Al Poe"),
    ],
)
def test_descriptions_and_titles_are_outside_a_person(text, spacy_ents, expected):
    assert found_entities(entity_doc(text, spacy_ents))[0] == (expected, "PERSON")


@pytest.mark.parametrize(
    ("text", "spacy_ents", "pos"),
    [
        ("Without Varga in the race, Poe won.", [("Without Varga", "PERSON")], {"Without": "ADP"}),
        ("Wherever Varga goes, Poe follows.", [("Wherever Varga", "PERSON")], {"Wherever": "ADV"}),
    ],
)
def test_a_capitalised_function_word_is_outside_a_person(text, spacy_ents, pos):
    assert found_entities(entity_doc(text, spacy_ents, pos=pos)) == [("Varga", "PERSON")]


@pytest.mark.parametrize(
    ("text", "spacy_ents", "expected"),
    [
        # a name after anti-/pro-/stop- takes the document's label for it
        (
            "Ann Varga spoke. The anti-Varga and stop-Varga camps met.",
            [("Ann Varga", "PERSON"), ("anti-Varga", "NORP")],
            [("Ann Varga", "PERSON"), ("Varga", "PERSON"), ("Varga", "PERSON")],
        ),
        (
            "Tolvik voted. An anti-Tolvik mood grew.",
            [("Tolvik", "GPE"), ("anti-Tolvik", "NORP")],
            [("Tolvik", "GPE"), ("Tolvik", "GPE")],
        ),
        # a name known nowhere else keeps spaCy's PERSON/ORG/GPE label, not NORP
        ("Many pro-Varga people came.", [("pro-Varga", "PERSON")], [("Varga", "PERSON")]),
        ("Many anti-Varga people came.", [("anti-Varga", "NORP")], [("anti-Varga", "NORP")]),
        # derived words carry no name; a lower-case tail is cut
        (
            "Ann Varga spoke in Varga-isms.",
            [("Ann Varga", "PERSON"), ("Varga", "PERSON")],
            [("Ann Varga", "PERSON")],
        ),
        ("A Jane Roe-led group.", [("Jane Roe-led", "PERSON")], [("Jane Roe", "PERSON")]),
    ],
)
def test_names_in_hyphenated_words(text, spacy_ents, expected):
    assert found_entities(entity_doc(text, spacy_ents)) == expected


def test_title_case_detection():
    assert is_title_case("Varga Praises Tolvik News Editor Al Poe: 'Very Good'")
    assert not is_title_case("Varga praises editor of Tolvik News")
    assert not is_title_case("VARGA WINS")


def test_headline_names_are_found_from_the_story():
    text = (
        "Ann Varga Praises Bellmore’s Editor Al Poe At Harbor Door\n"
        "\n"
        "Ann Varga praised Al Poe of Bellmore on Monday near the harbor door."
    )
    spacy_ents = [
        ("Ann Varga", "PERSON"),
        ("Praises Bellmore", "PERSON"),
        ("Al Poe At", "ORG"),
        ("Harbor Door", "FAC"),
        ("Ann Varga", "PERSON"),
        ("Al Poe", "PERSON"),
        ("Bellmore", "ORG"),
        ("Monday", "DATE"),
    ]
    assert found_entities(entity_doc(text, spacy_ents)) == [
        ("Ann Varga", "PERSON"),
        ("Bellmore", "ORG"),
        ("Al Poe", "PERSON"),
        ("Ann Varga", "PERSON"),
        ("Al Poe", "PERSON"),
        ("Bellmore", "ORG"),
        ("Monday", "DATE"),
    ]


def test_a_sentence_case_headline_is_left_to_spacy():
    text = "Varga praises the Harbor Door\n\nVarga spoke near the harbor door."
    doc = entity_doc(text, [("Varga", "PERSON"), ("Harbor Door", "FAC"), ("Varga", "PERSON")])
    assert ("Harbor Door", "FAC") in found_entities(doc)


def test_a_headline_name_is_not_grown_over_its_capitalised_words():
    # in title case "Visit To Police" is no part of a name ending in "Police"
    text = "Varga Visit To Police Memorial Draws Crowds\n\nAnn Varga visited the memorial."
    doc = entity_doc(text, [("Varga", "PERSON"), ("Ann Varga", "PERSON")])
    assert found_entities(doc) == [("Varga", "PERSON"), ("Ann Varga", "PERSON")]


def test_a_headline_name_matched_by_two_story_names_is_found_once():
    # "Ann" and "Varga" each lead back to the headline's "Ann Varga"
    text = "Ann Varga Wins Harbor Seat\n\nThe Ann Varga Parade ran. Ann was glad. Varga won."
    spacy_ents = [
        ("Ann Varga", "PERSON"),
        ("Ann Varga Parade", "EVENT"),
        ("Ann", "PERSON"),
        ("Varga", "PERSON"),
    ]
    assert found_entities(entity_doc(text, spacy_ents)) == [
        ("Ann Varga", "PERSON"),
        ("Ann Varga Parade", "EVENT"),
        ("Ann", "PERSON"),
        ("Varga", "PERSON"),
    ]


@pytest.mark.parametrize(
    ("text", "spacy_ents", "expected"),
    [
        ("Actress Lorna Vell spoke first.", [("Lorna Vell", "PERSON")], "Lorna Vell"),
        ("Moderator Abe Tull asked again.", [("Abe Tull", "PERSON")], "Abe Tull"),
        ("Public Advocate Rae Dunn sued.", [("Rae Dunn", "PERSON")], "Rae Dunn"),
        ("Journalist Ned Orr wrote it.", [("Ned Orr", "PERSON")], "Ned Orr"),
    ],
)
def test_a_capitalised_description_before_a_name_is_not_taken_in(text, spacy_ents, expected):
    # the words before the name are proper nouns to the tagger, as at a sentence start
    doc = entity_doc(text, spacy_ents, default_tag="NNP")
    assert found_entities(doc)[0] == (expected, "PERSON")
