"""``goldsmith eval agree``: tables, --json, and messages for empty or unreadable input."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from goldsmith.cli import app
from goldsmith.labels import AnnotatedDoc, Entity, read_jsonl, write_jsonl

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


def test_agreement_is_saved_in_the_gold_dir_tied_to_its_table(tmp_path):
    gold = _gold_dir(tmp_path / "gold")
    result = runner.invoke(app, ["eval", "agree", str(gold)])
    assert result.exit_code == 0, result.output
    saved = json.loads((gold / "agreement.json").read_text(encoding="utf-8"))
    assert saved["gold"]["pull_id"] is None  # a hand-made gold dir has no manifest
    assert len(saved["gold"]["annotations_sha256"]) == 64
    assert saved["annotators"] == ["ann-1", "ann-2"]


def test_counts_read_as_english(tmp_path):
    gold = _gold_dir(tmp_path / "gold")
    result = runner.invoke(app, ["eval", "agree", str(gold)])
    first = result.output.splitlines()[0]
    assert first.startswith("2 submitted annotations by 2 annotators on 1 task; 1 task with")
    assert "(s)" not in result.output
    write_jsonl([_row("ann-1", [_ent("Velmora", "GPE")])], tmp_path / "one" / "annotations.jsonl")
    result = runner.invoke(app, ["eval", "agree", str(tmp_path / "one")])
    assert result.output.startswith("1 submitted annotation by 1 annotator on 1 task; 0 tasks")


def test_unwritable_json_is_one_line_naming_it(tmp_path):
    gold = _gold_dir(tmp_path / "gold")
    (tmp_path / "a-file").write_text("x")
    for target in (tmp_path / "a-file" / "agree.json", Path("/sys/goldsmith-test/a.json")):
        if not target.parent.parent.exists():
            continue
        result = runner.invoke(app, ["eval", "agree", str(gold), "--json", str(target)])
        assert result.exit_code == 2, result.output
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and f"--json {target}" in lines[0], result.output


def test_a_gold_dir_that_does_not_match_its_manifest_is_refused(tmp_path):
    from goldsmith.labels.gold import GoldContent, Origin, new_pull_id, write_gold_dir

    table = _gold_dir(tmp_path / "table")
    rows = list(read_jsonl(table / "annotations.jsonl"))
    gold = tmp_path / "gold"
    origin = Origin("http://127.0.0.1:8080", 1, "News")
    write_gold_dir(gold, GoldContent([], rows, [], {}), origin, new_pull_id())
    write_jsonl(rows[:1], gold / "annotations.jsonl")
    result = runner.invoke(app, ["eval", "agree", str(gold)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        next(line for line in result.output.splitlines() if "annotations.jsonl" in line)
    ]
    assert "does not match manifest.json" in result.output
