"""The title rule of plain-text and Markdown documents."""

from __future__ import annotations

import pytest

from goldsmith.corpus.titles import MAX_TITLE_CHARS, title_from_text

BODY = "\nThe council met on Tuesday."


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Council Approves Budget\n" + BODY, "Council Approves Budget"),
        ("Council Approves Budget" + BODY, "Council Approves Budget"),
        ("\n\n  Council Approves Budget  \n" + BODY, "Council Approves Budget"),
        ("Will the Bridge Reopen?" + BODY, "Will the Bridge Reopen?"),
        ("Budget passes. Critics object" + BODY, "Budget passes. Critics object"),
        ("The council approved the budget." + BODY, None),
        ("He called it “a good day.”" + BODY, None),
        ("Meanwhile, in the harbour," + BODY, None),
        ("Council Approves Budget", None),
        ("Council Approves Budget\n\n   \n", None),
        ("2024" + BODY, None),
        ("x" * MAX_TITLE_CHARS + BODY, "x" * MAX_TITLE_CHARS),
        ("x" * (MAX_TITLE_CHARS + 1) + BODY, None),
        ("", None),
    ],
)
def test_title_from_plain_text(text, title):
    assert title_from_text(text) == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("# Council Approves Budget" + BODY, "Council Approves Budget"),
        ("### Council Approves Budget" + BODY, "Council Approves Budget"),
        ("#" + BODY, None),
    ],
)
def test_title_from_markdown_strips_heading_marks(text, title):
    assert title_from_text(text, markdown=True) == title


def test_plain_text_keeps_heading_marks():
    assert title_from_text("# Council" + BODY) == "# Council"
