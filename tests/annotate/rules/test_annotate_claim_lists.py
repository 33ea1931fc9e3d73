"""Numbered lines and decades are not claims (issue 11, round 6). Every sentence is made up."""

from __future__ import annotations

from goldsmith.annotate.rules.claim_lists import is_bracket_rank, is_decade, is_numbered_line
from goldsmith.annotate.rules.claims import find_claims


def _texts(nlp, text: str) -> list[str]:
    return [c.text for c in find_claims(nlp(text))]


LISTICLE = (
    "Nine Things Mayors Said This Year\n\n"
    "1\nA Mayor On Why Buses Matter.\n\nShe spoke for 20 minutes.\n\n"
    "2\nAnother Mayor Asked For Parks.\n\n"
    "3\nA Third Mayor On Schools.\n\nHe wants 400 new teachers.\n"
)


def test_counters_alone_on_their_lines_are_not_claims(nlp) -> None:
    assert _texts(nlp, LISTICLE) == ["Nine Things", "20 minutes", "400 new teachers"]


def test_a_lone_number_heading_its_explanation_stays_a_claim(nlp) -> None:
    text = "Facts of the week.\n\n40.\n\nThe number of towns that voted early.\n"
    assert _texts(nlp, text) == ["40"]


def test_numbered_line_needs_a_neighbour_of_the_same_form() -> None:
    text = "7.\nSeven towns.\n\n8.\nEight towns.\n\n12\nLast one.\n"
    assert is_numbered_line(text, 0, 1)
    assert is_numbered_line(text, text.index("8."), text.index("8.") + 1)
    assert not is_numbered_line(text, text.index("12"), text.index("12") + 2)
    assert not is_numbered_line("Votes: 7\n8\n", 7, 8)  # not alone on its line


def test_decades_are_not_claims(nlp) -> None:
    text = "Rents rose in the 90\u2019s and fell in the \u201980s, as in the 1970s and the 60's."
    assert _texts(nlp, text) == []
    assert is_decade("in the 90's", 7, 9)
    assert not is_decade("aged 90 or more", 5, 7)
    assert not is_decade("about 90s", 6, 8)  # no "the": not read as a decade


def test_counts_ending_in_zero_stay_claims(nlp) -> None:
    assert _texts(nlp, "The 40 workers got 30 days off.") == ["40 workers", "30 days"]


def test_a_rank_in_brackets_with_a_stop_is_not_a_claim(nlp) -> None:
    text = "1. Mia Park (Last week: 3.)\n\n2. Theo Vance (1.)\n\n3. Ida Cole (2.)\n"
    assert _texts(nlp, text) == []


def test_a_count_in_brackets_without_a_stop_stays_a_claim(nlp) -> None:
    assert _texts(nlp, "The measure passed (52 votes to 48).") == ["52 votes", "48"]
    assert not is_bracket_rank("won (12 seats.)", 5, 7)
    assert is_bracket_rank("Ida Cole (12.)", 10, 12)
    assert not is_bracket_rank("It had 12.) no", 7, 9)
    assert not is_bracket_rank("(Ms. Cole also won 12.)", 19, 21)
    assert is_bracket_rank("Mia Park (Last week: 3.)", 21, 22)
