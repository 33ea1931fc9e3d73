"""Numeric-claim pre-annotator: spans, values, units, qualifiers, ranges and non-claims."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goldsmith.annotate.rules.claims import find_claims
from goldsmith.labels.schema import QUALIFIERS


def _claims(nlp, text: str) -> list[tuple]:
    return [(c.text, c.value, c.unit, c.qualifier) for c in find_claims(nlp(text))]


def _one(nlp, text: str):
    found = find_claims(nlp(text))
    assert len(found) == 1, found
    return found[0]


# -- qualifiers: every listed phrase ------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [
        ("about", "approx"),
        ("around", "approx"),
        ("approximately", "approx"),
        ("roughly", "approx"),
        ("an estimated", "approx"),
        ("some", "approx"),
        ("nearly", "approx"),
        ("almost", "approx"),
        ("at least", "at_least"),
        ("no fewer than", "at_least"),
        ("a minimum of", "at_least"),
        ("more than", "more_than"),
        ("over", "more_than"),
        ("upwards of", "more_than"),
        ("in excess of", "more_than"),
        ("exceeding", "more_than"),
        ("at most", "at_most"),
        ("up to", "at_most"),
        ("as many as", "at_most"),
        ("no more than", "at_most"),
        ("less than", "less_than"),
        ("fewer than", "less_than"),
        ("under", "less_than"),
    ],
)
def test_each_qualifier_phrase_starts_the_span(nlp, phrase, qualifier):
    text = f"The harbor authority said {phrase} 4,200 fishing boats stayed in port."
    claim = _one(nlp, text)
    assert claim.text == f"{phrase} 4,200 fishing boats"
    assert (claim.value, claim.unit, claim.qualifier) == (4200, "boat", qualifier)


def test_no_qualifier_is_exact(nlp):
    assert _claims(nlp, "Rescuers pulled 37 miners from the shaft.") == [
        ("37 miners", 37, "miner", "exact")
    ]


@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        ("The fund paid 300 families or more last winter.", "300 families or more", "at_least"),
        ("The club has 900 members or so.", "900 members or so", "approx"),
    ],
)
def test_qualifiers_written_after_the_number(nlp, text, span, qualifier):
    claim = _one(nlp, text)
    assert (claim.text, claim.qualifier) == (span, qualifier)


# -- spans, values and units ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials counted 2,500 Danish cyclists on Sunday.",
            ("2,500 Danish cyclists", 2500, "cyclist", "exact"),
        ),
        (
            "The ferry carried three hundred passengers.",
            ("three hundred passengers", 300, "passenger", "exact"),
        ),
        (
            "Twenty-five volunteers repainted the school.",
            ("Twenty-five volunteers", 25, "volunteer", "exact"),
        ),
        ("The bakery sold a dozen loaves.", ("a dozen loaves", 12, "loaf", "exact")),
        ("The shelter took in seven puppies.", ("seven puppies", 7, "puppy", "exact")),
        ("The city planted 1.5 million trees.", ("1.5 million trees", 1_500_000, "tree", "exact")),
        ("Organizers expect 2 billion viewers.", ("2 billion viewers", 2e9, "viewer", "exact")),
        ("Thousands of fans lined the route.", ("Thousands of fans", 1000, "fan", "more_than")),
        (
            "The storm cut power to millions of homes.",
            ("millions of homes", 1_000_000, "home", "more_than"),
        ),
        ("Hundreds of volunteers came.", ("Hundreds of volunteers", 100, "volunteer", "more_than")),
        ("Dozens of boats capsized.", ("Dozens of boats", 12, "boat", "more_than")),
        ("The hospital treated 14 people overnight.", ("14 people", 14, "person", "exact")),
        ("Heavy rain flooded 80 houses of the old quarter.", ("80 houses", 80, "house", "exact")),
    ],
)
def test_counts_span_number_to_head_noun(nlp, text, expected):
    assert _claims(nlp, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turnout rose to 12% this year.", ("12%", 12, "percent", "exact")),
        ("Turnout rose to 12 percent.", ("12 percent", 12, "percent", "exact")),
        ("Turnout rose to 12 per cent.", ("12 per cent", 12, "percent", "exact")),
        (
            "Support fell by 4.5 percentage points.",
            ("4.5 percentage points", 4.5, "point", "exact"),
        ),
    ],
)
def test_percentages(nlp, text, expected):
    assert _claims(nlp, text) == [expected]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("The bridge will cost $2.4 billion to build.", "$2.4 billion", 2.4e9, "dollar"),
        ("The bridge will cost $2.4bn to build.", "$2.4bn", 2.4e9, "dollar"),
        ("The bridge will cost €75 million to build.", "€75 million", 75e6, "euro"),
        ("The bridge will cost £75m to build.", "£75m", 75e6, "pound"),
        ("The bridge will cost ¥9 billion to build.", "¥9 billion", 9e9, "yen"),
        ("The bridge will cost 40 billion won to build.", "40 billion won", 40e9, "won"),
        ("The bridge will cost 12 million dollars to build.", "12 million dollars", 12e6, "dollar"),
    ],
)
def test_money_with_each_currency(nlp, text, span, value, unit):
    claim = _one(nlp, text)
    assert (claim.text, claim.value, claim.unit) == (span, pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("The trail runs 42 kilometers along the coast.", "42 kilometers", 42, "kilometer"),
        ("The trail runs 42 kilometres along the coast.", "42 kilometres", 42, "kilometer"),
        ("The trail runs 42 km along the coast.", "42 km", 42, "kilometer"),
        ("The trail runs 26 miles along the coast.", "26 miles", 26, "mile"),
        ("The tower is 300 meters tall.", "300 meters", 300, "meter"),
    ],
)
def test_distances(nlp, text, span, value, unit):
    claim = _one(nlp, text)
    assert (claim.text, claim.value, claim.unit) == (span, value, unit)


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("The siege lasted 20 months before the truce.", "20 months", 20, "month"),
        ("Repairs took three weeks.", "three weeks", 3, "week"),
        ("The hearing ran for nearly four hours.", "nearly four hours", 4, "hour"),
        ("Prices were frozen over two years.", "two years", 2, "year"),
    ],
)
def test_durations_are_claims(nlp, text, span, value, unit):
    claim = _one(nlp, text)
    assert (claim.text, claim.value, claim.unit) == (span, value, unit)


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit"),
    [
        (
            "Between 20 and 30 percent of voters stayed home.",
            "Between 20 and 30 percent",
            20,
            30,
            "percent",
        ),
        (
            "Police said between 3,000 and 5,000 marchers came.",
            "between 3,000 and 5,000 marchers",
            3000,
            5000,
            "marcher",
        ),
        ("The works need 20 to 30 engineers.", "20 to 30 engineers", 20, 30, "engineer"),
        ("The works need 20-30 engineers.", "20-30 engineers", 20, 30, "engineer"),
        ("The lake is 20\u201330 km wide.", "20\u201330 km", 20, 30, "kilometer"),
        (
            "The deal is worth 1.5 to 2 million dollars.",
            "1.5 to 2 million dollars",
            1.5e6,
            2e6,
            "dollar",
        ),
    ],
)
def test_ranges(nlp, text, span, low, high, unit):
    claim = _one(nlp, text)
    assert (claim.text, claim.qualifier, claim.unit) == (span, "range", unit)
    assert (claim.value, claim.value_high) == (pytest.approx(low), pytest.approx(high))


def test_from_a_to_b_is_two_claims_not_a_range(nlp):
    found = find_claims(nlp("The fee rose from $120 to $300 last spring."))
    assert [(c.text, c.qualifier, c.value_high) for c in found] == [
        ("$120", "exact", None),
        ("$300", "exact", None),
    ]


# -- elided counted thing --------------------------------------------------------------------


def test_elided_thing_ends_span_at_number_and_takes_unit_from_earlier_count(nlp):
    text = "So far 4,000 Chilean miners have joined the strike, and another 2,000 are expected."
    found = find_claims(nlp(text))
    assert [(c.text, c.unit) for c in found] == [
        ("4,000 Chilean miners", "miner"),
        ("2,000", "miner"),
    ]


def test_elided_thing_after_a_verb_of_quantity_takes_its_subject(nlp):
    claim = _one(nlp, "With flood losses reportedly exceeding 90,000, the mayor resigned.")
    assert (claim.text, claim.unit, claim.qualifier) == ("exceeding 90,000", "loss", "more_than")


def test_elided_thing_in_a_partitive_takes_the_noun_after_of(nlp):
    found = find_claims(nlp("Some 800 of the town's 5,000 farmers signed the letter."))
    assert [(c.text, c.unit) for c in found][0] == ("Some 800", "farmer")


def test_elided_thing_with_no_antecedent_counts_people(nlp):
    assert _claims(nlp, "A landslide in the valley killed at least eleven.") == [
        ("at least eleven", 11, "person", "at_least")
    ]


# -- not claims ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed on March 4.",
        "The treaty was signed on 4 March 2019.",
        "The treaty was signed on Oct. 23.",
        "The treaty was signed in 1997.",
        "The 2024 budget is bigger.",
        "The hall opens at 10 a.m. daily.",
        "The hall opens at 9:30 daily.",
        "This is the first step.",
        "She finished 3rd in the heat.",
        "The second round starts soon.",
        "Queen Margrethe II visited Pope Leo XIV.",
        "They drove along Route 66 to the coast.",
        "He watched Apollo 11 lift off.",
        "Leaders met at the G7 summit.",
        "Hospitals reported new COVID-19 cases.",
        "The F-16 jets landed.",
        "Call the desk on 555-0143 or (202) 555-0187.",
        "Number one, we need water.",
        "One said the river was rising.",
        "It was one of the hardest winters.",
        "The two nations signed a pact.",
        "Both sides agreed to talk.",
        "Police held Maria Lopez, John Smith and David Brown. The three men were released on bail.",
        "These two groups rarely meet.",
        "The match ended 3-2.",
        "The flood came two years ago.",
    ],
)
def test_non_claims(nlp, text):
    assert _claims(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "She bought milk at the 7-Eleven on the corner.",
        "The iPhone 15 launch drew crowds.",
        "The meeting is in room 404 today.",
        "Finance ministers of the Group of 20 met.",
        "The final ended 21-14.",
    ],
)
def test_more_non_claims(nlp, text):
    assert _claims(nlp, text) == []


def test_title_case_headline_counts_still_found(nlp):
    assert _claims(nlp, "Storm Leaves 3,000 Families Without Power") == [
        ("3,000 Families", 3000, "family", "exact")
    ]


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("After a 20-month siege the city fell.", "20-month", "month"),
        ("They walked a 12-kilometer stretch.", "12-kilometer", "kilometer"),
    ],
)
def test_hyphenated_number_noun_compounds(nlp, text, span, unit):
    claim = _one(nlp, text)
    assert (claim.text, claim.unit) == (span, unit)


def test_stand_in_noun_takes_unit_from_earlier_count(nlp):
    found = find_claims(nlp("Guards caught 14 smugglers at dawn, and three others fled."))
    assert [(c.text, c.unit) for c in found] == [
        ("14 smugglers", "smuggler"),
        ("three others", "smuggler"),
    ]


def test_vote_tally_second_number_takes_unit_of_first(nlp):
    found = find_claims(nlp("The motion carried by 30 votes to 12."))
    assert [(c.text, c.unit) for c in found] == [("30 votes", "vote"), ("12", "vote")]


def test_count_inside_phrase_of_counted_noun_is_not_an_antecedent(nlp):
    text = "Some 900 cyclists from 40 clubs entered. Fewer than 50 gave up."
    found = find_claims(nlp(text))
    assert [(c.text, c.unit) for c in found][-1] == ("Fewer than 50", "cyclist")


def test_year_versus_count_of_four_digits(nlp):
    assert _claims(nlp, "In 2024, 2,024 recruits enlisted.") == [
        ("2,024 recruits", 2024, "recruit", "exact")
    ]


def test_referential_repeat_of_an_earlier_claim_is_not_counted_twice(nlp):
    found = find_claims(nlp("Police detained 40 protesters. The 40 protesters were freed."))
    assert [c.text for c in found] == ["40 protesters"]


def test_one_counts_only_when_qualified(nlp):
    assert _claims(nlp, "At least one ferry sank.") == [
        ("At least one ferry", 1, "ferry", "at_least")
    ]


def test_number_words_in_a_name_are_not_claims(nlp):
    assert _claims(nlp, "Wales lost in the Six Nations opener.") == []


def test_negative_measure(nlp):
    claim = _one(nlp, "Overnight it fell to minus 12 degrees.")
    assert (claim.text, claim.value, claim.unit) == ("minus 12 degrees", -12, "degree")


def test_degrees_with_a_scale_include_the_scale(nlp):
    claim = _one(nlp, "The thermometer showed 41 degrees Celsius at noon.")
    assert (claim.text, claim.unit) == ("41 degrees Celsius", "degree celsius")


# -- scores and helpers ------------------------------------------------------------------------


def test_scores_are_rule_confidences(nlp):
    found = find_claims(nlp("About 300 nurses walked out, and 200 more followed. Some 50 left."))
    assert found and all(0.0 <= c.score <= 1.0 for c in found)


# -- invariants ------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "about",
        "at least",
        "between",
        "and",
        "to",
        "-",
        "3,000",
        "twenty-five",
        "a dozen",
        "1.5 million",
        "$2.4bn",
        "€",
        "%",
        "percent",
        "thousands of",
        "troops",
        "the",
        "two",
        "km",
        "months",
        "in 2024",
        "Route",
        "66",
        "😀",
        "🚀",
        "\r\n",
        "\n",
        ".",
        ",",
        "one",
        "over",
        "years",
        "ago",
        "0123",
        "555-0143",
        "20–30",
        "£",
        "of",
        "Celsius",
        "degrees",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.lists(_PIECES, max_size=30).map(" ".join),
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120),
    )
)
def test_any_text_gives_valid_claims(nlp, text):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = find_claims(nlp(text))
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start or (a.start <= b.start and b.end <= a.end)  # apart or nested
    for claim in found:
        assert text[claim.start : claim.end] == claim.text
        assert 0 <= claim.start < claim.end <= len(text)
        assert math.isfinite(claim.value)
        assert claim.qualifier in QUALIFIERS
        assert (claim.value_high is not None) == (claim.qualifier == "range")
        assert claim.value_high is None or math.isfinite(claim.value_high)
        assert isinstance(claim.unit, str)
        assert 0.0 <= claim.score <= 1.0


# -- non-breaking spaces and glued scale words (issue 11) -----------------------------------

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (f"The peso slid to 20.15{NBSP}pesos a dollar.", (f"20.15{NBSP}pesos", 20.15, "peso")),
        (f"Turnout rose to 61.5{NBSP}percent.", (f"61.5{NBSP}percent", 61.5, "percent")),
        (f"Turnout rose 4{NBSP}% in May.", (f"4{NBSP}%", 4.0, "percent")),
        (f"About 2,400{NBSP}nurses went on strike.", (f"About 2,400{NBSP}nurses", 2400.0, "nurse")),
        (
            f"The port spent 8{NBSP}million{NBSP}euros on cranes.",
            (f"8{NBSP}million{NBSP}euros", 8_000_000.0, "euro"),
        ),
    ],
)
def test_non_breaking_space_between_number_and_unit(nlp, text: str, claim: tuple) -> None:
    found = _one(nlp, text)
    assert (found.text, found.value, found.unit) == claim


def test_elided_unit_after_a_non_breaking_space_ends_at_the_number(nlp) -> None:
    found = find_claims(nlp(f"Of the 40 nurses, 12{NBSP}stayed home."))
    assert [(c.text, c.unit) for c in found] == [("40 nurses", "nurse"), ("12", "nurse")]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The county borrowed $240million for the bridge.", ("$240million", 240e6, "dollar")),
        ("The club paid €35million for him.", ("€35million", 35e6, "euro")),
        ("Exports reached $1.2billion last year.", ("$1.2billion", 1.2e9, "dollar")),
    ],
)
def test_scale_word_glued_to_the_digits(nlp, text: str, claim: tuple) -> None:
    found = _one(nlp, text)
    assert (found.text, found.value, found.unit) == claim


# -- market tables and amounts of time that say when (issue 11) -----------------------------

MARKET_TABLE = (
    "Shares slid on Friday after the jobs report.\n"
    "KEEPING SCORE: Dow: DOWN 0.4 percent at 17,512.30\n"
    "Nasdaq: DOWN 0.7 percent at 4,901.22\n"
    "Crude oil: UP 41 cents to $45.40 a barrel\n"
    "Traders said 300 companies reported earnings."
)


def test_market_table_lines(nlp) -> None:
    assert _claims(nlp, MARKET_TABLE) == [
        ("0.4 percent", 0.4, "percent", "exact"),
        ("17,512.30", 17512.3, "point", "exact"),
        ("0.7 percent", 0.7, "percent", "exact"),
        ("4,901.22", 4901.22, "point", "exact"),
        ("41 cents", 41.0, "cent", "exact"),
        ("$45.40", 45.4, "dollar", "exact"),
        ("300 companies", 300.0, "company", "exact"),
    ]


def test_percent_change_then_a_level_is_not_a_range(nlp) -> None:
    assert _claims(nlp, "The index dropped 1.1 percent to 16,800.55 points.") == [
        ("1.1 percent", 1.1, "percent", "exact"),
        ("16,800.55 points", 16800.55, "point", "exact"),
    ]


def test_elided_unit_never_comes_from_a_verb_on_the_next_line(nlp) -> None:
    text = "Dow: DOWN 0.4 percent at 17,512.30\nCasualties exceeded 600 in the north."
    found = find_claims(nlp(text))
    assert [(c.text, c.unit) for c in found][:2] == [
        ("0.4 percent", "percent"),
        ("17,512.30", "point"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The vote came four days before Election Day.",
        "Two weeks after the flood, the bridge reopened.",
        "The bridge reopened in May, three weeks after the flood.",
        "Five years earlier, the mill had closed.",
        "The council will decide in three days whether to close the pool.",
    ],
)
def test_time_that_says_when_is_not_a_claim(nlp, text: str) -> None:
    assert _claims(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The talks stalled for nearly five years before resuming.", "nearly five years"),
        ("She waited 14 months after the first rocket failed.", "14 months"),
        ("Talks lasted fewer than five full days.", "fewer than five full days"),
    ],
)
def test_time_that_says_how_long_stays_a_claim(nlp, text: str, claim: str) -> None:
    assert [c[0] for c in _claims(nlp, text)] == [claim]
