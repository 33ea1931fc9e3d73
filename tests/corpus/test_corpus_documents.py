"""The newline normalisation and the stable document id."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goldsmith.corpus import Document, doc_id_for, normalize_newlines


def test_doc_id_is_pinned_for_a_fixed_text():
    # A change of the id scheme must be deliberate: it breaks every stored gold set.
    assert doc_id_for("The ferry to Varne Island runs twice a day.\n") == "doc-819b54cc53fc5eb0"


def test_doc_id_differs_for_different_texts():
    assert doc_id_for("One.") != doc_id_for("One. ")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\r\r\nb", "a\n\nb"),
        ("a\n\rb", "a\n\nb"),
        ("tab\there\u00a0nbsp 🚢 emoji\u2028sep", "tab\there\u00a0nbsp 🚢 emoji\u2028sep"),
    ],
)
def test_normalize_newlines(raw, expected):
    assert normalize_newlines(raw) == expected


@given(st.text())
def test_normalize_newlines_only_touches_carriage_returns(text):
    out = normalize_newlines(text)
    assert "\r" not in out
    assert out.replace("\n", "") == text.replace("\r", "").replace("\n", "")
    assert normalize_newlines(out) == out


def test_document_defaults_keep_the_original_constructor():
    doc = Document("doc-1", "Text.")
    assert (doc.source, doc.title, doc.ignore, doc.source_id) == ("", None, (), None)
