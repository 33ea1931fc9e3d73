"""Claim forms and non-claims found on real news outside the tuning set (issue 11):
qualified "a month", hyphenated fractions, ages, glued units, rate denominators and
coordinated years."""

from __future__ import annotations

import pytest

from goldsmith.annotate.rules.claims import find_claims


def _claims(nlp, text: str) -> list[tuple]:
    return [(c.text, c.value, c.unit, c.qualifier) for c in find_claims(nlp(text))]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "The strike has lasted more than a month now.",
            ("more than a month", 1.0, "month", "more_than"),
        ),
        ("The pier stood empty for nearly a decade.", ("nearly a decade", 1.0, "decade", "approx")),
        ("The repair took less than an hour.", ("less than an hour", 1.0, "hour", "less_than")),
    ],
)
def test_qualified_a_unit_of_time_is_one(nlp, text: str, claim: tuple) -> None:
    assert _claims(nlp, text) == [claim]


@pytest.mark.parametrize(
    "text",
    ["The ferry sank over a year ago.", "A month later, the ferry sank.", "It rained for a week."],
)
def test_unqualified_or_past_a_unit_of_time_is_no_claim(nlp, text: str) -> None:
    assert _claims(nlp, text) == []


def test_hyphenated_fraction_before_any_word(nlp) -> None:
    assert _claims(nlp, "Ridership is down three-quarters from its peak.") == [
        ("three-quarters", 0.75, "fraction", "exact")
    ]


def test_hyphenated_quarters_of_the_year_stay_a_fraction_only_before_of(nlp) -> None:
    # "three quarters" written apart is still read as a count of quarters
    assert _claims(nlp, "Profits fell for three quarters in a row.")[0][2] == "quarter"


def test_age_written_n_year_old_without_second_hyphen(nlp) -> None:
    assert ("1-year", 1.0, "year", "exact") in _claims(nlp, "She has a 1-year old son.")


def test_apposed_age_after_a_surname_spacy_calls_an_org(nlp) -> None:
    found = _claims(nlp, "Marquez, 31, is accused of fraud.")
    assert found == [("31", 31.0, "year", "exact")]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Cups over 16ounces were banned.", ("over 16ounces", 16.0, "ounce", "more_than")),
        ("The trail runs 12km along the river.", ("12km", 12.0, "kilometer", "exact")),
    ],
)
def test_unit_glued_to_the_digits(nlp, text: str, claim: tuple) -> None:
    assert _claims(nlp, text) == [claim]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("There were 7 thefts for every 1,000 residents.", "7 thefts"),
        ("The clinic reported 3 cases per 10,000 people.", "3 cases"),
    ],
)
def test_denominator_of_a_rate_is_no_claim(nlp, text: str, claim: str) -> None:
    assert [c[0] for c in _claims(nlp, text)] == [claim]


def test_coordinated_years_before_a_plural_noun_are_years(nlp) -> None:
    assert _claims(nlp, "She spoke at the 1996 and 2000 conventions.") == []


def test_every_two_years_stays_a_claim(nlp) -> None:
    assert [c[0] for c in _claims(nlp, "The board is elected every two years.")] == ["two years"]


def test_range_with_a_qualifier_on_its_upper_end(nlp) -> None:
    found = find_claims(nlp("Tickets cost $40 to more than $90 at the door."))
    assert [(c.text, c.value, c.value_high, c.qualifier) for c in found] == [
        ("$40 to more than $90", 40.0, 90.0, "range")
    ]


def test_the_past_two_things_point_back(nlp) -> None:
    assert _claims(nlp, "Turnout fell in the past two elections.") == []


def test_a_duration_after_an_order_word_stays_a_claim(nlp) -> None:
    assert [c[0] for c in _claims(nlp, "Sales rose in the first 10 months of the year.")] == [
        "10 months"
    ]


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        (
            "Nurses favored Okafor 46 percent to 32 percent in the survey.",
            ["46 percent", "32 percent"],
        ),
        (
            "Her rating is underwater (30 percent to 60 percent) this spring.",
            ["30 percent", "60 percent"],
        ),
    ],
)
def test_poll_tally_written_with_both_units_is_two_claims(nlp, text: str, claims: list) -> None:
    assert [c[0] for c in _claims(nlp, text)] == claims


def test_percent_range_written_with_one_unit_stays_a_range(nlp) -> None:
    found = find_claims(nlp("Prices may rise 20 to 30 percent next year."))
    assert [(c.text, c.value, c.value_high) for c in found] == [("20 to 30 percent", 20.0, 30.0)]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The mayor has a net rating of -11 points.", ("-11 points", -11.0, "point", "exact")),
        ("The senator sits at +32 points.", ("+32 points", 32.0, "point", "exact")),
    ],
)
def test_signed_number(nlp, text: str, claim: tuple) -> None:
    assert _claims(nlp, text) == [claim]


def test_margin_after_a_verb_of_outdoing_is_a_ratio(nlp) -> None:
    assert _claims(nlp, "Her backers were outspending his 5-1 by April.") == [
        ("5-1", 5.0, "ratio", "exact")
    ]
    assert _claims(nlp, "The Cubs won 5-1 on Sunday.") == []


def test_plural_group_name_tagged_singular_is_counted(nlp) -> None:
    found = _claims(nlp, "The station reaches the estimated 55 million Latinos who live here.")
    assert found == [("estimated 55 million Latinos", 55e6, "latino", "approx")]


def test_street_number_is_no_claim(nlp) -> None:
    assert _claims(nlp, "Send gifts to 200 Maple Avenue, Springfield.") == []


def test_future_in_n_years_hanging_off_a_noun_says_when(nlp) -> None:
    assert _claims(nlp, "Renters will become a majority in 25 years, he said.") == []


def test_number_before_most_and_an_adjective_is_a_description(nlp) -> None:
    assert _claims(nlp, "It made the magazine's 50 most valuable brands.") == []


def test_only_one_across_a_non_breaking_space(nlp) -> None:
    assert _claims(nlp, "Police found only\u00a0one man at the mall.") == [
        ("one man", 1.0, "man", "exact")
    ]


def test_ascending_tally_written_with_both_units_is_two_claims(nlp) -> None:
    assert [c[0] for c in _claims(nlp, "She lost the county 36 percent to 51 percent.")] == [
        "36 percent",
        "51 percent",
    ]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Turnout fell among voters under age 30.", ("under age 30", 30.0, "year", "less_than")),
        ("It leads among voters 65 and older.", ("65 and older", 65.0, "year", "at_least")),
    ],
)
def test_age_thresholds(nlp, text: str, claim: tuple) -> None:
    assert _claims(nlp, text) == [claim]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Nearly a third, 31 percent, said no.", ("Nearly a third", 0.333, "fraction", "approx")),
        ("More than half said they would wait.", ("More than half", 0.5, "fraction", "more_than")),
    ],
)
def test_qualified_share_standing_alone(nlp, text: str, claim: tuple) -> None:
    assert _claims(nlp, text)[0] == claim


def test_bucks_are_dollars(nlp) -> None:
    assert _claims(nlp, "Some nights I only make 30 bucks.") == [
        ("30 bucks", 30.0, "dollar", "exact")
    ]


def test_number_ending_a_campaign_name_after_for(nlp) -> None:
    assert _claims(nlp, "Workers from the Fight for 15 Movement marched.") == []


def test_photo_gallery_counter_is_no_claim(nlp) -> None:
    text = "See the photos below:\n\n1.\n\nof.\n\n12.\n\nName: Ana Ruiz"
    assert _claims(nlp, text) == []


def test_time_set_off_by_spaced_hyphens_says_when(nlp) -> None:
    text = "In June 2014 - three weeks after the mayor resigned - the council met."
    assert _claims(nlp, text) == []


def test_poll_table_answer_after_no_is_a_share(nlp) -> None:
    text = "Should the fee be cut?\n\nNo    58%.\n\nYes    33%."
    assert [c[0] for c in _claims(nlp, text)] == ["58%", "33%"]
    assert _claims(nlp, "The bill was No. 19 on the list.") == []
