"""Units of claims whose counted thing is elided (claim_elided): the words around the
number first, then the things counted earlier in the same paragraph, else people."""

from __future__ import annotations

from goldsmith.annotate.rules.claims import find_claims


def _units(nlp, text: str) -> list[tuple[str, str]]:
    return [(c.text, c.unit) for c in find_claims(nlp(text))]


def test_amount_of_a_whole_of_people_counts_people(nlp) -> None:
    text = (
        "The mill town, which has 340 looms, lists the population of the valley that "
        "decade as 12,400. Its rival, a community of over 9,000, kept 210 looms."
    )
    units = dict(_units(nlp, text))
    assert units["12,400"] == "person"
    assert units["over 9,000"] == "person"


def test_same_verb_earlier_in_the_sentence_gives_the_unit(nlp) -> None:
    text = (
        "Lyon, which has 513,000 residents, recorded 1,204 burglaries; Nantes recorded "
        "876; and Lille, which has 232,000 inhabitants, recorded 451."
    )
    assert _units(nlp, text) == [
        ("513,000 residents", "resident"),
        ("1,204 burglaries", "burglary"),
        ("876", "burglary"),
        ("232,000 inhabitants", "inhabitant"),
        ("451", "burglary"),
    ]


def test_amount_set_off_after_the_noun_it_counts(nlp) -> None:
    text = "The Greens won the most seats -- 48 -- in the regional vote."
    assert ("48", "seat") in _units(nlp, text)


def test_number_heading_explained_by_the_next_line(nlp) -> None:
    text = (
        "The festival closed on Sunday.\n\n"
        "412.\n\n"
        "The number of volunteers who staffed the gates, according to the organisers."
    )
    assert _units(nlp, text) == [("412", "volunteer")]


def test_things_counted_in_an_earlier_paragraph_are_no_antecedent(nlp) -> None:
    text = (
        "The league added 14 teams this year.\n\n"
        "A storm hit the coast on Friday, leaving dozens stranded."
    )
    assert _units(nlp, text)[-1] == ("dozens", "person")


def test_family_of_n_counts_people(nlp) -> None:
    assert _units(nlp, "She had 3 sons and raised a family of seven.")[-1] == ("seven", "person")


def test_elided_amount_before_and_takes_the_unit_after_it(nlp) -> None:
    text = "The two rivals trailed her by 5 and 10 percentage points."
    assert _units(nlp, text) == [("5", "point"), ("10 percentage points", "point")]
