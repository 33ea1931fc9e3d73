"""``goldsmith eval agree``: tables, --json, and messages for empty or unreadable input."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from goldsmith.cli import app
from goldsmith.labels import AnnotatedDoc, Entity, write_jsonl

runner = CliRunner()

TEXT = "Pia Laine opened the Orchard Library in Velmora on Monday ."


def _ent(phrase: str, label: str) -> Entity:
    start = TEXT.index(phrase)
    return Entity(start, start + len(phrase), phrase, label)


def _row(annotator: str, entities, status: str = "submitted") -> AnnotatedDoc:
    meta = {
        "task_id": 7,
        "annotation_id": len(annotator),
        "annotator": annotator,
        "status": status,
        "ground_truth": False,
    }
    return AnnotatedDoc("doc-7", TEXT, entities=tuple(entities), meta=meta)


def _gold_dir(tmp_path: Path) -> Path:
    person, lib, place = (
        _ent("Pia Laine", "PERSON"),
        _ent("Orchard Library", "FAC"),
        _ent("Velmora", "GPE"),
    )
    write_jsonl(
        [
            _row("ann-1", [person, lib, place]),
            _row("ann-2", [person, _ent("Orchard Library", "ORG"), place]),
            _row("ann-3", [], status="skipped"),
        ],
        tmp_path / "annotations.jsonl",
    )
    prediction = AnnotatedDoc(
        "doc-7", TEXT, entities=(person, place), meta={"task_id": 7, "model_version": "v1"}
    )
    write_jsonl([prediction], tmp_path / "predictions.jsonl")
    return tmp_path


def test_agree_prints_tables_and_writes_json(tmp_path):
    gold = _gold_dir(tmp_path / "gold")
    out = tmp_path / "out" / "agree.json"
    result = runner.invoke(app, ["eval", "agree", str(gold), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "Pairwise span F1" in result.output
    assert "Krippendorff" in result.output
    assert "Edits of the pre-annotations" in result.output
    assert "1 skipped" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["annotators"] == ["ann-1", "ann-2"]
    summed = {(s["layer"], s["label"], s["criterion"]): s for s in data["summed"]}
    assert summed[("entities", "ALL", "exact")]["f1"] == 2 / 3
    assert summed[("entities", "PERSON", "exact")]["f1"] == 1.0
    assert summed[("quotes", "ALL", "overlap_30")]["f1"] is None
    assert data["edits"]["entities"]["kept"] == 4
    assert data["edits"]["entities"]["added"] == 2
    assert 0 < data["alpha"]["entities"]["alpha"] < 1


def test_agree_without_submitted_annotations_says_so(tmp_path):
    write_jsonl([_row("ann-1", [], status="draft")], tmp_path / "annotations.jsonl")
    result = runner.invoke(app, ["eval", "agree", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "no submitted annotations" in result.output
    assert "Pairwise" not in result.output


def test_agree_on_an_empty_directory_says_so(tmp_path):
    out = tmp_path / "agree.json"
    result = runner.invoke(app, ["eval", "agree", str(tmp_path), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "no annotations.jsonl in the gold directory" in result.output
    assert "annotate pull" in result.output
    assert json.loads(out.read_text(encoding="utf-8"))["annotations"] == 0


def test_agree_on_broken_json_names_the_line(tmp_path):
    gold = _gold_dir(tmp_path)
    with (gold / "annotations.jsonl").open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    result = runner.invoke(app, ["eval", "agree", str(gold)])
    assert result.exit_code == 2
    assert "annotations.jsonl:4: invalid JSON" in result.output


def test_agree_on_missing_directory_exits_2(tmp_path):
    result = runner.invoke(app, ["eval", "agree", str(tmp_path / "nope")])
    assert result.exit_code == 2
