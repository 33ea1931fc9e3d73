"""Claim classes found on the real-news articles held out in rounds 1-2 (issue 11, round 3):
hyphenated scale words and compounds, multipliers, "100 percent" of assent, qualifiers of
phrasal verbs, amounts that say when, names ending in a number word, spread ranges and
units named around an elided count. Every sentence is made up."""

from __future__ import annotations

import pytest

from goldsmith.annotate.rules.claims import find_claims


def _claims(nlp, text: str) -> list[tuple]:
    return [(c.text, c.value, c.unit, c.qualifier) for c in find_claims(nlp(text))]


def _texts(nlp, text: str) -> list[str]:
    return [c.text for c in find_claims(nlp(text))]


# -- hyphenated scale words and compounds ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "The storm cut power to six-million homes.",
            ("six-million homes", 6_000_000.0, "home", "exact"),
        ),
        (
            "She toured nearly two-dozen villages in May.",
            ("nearly two-dozen villages", 24.0, "village", "approx"),
        ),
        (
            "The bus was meant to make a half-dozen more stops.",
            ("a half-dozen more stops", 6.0, "stop", "exact"),
        ),
        ("They closed half a dozen piers.", ("half a dozen piers", 6.0, "pier", "exact")),
    ],
)
def test_number_word_hyphenated_to_a_scale_word(nlp, text: str, claim: tuple) -> None:
    assert _claims(nlp, text) == [claim]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The 12-stop rail line opened.", ("12-stop", 12.0, "stop", "exact")),
        (
            "After a 9-straight-day strike, the port reopened.",
            ("9-straight-day", 9.0, "day", "exact"),
        ),
        (
            "They bought the 2.5-square-mile island.",
            ("2.5-square-mile", 2.5, "square mile", "exact"),
        ),
        ("The fire burned 40 square miles.", ("40 square miles", 40.0, "square mile", "exact")),
    ],
)
def test_hyphen_compound_units(nlp, text: str, claim: tuple) -> None:
    assert _claims(nlp, text) == [claim]


def test_a_hyphen_compound_after_after_is_not_a_time_that_says_when(nlp) -> None:
    found = _claims(nlp, "The prize is named after 91-year Senator Ada Holm, who won it.")
    assert found == [("91-year", 91.0, "year", "exact")]


@pytest.mark.parametrize(
    "text", ["The two-time champion retired.", "She is a three-times winner of the race."]
)
def test_n_time_is_a_multiplier_not_a_claim(nlp, text: str) -> None:
    assert _claims(nlp, text) == []


# -- "100 percent" ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'The mayor said she "backs the harbor chief 100 percent," and left.',
        "I agree with the council 100 percent.",
        'He said he "trusts Ana Ruiz 100 percent."',
        "Will the port pay for it? One-hundred percent.",
    ],
)
def test_100_percent_of_assent_is_not_a_claim(nlp, text: str) -> None:
    assert _claims(nlp, text) == []


@pytest.mark.parametrize(
    "text", ["Ferry fares rose 100 percent last year.", "The city owns 100 percent of the port."]
)
def test_100_percent_as_an_amount_stays_a_claim(nlp, text: str) -> None:
    assert _texts(nlp, text) == ["100 percent"]


# -- qualifiers ------------------------------------------------------------------------------


def test_up_to_of_the_verb_add_up_to_is_no_qualifier(nlp) -> None:
    assert _claims(nlp, "The repairs add up to $4 million this year.") == [
        ("$4 million", 4_000_000.0, "dollar", "exact")
    ]


def test_up_to_alone_stays_at_most(nlp) -> None:
    assert _claims(nlp, "The ferry can carry up to 300 cars.")[0][3] == "at_most"


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "The pier stood for over three decades.",
            ("over three decades", 3.0, "decade", "more_than"),
        ),
        (
            "It was the first strike in over two years.",
            ("over two years", 2.0, "year", "more_than"),
        ),
        (
            "He may have paid no rent for as long as 12 years.",
            ("as long as 12 years", 12.0, "year", "at_most"),
        ),
    ],
)
def test_qualifiers_of_durations(nlp, text: str, claim: tuple) -> None:
    assert _claims(nlp, text) == [claim]


def test_over_a_duration_opening_a_sentence_still_means_during(nlp) -> None:
    assert _claims(nlp, "Over two years, the harbor grew.") == [("two years", 2.0, "year", "exact")]


# -- amounts that say when -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In a memo dated May 3, 2019 \u2014\u00a0five months before the vote \u2014 Ana wrote.",
        "\u201cTwo weeks before the fatal 2019 crash at the pier, the ferry was inspected.\u201d",
        "Bringing the ferry back three years later, she said, was a risk.",
        "Nine stops later, mostly along the coast, the tour ended.",
    ],
)
def test_amount_that_says_when_is_not_a_claim(nlp, text: str) -> None:
    assert _claims(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The talks stalled for nearly five years before resuming.", "nearly five years"),
        ("He visited nine stops later in the week.", "nine stops"),
    ],
)
def test_amount_after_a_verb_stays_a_claim(nlp, text: str, claim: str) -> None:
    assert _texts(nlp, text) == [claim]


# -- names and idioms ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ['She defended the "Gang of Six" plan.', "The Gang of Six voted against the bill."],
)
def test_number_word_ending_a_name_after_of(nlp, text: str) -> None:
    assert _claims(nlp, text) == []


def test_at_one_point_is_a_moment(nlp) -> None:
    assert _texts(nlp, "At one point, the lead shrank to one point.") == ["one point"]


# -- ranges and elided units ------------------------------------------------------------------


def test_ranges_from_a_to_b_is_a_range(nlp) -> None:
    found = find_claims(nlp("Estimates of the crowd range from 4,000 to 9,000 people."))
    assert [(c.text, c.value, c.value_high, c.qualifier) for c in found] == [
        ("4,000 to 9,000 people", 4000.0, 9000.0, "range")
    ]


def test_from_a_to_b_after_a_verb_of_change_stays_two_claims(nlp) -> None:
    assert _texts(nlp, "The cap was raised from 4,000 to 9,000 boats.") == ["4,000", "9,000 boats"]


def test_listed_amounts_take_the_unit_of_the_last(nlp) -> None:
    found = _claims(nlp, "The port is not buying 100, 200 or 250 new ferries.")
    assert [(c[0], c[2]) for c in found] == [
        ("100", "ferry"),
        ("200", "ferry"),
        ("250 new ferries", "ferry"),
    ]


def test_the_number_of_things_names_what_a_bare_amount_counts(nlp) -> None:
    found = _claims(nlp, "The harbor raised the number of berths it rents, from 70 to 85.")
    assert [(c[0], c[2]) for c in found] == [("70", "berth"), ("85", "berth")]


def test_population_and_home_to_count_people(nlp) -> None:
    found = _claims(nlp, "Dunmore, a village with a population under 500, and Kell, home to 300.")
    assert found == [
        ("under 500", 500.0, "person", "less_than"),
        ("300", 300.0, "person", "exact"),
    ]


def test_an_elided_count_with_a_named_unit_is_an_antecedent(nlp) -> None:
    text = "The port raised the number of berths it rents, from 70 to 85. Next year, 100 will be."
    assert [c[2] for c in _claims(nlp, text)] == ["berth", "berth", "berth"]


# -- the counted noun phrase -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "Tax cuts help 3 million low- and middle-income families.",
            ("3 million low- and middle-income families", 3_000_000.0, "family", "exact"),
        ),
        (
            "They sent only 4 FAA (Federal Aviation Administration) inspectors to the site.",
            ("4 FAA (Federal Aviation Administration) inspectors", 4.0, "inspector", "exact"),
        ),
    ],
)
def test_noun_phrase_runs_over_suspended_hyphens_and_a_bracketed_aside(
    nlp, text: str, claim: tuple
) -> None:
    assert _claims(nlp, text) == [claim]


# -- fractions, possessives, "all of an hour" ---------------------------------------------


def test_hyphenated_one_fraction_before_a_verb_and_a_ranked_share(nlp) -> None:
    text = "The middle one-third paid 9 percent, and the bottom fifth of earners paid 1 percent."
    assert [(c[0], c[1], c[2]) for c in _claims(nlp, text)] == [
        ("one-third", 0.333, "fraction"),
        ("9 percent", 9.0, "percent"),
        ("fifth", 0.2, "fraction"),
        ("1 percent", 1.0, "percent"),
    ]


@pytest.mark.parametrize(
    "text", ["She won the third quarter.", "The first half of the year was slow."]
)
def test_ordinals_stay_no_fraction(nlp, text: str) -> None:
    assert _claims(nlp, text) == []


def test_possessive_and_a_small_number_first_mention_is_a_count(nlp) -> None:
    found = _claims(nlp, "He thanked his wife, their three daughters and his two sisters.")
    assert [c[0] for c in found] == ["three daughters", "two sisters"]


@pytest.mark.parametrize(
    "text",
    [
        "Both villages voted. It was a good day for our two villages.",
        "Talks between our two nations resumed.",
        "Voters fault their two leading candidates.",
    ],
)
def test_possessive_and_a_small_number_pointing_at_known_things(nlp, text: str) -> None:
    assert _claims(nlp, text) == []


def test_all_of_an_hour_is_one_hour(nlp) -> None:
    assert _claims(nlp, "She spent all of an hour at the pier.") == [
        ("an hour", 1.0, "hour", "exact")
    ]


def test_all_of_a_sudden_is_no_claim(nlp) -> None:
    assert _claims(nlp, "All of a sudden it rained.") == []


# -- margins, particles, bounds, ages, "one" held ------------------------------------------


def test_plus_or_minus_is_a_margin_not_a_sign(nlp) -> None:
    found = _claims(nlp, "The margin of error is plus or minus 3.4 percentage points.")
    assert found == [("3.4 percentage points", 3.4, "point", "exact")]


def test_minus_alone_keeps_its_sign(nlp) -> None:
    assert _claims(nlp, "It was minus 5 degrees at dawn.")[0][1] == -5.0


def test_a_verb_particle_is_no_qualifier(nlp) -> None:
    found = _claims(nlp, "Wealthy donors handed over $25 million last month.")
    assert found == [("$25 million", 25_000_000.0, "dollar", "exact")]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "The deficit would surpass $1 trillion next year.",
            ("$1 trillion", 1e12, "dollar", "more_than"),
        ),
        ("Flu cases in Ohio eclipse the 600 mark.", ("600", 600.0, "case", "more_than")),
    ],
)
def test_object_of_a_verb_of_surpassing_is_more_than(nlp, text: str, claim: tuple) -> None:
    assert _claims(nlp, text) == [claim]


def test_reaching_an_amount_stays_exact(nlp) -> None:
    assert _claims(nlp, "Flu cases reached 600 on Monday.")[0][3] == "exact"


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("She was 92.", ("92", 92.0, "year", "exact")),
        ("He was 45 when he left the port.", ("45", 45.0, "year", "exact")),
        ("Ada Holm, a harbor pilot, dies at 88; obituary.", ("88", 88.0, "year", "exact")),
    ],
)
def test_age_a_person_is_or_dies_at(nlp, text: str, claim: tuple) -> None:
    assert _claims(nlp, text) == [claim]


def test_a_score_that_is_a_number_is_no_age(nlp) -> None:
    assert _claims(nlp, "The final score was 92.") == []


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Together they had one child, a son.", "one child"),
        ("The blast left one person dead.", "one person"),
    ],
)
def test_one_held_or_left_is_a_count(nlp, text: str, claim: str) -> None:
    assert _texts(nlp, text) == [claim]


@pytest.mark.parametrize("text", ["One study found it.", "She left one job for another."])
def test_other_unqualified_one_stays_out(nlp, text: str) -> None:
    assert _claims(nlp, text) == []
