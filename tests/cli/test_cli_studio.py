"""``goldsmith studio up|down|status`` and ``goldsmith annotate push|pull`` through the CLI.

The commands run against the session's one real Label Studio server (the ``studio``
fixture of tests/conftest.py, shared through the ``studio_session`` module).
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import uuid
from pathlib import Path

import pytest
from studio_session import free_port
from typer.testing import CliRunner

from goldsmith.annotate.studio.push import find_project
from goldsmith.annotate.studio.server import server_status
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


def _spoil(path: Path, line: int, change) -> None:
    """Rewrite one record of a JSONL file (json.dumps writes NaN and Infinity as is)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[line - 1])
    change(record)
    lines[line - 1] = json.dumps(record, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _set_region_score(value):
    def change(record):
        record["entities"][0]["score"] = value

    return change


@pytest.mark.studio
@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_set_region_score("high"), "entities[0]: score must be a number from 0 to 1"),
        (_set_region_score(float("nan")), "entities[0]: score must be a number from 0 to 1"),
        (_set_region_score(float("inf")), "entities[0]: score must be a number from 0 to 1"),
        (_set_region_score(1.5), "entities[0]: score must be a number from 0 to 1"),
        (lambda r: r.update(score="0.9"), "score must be a number from 0 to 1"),
        (lambda r: r.update(model_version={"v": 1}), "model_version must be a string"),
    ],
)
def test_a_malformed_prediction_is_refused_before_anything_is_created(
    studio, corpus, tmp_path, change, message
):
    folder, preds = corpus
    _spoil(preds, 2, change)
    title = f"cli-bad-{uuid.uuid4().hex[:8]}"
    result = runner.invoke(
        app,
        ["annotate", "push", str(folder), "--predictions", str(preds), "--project", title],
        env=_env(studio),
    )
    assert result.exit_code == 2, result.output
    assert f"{preds}:2: " in result.output and message in result.output
    assert find_project(studio.client, title) is None  # no empty project left behind


@pytest.mark.studio
def test_up_on_the_running_servers_data_dir_makes_it_private(studio):
    database = studio.data_dir / "label-studio" / "label_studio.sqlite3"
    for path, mode in [(studio.data_dir, 0o755), (database, 0o644)]:
        os.chmod(path, mode)
    result = runner.invoke(
        app, ["studio", "up", "--data-dir", str(studio.data_dir), "--port", str(studio.port)]
    )
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(studio.data_dir.stat().st_mode) == 0o700
    private = {
        path: stat.S_IMODE(path.stat().st_mode)
        for path in [database, *studio.data_dir.rglob("*")]
        if path.is_file() and not path.is_symlink()
    }
    assert {p: m for p, m in private.items() if m & 0o077} == {}


@pytest.mark.studio
def test_a_copy_of_the_servers_data_dir_is_not_running(studio, tmp_path):
    copy = tmp_path / "copied-studio"
    copy.mkdir()
    for name in ("server.json", "credentials.json"):
        shutil.copy2(studio.data_dir / name, copy / name)
    status = runner.invoke(app, ["studio", "status", "--data-dir", str(copy)])
    assert status.output.startswith("stopped"), status.output
    down = runner.invoke(app, ["studio", "down", "--data-dir", str(copy)])
    assert "not running" in down.output
    assert server_status(studio.data_dir).running  # the real server was not signalled


def test_a_password_in_label_studio_url_is_never_shown(tmp_path):
    url = f"http://annotator:pa55word@127.0.0.1:{free_port()}"
    result = runner.invoke(
        app,
        ["annotate", "pull", "--project", "x", "--out", str(tmp_path / "g")],
        env={"LABEL_STUDIO_URL": url, "LABEL_STUDIO_API_KEY": "k" * 40},
    )
    assert result.exit_code == 2
    assert "pa55word" not in result.output
    assert "http://***@127.0.0.1:" in result.output


def test_a_password_in_label_studio_url_is_hidden_when_the_token_is_missing(tmp_path):
    result = runner.invoke(
        app,
        ["annotate", "pull", "--project", "x", "--out", str(tmp_path / "g")],
        env={"LABEL_STUDIO_URL": "https://ann:s3cr3t@ls.example:8443", "LABEL_STUDIO_API_KEY": ""},
    )
    assert result.exit_code == 2
    assert "s3cr3t" not in result.output and "https://***@ls.example:8443" in result.output


def test_corrupt_credentials_do_not_advise_deleting_the_data_dir(tmp_path):
    (tmp_path / "credentials.json").write_text("{}")
    result = runner.invoke(app, ["studio", "status", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0  # stopped: status does not need the credentials
    result = runner.invoke(app, ["studio", "up", "--data-dir", str(tmp_path), "--port", "1"])
    assert result.exit_code == 2
    assert "credentials.json" in result.output and "label-studio user" in result.output
    assert "delete" not in result.output


@pytest.mark.studio
def test_a_refused_project_title_says_why(studio, corpus):
    folder, preds = corpus
    result = runner.invoke(
        app,
        ["annotate", "push", str(folder), "--predictions", str(preds), "--project", "ab"],
        env=_env(studio),
    )
    assert result.exit_code == 2
    assert "HTTP 400" in result.output and "at least 3 characters" in result.output


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
    assert "***@127.0.0.1:9/x" in result.output
    assert "topsecret" not in result.output
