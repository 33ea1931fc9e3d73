"""``goldsmith annotate predict`` through the CLI runner."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from goldsmith.annotate.model import MODEL_ENV
from goldsmith.cli import app
from goldsmith.labels import read_jsonl

runner = CliRunner()

ARTICLES = {
    "a_ferry.txt": "Ferry crews in Harlow Bay walked out on Monday.\n\n\u201cWe asked for two "
    "more sailors per shift,\u201d union organiser Dana Pike said. About 300 passengers "
    "waited at the terminal.\n",
    "b_orchard.txt": "Frost destroyed nearly 40 percent of the apple crop in the Brenn Valley, "
    "growers said on Thursday. Agriculture Minister Omar Hale promised help.\n",
}


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_writes_valid_spec_jsonl(articles, tmp_path):
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["annotate", "predict", str(articles), "--out", str(out)])
    assert result.exit_code == 0, result.output
    docs = list(read_jsonl(out))  # read_jsonl validates every record
    sources = sorted(d.meta["source"] for d in docs)
    assert [s.rsplit("/", 1)[-1] for s in sources] == sorted(ARTICLES)
    assert all(d.meta["model_version"].startswith("goldsmith-") for d in docs)
    assert sum(len(d.entities) for d in docs) > 0
    assert "model_version" in result.output
    assert "2" in result.output  # the summary counts the documents
    assert f"annotate push {articles} --predictions {out}" in result.output.replace("\n", "")


def test_layers_option_limits_the_output(articles, tmp_path):
    out = tmp_path / "pred.jsonl"
    args = ["annotate", "predict", str(articles), "--out", str(out), "--layers", "entities"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    docs = list(read_jsonl(out))
    assert all(d.quotes == () and d.claims == () for d in docs)
    assert any(d.entities for d in docs)


def test_two_processes_write_the_same_file(articles, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    base = ["annotate", "predict", str(articles), "--batch-size", "1"]
    assert runner.invoke(app, [*base, "--out", str(one)]).exit_code == 0
    result = runner.invoke(app, [*base, "--out", str(two), "--n-process", "2"])
    assert result.exit_code == 0, result.output
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")


def test_bad_model_exits_2_with_one_line(articles, tmp_path):
    out = tmp_path / "pred.jsonl"
    args = ["annotate", "predict", str(articles), "--out", str(out), "--model", "no_such_model_x"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert "no_such_model_x" in lines[0] and "pip install" in lines[0]
    assert not out.exists()


def test_bad_model_from_env_var_exits_2(articles, tmp_path, monkeypatch):
    monkeypatch.setenv(MODEL_ENV, "no_such_env_model")
    result = runner.invoke(
        app, ["annotate", "predict", str(articles), "--out", str(tmp_path / "p")]
    )
    assert result.exit_code == 2
    assert "no_such_env_model" in result.output


def test_missing_input_exits_2_with_one_line(tmp_path):
    result = runner.invoke(
        app, ["annotate", "predict", str(tmp_path / "nope"), "--out", str(tmp_path / "p.jsonl")]
    )
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert "nope" in result.output


def test_unknown_layer_exits_2(articles, tmp_path):
    args = ["annotate", "predict", str(articles), "--out", str(tmp_path / "p"), "--layers", "x"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "valid layers" in result.output


def test_empty_input_writes_an_empty_file_and_says_so(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["annotate", "predict", str(empty), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == ""
    assert "No documents" in result.output
