"""The opening word of a sentence cut from a name the document writes without it
(entity_openers)."""

from __future__ import annotations

from entity_docs import entity_doc, found_entities


def test_an_opening_word_goes_when_the_name_recurs_without_it():
    doc = entity_doc(
        "Secret Tolvik State College files leak.\nA judge said Tolvik State College lost.",
        [("Secret Tolvik State College", "ORG"), ("Tolvik State College", "ORG")],
    )
    assert found_entities(doc) == [
        ("Tolvik State College", "ORG"),
        ("Tolvik State College", "ORG"),
    ]


def test_a_name_kept_whole_when_not_at_a_sentence_start_or_repeated_whole():
    # inside a sentence the capital is the name's own
    doc = entity_doc(
        "He left Upper Tolvik State College. Tolvik State College grew.",
        [("Upper Tolvik State College", "ORG"), ("Tolvik State College", "ORG")],
    )
    assert found_entities(doc)[0] == ("Upper Tolvik State College", "ORG")
    # the document writes the whole name again
    doc = entity_doc(
        "Upper Tolvik Rail runs. Tolvik Rail too. They use Upper Tolvik Rail.",
        [
            ("Upper Tolvik Rail", "ORG"),
            ("Tolvik Rail", "ORG"),
            ("Upper Tolvik Rail", "ORG"),
        ],
    )
    assert found_entities(doc)[0] == ("Upper Tolvik Rail", "ORG")
    # a one-word rest ("North" + "Korea") is left alone
    doc = entity_doc(
        "North Tolvik fired. Tolvik denied it.", [("North Tolvik", "GPE"), ("Tolvik", "GPE")]
    )
    assert found_entities(doc)[0] == ("North Tolvik", "GPE")


def test_the_period_of_a_title_or_an_initial_opens_no_sentence():
    # "Rep." and "J." end no sentence: the first name stays with the person
    doc = entity_doc(
        "The panel heard Rep. Marla Quist Venn today. Later Quist Venn left.",
        [("Marla Quist Venn", "PERSON"), ("Quist Venn", "PERSON")],
    )
    assert found_entities(doc)[0] == ("Marla Quist Venn", "PERSON")
    doc = entity_doc(
        "A note from Dora J. Lee Ann Brant came. Ann Brant wrote it.",
        [("Lee Ann Brant", "PERSON"), ("Ann Brant", "PERSON")],
    )
    assert found_entities(doc)[0] == ("Lee Ann Brant", "PERSON")
    # a real sentence end still cuts the opener
    doc = entity_doc(
        "They met. Secret Tolvik State College files leak. Tolvik State College lost.",
        [("Secret Tolvik State College", "ORG"), ("Tolvik State College", "ORG")],
    )
    assert found_entities(doc)[0] == ("Tolvik State College", "ORG")
