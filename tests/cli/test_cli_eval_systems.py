"""Systems of ``eval score``: NAME=SOURCE parsing and the spaCy label adapter."""

from __future__ import annotations

import json

import pytest
import spacy
from typer.testing import CliRunner

import goldsmith.annotate.model as model_module
from goldsmith.cli import app
from goldsmith.cli.systems import SystemSpec, parse_system, parse_systems, spacy_predictions
from goldsmith.errors import InputError
from goldsmith.labels.jsonl import write_jsonl
from goldsmith.labels.records import AnnotatedDoc, Entity

TEXT = "Officials in Valparaiso paid 40 dollars to Ana Ruiz on Monday."


def _fake_pipeline():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "GPE", "pattern": "Valparaiso"},
            {"label": "MONEY", "pattern": "40 dollars"},
            {"label": "PERSON", "pattern": "Ana Ruiz"},
            {"label": "DATE", "pattern": "Monday"},
        ]
    )
    return nlp


@pytest.fixture()
def fake_model(monkeypatch):
    names = []

    def load(name=None):
        names.append(name)
        return _fake_pipeline()

    monkeypatch.setattr(model_module, "load_model", load)
    return names


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


def test_spacy_system_through_the_command(fake_model, tmp_path):
    def ent(part, label):
        start = TEXT.index(part)
        return Entity(start, start + len(part), part, label)

    gold = tmp_path / "gold.jsonl"
    write_jsonl(
        [AnnotatedDoc("d1", TEXT, entities=(ent("Valparaiso", "GPE"), ent("Ana Ruiz", "PERSON")))],
        gold,
    )
    out = tmp_path / "r.json"
    result = CliRunner().invoke(
        app,
        [
            "eval",
            "score",
            str(gold),
            "-s",
            "sm=spacy:fake",
            "--json",
            str(out),
            "--resamples",
            "10",
        ],
    )
    assert result.exit_code == 0, result.output
    system = json.loads(out.read_text(encoding="utf-8"))["systems"][0]
    assert system["layers"] == ["entities"]
    assert system["entities"]["strict"]["micro"]["correct"] == 2
    assert system["entities"]["strict"]["micro"]["spurious"] == 1  # DATE Monday
    assert system["headline"]["quotes.end_to_end.f1"]["value"] is None


@pytest.mark.slow
def test_goldsmith_system_runs_the_pre_annotator(tmp_path, nlp):
    gold = tmp_path / "gold.jsonl"
    write_jsonl([AnnotatedDoc("d1", TEXT)], gold)
    out = tmp_path / "r.json"
    result = CliRunner().invoke(
        app,
        [
            "eval",
            "score",
            str(gold),
            "-s",
            "pre=goldsmith",
            "--json",
            str(out),
            "--resamples",
            "10",
        ],
    )
    assert result.exit_code == 0, result.output
    system = json.loads(out.read_text(encoding="utf-8"))["systems"][0]
    assert system["layers"] == ["entities", "quotes", "claims"]
    assert system["docs_scored"] == 1
    # The gold has no annotations, so everything predicted is spurious.
    micro = system["entities"]["strict"]["micro"]
    assert micro["correct"] == micro["missed"] == 0
