"""Tests of goldsmith.annotate.rules.indirect_sources: a source named by the grammar."""

from __future__ import annotations

import pytest

from goldsmith.annotate.rules.indirect_sources import names_a_source


def verb(nlp, text: str, word: str):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The appeals court ruled that the county rules broke the law.", "ruled"),
        ("The captain criticised the plan and said the pier would close.", "said"),
        ("Current and former aides who met the mayor said the office had decayed.", "said"),
        ("The captain, who added that the pier was unsafe, left early.", "added"),
        ("The union issued a statement saying it had ended the strike.", "saying"),
        ("The families filed a suit, alleging that the maker had misled buyers.", "alleging"),
    ],
)
def test_source_named_by_the_grammar(nlp, text: str, word: str) -> None:
    assert names_a_source(verb(nlp, text, word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("About 51 percent of voters said they would back the levy.", "said"),  # a poll
        ("Early data suggests that the ferry lost riders.", "suggests"),  # evidence
        ("Independent analyses agree the fee would hurt retirees.", "agree"),  # agreeing
        ("It was said that the pier would close.", "said"),  # no source
        ("The mayor is likely to stress that the pier will reopen.", "stress"),  # hedged
        ("She said the pier would close.", "said"),  # a pronoun: the finder's job
    ],
)
def test_no_source_named(nlp, text: str, word: str) -> None:
    assert not names_a_source(verb(nlp, text, word))
