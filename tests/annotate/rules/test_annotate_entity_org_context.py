"""Organisation names told by their form and by the words around them
(goldsmith.annotate.rules.entity_org_shapes and entity_org_context).

Each case builds a spaCy doc with hand-set entities and tags (a blank English tokenizer),
so the rule is tested on its own, whatever the statistical model would predict. The
sentences are made up; the names are invented.
"""

from __future__ import annotations

import pytest
from entity_docs import entity_doc
from spacy.tokens import Doc

from goldsmith.annotate.rules.entities import find_entities


def _doc(text: str, ents: list[tuple[str, str]], proper: str = "") -> Doc:
    """``text`` with its entities; the words of ``proper`` tagged as proper nouns, every
    other word as a common noun."""
    return entity_doc(text, ents, tags=dict.fromkeys(proper.split(), "NNP"), default_tag="NN")


def _found(text: str, ents: list[tuple[str, str]], proper: str = "") -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in find_entities(_doc(text, ents, proper))]


@pytest.mark.parametrize(
    ("text", "ents", "proper", "expected"),
    [
        (  # a common word capitalised at a line start is no name
            "Rain fell all day;\nCrowds stayed home.",
            [("Crowds", "ORG")],
            "",
            [],
        ),
        (  # a proper noun there stays
            "Rain fell all day;\nZinger stayed home.",
            [("Zinger", "ORG")],
            "Zinger",
            [("Zinger", "ORG")],
        ),
        (  # a word the document also writes mid-sentence stays
            "Crowds cheered. The Crowds band played.",
            [("Crowds", "ORG"), ("Crowds", "ORG")],
            "",
            [("Crowds", "ORG"), ("Crowds", "ORG")],
        ),
    ],
)
def test_common_words_at_sentence_starts(text, ents, proper, expected):
    assert _found(text, ents, proper) == expected


def test_an_org_never_runs_over_a_comma():
    text = "Later that day at the Harbor Trade Institute, Quist spoke."
    assert _found(text, [("Harbor Trade Institute, Quist", "ORG")], "Quist") == [
        ("Harbor Trade Institute", "ORG")
    ]


def test_dotted_acronyms_are_org_but_for_the_country():
    text = "The F.B.I. and the U.S.A. agreed."
    assert _found(text, [("F.B.I.", "GPE"), ("U.S.A.", "GPE")]) == [
        ("F.B.I.", "ORG"),
        ("U.S.A.", "GPE"),
    ]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Ruiz spoke to Harbor Business Network’s Maria Holm on Monday.",
            [("Harbor Business Network’s Maria Holm", "ORG")],
            [("Harbor Business Network", "ORG"), ("Maria Holm", "PERSON")],
        ),
        (
            "Ruiz spoke to KNVX's Dale Brant.",
            [("KNVX's Dale Brant", "ORG")],
            [("KNVX", "ORG"), ("Dale Brant", "PERSON")],
        ),
        (  # no organisation before the possessive: left alone
            "She works at Tolvik's Best Bakery.",
            [("Tolvik's Best Bakery", "ORG")],
            [("Tolvik's Best Bakery", "ORG")],
        ),
    ],
)
def test_possessive_inside_an_org_splits_off_the_person(text, ents, expected):
    assert _found(text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "proper", "expected"),
    [
        (  # a kind-of-organisation noun before the name
            "The gossip site Zinger set a trap.",
            [("Zinger", "LOC")],
            "Zinger",
            [("Zinger", "ORG")],
        ),
        (  # ... also where spaCy found nothing
            "The gossip site Zinger set a trap.",
            [],
            "Zinger",
            [("Zinger", "ORG")],
        ),
        (  # a noun only organisations have after a one-word name
            "She gained 2,000 Bluebird followers.",
            [("Bluebird", "PERSON")],
            "Bluebird",
            [("Bluebird", "ORG")],
        ),
        (  # ... but never after a person's name
            "Ann Varga thanked Varga employees.",
            [("Ann Varga", "PERSON"), ("Varga", "PERSON")],
            "Ann Varga",
            [("Ann Varga", "PERSON"), ("Varga", "PERSON")],
        ),
        (  # "told X": an outlet
            "Mara Quist told Zinger that she would run.",
            [("Mara Quist", "PERSON"), ("Zinger", "PERSON")],
            "Mara Quist Zinger",
            [("Mara Quist", "PERSON"), ("Zinger", "ORG")],
        ),
        (  # "wrote on X": a platform, at every mention
            "Quist wrote on Bluebird that she was tired. Bluebird said nothing.",
            [("Quist", "PERSON"), ("Bluebird", "PERSON"), ("Bluebird", "PERSON")],
            "Quist Bluebird",
            [("Quist", "PERSON"), ("Bluebird", "ORG"), ("Bluebird", "ORG")],
        ),
        (  # "an interview with X"
            "Quist said so in an interview with Zinger on Monday.",
            [("Quist", "PERSON"), ("Zinger", "GPE")],
            "Quist",
            [("Quist", "PERSON"), ("Zinger", "GPE")],
        ),
        (
            "Quist said so in an interview with Zinger on Monday.",
            [("Quist", "PERSON"), ("Zinger", "PERSON")],
            "Quist",
            [("Quist", "PERSON"), ("Zinger", "ORG")],
        ),
    ],
)
def test_org_by_the_words_around_it(text, ents, proper, expected):
    assert _found(text, ents, proper) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Yesterday Quist told host Dale Brant the news.",
            [("Quist", "PERSON"), ("Dale Brant", "ORG")],
            [("Quist", "PERSON"), ("Dale Brant", "PERSON")],
        ),
        (
            "The letter went to Channing D. Phelps on Friday.",
            [("Channing D. Phelps", "ORG")],
            [("Channing D. Phelps", "PERSON")],
        ),
        (  # an organisation word inside: stays ORG
            "She thanked rival Harbor Trust for the loan.",
            [("Harbor Trust", "ORG")],
            [("Harbor Trust", "ORG")],
        ),
        (  # a modifier of a title is no role: stays ORG
            "He was the former White House aide.",
            [("White House", "ORG")],
            [("White House", "ORG")],
        ),
        (  # "told X Y": a person
            "Later Quist told Dale Brant the news.",
            [("Quist", "PERSON"), ("Dale Brant", "ORG")],
            [("Quist", "PERSON"), ("Dale Brant", "PERSON")],
        ),
        (  # ... but not before a noun that says what organisation it is
            "Later Quist told Harbor Lights magazine the news.",
            [("Quist", "PERSON"), ("Harbor Lights", "ORG")],
            [("Quist", "PERSON"), ("Harbor Lights", "ORG")],
        ),
        (  # "an interview with X Y": a person
            "In an interview with Dale Brant on Monday, Quist said no.",
            [("Dale Brant", "ORG"), ("Quist", "PERSON")],
            [("Dale Brant", "PERSON"), ("Quist", "PERSON")],
        ),
        (  # ... unless an organisation word says otherwise
            "In an interview with Harbor News on Monday, Quist said no.",
            [("Harbor News", "ORG"), ("Quist", "PERSON")],
            [("Harbor News", "ORG"), ("Quist", "PERSON")],
        ),
        (  # a noun only people have after the name
            "Later the Quist campaign said no.",
            [("Quist", "ORG")],
            [("Quist", "PERSON")],
        ),
        (
            "Later Brant's aides said no.",
            [("Brant", "ORG")],
            [("Brant", "PERSON")],
        ),
        (  # ... but not after an organisation or a metonym
            "Later the Senate campaign began, and White House aides met.",
            [("Senate", "ORG"), ("White House", "ORG")],
            [("Senate", "ORG"), ("White House", "ORG")],
        ),
        (  # ... also joined by a slash
            "The Pike/Kim Lund ticket won.",
            [("Pike", "PERSON"), ("Kim Lund", "ORG")],
            [("Pike", "PERSON"), ("Kim Lund", "PERSON")],
        ),
        (  # listed with people
            "Wakes were held for Kim Lund, Ora Pike and Roy Dunn.",
            [("Kim Lund", "ORG"), ("Ora Pike", "PERSON"), ("Roy Dunn", "PERSON")],
            [("Kim Lund", "PERSON"), ("Ora Pike", "PERSON"), ("Roy Dunn", "PERSON")],
        ),
    ],
)
def test_person_names_labelled_org(text, ents, expected):
    assert _found(text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "proper", "expected"),
    [
        (
            "Harbor Freight Committee Chair Mara Quist said no.",
            [("Mara Quist", "PERSON")],
            "Harbor Freight Committee Mara Quist",
            [("Harbor Freight Committee", "ORG"), ("Mara Quist", "PERSON")],
        ),
        (  # one generic head word is no organisation name
            "Police Commissioner Roy Dunn said no.",
            [("Roy Dunn", "PERSON")],
            "Police Roy Dunn",
            [("Roy Dunn", "PERSON")],
        ),
    ],
)
def test_orgs_inside_titles(text, ents, proper, expected):
    assert _found(text, ents, proper) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (  # ORG more than twice as often: ORG at all mentions, the missed one added
            "Strasser said profits rose. Strasser cut jobs. Strasser hired. Ruiz met Strasser. "
            "Ruiz called Strasser greedy.",
            [
                ("Strasser", "ORG"),
                ("Strasser", "ORG"),
                ("Strasser", "ORG"),
                ("Ruiz", "PERSON"),
                ("Strasser", "GPE"),
            ],
            [
                ("Strasser", "ORG"),
                ("Strasser", "ORG"),
                ("Strasser", "ORG"),
                ("Ruiz", "PERSON"),
                ("Strasser", "ORG"),
                ("Strasser", "ORG"),
            ],
        ),
        (  # ... but a mention labelled PERSON stays one (a speaker may be that mention)
            "Strasser said profits rose. Strasser cut jobs. Strasser hired. Ruiz met Strasser.",
            [
                ("Strasser", "ORG"),
                ("Strasser", "ORG"),
                ("Strasser", "ORG"),
                ("Ruiz", "PERSON"),
                ("Strasser", "PERSON"),
            ],
            [
                ("Strasser", "ORG"),
                ("Strasser", "ORG"),
                ("Strasser", "ORG"),
                ("Ruiz", "PERSON"),
                ("Strasser", "PERSON"),
            ],
        ),
        (  # ... unless a word around a mention made the name an ORG
            "The Strasser workers left. Ruiz met Strasser.",
            [("Ruiz", "PERSON"), ("Strasser", "PERSON")],
            [("Strasser", "ORG"), ("Ruiz", "PERSON"), ("Strasser", "ORG")],
        ),
        (  # two ORG to one PERSON: left as found
            "Strasser said profits rose. Strasser cut jobs. Ruiz met Strasser.",
            [("Strasser", "ORG"), ("Strasser", "ORG"), ("Ruiz", "PERSON"), ("Strasser", "PERSON")],
            [("Strasser", "ORG"), ("Strasser", "ORG"), ("Ruiz", "PERSON"), ("Strasser", "PERSON")],
        ),
        (  # one ORG mention is not enough to add the others
            "The Pride parade was held. Ruiz spoke of Pride.",
            [("Pride", "ORG"), ("Ruiz", "PERSON")],
            [("Pride", "ORG"), ("Ruiz", "PERSON")],
        ),
        (  # a department word is not spread to other mentions (ANNOTATION_SPEC.md
            # section 4: "Treasury Secretary Jane Roe" has no ORG)
            "The Treasury paid. The Treasury lent. Ruiz met Treasury Secretary Al Poe.",
            [("Treasury", "ORG"), ("Treasury", "ORG"), ("Ruiz", "PERSON"), ("Al Poe", "PERSON")],
            [("Treasury", "ORG"), ("Treasury", "ORG"), ("Ruiz", "PERSON"), ("Al Poe", "PERSON")],
        ),
    ],
)
def test_one_org_name_one_label(text, ents, expected):
    assert _found(text, ents, proper="Strasser Pride Ruiz Treasury") == expected


@pytest.mark.parametrize(
    ("text", "ents", "proper", "expected"),
    [
        ("A super PAC paid for it.", [("PAC", "ORG")], "", []),
        (
            "Forward Now PAC paid for it, and Forward Now PAC paid again.",
            [("PAC", "ORG"), ("PAC", "ORG")],
            "Forward Now",
            [("Forward Now PAC", "ORG"), ("Forward Now PAC", "ORG")],
        ),
        (
            "The super PAC Forward Now paid for it.",
            [("PAC Forward Now", "ORG")],
            "Forward Now",
            [("Forward Now", "ORG")],
        ),
    ],
)
def test_pac_is_a_kind_of_organisation_not_a_name(text, ents, proper, expected):
    assert _found(text, ents, proper) == expected


def test_wall_street_is_an_org_but_not_inside_a_longer_name():
    text = "Investors on Wall Street read the Wall Street Journal."
    assert _found(text, []) == [("Wall Street", "ORG"), ("Wall Street Journal", "ORG")]


def test_a_common_acronym_of_a_thing_is_no_org():
    assert _found("She kept the DVD of the debate.", [("DVD", "ORG")]) == []


def test_a_person_ending_in_a_building_word_is_a_facility():
    text = "Protesters gathered outside Harbor Tower on Sunday."
    assert _found(text, [("Harbor Tower", "PERSON")], "Harbor Tower") == [("Harbor Tower", "FAC")]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("Later the NRA said no.", [("NRA", "GPE")], [("NRA", "ORG")]),
        ("Later the DPRK fired.", [("DPRK", "GPE")], [("DPRK", "GPE")]),
        ("Supporters of LGBT rights marched.", [("LGBT", "NORP")], []),
        ("Later the CEO spoke.", [("CEO", "NORP")], []),
        ("Later FDR spoke.", [("FDR", "PERSON")], [("FDR", "PERSON")]),
        ("Rain fell.\nOSLO — The mayor spoke.", [("OSLO", "GPE")], [("OSLO", "GPE")]),
        ("Later the Senate voted.", [("Senate", "PERSON")], [("Senate", "ORG")]),
    ],
)
def test_acronyms_and_org_heads_labelled_otherwise(text, ents, expected):
    assert _found(text, ents, proper="NRA DPRK OSLO Senate FDR") == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a role held in an organisation and "of" before a two-word "person"
        (
            "said Jo Ulm, director of Harbor Scribes and a writer.",
            [("Jo Ulm", "PERSON"), ("Harbor Scribes", "PERSON")],
            [("Jo Ulm", "PERSON"), ("Harbor Scribes", "ORG")],
        ),
        # a described group
        (
            "The advocacy group Mothers Speak held a vigil.",
            [("Mothers Speak", "PERSON")],
            [("Mothers Speak", "ORG")],
        ),
        # a possessive after the name: the person's campaign
        (
            "She was director of Jo Ulm’s campaign.",
            [("Jo Ulm", "PERSON")],
            [("Jo Ulm", "PERSON")],
        ),
        # the document names the person elsewhere
        (
            "He is a member of Dale Brant now. Dale Brant spoke.",
            [("Dale Brant", "PERSON"), ("Dale Brant", "PERSON")],
            [("Dale Brant", "PERSON"), ("Dale Brant", "PERSON")],
        ),
        # a place after a role and "of" stays a place
        (
            "She is president of Tolvik now.",
            [("Tolvik", "GPE")],
            [("Tolvik", "GPE")],
        ),
    ],
)
def test_a_person_after_a_role_of_or_a_group_is_an_org(text, ents, expected):
    doc = entity_doc(text, ents, pos={"advocacy": "NOUN"})
    assert [(e.text, e.label) for e in find_entities(doc)] == expected


def test_a_name_ending_in_an_organisation_head_is_no_event_or_building():
    doc = entity_doc(
        "Riders were barred by the World Anti-Fraud Agency today.",
        [("the World Anti-Fraud Agency", "EVENT")],
    )
    assert [(e.text, e.label) for e in find_entities(doc)] == [("World Anti-Fraud Agency", "ORG")]
    doc = entity_doc("It met at the Tolvik Harbor Authority.", [("Tolvik Harbor Authority", "FAC")])
    assert [(e.text, e.label) for e in find_entities(doc)] == [("Tolvik Harbor Authority", "ORG")]


def test_research_is_an_organisation_head_after_a_name():
    doc = entity_doc("A poll run with Dale Brant Research found a tie.", [("Dale Brant", "PERSON")])
    assert [(e.text, e.label) for e in find_entities(doc)] == [("Dale Brant Research", "ORG")]
