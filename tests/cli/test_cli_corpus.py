"""``goldsmith corpus ingest`` and ``goldsmith corpus show`` through the real CLI."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from goldsmith.cli import app
from goldsmith.corpus import doc_id_for, read_corpus

runner = CliRunner()

STORY = "Harbour Reopens After Storm\n\nBoats returned on Monday.\nAdvertisement\nMore came.\n"


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "harbour.txt").write_bytes(STORY.replace("\n", "\r\n").encode())
    (folder / "README.md").write_text("About this folder.\n", encoding="utf-8")
    lines = [{"id": "n1", "body": "Second story."}, {"body": "Second story."}, {"body": ""}]
    (tmp_path / "more.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8"
    )
    return tmp_path


def test_ingest_writes_a_corpus_and_prints_summary_and_next_step(inputs):
    out = inputs / "corpus"
    result = invoke(
        "corpus",
        "ingest",
        inputs / "news",
        inputs / "more.jsonl",
        "--out",
        out,
        "--text-field",
        "body",
    )
    assert result.exit_code == 0, result.output
    docs = list(read_corpus(out))
    assert [d.source for d in docs] == ["news/harbour.txt", "more.jsonl:1"]
    assert docs[0].doc_id == doc_id_for(STORY)
    assert [docs[0].text[s:e] for s, e in docs[0].ignore] == ["Advertisement"]
    for row in ("documents", "duplicates dropped", "empty skipped", "ignored lines"):
        assert row in result.output
    assert "duplicate: more.jsonl:2 has the same text as more.jsonl:1" in result.output
    assert "empty, skipped: more.jsonl:3" in result.output
    assert f"goldsmith annotate predict {out} --out predictions.jsonl" in result.output


def test_ingest_shard_size_option_shards_the_corpus(inputs):
    out = inputs / "corpus"
    result = invoke("corpus", "ingest", inputs / "more.jsonl", inputs / "news", "--out", out,
                    "--text-field", "body", "--shard-size", "1")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("*.arrow")) == [
        "data-00000-of-00002.arrow",
        "data-00001-of-00002.arrow",
    ]
    assert [d.source for d in read_corpus(out)] == ["more.jsonl:1", "news/harbour.txt"]


def test_ingest_reads_csv_and_parquet(tmp_path):
    (tmp_path / "a.csv").write_text("text,title\nFrom CSV.,Csv title\n", encoding="utf-8")
    pq.write_table(pa.table({"text": ["From Parquet."]}), tmp_path / "b.parquet")
    result = invoke(
        "corpus", "ingest", tmp_path / "a.csv", tmp_path / "b.parquet", "--out", tmp_path / "corpus"
    )
    assert result.exit_code == 0, result.output
    docs = list(read_corpus(tmp_path / "corpus"))
    assert [(d.source, d.title) for d in docs] == [
        ("a.csv:row 1", "Csv title"),
        ("b.parquet:row 1", None),
    ]


def test_ingest_glob_option(inputs):
    (inputs / "news" / "notes.md").write_text("Notes Title\n\nA note.\n", encoding="utf-8")
    result = invoke(
        "corpus", "ingest", inputs / "news", "--glob", "*.md", "--out", inputs / "corpus"
    )
    assert result.exit_code == 0, result.output
    assert [d.source for d in read_corpus(inputs / "corpus")] == ["news/notes.md"]


def test_empty_input_prints_a_clear_message(tmp_path):
    (tmp_path / "empty").mkdir()
    result = invoke("corpus", "ingest", tmp_path / "empty", "--out", tmp_path / "corpus")
    assert result.exit_code == 0, result.output
    assert "No input files found" in result.output
    assert "annotate predict" not in result.output
    assert list(read_corpus(tmp_path / "corpus")) == []


def _bad_inputs(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"Caf\xe9 opens.")
    missing = tmp_path / "missing.jsonl"
    missing.write_text('{"text": "ok"}\n{"body": "x"}\n', encoding="utf-8")
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "ok"}\n\n{"text": \n', encoding="utf-8")
    csv = tmp_path / "a.csv"
    csv.write_text("title,body\nT,x\n", encoding="utf-8")
    docx = tmp_path / "story.docx"
    docx.write_bytes(b"PK")
    return {
        "not utf-8": (latin, "latin.txt: not UTF-8 at byte 3"),
        "missing field": (missing, "missing.jsonl:2: no field 'text'; fields present: 'body'"),
        "invalid json": (broken, "broken.jsonl:3: invalid JSON"),
        "missing column": (csv, "a.csv: header has no column 'text'; columns present: 'title'"),
        "unsupported": (docx, "supported: .txt, .md, .jsonl, .csv, .parquet"),
        "nonexistent": (tmp_path / "nope.txt", "nope.txt: no such file or folder"),
    }


@pytest.mark.parametrize(
    "case",
    ["not utf-8", "missing field", "invalid json", "missing column", "unsupported", "nonexistent"],
)
def test_bad_input_is_one_line_and_exit_code_2(tmp_path, case):
    path, message = _bad_inputs(tmp_path)[case]
    result = invoke("corpus", "ingest", path, "--out", tmp_path / "corpus")
    assert result.exit_code == 2
    assert message in result.output
    assert result.output.count("error:") == 1
    assert "Traceback" not in result.output
    assert not (tmp_path / "corpus").exists()


def test_ingest_refuses_to_overwrite_a_folder_that_is_not_a_corpus(inputs):
    (inputs / "keep").mkdir()
    (inputs / "keep" / "file.txt").write_text("mine", encoding="utf-8")
    result = invoke("corpus", "ingest", inputs / "news", "--out", inputs / "keep")
    assert result.exit_code == 2
    assert "refusing to overwrite" in result.output


@pytest.fixture
def corpus(inputs):
    out = inputs / "corpus"
    result = invoke(
        "corpus",
        "ingest",
        inputs / "news",
        inputs / "more.jsonl",
        "--out",
        out,
        "--text-field",
        "body",
    )
    assert result.exit_code == 0, result.output
    return out


def test_show_lists_documents(corpus):
    result = invoke("corpus", "show", corpus)
    assert result.exit_code == 0, result.output
    assert doc_id_for(STORY) in result.output
    assert "news/harbour.txt" in result.output
    assert "Advertisement" in result.output
    assert "2 of 2 documents shown" in result.output


def test_show_limit(corpus):
    result = invoke("corpus", "show", corpus, "--limit", "1")
    assert result.exit_code == 0, result.output
    assert "1 of 2 documents shown" in result.output
    assert "more.jsonl:1" not in result.output


def test_show_one_document_marks_ignored_lines(corpus):
    result = invoke("corpus", "show", corpus, "--doc", doc_id_for(STORY))
    assert result.exit_code == 0, result.output
    assert "title: Harbour Reopens After Storm" in result.output
    assert "[ignored] Advertisement" in result.output
    assert "Boats returned on Monday." in result.output
    assert "[ignored] Boats" not in result.output


def test_show_unknown_document_is_exit_code_2(corpus):
    result = invoke("corpus", "show", corpus, "--doc", "doc-0000000000000000")
    assert result.exit_code == 2
    assert "no document 'doc-0000000000000000'" in result.output


def test_show_raw_input_ingests_on_the_fly(inputs):
    result = invoke("corpus", "show", inputs / "more.jsonl", "--text-field", "body")
    assert result.exit_code == 0, result.output
    assert "more.jsonl:1" in result.output
    assert "1 of 1 document shown" in result.output


def test_show_empty_corpus(tmp_path):
    (tmp_path / "empty").mkdir()
    invoke("corpus", "ingest", tmp_path / "empty", "--out", tmp_path / "corpus")
    result = invoke("corpus", "show", tmp_path / "corpus")
    assert result.exit_code == 0, result.output
    assert "has no documents" in result.output


@pytest.mark.parametrize(
    ("command", "words"),
    [
        ("ingest", ["--out", "--text-field", "--glob", "README"]),
        ("show", ["--limit", "--doc", "--text-field"]),
    ],
)
def test_help_texts(command, words):
    result = invoke("corpus", command, "--help")
    assert result.exit_code == 0
    for word in words:
        assert word in result.output


def test_sample_corpus_ingests_cleanly_with_its_advertising_lines(sample_dir, tmp_path):
    assert any(sample_dir.glob("*.txt")), f"no .txt files in {sample_dir}"
    result = invoke("corpus", "ingest", sample_dir, "--out", tmp_path / "corpus")
    assert result.exit_code == 0, result.output
    docs = list(read_corpus(tmp_path / "corpus"))
    assert len(docs) == len(list(sample_dir.glob("*.txt")))
    assert sum(len(d.ignore) for d in docs) >= 1


def test_show_prints_brackets_in_titles_literally(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(
        json.dumps({"text": "Body.", "title": "[bold]Update[/bold]"}) + "\n", encoding="utf-8"
    )
    result = invoke("corpus", "show", path)
    assert result.exit_code == 0, result.output
    assert "[bold]Update[/bold]" in result.output


def test_input_with_only_empty_documents_says_so(tmp_path):
    path = tmp_path / "blank.jsonl"
    path.write_text('{"text": "  "}\n', encoding="utf-8")
    result = invoke("corpus", "ingest", path, "--out", tmp_path / "corpus")
    assert result.exit_code == 0, result.output
    assert "every one was empty or a duplicate" in result.output
    assert "empty, skipped: blank.jsonl:1" in result.output


# -- bad input: one line, exit 2, nothing left behind -----------------------------------


def _one_line_exit_2(result, *needles):
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    for needle in needles:
        assert needle in lines[0]


def test_a_lone_surrogate_exits_2_naming_file_and_line(tmp_path):
    news = tmp_path / "news.jsonl"
    news.write_text('{"text": "Fine."}\n{"text": "Bad \\ud83d emoji."}\n', encoding="utf-8")
    result = invoke("corpus", "ingest", news, "--out", tmp_path / "c")
    _one_line_exit_2(result, "news.jsonl:2", "lone surrogate U+D83D")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.jsonl"]


@pytest.mark.timeout(60)
def test_a_fifo_is_refused_by_name(tmp_path):
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    result = invoke("corpus", "ingest", fifo, "--out", tmp_path / "c")
    _one_line_exit_2(result, str(fifo), "FIFO", "not a regular file")


@pytest.mark.timeout(60)
def test_a_fifo_in_a_folder_is_skipped_with_a_note(inputs):
    os.mkfifo(inputs / "news" / "x.txt")
    result = invoke("corpus", "ingest", inputs / "news", "--out", inputs / "c")
    assert result.exit_code == 0, result.output
    assert "not a regular file, skipped: news/x.txt (a FIFO (named pipe))" in result.output


@pytest.mark.parametrize("where", ["under_a_file", "name_too_long", "proc"])
def test_unwritable_out_exits_2_naming_the_path(inputs, where):
    out = {
        "under_a_file": inputs / "more.jsonl" / "c",
        "name_too_long": inputs / ("n" * 300),
        "proc": "/proc/goldsmith-test-corpus",
    }[where]
    result = invoke("corpus", "ingest", inputs / "news", "--out", out)
    _one_line_exit_2(result, str(out), "cannot write")


@pytest.mark.timeout(180)
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["TERM", "INT"])
def test_a_signal_leaves_no_temporary_corpus(tmp_path, signum):
    big = tmp_path / "in" / "big.jsonl"
    big.parent.mkdir()
    with big.open("w", encoding="utf-8") as fh:
        for i in range(200_000):
            fh.write(json.dumps({"text": f"Story {i}. The ferry runs again, officials said."}))
            fh.write("\n")
    out = tmp_path / "out" / "corpus"
    command = [sys.executable, "-c", "from goldsmith.cli import main; main()"]
    process = subprocess.Popen(
        [*command, "corpus", "ingest", str(big), "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 120
    while not list(out.parent.glob(".corpus-*/*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # well into the reading
    process.send_signal(signum)
    output = process.communicate(timeout=60)[0].decode()
    assert process.returncode == 130, output
    assert "Interrupted; nothing written" in output
    assert list(out.parent.iterdir()) == []
