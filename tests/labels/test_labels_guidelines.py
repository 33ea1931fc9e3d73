"""The annotator guidelines ship with the package and become escaped HTML."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goldsmith.labels import ENTITY_LABELS, QUALIFIERS, QUOTE_KINDS
from goldsmith.labels.guidelines import (
    guidelines_html,
    guidelines_markdown,
    inline_html,
    markdown_to_html,
)
from goldsmith.labels.schema import CLAIM_LABEL, QUOTE_LABEL, SOURCE_LABEL


def _table_rows(markdown: str) -> dict[str, str]:
    """First cell -> whole row, for every table row of the guidelines."""
    rows = {}
    for line in markdown.splitlines():
        if line.startswith("|") and not re.match(r"^\|[-| ]+\|$", line):
            cells = [c.strip() for c in line.strip("|").split("|")]
            rows[cells[0]] = line
    return rows


@pytest.mark.parametrize("name", [*ENTITY_LABELS, *QUOTE_KINDS, *QUALIFIERS])
def test_every_label_kind_and_qualifier_has_a_row_with_an_example(name):
    row = _table_rows(guidelines_markdown()).get(name)
    assert row is not None, f"{name} has no row in guidelines.md"
    assert "**" in row, f"the row of {name} has no example with the span in bold"


def test_quote_source_and_claim_sections_are_there():
    text = guidelines_markdown()
    for word in (QUOTE_LABEL, SOURCE_LABEL, CLAIM_LABEL, "speaker", "value high", "unit"):
        assert word in text


def test_html_has_headings_lists_and_tables():
    out = guidelines_html()
    assert out.startswith("<h1>Annotator guidelines</h1>")
    assert out.count("<table>") == 3  # entities, quote kinds, qualifiers
    assert "<ul><li>" in out
    assert "**" not in out  # every bold marker was rendered


def test_markup_in_the_text_is_escaped():
    out = markdown_to_html(
        '# A <script>alert(1)</script>\n\n| a | <b> |\n|---|---|\n| "x" & y | `<i>` |'
    )
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<th>&lt;b&gt;</th>" in out
    assert "<td>&quot;x&quot; &amp; y</td><td><code>&lt;i&gt;</code></td>" in out


def test_inline_bold_italic_code():
    assert inline_html("a **b** *c* `d`") == "a <strong>b</strong> <em>c</em> <code>d</code>"


def test_list_items_continue_on_indented_lines():
    assert markdown_to_html("- one\n  more\n- two") == "<ul><li>one more</li><li>two</li></ul>"


@given(st.text())
def test_no_raw_angle_bracket_survives(text):
    out = markdown_to_html(text)
    stripped = re.sub(r"</?(h[1-3]|p|ul|li|table|tr|th|td|strong|em|code)>", "", out)
    assert "<" not in stripped and ">" not in stripped
