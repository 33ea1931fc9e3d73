"""Claim forms of real news: tallies, fractions, ratios, ages, referential and figurative
numbers, units of elided amounts (issue 11; decisions in docs/spec-decisions.md)."""

from __future__ import annotations

import pytest

from goldsmith.annotate.rules.claim_forms import read_fraction, read_ratio, tally_parts
from goldsmith.annotate.rules.claims import find_claims


def _claims(nlp, text: str) -> list[tuple]:
    return [(c.text, c.value, c.unit, c.qualifier) for c in find_claims(nlp(text))]


# -- tallies ------------------------------------------------------------------------------


def test_tally_token_is_split_into_two_percents():
    assert tally_parts("58%-37") == ((0, 3, 58.0), (4, 6, 37.0))
    assert tally_parts("58-37") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Voters backed the levy 58%-37% in the county survey.",
            [("58%", 58.0, "percent", "exact"), ("37%", 37.0, "percent", "exact")],
        ),
        (
            "Renters were split on the plan (44%-49%) last spring.",
            [("44%", 44.0, "percent", "exact"), ("49%", 49.0, "percent", "exact")],
        ),
    ],
)
def test_percent_tallies_are_two_exact_claims(nlp, text, expected):
    assert _claims(nlp, text) == expected


# -- fractions ----------------------------------------------------------------------------


def test_read_fraction_needs_of_or_a_determiner():
    assert read_fraction(["two", "-", "thirds", "of"], 0) == (3, 0.667)
    assert read_fraction(["a", "quarter", "of"], 0) == (2, 0.25)
    assert read_fraction(["half", "the"], 0) == (1, 0.5)
    assert read_fraction(["half", "."], 0) is None
    assert read_fraction(["the", "first", "half", "of"], 2) is None
    assert read_fraction(["a", "third", "of", "a", "mile"], 0) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The storm closed half of the county's bridges.",
            [("half", 0.5, "fraction", "exact")],
        ),
        (
            "More than half of the tenants signed the letter.",
            [("More than half", 0.5, "fraction", "more_than")],
        ),
        (
            "As many as two-thirds of the members may leave, and a quarter of them already did.",
            [
                ("As many as two-thirds", 0.667, "fraction", "at_most"),
                ("a quarter", 0.25, "fraction", "exact"),
            ],
        ),
        (
            "Nearly three-fourths of the orchards burned.",
            [("Nearly three-fourths", 0.75, "fraction", "approx")],
        ),
    ],
)
def test_fractions_have_unit_fraction_and_a_fraction_value(nlp, text, expected):
    assert _claims(nlp, text) == expected


def test_half_of_a_period_is_not_a_fraction_claim(nlp):
    assert _claims(nlp, "Sales slowed in the second half of the year.") == []


# -- ratios -------------------------------------------------------------------------------


def test_read_ratio_only_after_by():
    assert read_ratio(["3", "-", "1"], 0, "by") == (3, 3.0)
    assert read_ratio(["3", "-", "1"], 0, "won") is None
    assert read_ratio(["3", "-", "2"], 0, "by") is None


def test_margin_after_by_is_a_ratio(nlp):
    text = "By nearly 3-1, residents of the valley back the new park."
    assert _claims(nlp, text) == [("nearly 3-1", 3.0, "ratio", "approx")]


def test_a_score_is_still_not_a_claim(nlp):
    assert _claims(nlp, "The visitors won 3-1 on Saturday.") == []


# -- ages ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The firefighter, Dana Smith, 41, said the roof fell.", ("41", 41.0)),
        ("A 52-year-old nurse from the valley was hired.", ("52-year", 52.0)),
        ("The driver, aged 61, was unhurt.", ("61", 61.0)),
        ("Her father is 80 years old and still farms.", ("80 years", 80.0)),
        ("The mayor turned 66 on Sunday.", ("66", 66.0)),
    ],
)
def test_ages_are_claims_in_years(nlp, text, expected):
    assert _claims(nlp, text) == [(*expected, "year", "exact")]


def test_age_range_in_years(nlp):
    found = find_claims(nlp("A survey of those 18 to 35 years old was released."))
    assert [(c.text, c.value, c.value_high, c.unit, c.qualifier) for c in found] == [
        ("18 to 35 years", 18.0, 35.0, "year", "range")
    ]


def test_number_after_a_name_and_comma_that_continues_is_not_an_age(nlp):
    assert _claims(nlp, "The deed gave Dana Smith, 41 acres of pasture.") == [
        ("41 acres", 41.0, "acre", "exact")
    ]


# -- not claims: pointing back, descriptions, figures of speech -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The last two storms hit the coast hard.",
        "The previous three floods were worse.",
        "The mill is one of the region's two largest employers.",
        "The plan may win over one or more of these donors.",
        "She said he would hit back 10 times harder.",
        "The film offers a three-dimensional view of the city.",
        "I am 100% convinced that the bridge is safe.",
        "The law bans the procedure after 20 weeks.",
        "Just three hours later, the judge ruled.",
    ],
)
def test_not_claims(nlp, text):
    assert _claims(nlp, text) == []


def test_after_a_qualified_duration_says_how_long(nlp):
    text = "She retired after more than 30 years at the mill."
    assert _claims(nlp, text) == [("more than 30 years", 30.0, "year", "more_than")]


def test_compound_modifier_after_the_is_a_claim(nlp):
    text = "The three-day festival opened and the 40-member choir sang."
    assert _claims(nlp, text) == [
        ("three-day", 3.0, "day", "exact"),
        ("40-member", 40.0, "member", "exact"),
    ]


def test_only_one_counts(nlp):
    assert _claims(nlp, "Only one poll was taken before the vote.") == [
        ("one poll", 1.0, "poll", "exact")
    ]


# -- units --------------------------------------------------------------------------------


def test_percentage_points_have_unit_point(nlp):
    assert _claims(nlp, "She led by roughly 12 percentage points.") == [
        ("roughly 12 percentage points", 12.0, "point", "approx")
    ]


def test_elided_amount_joined_to_the_one_before_takes_its_unit(nlp):
    text = "The mayor drew 13 percentage points from the left and 7 from the right."
    assert _claims(nlp, text) == [
        ("13 percentage points", 13.0, "point", "exact"),
        ("7", 7.0, "point", "exact"),
    ]


# -- qualifiers, vague amounts, ranges ------------------------------------------------------


def test_qualifier_across_non_breaking_spaces(nlp):
    text = "The page reached almost\u00a014\u00a0million readers."
    assert _claims(nlp, text) == [
        ("almost\u00a014\u00a0million readers", 14000000.0, "reader", "approx")
    ]


def test_near_is_approx(nlp):
    assert _claims(nlp, "Temperatures hovered near 100 degrees in the valley.") == [
        ("near 100 degrees", 100.0, "degree", "approx")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A couple dozen bankers earn more than the teachers.",
            ("A couple dozen bankers", 24.0, "banker", "approx"),
        ),
        (
            "He said a couple of things I disliked.",
            ("a couple of things", 2.0, "thing", "approx"),
        ),
    ],
)
def test_a_couple_is_about_two(nlp, text, expected):
    assert _claims(nlp, text) == [expected]


def test_consecutive_numbers_joined_by_or_are_a_range(nlp):
    found = find_claims(nlp("The repairs will take four or five months."))
    assert [(c.text, c.value, c.value_high, c.unit, c.qualifier) for c in found] == [
        ("four or five months", 4.0, 5.0, "month", "range")
    ]


def test_day_of_a_month_glued_to_markup_is_not_a_claim(nlp):
    assert _claims(nlp, 'She posted <post post-date="March 28, 2016">Hi</post> today.') == []


def test_repeat_with_a_new_modifier_is_a_claim(nlp):
    text = "He needs 1,237 delegates. He must win 60 percent of the 1,237 outstanding delegates."
    assert [c[0] for c in _claims(nlp, text)] == [
        "1,237 delegates",
        "60 percent",
        "1,237 outstanding delegates",
    ]


def test_superlative_after_a_curly_possessive_is_a_description(nlp):
    assert _claims(nlp, "The group includes the nation\u2019s two largest unions.") == []


# -- units of elided amounts ---------------------------------------------------------------


def test_nominalised_participle_after_the_is_the_head(nlp):
    text = "Twenty-three of the 53 wounded stayed in hospital, six in critical condition."
    assert _claims(nlp, text) == [
        ("Twenty-three", 23.0, "person", "exact"),
        ("53 wounded", 53.0, "person", "exact"),
        ("six", 6.0, "person", "exact"),
    ]


def test_participle_as_a_verb_stays_outside_the_span(nlp):
    text = "Police said 84 were killed and roughly 200 wounded."
    assert [c[0] for c in _claims(nlp, text)] == ["84", "roughly 200"]


def test_partitive_takes_the_unit_of_the_number_after_of(nlp):
    text = "Now, he says, at least seven of the state's 44 delegates have signed on."
    assert _claims(nlp, text)[0] == ("at least seven", 7.0, "delegate", "at_least")


def test_amount_nouns_are_not_units(nlp):
    text = "Ten marchers came at dawn. By noon, the group's numbers had swelled to several hundred."
    assert _claims(nlp, text)[-1] == ("several hundred", 100.0, "marcher", "more_than")


def test_those_over_a_number_is_an_age(nlp):
    assert _claims(nlp, "Those over 60 say they feel that way.") == [
        ("over 60", 60.0, "year", "more_than")
    ]
