"""``goldsmith publish`` through typer's CliRunner."""

from __future__ import annotations

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
