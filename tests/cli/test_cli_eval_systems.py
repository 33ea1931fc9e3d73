"""``eval score`` with systems that run a model (spaCy, the pre-annotator)."""

from __future__ import annotations

import json

import pytest
from fake_ner import TEXT, use_fake_pipeline
from typer.testing import CliRunner

from goldsmith.cli import app
from goldsmith.labels.jsonl import write_jsonl
from goldsmith.labels.records import AnnotatedDoc, Entity


@pytest.fixture()
def fake_model(monkeypatch):
    return use_fake_pipeline(monkeypatch)


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
