"""Token identity in the quote and speaker rules: whether two spaCy ``Token`` objects for
one word are the same object depends on how they were reached (``tok.head is tok`` is
never true for the root; a token met again in ``tok.subtree`` may be ``tok`` itself), so
the rules compare ``.i`` instead."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import goldsmith.annotate.rules as rules_package
from goldsmith.annotate.rules.reported_speech import _is_time_phrase

#: ``x.head is x`` / ``x.head is not x`` / ``t is not token``: an identity test between
#: two tokens (``is None`` / ``is not None`` are fine).
_TOKEN_IDENTITY = re.compile(
    r"\.head is (?:not )?(?!None\b)\w+\b"
    r"|\b(?:t|node|current|token|verb) is (?:not )?(?:t|node|current|token|verb)\b"
)


def test_the_root_is_its_own_head_only_by_index(nlp) -> None:
    # the premise of the rule below: the root is its own head, but not as an object
    doc = nlp("Ruth Ames spoke.")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.head.i == root.i
    assert root.head is not root


def test_no_rule_module_compares_tokens_by_identity() -> None:
    folder = Path(rules_package.__file__).parent
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted(folder.glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if not line.lstrip().startswith("#") and _TOKEN_IDENTITY.search(line.split("#")[0])
    ]
    assert found == []


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # the preposition itself is not a date: the phrase after it is (this held
        # before the change too: ``subtree`` yields the token object itself)
        ("Officials said that on Monday the ferry would stop.", "on", True),
        ("Officials said that during the winter the ferry would stop.", "during", True),
        ("Officials said that on the island the ferry would stop.", "on", False),
    ],
)
def test_a_prepositional_time_phrase_is_recognised(
    nlp, text: str, word: str, expected: bool
) -> None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert _is_time_phrase(token) is expected
