"""Tests of goldsmith.annotate.rules.speaker_descriptions: "the organizer" said of someone
brought in unnamed ("an organizer") is that unnamed source, not the last person named."""

from __future__ import annotations

import pytest
from speaker_docs import speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (  # the same noun, introduced with "a"
            "“We came for the music,” Mara Ilves said. She and her brother were met by a "
            "volunteer at the door of the hall.\n\n“You two will knock on doors tonight,” "
            "the volunteer told them.",
            "volunteer",
        ),
        (  # a generic noun for the unnamed person met last
            "“Prices keep rising,” said Jonas Varga, a baker on the square.\n\nAt the bus "
            "stop, a retired teacher was waiting in the rain. “Nobody listens to us,” the "
            "woman said.",
            "woman",
        ),
        (  # "another" brings in a second unnamed source
            "“The plan is dead,” Tom Brandt said on Monday.\n\nThe paper quoted another "
            "aide as saying that Brandt would leave in May.\n\n“He was never happy here,” "
            "said the second aide.",
            "second aide",
        ),
    ],
)
def test_description_of_someone_brought_in_unnamed_is_a_source(
    nlp, text: str, speaker: str
) -> None:
    names = [("Mara Ilves", "PERSON"), ("Jonas Varga", "PERSON"), ("Tom Brandt", "PERSON")]
    names += [("Brandt", "PERSON")]
    assert speakers(nlp, text, *names)[-1][1] == speaker


def test_person_named_with_the_role_since_is_still_meant(nlp) -> None:
    text = (
        "A spokesman for the port declined to comment on Monday.\n\nOn Tuesday, port "
        "spokesman Tom Brandt met reporters. “We will appeal the ruling,” the spokesman said."
    )
    assert speakers(nlp, text, ("Tom Brandt", "PERSON"))[-1] == (
        "We will appeal the ruling",
        "Tom Brandt",
    )


def test_appositive_role_is_no_unnamed_introduction(nlp) -> None:
    text = (
        "Greta Lind, a lawyer for the tenants, filed the appeal on Friday.\n\n"
        "“The eviction was unlawful,” the lawyer said."
    )
    assert speakers(nlp, text, ("Greta Lind", "PERSON"))[-1][1] == "Greta Lind"


def test_indefinite_noun_paragraphs_back_is_too_far(nlp) -> None:
    text = (
        "Fans asked for a young actor in the lead.\n\nThe studio listened.\n\n"
        "Star Ivo Marsh signed in June. “I grew up on these films,” the actor said."
    )
    assert speakers(nlp, text, ("Ivo Marsh", "PERSON"))[-1][1] == "Ivo Marsh"
