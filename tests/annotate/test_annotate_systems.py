"""Systems to score: NAME=SOURCE parsing, the prediction stream, the spaCy label adapter."""

from __future__ import annotations

import pytest
from fake_ner import TEXT, use_fake_pipeline

from goldsmith.annotate.systems import (
    SystemSpec,
    parse_system,
    parse_systems,
    spacy_predictions,
    system_predictions,
)
from goldsmith.errors import InputError
from goldsmith.labels.jsonl import write_jsonl
from goldsmith.labels.records import AnnotatedDoc


@pytest.fixture()
def fake_model(monkeypatch):
    return use_fake_pipeline(monkeypatch)


@pytest.mark.parametrize(
    ("text", "kind"),
    [("a=spacy:en_core_web_sm", "spacy"), ("a=spacy:", "spacy"), ("a=goldsmith", "goldsmith")],
)
def test_parse_system_kinds(text, kind):
    assert parse_system(text).kind == kind


def test_parse_file_system(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text("", encoding="utf-8")
    assert parse_system(f"mine = {path}") == SystemSpec("mine", str(path))


def test_duplicate_names_are_refused():
    with pytest.raises(InputError, match="twice"):
        parse_systems(["a=goldsmith", "a=spacy:x"])


def test_spacy_keeps_spec_labels_only(fake_model):
    gold = [AnnotatedDoc("d1", TEXT)]
    (doc,) = spacy_predictions(gold, "fake_model")
    assert [(e.text, e.label) for e in doc.entities] == [
        ("Valparaiso", "GPE"),
        ("Ana Ruiz", "PERSON"),
        ("Monday", "DATE"),
    ]
    assert doc.text == TEXT and doc.doc_id == "d1"
    assert fake_model == ["fake_model"]


def test_no_system_is_refused():
    with pytest.raises(InputError, match="at least one --system"):
        parse_systems([])


def test_a_file_system_yields_the_file(tmp_path):
    path = tmp_path / "p.jsonl"
    docs = [AnnotatedDoc("d1", TEXT), AnnotatedDoc("other", "Not in the gold.")]
    write_jsonl(docs, path)
    assert list(system_predictions(parse_system(f"m={path}"), [])) == docs
    assert not parse_system(f"m={path}").runs_model


def test_a_spacy_system_yields_one_prediction_per_gold_doc_in_order(fake_model):
    gold = [AnnotatedDoc("b", TEXT), AnnotatedDoc("a", "Ana Ruiz.")]
    spec = parse_system("sm=spacy:")
    got = list(system_predictions(spec, gold))
    assert [d.doc_id for d in got] == ["b", "a"]
    assert spec.runs_model and spec.layers == ("entities",)
    assert fake_model == [None]  # "spacy:" alone: the default model setting
