"""Entity pre-annotation: spaCy entities mapped to the spec's labels and boundaries.

The truth table builds spaCy docs with hand-set entities (a blank English tokenizer),
so each rule is tested on its own, whatever the statistical model would predict.
"""

from __future__ import annotations

import pytest
from entity_docs import entity_doc, found_entities

from goldsmith.annotate.rules.entities import find_entities


@pytest.mark.parametrize(
    ("text", "spacy_ents", "expected"),
    [
        # titles and roles are outside a PERSON
        (
            "Defense Secretary Lloyd Austin spoke.",
            [("Defense Secretary Lloyd Austin", "PERSON")],
            [("Lloyd Austin", "PERSON")],
        ),
        (
            "Secretary of Defense Lloyd Austin spoke.",
            [("Secretary of Defense Lloyd Austin", "PERSON")],
            [("Lloyd Austin", "PERSON")],
        ),
        (
            "Security Advisor Mira Solberg spoke.",
            [("Advisor Mira Solberg", "PERSON")],
            [("Mira Solberg", "PERSON")],
        ),
        ("Then Mr. Kowalski left.", [("Mr. Kowalski", "PERSON")], [("Kowalski", "PERSON")]),
        ("Gen. Mara Tully arrived.", [("Gen. Mara Tully", "PERSON")], [("Mara Tully", "PERSON")]),
        (  # the role goes; the metonymic body in it is still an ORG
            "White House spokesman Tom Hale said so.",
            [("White House spokesman Tom Hale", "PERSON")],
            [("White House", "ORG"), ("Tom Hale", "PERSON")],
        ),
        (
            "President Ines Duarte won.",
            [("President Ines Duarte", "PERSON")],
            [("Ines Duarte", "PERSON")],
        ),
        # a department word of a title is not an entity of its own
        (
            "Defense Secretary Lloyd Austin spoke.",
            [("Defense", "ORG"), ("Lloyd Austin", "PERSON")],
            [("Lloyd Austin", "PERSON")],
        ),
        (
            "Secretary of Defense Lloyd Austin spoke.",
            [("Defense", "ORG"), ("Lloyd Austin", "PERSON")],
            [("Lloyd Austin", "PERSON")],
        ),
        # ... but a real body before a role stays
        (
            "White House spokesman Tom Hale said so.",
            [("White House", "ORG"), ("Tom Hale", "PERSON")],
            [("White House", "ORG"), ("Tom Hale", "PERSON")],
        ),
        # no possessive
        ("North Korea's army moved.", [("North Korea's", "GPE")], [("North Korea", "GPE")]),
        ("North Korea’s army moved.", [("North Korea’s", "GPE")], [("North Korea", "GPE")]),
        # no leading "the"
        (
            "The Federation of Port Workers agreed.",
            [("The Federation of Port Workers", "ORG")],
            [("Federation of Port Workers", "ORG")],
        ),
        (
            "They met the United Nations.",
            [("the United Nations", "ORG")],
            [("United Nations", "ORG")],
        ),
        ("He flew to The Hague.", [("The Hague", "GPE")], [("The Hague", "GPE")]),
        # DATE keeps its article
        (
            "It ends by the end of the year.",
            [("the end of the year", "DATE")],
            [("the end of the year", "DATE")],
        ),
        # direction adjectives are outside
        ("Troops entered eastern Russia.", [("eastern Russia", "GPE")], [("Russia", "GPE")]),
        ("Rain hit northern Chile.", [("northern Chile", "GPE")], [("Chile", "GPE")]),
        # metonymic government bodies are ORG
        ("The Pentagon said no.", [("The Pentagon", "FAC")], [("Pentagon", "ORG")]),
        ("The White House said no.", [("White House", "FAC")], [("White House", "ORG")]),
        ("The Kremlin said no.", [("Kremlin", "GPE")], [("Kremlin", "ORG")]),
        ("Seoul said no.", [("Seoul", "GPE")], [("Seoul", "GPE")]),
        # a metonym spaCy missed is added
        ("Officials at the Kremlin said no.", [], [("Kremlin", "ORG")]),
        # labels outside the spec are dropped
        ("They paid 300 dollars.", [("300 dollars", "MONEY")], []),
        ("About 3,000 soldiers.", [("3,000", "CARDINAL")], []),
        ("It rose 7 percent.", [("7 percent", "PERCENT")], []),
        ("She read War and Peace.", [("War and Peace", "WORK_OF_ART")], []),
        ("The first step.", [("first", "ORDINAL")], []),
        # punctuation at the edges is trimmed
        ("He went to Oslo.", [("Oslo.", "GPE")], [("Oslo", "GPE")]),
        ('She praised "Nordhavn" twice.', [('"Nordhavn"', "ORG")], [("Nordhavn", "ORG")]),
        # a name left without a capital letter is dropped
        ("The defense ministry said no.", [("defense ministry", "ORG")], []),
        # a title right before a name makes it a person, whatever spaCy said
        ("Premier Marcus Dole spoke.", [("Marcus Dole", "ORG")], [("Marcus Dole", "PERSON")]),
        (
            "Premier Marcus Dole spoke.",
            [("Premier Marcus Dole", "ORG")],
            [("Marcus Dole", "PERSON")],
        ),
        (
            "The Prime Minister's Office said.",
            [("Minister's Office", "ORG")],
            [("Minister's Office", "ORG")],
        ),
        (  # a possessive typed with the opening quotation mark
            "The Harbor Party‘s nominee won.",
            [("Harbor Party‘s", "ORG")],
            [("Harbor Party", "ORG")],
        ),
        # an entity never runs over a line break
        (
            "At the Berlin Marathon\n\nBERLIN —",
            [("Berlin Marathon\n\nBERLIN", "EVENT")],
            [("Berlin Marathon", "EVENT")],
        ),
        (
            "She told BBC Radio 4:\n\nSteel",
            [("BBC Radio 4:\n\nSteel", "ORG")],
            [("BBC Radio 4", "ORG")],
        ),
        # trailing lower-case words are outside a name
        ("Floods hit the Atacama region.", [("Atacama region", "GPE")], [("Atacama", "GPE")]),
        # words before a date are outside it; a bare number is no date
        ("It was restored only last year.", [("only last year", "DATE")], [("last year", "DATE")]),
        ("It was between 65 and 72 percent.", [("between 65", "DATE")], []),
        ("It opened in 1998.", [("1998", "DATE")], [("1998", "DATE")]),
        # spec labels pass through unchanged
        (
            "Norwegian troops reached Finnmark on Wednesday.",
            [("Norwegian", "NORP"), ("Finnmark", "GPE"), ("Wednesday", "DATE")],
            [("Norwegian", "NORP"), ("Finnmark", "GPE"), ("Wednesday", "DATE")],
        ),
    ],
)
def test_boundary_rules(text, spacy_ents, expected):
    assert found_entities(entity_doc(text, spacy_ents)) == expected


def test_first_name_left_out_by_spacy_is_taken_in():
    doc = entity_doc(
        "Secretary of Defense Lloyd J. Austin III spoke.",
        [("J. Austin III", "PERSON")],
        tags={"Lloyd": "NNP"},
    )
    assert found_entities(doc) == [("Lloyd J. Austin III", "PERSON")]


def test_first_name_is_not_taken_in_across_a_title():
    doc = entity_doc("Secretary Austin spoke.", [("Austin", "PERSON")], tags={"Secretary": "NNP"})
    assert found_entities(doc) == [("Austin", "PERSON")]


def test_a_legislative_title_is_not_taken_in():
    doc = entity_doc(
        "said House Minority Whip Jo Ulm today.",
        [("House", "ORG"), ("Jo Ulm", "PERSON")],
        tags={"Minority": "NNP", "Whip": "NNP"},
    )
    assert found_entities(doc) == [("House", "ORG"), ("Jo Ulm", "PERSON")]
    doc = entity_doc("Majority Whip Jo Ulm left.", [("Majority Whip Jo Ulm", "PERSON")])
    assert found_entities(doc) == [("Jo Ulm", "PERSON")]


def test_offsets_point_at_the_text_and_score_is_none():
    text = "“Eastern” Ukraine’s allies met the Pentagon’s envoy in eastern Russia."
    doc = entity_doc(
        text, [("Ukraine’s", "GPE"), ("the Pentagon’s", "FAC"), ("eastern Russia", "GPE")]
    )
    found = find_entities(doc)
    assert [e.text for e in found] == ["Ukraine", "Pentagon", "Russia"]
    for entity in found:
        assert text[entity.start : entity.end] == entity.text
        assert entity.score is None


def test_entities_are_sorted():
    doc = entity_doc("Oslo and Bergen.", [("Oslo", "GPE"), ("Bergen", "GPE")])
    found = find_entities(doc)
    assert [e.start for e in found] == sorted(e.start for e in found)


def test_real_model_applies_the_title_rule(nlp):
    found = found_entities(
        nlp("Defense Secretary Lloyd Austin met reporters in Rome on Wednesday.")
    )
    assert ("Lloyd Austin", "PERSON") in found
    assert not any(text == "Defense" for text, _ in found)


def test_real_model_possessive_and_metonym(nlp):
    found = found_entities(nlp("The Pentagon said North Korea's troops moved to eastern Russia."))
    assert found == [("Pentagon", "ORG"), ("North Korea", "GPE"), ("Russia", "GPE")]


@pytest.mark.parametrize(
    ("text", "spacy_ents", "expected"),
    [
        # a place in capitals opening the first paragraph is a GPE dateline
        (
            "Harbor strike widens\n\nVALMORA, Estland \u2014 Dockers walked out.",
            [("VALMORA", "ORG"), ("Estland", "GPE")],
            [("VALMORA", "GPE"), ("Estland", "GPE")],
        ),
        (
            "Deal near\n\nTHE HAGUE \u2014 Talks went on.",
            [],
            [("THE HAGUE", "GPE")],
        ),
        # the headline itself is no dateline, nor is an all-capitals line
        ("NORDLAND, THE LAST FRONTIER \u2014 A FILM\n\nIt rained.", [], []),
        # one person, one label: surname mentions follow the full name
        (
            "Faith Odhiambo won. Later Odhiambo said so.",
            [("Faith Odhiambo", "PERSON"), ("Odhiambo", "ORG")],
            [("Faith Odhiambo", "PERSON"), ("Odhiambo", "PERSON")],
        ),
        # a one-word name also written in lower case is a common noun
        (
            "Wildfire forces evacuations. The wildfire grew.",
            [("Wildfire", "PERSON")],
            [],
        ),
    ],
)
def test_document_rules(text, spacy_ents, expected):
    assert found_entities(entity_doc(text, spacy_ents)) == expected


def test_missed_surname_is_added_when_tagged_as_proper_noun():
    text = "Faith Odhiambo won. Odhiambo said so."
    doc = entity_doc(text, [("Faith Odhiambo", "PERSON")], tags={"Odhiambo": "NNP"})
    assert found_entities(doc) == [("Faith Odhiambo", "PERSON"), ("Odhiambo", "PERSON")]


def test_missed_surname_is_not_added_without_the_tag():
    doc = entity_doc("Faith Odhiambo won. Odhiambo said so.", [("Faith Odhiambo", "PERSON")])
    assert found_entities(doc) == [("Faith Odhiambo", "PERSON")]


# -- news outlets and platforms are ORG (issue 11) ------------------------------------------


@pytest.mark.parametrize(
    ("text", "spacy_ents", "expected"),
    [
        # missed by the model: added
        ("She posted it on Twitter late on Monday.", [], [("Twitter", "ORG")]),
        ("A USA TODAY poll found a tie.", [], [("USA TODAY", "ORG")]),
        # mislabelled by the model: relabelled
        ("Reuters reported the deal.", [("Reuters", "PERSON")], [("Reuters", "ORG")]),
        # the start of a longer name or a title is left alone
        ("He appeared on Fox News Sunday twice.", [], []),
    ],
)
def test_media_names_are_org(text, spacy_ents, expected):
    found = find_entities(entity_doc(text, spacy_ents))
    assert [(e.text, e.label) for e in found] == expected


# -- title-case headlines checked against the body (issue 11) -------------------------------


@pytest.mark.parametrize(
    ("text", "spacy_ents", "expected"),
    [
        (  # a verb and a common noun taken into a name: cut to the name the body uses
            "Ruiz Addresses Pier Fire\nAna Ruiz spoke on Monday. Ruiz was calm.",
            [("Ruiz Addresses Pier Fire", "ORG"), ("Ana Ruiz", "PERSON"), ("Ruiz", "PERSON")],
            [("Ruiz", "PERSON"), ("Ana Ruiz", "PERSON"), ("Ruiz", "PERSON")],
        ),
        (  # the body writes it in lower case: a common noun phrase
            "Ferry Program Up For Renewal\nThe ferry program ends in May.",
            [("Ferry Program", "ORG")],
            [],
        ),
        (  # a possessive first word
            "Ruiz Wins Galway’s Mayoral Race\nRuiz won in Galway on Sunday.",
            [("Galway’s Mayoral Race", "ORG"), ("Galway", "GPE")],
            [("Galway", "GPE"), ("Galway", "GPE")],
        ),
        (  # a name the body writes the same way is kept
            "Harbor Board Meets\nThe Harbor Board met on Monday.",
            [("Harbor Board", "ORG"), ("Harbor Board", "ORG")],
            [("Harbor Board", "ORG"), ("Harbor Board", "ORG")],
        ),
    ],
)
def test_headline_names_checked_against_the_body(text, spacy_ents, expected):
    found = find_entities(entity_doc(text, spacy_ents))
    assert [(e.text, e.label) for e in found] == expected
