"""Claim rules of round 8: error classes first seen on HELD-OUT-R6 and TRAIN, each tested
on invented sentences."""

from __future__ import annotations

import pytest

from goldsmith.annotate.rules.claims import find_claims


def _claims(nlp, text: str) -> list[tuple]:
    return [(c.text, c.value, c.unit, c.qualifier) for c in find_claims(nlp(text))]


@pytest.mark.parametrize(
    "text",
    [
        "The county fair is still nearly a month away.",
        "With the runoff less than two weeks away, the mayor changed her staff.",
        "The launch is three years away, engineers say.",
    ],
)
def test_an_amount_of_time_away_says_when(nlp, text):
    assert _claims(nlp, text) == []


def test_a_distance_away_is_still_a_claim(nlp):
    assert _claims(nlp, "The depot sits five miles away from the river.") == [
        ("five miles", 5.0, "mile", "exact")
    ]


def test_hours_away_say_how_far(nlp):
    assert _claims(nlp, "They drove in from the coast, about four hours away.") == [
        ("about four hours", 4.0, "hour", "approx")
    ]


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        (
            "The governor leads her rival by 318 pledged delegates according to a tally by AP.",
            "318 pledged delegates",
            "delegate",
        ),
        (
            "The senator trails by 93 pledged delegates according to a count by the wire service.",
            "93 pledged delegates",
            "delegate",
        ),
        (
            "In the territory, 128 pledged delegates are at stake.",
            "128 pledged delegates",
            "delegate",
        ),
        ("She thanked her 60 laid-off workers at the plant.", "60 laid-off workers", "worker"),
    ],
)
def test_a_participle_before_the_counted_noun_is_a_modifier(nlp, text, span, unit):
    assert [(c.text, c.unit) for c in find_claims(nlp(text))] == [(span, unit)]


def test_a_number_that_is_the_subject_of_a_verb_keeps_its_elided_unit(nlp):
    found = find_claims(nlp("Of the group, 40 hired lawyers and 12 fired their agents."))
    assert [c.text for c in found] == ["40", "12"]


@pytest.mark.parametrize(
    ("text", "span", "value", "qualifier"),
    [
        ("About one in five adults smokes.", "About one in five", 0.2, "approx"),
        ("Nearly six out of 10 say roads got worse.", "Nearly six out of 10", 0.6, "approx"),
        ("Almost seven of 10 tenants want a new landlord.", "Almost seven of 10", 0.7, "approx"),
        ("One in four parents said they skip meals.", "One in four", 0.25, "exact"),
        ("Three out of five members voted no.", "Three out of five", 0.6, "exact"),
    ],
)
def test_a_share_of_a_small_whole_is_one_fraction_claim(nlp, text, span, value, qualifier):
    assert _claims(nlp, text)[0] == (span, value, "fraction", qualifier)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("In six of ten counties, turnout fell.", ["six", "ten counties"]),
        ("The rider finished 5 in 10 minutes.", []),
    ],
)
def test_counts_that_are_no_share_stay_as_they_were(nlp, text, spans):
    assert [c.text for c in find_claims(nlp(text))] == spans


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        (
            "The bill bundles a pair of related tax credits.",
            "a pair of related tax credits",
            2.0,
            "credit",
        ),
        ("A trio of senators wrote to the agency.", "A trio of senators", 3.0, "senator"),
    ],
)
def test_a_pair_or_a_trio_of_things_is_an_exact_count(nlp, text, span, value, unit):
    assert _claims(nlp, text) == [(span, value, unit, "exact")]


def test_a_pair_alone_counts_nothing(nlp):
    assert _claims(nlp, "The two of them make a pair.") == []


def test_a_count_right_after_a_persons_name_is_no_part_of_the_name(nlp):
    text = "The senator lost Utah badly, swept by Ortega 27 delegates to zero."
    assert [(c.text, c.unit) for c in find_claims(nlp(text))][0] == ("27 delegates", "delegate")


def test_a_tally_by_person_is_a_list_of_claims(nlp):
    text = "The current count is Mary Diaz 384, Sen. John Ruiz 300, Lee 151, and Patel 37."
    assert [c.text for c in find_claims(nlp(text))][:3] == ["384", "300", "151"]


@pytest.mark.parametrize("text", ["He watched Rocky 2 again.", "The crew of Apollo 13 came home."])
def test_a_number_in_a_title_after_a_name_stays_out(nlp, text):
    assert _claims(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "qualifier"),
    [
        (
            "The bank may lift its rate by a quarter of a percent.",
            "a quarter of a percent",
            0.25,
            "percent",
            "exact",
        ),
        (
            "She trailed by less than one-half of 1 percent.",
            "less than one-half of 1 percent",
            0.5,
            "percent",
            "less_than",
        ),
        ("Yields fell half a percentage point.", "half a percentage point", 0.5, "point", "exact"),
    ],
)
def test_a_fraction_of_one_percent_is_one_percent_claim(nlp, text, span, value, unit, qualifier):
    assert _claims(nlp, text) == [(span, value, unit, qualifier)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The chart lists the goalie at 6'4\" and 210 pounds.", "6'4\"", 76.0),
        (
            "He joked that she is \u201clike 5\u20193\u201d\u201d on a good day.",
            "5\u20193\u201d",
            63.0,
        ),
    ],
)
def test_a_height_in_feet_and_inches_is_inches(nlp, text, span, value):
    found = find_claims(nlp(text))
    assert (found[0].text, found[0].value, found[0].unit) == (span, value, "inch")


def test_a_number_noun_compound_in_a_title_case_headline_counts(nlp):
    text = "Mayor Fires Off A 6-Word Warning That Stuns The Council"
    assert _claims(nlp, text) == [("6-Word", 6.0, "word", "exact")]


@pytest.mark.parametrize(
    "text", ["Why The 7-Eleven On Main Street Closed", "The 3-D Movie Opens Friday Night"]
)
def test_names_glued_to_a_number_stay_out_of_headlines(nlp, text):
    assert _claims(nlp, text) == []


def test_an_elided_amount_repeating_a_written_count_takes_its_unit(nlp):
    text = (
        "A nominee needs 1,237 delegates to win. The governor has 650 donors.\n\n"
        "\u201cWe get to 1,237 in June,\u201d the manager said."
    )
    assert [(c.text, c.unit) for c in find_claims(nlp(text))] == [
        ("1,237 delegates", "delegate"),
        ("650 donors", "donor"),
        ("1,237", "delegate"),
    ]


def test_a_round_number_repeating_by_chance_takes_no_unit_from_it(nlp):
    text = "The club sold 300 tickets.\n\nAfter the storm, the shelter took in 300."
    assert [(c.text, c.unit) for c in find_claims(nlp(text))] == [
        ("300 tickets", "ticket"),
        ("300", "person"),
    ]
