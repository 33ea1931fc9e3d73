"""Tests of the quote layer on forms found in real news (issue 11, third round).

Every sentence here is invented; each test names the failure class it guards.
"""

from __future__ import annotations

from goldsmith.annotate.rules.quotes import find_quotes
from goldsmith.labels.records import Entity, Quote


def entities(text: str, *names: tuple[str, str]) -> list[Entity]:
    """Entity spans for every occurrence of each (surface, label) in ``text``."""
    found = []
    for surface, label in names:
        start = text.find(surface)
        while start >= 0:
            found.append(Entity(start, start + len(surface), surface, label))
            start = text.find(surface, start + 1)
    return sorted(found, key=lambda e: e.start)


def quotes(nlp, text: str, *names: tuple[str, str]) -> list[Quote]:
    return find_quotes(nlp(text), entities(text, *names))


def summary(found: list[Quote]) -> list[tuple[str, str, str | None]]:
    return [(q.text, q.kind, q.speaker.text if q.speaker else None) for q in found]


# -- non-breaking spaces ---------------------------------------------------------------------


def test_quote_after_a_non_breaking_space_opens_a_sentence(nlp) -> None:
    """Class: U+00A0 before an opening mark made a full sentence a partial quote."""
    text = (
        "“The pier is safe,” said Ana Ruiz, the harbor master.\u00a0“We checked every beam twice.”"
    )
    found = quotes(nlp, text, ("Ana Ruiz", "PERSON"))
    assert summary(found)[-1] == ("We checked every beam twice.", "direct", "Ana Ruiz")


# -- attributions the parser reads oddly ------------------------------------------------------


def test_quoted_words_parsed_as_a_second_subject_leave_the_speaker(nlp) -> None:
    """Class: "“…,” said X" where the parser also makes the quote a subject of "said"."""
    text = "“Every single amendment,” said Hale, who had voted yes."
    found = quotes(nlp, text, ("Hale", "PERSON"))
    assert [q.speaker.text if q.speaker else None for q in found if q.kind == "direct"] == ["Hale"]


def test_inverted_speech_verb_before_a_colon_names_the_speaker(nlp) -> None:
    """Class: "Said X: “…”" (verb first) before a quote."""
    text = (
        "The fees will rise in May. Said Ruiz: “Nobody wants this, but the pier must be paid for.”"
    )
    found = quotes(nlp, text, ("Ruiz", "PERSON"))
    assert summary(found) == [
        ("Nobody wants this, but the pier must be paid for.", "direct", "Ruiz")
    ]


# -- speakers of descriptions and group pronouns ----------------------------------------------


def test_the_group_is_the_organisation_named_as_subject_before(nlp) -> None:
    """Class: "the group said" after an ORG that was a subject but had not spoken."""
    text = (
        "The Fairwater Institute, reviewing an earlier draft, came to a similar conclusion. "
        "Ferry fares would double by 2030, the group said."
    )
    found = quotes(nlp, text, ("Fairwater Institute", "ORG"))
    assert [(q.kind, q.speaker.text) for q in found] == [("indirect", "Fairwater Institute")]


def test_a_body_described_with_a_noun_modifier_is_a_new_source(nlp) -> None:
    """Class: "the platform committee said" is a body named anew, not the last ORG."""
    text = (
        "The Harbor Party said it would cut the fees. "
        "The party platform committee said that the fees were too high."
    )
    found = quotes(nlp, text, ("Harbor Party", "ORG"))
    assert [(q.kind, q.speaker.text, q.speaker.label) for q in found] == [
        ("indirect", "Harbor Party", "ORG"),
        ("indirect", "party platform committee", "SOURCE"),
    ]


def test_a_role_with_a_relative_clause_of_speech_is_the_person_named_with_it(nlp) -> None:
    """Class: "the mayor, who said that …": the relative clause is the speech itself, not
    a modifier that makes "the mayor" a new description."""
    text = (
        "Mayor Ana Ruiz opened the session. Tom Hale sat through a long speech by the mayor, "
        "who said that the harbor had never been busier."
    )
    found = quotes(nlp, text, ("Ana Ruiz", "PERSON"), ("Tom Hale", "PERSON"))
    assert [(q.kind, q.speaker.text) for q in found] == [("indirect", "Ana Ruiz")]


def test_some_as_subject_of_a_speech_verb_is_a_source(nlp) -> None:
    """Class: "some note that …": an unnamed group is a SOURCE (spec 2)."""
    text = "But some note that the ferry has lost money for a decade."
    found = quotes(nlp, text)
    assert [(q.text, q.speaker.text, q.speaker.label) for q in found] == [
        ("the ferry has lost money for a decade", "some", "SOURCE")
    ]


# -- reported speech interrupted by its attribution -------------------------------------------


def test_interrupting_attribution_splits_the_reported_sentence(nlp) -> None:
    """Class: "X, she said, Y" is two indirect spans, like an interrupted quote."""
    text = "The best news for the port, Ruiz said, is that the cranes arrived early."
    found = quotes(nlp, text, ("Ruiz", "PERSON"))
    assert summary(found) == [
        ("The best news for the port", "indirect", "Ruiz"),
        ("is that the cranes arrived early", "indirect", "Ruiz"),
    ]


def test_attribution_between_two_coordinated_reports_gives_both(nlp) -> None:
    """Class: "X, the agency said in a report, and Y": Y goes on with the report."""
    text = "Rents fell in the north, the agency said in its report, and wages rose in the south."
    found = quotes(nlp, text)
    assert [(q.text, q.kind) for q in found] == [
        ("Rents fell in the north", "indirect"),
        ("wages rose in the south", "indirect"),
    ]
    assert {q.speaker.text for q in found} == {"agency"}
