"""Entity rules of round 3 on real news: possessives inside names, sentences that are
not headlines, one label per place, account lines.

Each test builds its doc with a blank tokenizer and hand-set entities and tags, so the
rule is tested on its own; the sentences are made up.
"""

from __future__ import annotations

import pytest
from entity_docs import entity_doc, found_entities

from goldsmith.annotate.rules.entity_credits import credit_lines
from goldsmith.annotate.rules.entity_org_marks import org_marks
from goldsmith.annotate.rules.entity_places import same_places
from goldsmith.annotate.rules.headlines import is_title_case
from goldsmith.labels.records import Entity

_NNP = {w: "NNP" for w in ("Ann", "Varga", "Ohio", "Harlow", "Senate", "Poe")}


def test_a_person_ends_before_a_possessive_inside_it():
    text = "Ann Varga toured Ohio. Varga’s Ohio director spoke in Ohio."
    ents = [("Ann Varga", "PERSON"), ("Ohio", "GPE"), ("Varga’s Ohio", "PERSON"), ("Ohio", "GPE")]
    found = found_entities(entity_doc(text, ents, tags=_NNP))
    assert ("Varga", "PERSON") in found
    # the place after the possessive never becomes a person's name for the document
    assert [label for name, label in found if name == "Ohio"] == ["GPE", "GPE", "GPE"]


def test_an_org_ends_before_a_possessive_and_a_year():
    text = "Jo Poe hired him. He ran Poe’s 2012 campaign."
    found = found_entities(entity_doc(text, [("Jo Poe", "PERSON"), ("Poe’s 2012", "ORG")]))
    assert ("Poe’s 2012", "ORG") not in found
    assert found[1][0] == "Poe"


def test_a_possessive_before_a_longer_name_is_left_to_the_org_rules():
    text = "He met Acme’s Ann Varga."
    found = found_entities(entity_doc(text, [("Acme’s Ann Varga", "PERSON")]))
    assert ("Acme", "PERSON") not in found


def test_a_sentence_full_of_capitals_is_no_headline():
    line = (
        "HARLOW CITY, May 2 (Acme) — Count former Mexican President Ann Varga among Poe’s "
        "detractors."
    )
    assert is_title_case(line)  # by the shared share of capitals, yet a sentence
    text = f"Varga Faults Plan\n\n{line}\n\nVarga said no."
    ents = [("Varga", "PERSON"), ("Ann Varga", "PERSON"), ("Poe", "PERSON"), ("Varga", "PERSON")]
    found = found_entities(entity_doc(text, ents))
    assert ("Ann Varga", "PERSON") in found


def test_a_headline_name_the_body_does_not_write_is_still_cut():
    text = "Varga Praises Ferry Crew\n\nAnn Varga praised the crew. Varga said so."
    ents = [("Varga Praises", "PERSON"), ("Ann Varga", "PERSON"), ("Varga", "PERSON")]
    found = found_entities(entity_doc(text, ents))
    assert found[0] == ("Varga", "PERSON")


def test_a_place_named_mostly_as_a_place_is_a_place_everywhere():
    text = (
        "Harlow is small. Harlow grew. Harlow voted. After the Harlow attack, Harlow became "
        "his home. "
        "The Senate Harlow hearing ended."
    )
    ents = [
        ("Harlow", "GPE"),
        ("Harlow", "GPE"),
        ("Harlow", "GPE"),
        ("Harlow", "ORG"),
        ("Harlow", "PERSON"),
        ("Senate", "ORG"),
    ]
    found = found_entities(entity_doc(text, ents, tags=_NNP))
    assert [label for name, label in found if name == "Harlow"] == ["GPE"] * 6


def test_a_name_that_is_also_a_person_keeps_its_labels():
    found = [
        Entity(0, 6, "Harlow", "GPE"),
        Entity(10, 16, "Harlow", "GPE"),
        Entity(20, 26, "Harlow", "PERSON"),
    ]
    assert [e.label for e in same_places(found, "")] == ["GPE", "GPE", "PERSON"]


def test_a_proper_noun_run_is_not_taken_for_the_place():
    text = "Harlow grew. Harlow is big. Harlow Springs is near."
    ents = [("Harlow", "GPE"), ("Harlow", "GPE")]
    tags = {"Harlow": "NNP", "Springs": "NNP"}
    assert found_entities(entity_doc(text, ents, tags=tags)) == [("Harlow", "GPE")] * 2


def test_the_dateline_place_names_the_place():
    text = "Town Mourns Its Mayor\nHARLOW, Ohio — People met.\n\nThey said Harlow is safe."
    found = found_entities(entity_doc(text, [("Ohio", "GPE"), ("Harlow", "ORG")]))
    assert ("Harlow", "GPE") in found
    assert ("Harlow", "ORG") not in found


@pytest.mark.parametrize(
    "line",
    ["Follow Ann Varga on Chirper @annvarga.", "Chirper: @varga.", "Follow us on Chirper @acme"],
)
def test_an_account_line_is_boilerplate(line):
    text = f"Ann Varga spoke.\n\n{line}\n"
    assert credit_lines(text) == [(18, 18 + len(line))]
    found = found_entities(entity_doc(text, [("Ann Varga", "PERSON"), ("Chirper", "ORG")]))
    assert found == [("Ann Varga", "PERSON")]


@pytest.mark.parametrize(
    "line",
    [
        "She wrote to @varga on Monday and he replied.",
        "Varga: ‘We will win this race, @poe, and you know it.’",
    ],
)
def test_a_sentence_with_a_handle_is_no_account_line(line):
    assert credit_lines(f"Ann Varga spoke.\n\n{line}\n") == []


_ADJ = {"busy": "ADJ", "very": "ADV"}


@pytest.mark.parametrize(
    ("text", "spacy_ents", "expected"),
    [
        # modifiers of an amount of time are inside it
        ("It lasted for upwards of 10 days.", [("10 days", "DATE")], ["upwards of 10 days"]),
        (
            "They fought for over three decades.",
            [("three decades", "DATE")],
            ["over three decades"],
        ),
        ("We met over a year ago.", [("a year ago", "DATE")], ["over a year ago"]),
        ("Not a day later, he left.", [("a day later", "DATE")], ["Not a day later"]),
        ("It grew nearly two weeks.", [("two weeks", "DATE")], ["nearly two weeks"]),
        # "over" saying during stays out
        ("They add up to 90 over two years.", [("two years", "DATE")], ["two years"]),
        # a part of a time unit keeps its words
        (
            "They talk for the rest of the week.",
            [("the week", "DATE")],
            ["the rest of the week"],
        ),
        ("He met the rest of the 2020 field.", [("2020", "DATE")], ["2020"]),
        # a count after a plural time unit is cut
        (
            "It is due in the next few weeks 28 pages later.",
            [("next few weeks 28", "DATE")],
            ["next few weeks"],
        ),
        # recurring and vague times are no DATE
        ("Every year, a new group comes.", [("Every year", "DATE")], []),
        ("The mayor each fiscal year sets it.", [("each fiscal year", "DATE")], []),
        ("It can take in a year.", [("a year", "DATE")], []),
        ("This is a very busy week for us.", [("a very busy week", "DATE")], []),
        ("Poe began his day early.", [("day", "DATE")], []),
        ("Poe began his day early.", [("his day", "DATE")], []),
        ("I was lost in my 40s then.", [("40s", "DATE")], []),
        ("It has a population under 500 now.", [("under 500", "DATE")], []),
        ("It passed the Aid Act of 1990 then.", [("1990", "DATE")], []),
        # a year and a pinned-down week stay
        ("It happened in 1990 then.", [("1990", "DATE")], ["1990"]),
        ("It is a busy last week.", [("last week", "DATE")], ["last week"]),
    ],
)
def test_date_edges(text, spacy_ents, expected):
    found = found_entities(entity_doc(text, spacy_ents, pos=_ADJ))
    assert [name for name, label in found if label == "DATE"] == expected


def test_a_weekday_before_a_time_of_day_is_the_date():
    text = "She spoke in Harlow on Wednesday night."
    found = found_entities(entity_doc(text, [("Wednesday night", "TIME")]))
    assert found == [("Wednesday", "DATE")]


@pytest.mark.parametrize(
    "text",
    [
        "Only 2 FRB (Federal Rescue Bureau) agents came. Later FRB sent three.",
        "The Federal Rescue Bureau (FRB) came. Later FRB sent three.",
        "Only 2 RS (Bureau of Rescue Services) agents came. Later RS sent three.",
    ],
)
def test_a_defined_acronym_is_an_org_in_every_mention(text):
    short = "RS" if " RS " in text else "FRB"
    found = found_entities(entity_doc(text, []))
    assert [label for name, label in found if name == short] == ["ORG", "ORG"]


def test_an_acronym_beside_a_name_it_does_not_spell_is_left_alone():
    text = "Only 2 XY (Federal Rescue Bureau) agents came. Later XY sent three."
    assert not [name for name, _ in found_entities(entity_doc(text, []))]


@pytest.mark.parametrize(
    ("text", "spacy_ents", "expected"),
    [
        ("A Ruritanian-American doctor came.", [("Ruritanian", "NORP")], "Ruritanian-American"),
        (
            "She fights Mexican American critics.",
            [("Mexican", "NORP"), ("American", "NORP")],
            "Mexican American",
        ),
    ],
)
def test_two_nationalities_are_one_norp(text, spacy_ents, expected):
    assert found_entities(entity_doc(text, spacy_ents)) == [(expected, "NORP")]


def test_party_words_are_not_joined():
    text = "The Democratic Republican split grew."
    ents = [("Democratic", "NORP"), ("Republican", "NORP")]
    assert found_entities(entity_doc(text, ents)) == [
        ("Democratic", "NORP"),
        ("Republican", "NORP"),
    ]


def test_a_religion_and_the_tea_party_are_norp():
    text = "A strict strain of Islam grew. He was a tea party star, not of Tea Party Nation."
    found = found_entities(entity_doc(text, [("Islam", "ORG")]))
    assert ("Islam", "NORP") in found
    assert ("tea party", "NORP") in found
    assert ("Tea Party", "NORP") not in found


def test_one_word_ethnic_groups_are_norp_but_not_other_identity_groups():
    text = "They court the Latino vote and LGBT parents; the Latino Unity Fund paid."
    found = found_entities(entity_doc(text, [("LGBT", "ORG"), ("the Latino Unity Fund", "ORG")]))
    assert found == [("Latino", "NORP"), ("Latino Unity Fund", "ORG")]


@pytest.mark.parametrize(
    ("text", "spacy_ents", "expected"),
    [
        (
            "Jo Poe, director of Nurses for Clean Air, spoke.",
            [("Nurses", "NORP")],
            "Nurses for Clean Air",
        ),
        ("Farmers for Trade backed it.", [], "Farmers for Trade"),
    ],
)
def test_a_plural_for_a_name_is_a_group(text, spacy_ents, expected):
    assert (expected, "ORG") in found_entities(entity_doc(text, spacy_ents))


@pytest.mark.parametrize(
    ("text", "spacy_ents", "pos"),
    [
        ("It rallies Democrats for Jo Poe.", [("Democrats", "NORP"), ("Jo Poe", "PERSON")], {}),
        ("It is for Farmers for Ohio voters.", [("Ohio", "GPE")], {"voters": "NOUN"}),
    ],
)
def test_a_plural_for_a_person_or_before_a_noun_is_no_group(text, spacy_ents, pos):
    found = found_entities(entity_doc(text, spacy_ents, pos=pos))
    assert not [name for name, label in found if label == "ORG"]


def test_a_plural_for_a_time_is_no_group():
    found = found_entities(entity_doc("Democrats for Monday voted.", [("Democrats", "NORP")]))
    assert found == [("Democrats", "NORP")]


def test_a_name_before_a_role_set_off_by_a_comma_is_a_person():
    text = "It failed, said Jo O’Hara, chief strategist for the mayor."
    assert found_entities(entity_doc(text, [("Jo O’Hara", "ORG")])) == [("Jo O’Hara", "PERSON")]


def test_an_org_before_a_description_stays_an_org():
    text = "It failed, said Acme Harbor, a shipping firm."
    assert found_entities(entity_doc(text, [("Acme Harbor", "ORG")])) == [("Acme Harbor", "ORG")]


def test_a_known_person_tagged_as_a_common_noun_is_found():
    text = "Ann Varga spoke. Varga landed in Oslo."
    tags = {"Ann": "NNP", "Varga": "NN"}
    found = found_entities(entity_doc(text, [("Ann Varga", "PERSON")], tags=tags))
    assert found == [("Ann Varga", "PERSON"), ("Varga", "PERSON")]


def test_a_known_person_the_text_writes_in_lower_case_is_not_added():
    text = "Jo Young spoke. Young voters came, and the young left."
    tags = {"Jo": "NNP", "Young": "JJ"}
    found = found_entities(entity_doc(text, [("Jo Young", "PERSON")], tags=tags))
    assert found == [("Jo Young", "PERSON")]


@pytest.mark.parametrize(
    ("text", "spacy_ents", "expected"),
    [
        ("She told The Daily Ledger so.", [("Daily Ledger", "ORG")], ("The Daily Ledger", "ORG")),
        ("She told the Daily Ledger so.", [("Daily Ledger", "ORG")], ("Daily Ledger", "ORG")),
        ("Jo Poe Tells The Daily Ledger", [("Daily Ledger", "ORG")], ("Daily Ledger", "ORG")),
        # a newspaper called by its head word keeps "The", also at a sentence start
        ("It was first reported by The Post, she said.", [("Post", "ORG")], ("The Post", "ORG")),
        ("The Herald sued in May.", [("Herald", "ORG")], ("The Herald", "ORG")),
        # ... but another one-word name does not
        ("The Senate sued in May.", [("Senate", "ORG")], ("Senate", "ORG")),
        (
            "Factcheckr (which is new) checked it.",
            [("Factcheckr", "PERSON")],
            ("Factcheckr", "ORG"),
        ),
        (
            "Factcheckr, which is new, checked it.",
            [("Factcheckr", "PERSON")],
            ("Factcheckr", "ORG"),
        ),
    ],
)
def test_marks_around_an_org(text, spacy_ents, expected):
    assert expected in found_entities(entity_doc(text, spacy_ents))


def test_which_after_a_name_the_document_calls_a_person_stands_for_the_clause():
    text = "Mara Quist spoke. Voters lean to Quist, which is new. Factcheckr, which is old, agreed."
    found = org_marks(
        text,
        [
            Entity(0, 10, "Mara Quist", "PERSON"),
            Entity(33, 38, "Quist", "PERSON"),
            Entity(54, 64, "Factcheckr", "PERSON"),
        ],
    )
    assert [(e.text, e.label) for e in found] == [
        ("Mara Quist", "PERSON"),
        ("Quist", "PERSON"),
        ("Factcheckr", "ORG"),
    ]


def test_a_web_domain_belongs_to_the_org():
    text = "They posted a Chirper.com video."
    found = org_marks(text, [Entity(14, 21, "Chirper", "ORG")])
    assert [(e.text, e.label) for e in found] == [("Chirper.com", "ORG")]


def test_a_capitalised_domain_spacy_missed_is_an_org():
    text = "It sold on GearBazaar.com, then moved. Write to jo@gearbazaar.com or gearbazaar.com."
    found = org_marks(text, [])
    assert [(e.text, e.label) for e in found] == [("GearBazaar.com", "ORG")]


@pytest.mark.parametrize(
    ("text", "spacy_ents"),
    [
        ("These refugees COULD be anyone.", [("COULD", "ORG")]),
        ("SIGN UP FOR OUR NEWSLETTER today", [("NEWSLETTER", "ORG")]),
        ("She stars in the thriller “Harbormist,” and more.", [("Harbormist", "PERSON")]),
        ("‘Harbormist’ Star Speaks", [("Harbormist", "PERSON")]),
    ],
)
def test_shouting_and_quoted_titles_are_no_entities(text, spacy_ents):
    assert found_entities(entity_doc(text, spacy_ents)) == []


def test_a_quoted_possessive_and_an_acronym_stay():
    text = "He said ‘Varga’s plan works’ and NATO agreed."
    found = found_entities(entity_doc(text, [("Varga", "PERSON"), ("NATO", "ORG")]))
    assert found == [("Varga", "PERSON"), ("NATO", "ORG")]


def test_an_org_or_place_in_quotation_marks_stays():
    text = "He said “Acmeco” wrong, and 'Harlow' is a byword."
    found = found_entities(entity_doc(text, [("Acmeco", "ORG"), ("Harlow", "GPE")]))
    assert found == [("Acmeco", "ORG"), ("Harlow", "GPE")]


def test_a_person_found_by_the_org_rules_is_one_person_in_every_mention():
    text = "It failed, said Jo O’Hara, chief strategist for the mayor. Later O’Hara said no."
    tags = {"Jo": "NNP", "O’Hara": "NN"}
    found = found_entities(entity_doc(text, [("Jo O’Hara", "ORG")], tags=tags))
    assert found == [("Jo O’Hara", "PERSON"), ("O’Hara", "PERSON")]


def test_a_first_name_spacy_left_out_before_a_role_is_taken_in():
    text = "They met Ohio’s Kendal Ulm, a delegate from the north."
    assert found_entities(entity_doc(text, [("Ulm", "ORG")])) == [("Kendal Ulm", "PERSON")]


@pytest.mark.parametrize("opener", ["Though", "Although", "While", "Unless"])
def test_a_clause_opener_tagged_as_a_proper_noun_is_no_first_name(opener):
    text = f"{opener} Varga has said so, he voted no."
    doc = entity_doc(text, [("Varga", "PERSON")], tags={opener: "NNP", "Varga": "NNP"})
    assert found_entities(doc) == [("Varga", "PERSON")]


def test_a_first_name_tagged_as_a_proper_noun_is_still_taken_in():
    text = "Yesterday Lloyd Varga voted."
    doc = entity_doc(text, [("Varga", "PERSON")], tags={"Lloyd": "NNP", "Varga": "NNP"})
    assert found_entities(doc) == [("Lloyd Varga", "PERSON")]


def test_a_town_before_police_and_a_prize_name():
    found = found_entities(
        entity_doc(
            "Harlow police officer Jo Ulm spoke. The Harbor Arts Prize went to Al Poe.",
            [
                ("Harlow", "PERSON"),
                ("Jo Ulm", "PERSON"),
                ("The Harbor Arts Prize", "ORG"),
                ("Al Poe", "PERSON"),
            ],
        )
    )
    assert found == [("Harlow", "GPE"), ("Jo Ulm", "PERSON"), ("Al Poe", "PERSON")]
