"""Tests of goldsmith.annotate.rules.block_speech: block paragraphs."""

from __future__ import annotations

import pytest

from goldsmith.annotate.rules.block_speech import block_candidates
from goldsmith.annotate.rules.quote_context import DocContext
from goldsmith.annotate.rules.quote_marks import quoted_regions


def blocks(nlp, text: str) -> list[str]:
    ctx = DocContext.build(nlp(text), [], [])
    return [text[c.start : c.end] for c in block_candidates(ctx, quoted_regions(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor said in a radio interview:\n\nWe will rebuild the bridge.",
            ["We will rebuild the bridge."],
        ),
        (
            "He admitted the risk, stating in a television interview\nWe have no choice.",
            ["We have no choice."],
        ),
        ("The mayor said the bridge would close.\n\nIt closed in May.", []),
        ("Mayor Confirms Bridge Closure\n\nThe bridge closed in May.", []),
        ("The mayor said in a radio interview:\n\n“We will rebuild the bridge.”", []),
    ],
)
def test_block_paragraph(nlp, text: str, expected: list[str]) -> None:
    assert blocks(nlp, text) == expected
