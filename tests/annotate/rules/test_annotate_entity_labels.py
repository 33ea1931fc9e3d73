"""Entity label rules: US states written short, events, facilities, organisations.

spaCy docs are built with a blank tokenizer and hand-set entities (and, where a rule
reads them, parts of speech), so each rule is tested on its own.
"""

from __future__ import annotations

import pytest
from entity_docs import entity_doc, found_entities


@pytest.mark.parametrize(
    ("text", "spacy_ents", "expected"),
    [
        # the state of a party-state tag is a GPE, the party letter is not annotated
        (
            "Sen. Ann Roe (D-Ore.) objected.",
            [("Ann Roe", "PERSON")],
            [("Ann Roe", "PERSON"), ("Ore.", "GPE")],
        ),
        # West Virginia's short forms
        (
            "Sen. Ann Roe (D-W-Va.) and Sen. Al Poe (R-W.Va.) objected.",
            [("Ann Roe", "PERSON"), ("Al Poe", "PERSON")],
            [("Ann Roe", "PERSON"), ("W-Va.", "GPE"), ("Al Poe", "PERSON"), ("W.Va.", "GPE")],
        ),
        # "D.C." after a GPE belongs to it
        (
            "It hangs in Washington D.C. and in Tolvik, D.C., too.",
            [("Washington", "GPE"), ("D.C.", "GPE"), ("Tolvik", "GPE"), ("D.C.", "GPE")],
            [("Washington D.C.", "GPE"), ("Tolvik, D.C.", "GPE")],
        ),
        (
            "Rep. Al Poe (R-TX) agreed.",
            [("Al Poe", "PERSON"), ("R-TX", "ORG")],
            [("Al Poe", "PERSON"), ("TX", "GPE")],
        ),
        (
            "Rep. Al Poe, R-Wis., agreed.",
            [("Al Poe", "PERSON")],
            [("Al Poe", "PERSON"), ("Wis.", "GPE")],
        ),
        (
            "Sen. Jo Fry (I-N.Y.) left.",
            [("Jo Fry", "PERSON")],
            [("Jo Fry", "PERSON"), ("N.Y.", "GPE")],
        ),
        # not a tag: a hyphenated word after a comma, a plain bracket
        ("On D-Day, troops landed.", [("D-Day", "DATE")], [("D-Day", "DATE")]),
        ("The (X-Men) film.", [], []),
        # a postal code is a GPE whatever spaCy said
        (
            "A champion for AZ, not DC.",
            [("AZ", "ORG"), ("DC", "GPE")],
            [("AZ", "GPE"), ("DC", "GPE")],
        ),
    ],
)
def test_states_written_short(text, spacy_ents, expected):
    assert found_entities(entity_doc(text, spacy_ents)) == expected


def test_a_state_abbreviation_keeps_its_full_stop():
    # the tokenizer splits the stop off "Wyo." and "Tex." as punctuation
    doc = entity_doc(
        "She spoke in Tolvik, Wyo., on Monday, with Sen. Al Poe (Tex.) and Mo Lee.",
        [("Tolvik", "GPE"), ("Wyo", "GPE"), ("Al Poe", "PERSON"), ("Tex", "GPE")],
    )
    assert found_entities(doc) == [
        ("Tolvik", "GPE"),
        ("Wyo.", "GPE"),
        ("Al Poe", "PERSON"),
        ("Tex.", "GPE"),
    ]
    # a sentence's full stop after a place that is no abbreviation stays out
    doc = entity_doc("They flew to Tolvik.", [("Tolvik", "GPE")])
    assert found_entities(doc) == [("Tolvik", "GPE")]


@pytest.mark.parametrize(
    ("text", "spacy_ents", "expected"),
    [
        # names joined by a slash are two names
        (
            "An Acme News/Tolvik Ledger poll found it.",
            [("Acme News/Tolvik Ledger", "ORG")],
            [("Acme News", "ORG"), ("Tolvik Ledger", "ORG")],
        ),
        # capitalised words ending in an organisation head belong to the name
        ("She works for Bellmore News now.", [("Bellmore", "PERSON")], [("Bellmore News", "ORG")]),
        (
            "He chairs the Lake County Party Executive Committee there.",
            [("Lake County", "GPE"), ("Party", "ORG")],
            [("Lake County Party Executive Committee", "ORG")],
        ),
        ("The Tolvik Post said.", [("Tolvik", "GPE")], [("Tolvik Post", "ORG")]),
        # ... but not words that end in no head
        (
            "He is Tolvik Political Editor.",
            [("Tolvik", "GPE")],
            [("Tolvik", "GPE")],
        ),
        # a party word before an organisation head is one ORG, before a legislature two
        ("The Islamic State claimed it.", [("Islamic", "NORP")], [("Islamic State", "ORG")]),
        (
            "The Democratic Party met.",
            [("Democratic", "NORP")],
            [("Democratic Party", "ORG")],
        ),
        (
            "The Republican Congress voted.",
            [("Republican Congress", "ORG")],
            [("Republican", "NORP"), ("Congress", "ORG")],
        ),
        # event heads
        (
            "Delegates left the Republican National Convention early.",
            [("Republican National Convention", "ORG")],
            [("Republican National Convention", "EVENT")],
        ),
        (
            "He watched Super Bowl 50 at home.",
            [("Super Bowl", "EVENT")],
            [("Super Bowl 50", "EVENT")],
        ),
        (
            "The Great Debate Debate drags on.",
            [("Great Debate Debate", "FAC")],
            [("Great Debate Debate", "EVENT")],
        ),
        # facility heads; an organisation word inside keeps an ORG
        (
            "Crowds filled the Harbor Bank Center.",
            [("Harbor Bank Center", "ORG")],
            [("Harbor Bank Center", "FAC")],
        ),
        (
            "The Tolvik Research Center said.",
            [("Tolvik Research Center", "ORG")],
            [("Tolvik Research Center", "ORG")],
        ),
        ("They marched to Mill Street.", [("Mill Street", "GPE")], [("Mill Street", "FAC")]),
        ("They live in Menlo Park.", [("Menlo Park", "GPE")], [("Menlo Park", "GPE")]),
        ("They met at Tolvik Airport.", [("Tolvik Airport", "ORG")], [("Tolvik Airport", "FAC")]),
        # a facility noun after an ORG makes it a FAC
        ("Shots rang out at the Lumen nightclub.", [("Lumen", "ORG")], [("Lumen", "FAC")]),
        ("Near the Arcadia shopping mall.", [("Arcadia", "ORG")], [("Arcadia", "FAC")]),
        # a programme is no ORG, at any mention
        ("The QX-9 program grew. QX-9 funds flowed.", [("QX-9", "ORG"), ("QX-9", "ORG")], []),
        ("Visa Program Up for Renewal", [("Visa Program", "ORG")], []),
        # a place, a nationality or a person has no digits
        ("They split 76%-21%.", [("76%-21", "GPE")], []),
        # a law, a treaty and the parties of a court case are no entities
        ("Under the U.S. Constitution, it is.", [("U.S. Constitution", "EVENT")], []),
        ("The Clean Harbors Act passed.", [("Clean Harbors Act", "ORG")], []),
        ("They cited Roe v. Wade often.", [("Roe", "PERSON"), ("Wade", "ORG")], []),
        # department words before "departments" are no entities
        (
            "A bill funds the Commerce and Justice departments.",
            [("Commerce", "ORG"), ("Justice", "ORG")],
            [],
        ),
        ("Neither do I. Fine.", [("I.", "ORG")], []),
        # a name never runs into a handle or markup
        (
            "A question from Acme’s @jroe</tweet>.",
            [("Acme’s @jroe</tweet>", "ORG")],
            [("Acme", "ORG")],
        ),
        # two organisations joined by "at"
        (
            "She heads the Lee Institute of Politics at Tolvik University today.",
            [("Lee Institute of Politics at Tolvik University", "ORG")],
            [("Lee Institute of Politics", "ORG"), ("Tolvik University", "ORG")],
        ),
        # an organisation head followed by a person's name
        (
            "At the summit, Acme News Jane Roe asked.",
            [("Acme News Jane Roe", "ORG")],
            [("Acme News", "ORG"), ("Jane Roe", "PERSON")],
        ),
        # a place before a media noun is a publication
        ("He told Tolvik magazine so.", [("Tolvik", "GPE")], [("Tolvik", "ORG")]),
    ],
)
def test_labels_by_how_a_name_is_built(text, spacy_ents, expected):
    assert found_entities(entity_doc(text, spacy_ents)) == expected


def test_a_place_and_a_plural_proper_noun_are_a_team():
    doc = entity_doc("The Tolvik Rovers won.", [("Tolvik", "GPE")], tags={"Rovers": "NNPS"})
    assert found_entities(doc) == [("Tolvik Rovers", "ORG")]
    doc = entity_doc("The Tolvik Rovers won.", [("Tolvik", "GPE")])
    assert found_entities(doc) == [("Tolvik", "GPE")]


@pytest.mark.parametrize(
    ("text", "spacy_ents", "expected"),
    [
        # a news agency in a dateline
        (
            "Storm hits coast\n\nTOLVIK, May 3 (Nordpress) — Rain fell.",
            [("TOLVIK", "GPE"), ("May 3", "DATE"), ("Nordpress", "NORP")],
            [("TOLVIK", "GPE"), ("May 3", "DATE"), ("Nordpress", "ORG")],
        ),
        # pollsters before "poll"/"survey"
        (
            "A Daily Ledger/Tolvik University poll found it.",
            [],
            [("Daily Ledger", "ORG"), ("Tolvik University", "ORG")],
        ),
        (
            "A new Ledger/Speak the Truth survey of voters.",
            [],
            [("Ledger", "ORG"), ("Speak the Truth", "ORG")],
        ),
        ("A Norvale poll found it.", [("Norvale", "PERSON")], [("Norvale", "ORG")]),
        # a capitalised function word before "the" opens the sentence, not the name
        ("In the Norvale poll, it led.", [("Norvale", "ORG")], [("Norvale", "ORG")]),
        ("At the Ledger survey it fell.", [], [("Ledger", "ORG")]),
        # ... but a place, a party word or a month before "poll" stays what it is
        ("A Tolvik poll found it.", [("Tolvik", "GPE")], [("Tolvik", "GPE")]),
        ("A June poll found it.", [("June", "DATE")], [("June", "DATE")]),
        # an acronym spaCy left out in running text is an ORG ...
        ("Later the DOJ sued the state.", [], [("DOJ", "ORG")]),
        # ... but not a common acronym, a run of capitals or a handle
        ("The CEO said no.", [], []),
        ("MAKE TOLVIK GREAT AGAIN, he said.", [], []),
        ("He wrote to @NRA on Monday.", [], []),
    ],
)
def test_missed_organisations(text, spacy_ents, expected):
    assert found_entities(entity_doc(text, spacy_ents)) == expected


def test_person_labels_follow_the_document():
    # a one-word PERSON that opens a longer ORG is that organisation
    doc = entity_doc(
        "Bellmore News hired him. Bellmore said so.",
        [("Bellmore News", "ORG"), ("Bellmore", "PERSON")],
    )
    assert found_entities(doc) == [("Bellmore News", "ORG"), ("Bellmore", "ORG")]
    # ... unless it is a person's last name
    doc = entity_doc(
        "Ann Bellmore spoke. Bellmore News hired her. Bellmore said so.",
        [("Ann Bellmore", "PERSON"), ("Bellmore News", "ORG"), ("Bellmore", "PERSON")],
    )
    assert found_entities(doc)[-1] == ("Bellmore", "PERSON")
    # a name the document mostly labels PERSON is a PERSON everywhere
    doc = entity_doc(
        "Varga spoke. Varga left. Varga's aide came.",
        [("Varga", "PERSON"), ("Varga", "PERSON"), ("Varga", "ORG")],
    )
    assert found_entities(doc) == [("Varga", "PERSON")] * 3


def test_a_dateline_in_capitals_stays_a_place():
    doc = entity_doc("Storm hits coast\n\nTOLVIK — Rain fell on the DOJ.", [])
    assert found_entities(doc) == [("TOLVIK", "GPE"), ("DOJ", "ORG")]


def test_a_place_before_caucuses_is_one_event_but_a_primary_stays_a_place():
    doc = entity_doc(
        "Poe won the Tolvik caucuses and lost the Harlow primary.",
        [("Poe", "PERSON"), ("Tolvik", "GPE"), ("Harlow", "GPE")],
    )
    assert found_entities(doc) == [
        ("Poe", "PERSON"),
        ("Tolvik caucuses", "EVENT"),
        ("Harlow", "GPE"),
    ]
