"""Tests of goldsmith.annotate.rules.speech_words: speech verbs and nouns naming people."""

from __future__ import annotations

import pytest

from goldsmith.annotate.rules.speech_words import is_person_noun, is_source_noun, is_speech_verb


def token(doc, word: str):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Austin said it was late.", "said", True),
        ("Austin says it is late.", "says", True),
        ("She told reporters it was late.", "told", True),
        ("He warned that it was late.", "warned", True),
        ("They pointed out that it was late.", "pointed", True),
        ("They pointed at the door.", "pointed", False),
        ("It was late, according to the police.", "according", True),
        ("The ship sailed at dawn.", "sailed", False),
        ("The said document is here.", "document", False),
    ],
)
def test_is_speech_verb(nlp, text: str, word: str, expected: bool) -> None:
    assert is_speech_verb(token(nlp(text), word)) is expected


def test_describe_counts_for_quotes_only(nlp) -> None:
    verb = token(nlp("She described the plan as a mistake."), "described")
    assert is_speech_verb(verb, quoted=True)
    assert not is_speech_verb(verb, quoted=False)


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("commissioner", True),
        ("dockworker", True),
        ("economist", True),
        ("spokeswoman", True),
        ("official", True),
        ("transfer", False),
        ("border", False),
        ("deployment", False),
        ("survey", False),
    ],
)
def test_is_person_noun(lemma: str, expected: bool) -> None:
    assert is_person_noun(lemma) is expected


@pytest.mark.parametrize(
    ("lemma", "expected"), [("medium", True), ("report", True), ("rain", False)]
)
def test_is_source_noun(lemma: str, expected: bool) -> None:
    assert is_source_noun(lemma) is expected
