"""``goldsmith studio up|down|status`` and ``goldsmith annotate push|pull`` through the CLI.

The commands run against the session's one real Label Studio server (the ``studio``
fixture of tests/conftest.py, shared through the ``studio_session`` module).
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from studio_session import free_port
from typer.testing import CliRunner

from goldsmith.cli import app
from goldsmith.corpus import load_documents
from goldsmith.labels.jsonl import write_jsonl
from goldsmith.labels.records import AnnotatedDoc, Entity

runner = CliRunner()


def test_status_of_an_empty_data_dir_is_stopped(tmp_path):
    result = runner.invoke(app, ["studio", "status", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0
    assert result.output.startswith("stopped")


def test_down_when_nothing_runs_says_so(tmp_path):
    result = runner.invoke(app, ["studio", "down", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0
    assert "not running" in result.output


@pytest.mark.studio
def test_status_of_the_running_server_masks_the_token(studio):
    result = runner.invoke(app, ["studio", "status", "--data-dir", str(studio.data_dir)])
    assert result.exit_code == 0
    assert f"running: {studio.url} (pid {studio.pid}" in result.output
    assert studio.api_key[:4] + "…" in result.output
    assert studio.api_key not in result.output


@pytest.mark.studio
def test_up_when_running_is_idempotent(studio):
    result = runner.invoke(
        app, ["studio", "up", "--data-dir", str(studio.data_dir), "--port", str(studio.port)]
    )
    assert result.exit_code == 0
    assert f"already running at {studio.url}" in result.output
    assert studio.api_key not in result.output


@pytest.mark.studio
def test_up_on_a_taken_port_is_one_error_line(studio, tmp_path):
    result = runner.invoke(
        app, ["studio", "up", "--data-dir", str(tmp_path / "s"), "--port", str(studio.port)]
    )
    assert result.exit_code == 2
    assert f"port {studio.port}" in result.output and "--port" in result.output


@pytest.fixture()
def corpus(tmp_path) -> tuple[Path, Path]:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "one.txt").write_text("Nadia Orsk 🎻 played in Lunden.\n", encoding="utf-8")
    (folder / "two.txt").write_text("Peder Holm said 12 boats 🚤 left.\n", encoding="utf-8")
    preds = []
    for doc in load_documents(folder):
        name = " ".join(doc.text.split()[:2])
        preds.append(
            AnnotatedDoc(
                doc.doc_id,
                doc.text,
                entities=(Entity(0, len(name), name, "PERSON", 0.8),),
                meta={"model_version": "cli-v1"},
            )
        )
    path = tmp_path / "preds.jsonl"
    write_jsonl(preds, path)
    return folder, path


def _env(studio, token: str | None = None) -> dict[str, str]:
    return {"LABEL_STUDIO_URL": studio.url, "LABEL_STUDIO_API_KEY": token or studio.api_key}


@pytest.mark.studio
def test_push_then_pull_through_the_cli(studio, corpus, tmp_path):
    folder, preds = corpus
    title = f"cli-{uuid.uuid4().hex[:8]}"
    args = [
        "annotate",
        "push",
        str(folder),
        "--predictions",
        str(preds),
        "--project",
        title,
        "--studio-dir",
        str(tmp_path / "studio"),
    ]
    first = runner.invoke(app, args, env=_env(studio))
    assert first.exit_code == 0, first.output
    assert "2 tasks added, 0 already there; 2 predictions added" in first.output
    second = runner.invoke(app, args, env=_env(studio))
    assert "0 tasks added, 2 already there; 0 predictions added" in second.output
    out = tmp_path / "gold"
    pulled = runner.invoke(
        app,
        [
            "annotate",
            "pull",
            "--project",
            title,
            "--out",
            str(out),
            "--studio-dir",
            str(tmp_path / "studio"),
        ],
        env=_env(studio),
    )
    assert pulled.exit_code == 0, pulled.output
    assert "2 tasks, 0 annotations by 0 annotators, 0 gold documents" in pulled.output
    assert "2 tasks without annotations" in pulled.output
    assert {p.name for p in out.iterdir()} >= {
        "gold.jsonl",
        "dataset",
        "annotations.jsonl",
        "predictions.jsonl",
        "report.json",
    }


@pytest.mark.studio
def test_wrong_token_is_one_error_line(studio, tmp_path):
    result = runner.invoke(
        app,
        ["annotate", "pull", "--project", "x", "--out", str(tmp_path / "g")],
        env=_env(studio, "f" * 40),
    )
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:")
    assert studio.url in lines[0] and "LABEL_STUDIO_API_KEY" in lines[0]


def test_server_down_is_one_error_line(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"
    result = runner.invoke(
        app,
        ["annotate", "pull", "--project", "x", "--out", str(tmp_path / "g")],
        env={"LABEL_STUDIO_URL": url, "LABEL_STUDIO_API_KEY": "k" * 40},
    )
    assert result.exit_code == 2
    assert url in result.output and "goldsmith studio up" in result.output


def test_status_names_the_database_of_an_empty_data_dir(tmp_path):
    result = runner.invoke(app, ["studio", "status", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0
    assert "database: SQLite" in result.output


def test_up_with_sqlite_and_a_database_url_is_a_usage_error(tmp_path):
    result = runner.invoke(
        app,
        ["studio", "up", "--data-dir", str(tmp_path), "--database", "sqlite"]
        + ["--database-url", "postgresql://u:topsecret@127.0.0.1:9/x"],
    )
    assert result.exit_code == 2
    assert "topsecret" not in result.output


def test_up_on_an_unreachable_database_url_masks_the_password(tmp_path, monkeypatch):
    monkeypatch.setenv("GOLDSMITH_DATABASE_URL", "postgresql://u:topsecret@127.0.0.1:9/x")
    result = runner.invoke(
        app, ["studio", "up", "--data-dir", str(tmp_path), "--port", str(free_port())]
    )
    assert result.exit_code == 2, result.output
    assert "postgresql://u:***@127.0.0.1:9/x" in result.output
    assert "topsecret" not in result.output
