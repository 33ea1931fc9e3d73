"""Tests of goldsmith.annotate.rules.speaker_antecedents and the speaker forms of real news:
who "he"/"she" stands for, "the letter reads", descriptions, writing verbs."""

from __future__ import annotations

import pytest
from speaker_docs import speakers

from goldsmith.annotate.rules.entities import find_entities
from goldsmith.annotate.rules.quotes import find_quotes
from goldsmith.labels.records import Entity


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Peter Olsen, head of the county board, voiced confidence that Greta Lind "
            "would lose the runoff in June.\n\n“Voters have seen enough,” he said.",
            "Peter Olsen",
        ),
        (
            "Marek Sobczak, a pollster in Lisbon, is skeptical Daniel Price can win back "
            "the suburbs.\n\n“His best hope is a quiet summer,” he said.",
            "Marek Sobczak",
        ),
    ],
)
def test_subject_of_an_embedded_clause_is_passed_over(nlp, text: str, speaker: str) -> None:
    names = [("Peter Olsen", "PERSON"), ("Greta Lind", "PERSON")]
    names += [("Marek Sobczak", "PERSON"), ("Daniel Price", "PERSON"), ("Lisbon", "GPE")]
    assert speakers(nlp, text, *names)[-1] == (text.split("“")[-1].split(",”")[0], speaker)


def test_embedded_subject_under_a_body_is_still_the_antecedent(nlp) -> None:
    text = "Officials said Daniel Price would resign on Friday.\n\n“I am done,” he said."
    found = speakers(nlp, text, ("Daniel Price", "PERSON"), ("Friday", "DATE"))
    assert found[-1] == ("I am done", "Daniel Price")


def test_embedded_subject_in_the_quotes_own_sentence_is_passed_over(nlp) -> None:
    text = (
        "Daniel Price's strategist, Marek Sobczak, says the money is there. "
        "“I don't think the old view” -- that Price is a spendthrift -- "
        "“is going to last,” he says."
    )
    found = speakers(nlp, text, ("Marek Sobczak", "PERSON"), ("Price", "PERSON"))
    assert found[-1] == ("is going to last", "Marek Sobczak")


def test_the_letter_speaks_for_whoever_sent_it(nlp) -> None:
    text = (
        "Last week a group of nurses at the clinic sent a letter to the city council.\n\n"
        "“We cannot keep the night ward open,” the letter reads."
    )
    found = speakers(nlp, text, ("the city council", "ORG"))
    assert found == [("We cannot keep the night ward open", "group")]


def test_reading_is_not_speech_without_a_piece_of_writing(nlp) -> None:
    text = "Greta Lind reads from a script at rallies. “It was a long day,” a staffer said."
    found = speakers(nlp, text, ("Greta Lind", "PERSON"))
    assert found == [("It was a long day", "staffer")]


def test_concluded_attributes_a_quote(nlp) -> None:
    text = "Greta Lind spoke for an hour.\n\n“Overall, the plan will hold,” Lind concluded."
    found = speakers(nlp, text, ("Greta Lind", "PERSON"), ("Lind", "PERSON"))
    assert found == [("Overall, the plan will hold", "Lind")]


def test_an_employee_described_later_is_the_person_named_before(nlp) -> None:
    text = (
        "In her blog post, Greta Lind said the bot had done its job.\n\n"
        "“It is hard to blame him for being fooled,” the Harbor Post employee wrote."
    )
    found = speakers(nlp, text, ("Greta Lind", "PERSON"), ("Harbor Post", "ORG"))
    assert found[-1] == ("It is hard to blame him for being fooled", "Greta Lind")


def test_they_is_a_group_named_as_subject_before_it(nlp) -> None:
    text = (
        "Supporters, including the ferry union, have urged the council to keep the "
        "route, although they say they accept some of the cuts."
    )
    found = speakers(nlp, text, ("the council", "ORG"))
    assert found == [("they accept some of the cuts", "Supporters")]


def test_they_after_a_named_body_that_spoke_later_is_that_body(nlp) -> None:
    text = (
        "Residents have asked for a new pier. The Harbor Board said it would study "
        "the plan. They said the study would take a year."
    )
    found = speakers(nlp, text, ("The Harbor Board", "ORG"))
    assert found[-1] == ("the study would take a year", "The Harbor Board")


def test_a_message_speaks_for_whoever_posted_it(nlp) -> None:
    text = (
        "During the standoff, Tom Hale also posted messages on a forum.\n"
        "One message, apparently aimed at the police, said: “You will not get in.”"
    )
    found = speakers(nlp, text, ("Tom Hale", "PERSON"))
    assert found == [("You will not get in.", "Tom Hale")]


def test_partial_quote_in_a_complement_belongs_to_the_verb_above(nlp) -> None:
    text = "The ferry union protested that council members were “deeply dishonest” last week."
    found = speakers(nlp, text, ("The ferry union", "ORG"))
    assert found == [("deeply dishonest", "The ferry union")]


def test_pronoun_after_a_subject_that_opens_the_sentence_stands_for_it(nlp) -> None:
    text = (
        "Dr. Hale defended the pipeline on Monday.\n\n"
        "Sen. Ana Ruiz (D-Ore.) scolded him: “You have ignored the farmers,” she said."
    )
    found = speakers(nlp, text, ("Hale", "PERSON"), ("Ana Ruiz", "PERSON"))
    assert found[-1] == ("You have ignored the farmers", "Ana Ruiz")


def test_surname_in_the_headline_takes_the_gender_of_the_full_name(nlp) -> None:
    text = (
        "Hale Wins Runoff In Harbor County\n\n"
        "John Hale won the runoff on Sunday. Debbie Lopez conceded an hour later.\n\n"
        "Lopez spoke first. Then Hale thanked the volunteers. “It was close,” she said."
    )
    doc = nlp(text)
    quotes = find_quotes(doc, find_entities(doc))
    assert [(q.text, q.speaker and q.speaker.text) for q in quotes][-1] == ("It was close", "Lopez")


def test_name_and_any_verb_right_after_a_quote_attribute_it(nlp) -> None:
    text = (
        "Tom Brandt praised the sale on Monday.\n\n"
        "“That is nonsense, you fool,” Mara Ilves barked.\n\n"
        "“Honestly,” she continued, “the pier is all we have.”"
    )
    doc = nlp(text)
    found = [
        (q.text, q.speaker and q.speaker.text)
        for q in find_quotes(
            doc,
            [
                Entity(0, 10, "Tom Brandt", "PERSON"),
                Entity(text.index("Mara"), text.index("Mara") + 10, "Mara Ilves", "PERSON"),
            ],
            ranker=False,
        )
    ]
    assert [s for _, s in found] == ["Mara Ilves", "Mara Ilves", "Mara Ilves"]
