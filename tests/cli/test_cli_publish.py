"""``goldsmith publish`` through typer's CliRunner."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from goldsmith.cli import app
from goldsmith.labels import write_jsonl

runner = CliRunner()


def test_publish_writes_hub_folder(tmp_path, gold_dir):
    result = runner.invoke(
        app,
        [
            "publish",
            str(gold_dir),
            "--out",
            str(tmp_path / "hub"),
            "--group-by",
            "event",
            "--seed",
            "2",
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "hub" / "README.md").exists()
    assert "train" in result.output


def test_publish_spacy_and_conll_formats(tmp_path, gold_dir):
    for fmt in ("spacy", "conll"):
        result = runner.invoke(
            app, ["publish", str(gold_dir), "--out", str(tmp_path / fmt), "--format", fmt]
        )
        assert result.exit_code == 0, result.output
        assert (tmp_path / fmt / f"train.{fmt}").exists()


def test_private_data_exits_2_with_one_line(tmp_path, gold_docs):
    from dataclasses import replace

    bad = replace(gold_docs[0], meta={**gold_docs[0].meta, "annotator": "ana@example.org"})
    write_jsonl([bad, *gold_docs[1:]], tmp_path / "gold.jsonl")
    result = runner.invoke(
        app, ["publish", str(tmp_path / "gold.jsonl"), "--out", str(tmp_path / "hub")]
    )
    assert result.exit_code == 2
    assert "refusing to publish private data" in result.output
    assert "Traceback" not in result.output


def test_bad_ratios_exit_2(tmp_path, gold_dir):
    result = runner.invoke(
        app, ["publish", str(gold_dir), "--out", str(tmp_path / "hub"), "--ratios", "a,b"]
    )
    assert result.exit_code == 2
    assert "--ratios" in result.output


def _unwritable(tmp_path) -> list[Path]:
    """Paths nothing can be written to, even as root: under a file, and in sysfs."""
    (tmp_path / "a-file").write_text("x")
    paths = [tmp_path / "a-file" / "hub"]
    if Path("/sys/kernel").is_dir():
        paths.append(Path("/sys/goldsmith-test/hub"))
    return paths


def test_unwritable_out_is_one_line_naming_it(tmp_path, gold_dir):
    for out in _unwritable(tmp_path):
        for fmt in ("hub", "conll"):
            result = runner.invoke(
                app, ["publish", str(gold_dir), "--out", str(out), "--format", fmt]
            )
            assert result.exit_code == 2, result.output
            assert "Traceback" not in result.output and result.exception is not None
            lines = result.output.strip().splitlines()
            assert len(lines) == 1 and f"--out {out}" in lines[0], result.output


def test_duplicate_doc_ids_exit_2_with_the_ids(tmp_path, gold_docs):
    write_jsonl([*gold_docs, gold_docs[0]], tmp_path / "gold.jsonl")
    result = runner.invoke(
        app, ["publish", str(tmp_path / "gold.jsonl"), "--out", str(tmp_path / "hub")]
    )
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "error: doc_ids that appear more than once in the gold set: doc-0000 (2x); each "
        "document must be gold once (pull again: 'goldsmith annotate pull' keeps duplicates out)"
    ]


def test_non_empty_out_exits_2_naming_the_folder(tmp_path, gold_dir):
    (tmp_path / "hub").mkdir()
    (tmp_path / "hub" / "README.md").write_text("mine")
    result = runner.invoke(app, ["publish", str(gold_dir), "--out", str(tmp_path / "hub")])
    assert result.exit_code == 2
    assert f"--out {tmp_path / 'hub'}: not empty" in result.output
    assert (tmp_path / "hub" / "README.md").read_text() == "mine"


def test_publish_output_has_no_progress_bars(tmp_path, gold_dir):
    result = runner.invoke(app, ["publish", str(gold_dir), "--out", str(tmp_path / "hub")])
    assert result.exit_code == 0, result.output
    assert "Creating parquet" not in result.output and "ba/s" not in result.output


def test_empty_split_of_an_export_is_said(tmp_path, gold_docs):
    write_jsonl(gold_docs[:2], tmp_path / "gold.jsonl")
    result = runner.invoke(
        app,
        [
            "publish",
            str(tmp_path / "gold.jsonl"),
            "--out",
            str(tmp_path / "x"),
            "--format",
            "spacy",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "warning: split 'test' is empty" in result.output


def test_agreement_of_eval_agree_reaches_the_card_of_the_same_pull(tmp_path):
    from goldsmith.labels import AnnotatedDoc, Entity
    from goldsmith.labels.gold import GoldContent, Origin, new_pull_id, write_gold_dir

    text = "Pia Laine opened the Orchard Library in Velmora."

    def ent(phrase: str, label: str) -> Entity:
        return Entity(text.index(phrase), text.index(phrase) + len(phrase), phrase, label)

    def row(annotator: str, library: str) -> AnnotatedDoc:
        meta = {"task_id": 7, "annotator": annotator, "status": "submitted"}
        entities = (ent("Pia Laine", "PERSON"), ent("Orchard Library", library))
        return AnnotatedDoc("doc-7", text, entities=entities, meta=meta)

    rows = [row("ann-1", "FAC"), row("ann-2", "ORG")]
    gold = tmp_path / "gold"
    origin = Origin("http://127.0.0.1:8080", 5, "Velmora weekly")
    write_gold_dir(gold, GoldContent(rows[:1], rows, [], {}), origin, new_pull_id())
    assert runner.invoke(app, ["eval", "agree", str(gold)]).exit_code == 0
    result = runner.invoke(app, ["publish", str(gold), "--out", str(tmp_path / "hub")])
    assert result.exit_code == 0, result.output
    card = (tmp_path / "hub" / "README.md").read_text()
    assert "pretty_name: Velmora weekly" in card
    assert "| entities | exact | 1 | 50.0 |" in card
    assert "agreement.json" not in result.output  # no warning about it
