"""``goldsmith annotate predict`` through the CLI runner."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

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


# -- bad input never ends in a traceback or a lost run ----------------------------------


def _one_line_exit_2(result, *needles):
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    for needle in needles:
        assert needle in lines[0]


@pytest.mark.parametrize("where", ["under_a_file", "name_too_long", "proc"])
def test_unwritable_out_exits_2_naming_the_path(articles, tmp_path, where):
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    out = {
        "under_a_file": tmp_path / "afile" / "p.jsonl",
        "name_too_long": tmp_path / ("n" * 300 + ".jsonl"),
        "proc": "/proc/goldsmith-test/p.jsonl",
    }[where]
    result = runner.invoke(app, ["annotate", "predict", str(articles), "--out", str(out)])
    _one_line_exit_2(result, str(out), "cannot write")


@pytest.mark.timeout(60)
def test_a_fifo_input_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    result = runner.invoke(app, ["annotate", "predict", str(fifo), "--out", str(tmp_path / "p")])
    _one_line_exit_2(result, str(fifo), "not a regular file")


def test_a_lone_surrogate_in_raw_input_exits_2_with_the_line(tmp_path):
    news = tmp_path / "news.jsonl"
    news.write_text('{"text": "Fine."}\n{"text": "Bad \\ud83d emoji."}\n', encoding="utf-8")
    out = tmp_path / "p.jsonl"
    result = runner.invoke(app, ["annotate", "predict", str(news), "--out", str(out)])
    _one_line_exit_2(result, "news.jsonl:2", "lone surrogate")
    assert not out.exists() and list(tmp_path.iterdir()) == [news]


def test_a_document_that_cannot_be_parsed_is_skipped_with_a_warning(tmp_path, monkeypatch):
    from goldsmith.annotate.model import load_model

    monkeypatch.setattr(load_model(), "max_length", 2_000)
    news = tmp_path / "news.jsonl"
    rows = [{"text": ARTICLES["a_ferry.txt"]}, {"text": "z" * 2_500}, {"text": "Kyiv, Monday."}]
    news.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "p.jsonl"
    result = runner.invoke(app, ["annotate", "predict", str(news), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "warning: skipped doc-" in result.output and "news.jsonl:2" in result.output
    docs = list(read_jsonl(out))
    assert len(docs) == 3 and "skipped" in docs[1].meta and docs[2].entities


def _news(tmp_path, n):
    news = tmp_path / "news.jsonl"
    texts = list(ARTICLES.values())
    rows = [f"Story {i}. " + texts[i % 2] for i in range(n)]
    news.write_text("".join(json.dumps({"text": t}) + "\n" for t in rows), encoding="utf-8")
    return news


def test_resumes_from_the_intact_head_of_a_killed_runs_partial(tmp_path):
    news = _news(tmp_path, 6)
    full = tmp_path / "full.jsonl"
    assert runner.invoke(app, ["annotate", "predict", str(news), "--out", str(full)]).exit_code == 0
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    out = tmp_path / "p.jsonl"
    hidden = tmp_path / ".p.jsonl.partial"  # what kill -9 leaves: a cut last line
    hidden.write_text("".join(lines[:3]) + lines[3][:40], encoding="utf-8")
    result = runner.invoke(app, ["annotate", "predict", str(news), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "kept 3 documents" in result.output
    assert out.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full.jsonl", "news.jsonl", "p.jsonl"]


def test_resume_stops_at_the_first_record_of_another_document(tmp_path):
    news = _news(tmp_path, 4)
    full = tmp_path / "full.jsonl"
    assert runner.invoke(app, ["annotate", "predict", str(news), "--out", str(full)]).exit_code == 0
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    out = tmp_path / "p.jsonl"
    (tmp_path / "p.jsonl.partial").write_text(lines[0] + lines[2] + lines[1], encoding="utf-8")
    result = runner.invoke(app, ["annotate", "predict", str(news), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "kept 1 document already done" in result.output
    assert out.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")
    assert not (tmp_path / "p.jsonl.partial").exists()


@pytest.mark.timeout(180)
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["TERM", "INT"])
def test_a_signal_keeps_the_work_done_and_leaves_no_hidden_file(tmp_path, signum):
    news = _news(tmp_path, 3_000)
    out = tmp_path / "p.jsonl"
    command = [sys.executable, "-c", "from goldsmith.cli import main; main()"]
    command += ["annotate", "predict", str(news)]
    command += ["--out", str(out), "--batch-size", "4"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    hidden = tmp_path / ".p.jsonl.partial"
    deadline = time.monotonic() + 120
    while not (hidden.exists() and hidden.stat().st_size > 0) and time.monotonic() < deadline:
        time.sleep(0.1)
    process.send_signal(signum)
    output = process.communicate(timeout=60)[0].decode()
    assert process.returncode == 130, output
    assert "Run the same command again to resume" in output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.jsonl", "p.jsonl.partial"]
    kept = list(read_jsonl(tmp_path / "p.jsonl.partial"))  # whole records only
    assert 0 < len(kept) < 3_000
