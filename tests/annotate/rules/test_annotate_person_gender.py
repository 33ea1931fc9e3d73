"""Tests of goldsmith.annotate.rules.person_gender: first names as gender evidence."""

from __future__ import annotations

import pytest

from goldsmith.annotate.rules import person_gender
from goldsmith.annotate.rules.person_gender import USE_FIRST_NAMES, first_name_gender
from goldsmith.annotate.rules.quotes import find_quotes
from goldsmith.labels.records import Entity


def speaker_of_last_quote(nlp, text: str, *names: str) -> str | None:
    found = []
    for surface in names:
        start = text.find(surface)
        while start >= 0:
            found.append(Entity(start, start + len(surface), surface, "PERSON"))
            start = text.find(surface, start + 1)
    quotes = find_quotes(nlp(text), sorted(found, key=lambda e: e.start))
    speaker = quotes[-1].speaker
    return speaker.text if speaker else None


_TWO_PEOPLE = (
    "Ilona Fescu chaired the hearing on the ferry budget. Pavel Dorn spoke after the "
    "break.\n\n“The ferry will run late all winter,” she said."
)


@pytest.fixture
def names(monkeypatch):
    """A made-up lexicon in place of the shipped one."""
    monkeypatch.setattr(person_gender, "_first_names", lambda: {"ilona": "f", "pavel": "m"})


def test_she_said_skips_a_man_known_by_his_first_name(nlp, names) -> None:
    assert speaker_of_last_quote(nlp, _TWO_PEOPLE, "Ilona Fescu", "Pavel Dorn") == "Ilona Fescu"


def test_without_first_names_she_is_the_latest_person(nlp, names) -> None:
    token = USE_FIRST_NAMES.set(False)
    try:
        assert speaker_of_last_quote(nlp, _TWO_PEOPLE, "Ilona Fescu", "Pavel Dorn") == "Pavel Dorn"
    finally:
        USE_FIRST_NAMES.reset(token)


def test_the_documents_own_evidence_beats_the_first_name(nlp, monkeypatch) -> None:
    # the lexicon is wrong about "Pavel" here; "Ms." in the text decides
    monkeypatch.setattr(person_gender, "_first_names", lambda: {"ilona": "m", "pavel": "f"})
    text = (
        "Ilona Fescu chaired the hearing on the ferry budget. Ms. Pavel Dorn spoke after "
        "the break.\n\n“The ferry will run late all winter,” she said."
    )
    assert speaker_of_last_quote(nlp, text, "Ilona Fescu", "Pavel Dorn") == "Pavel Dorn"


def test_a_surname_two_people_share_gets_no_gender_from_a_first_name(nlp, names) -> None:
    # "Dorn" alone could be Ilona or Pavel: no one named Dorn is skipped for "she"
    text = (
        "Ilona Dorn and Pavel Dorn run the ferry line. Dorn spoke after the break.\n\n"
        "“The ferry will run late all winter,” she said."
    )
    assert speaker_of_last_quote(nlp, text, "Ilona Dorn", "Pavel Dorn", "Dorn") == "Dorn"


def test_first_name_gender_reads_the_first_word() -> None:
    assert first_name_gender("") is None
    assert first_name_gender("zzyzx qwertz") is None


def test_the_shipped_lexicon_decides_an_invented_case(nlp) -> None:
    text = (
        "Erica Fescu chaired the hearing on the ferry budget. Peter Dorn spoke after the "
        "break.\n\n“The ferry will run late all winter,” she said."
    )
    assert first_name_gender("erica fescu") == "f"
    assert first_name_gender("peter dorn") == "m"
    assert speaker_of_last_quote(nlp, text, "Erica Fescu", "Peter Dorn") == "Erica Fescu"
