"""``goldsmith quickstart``: the sample corpus ingested, pre-annotated and pushed in one go.

Runs against the session's Label Studio server (through LABEL_STUDIO_URL /
LABEL_STUDIO_API_KEY, so the quickstart starts no server of its own).
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from goldsmith.cli import app
from goldsmith.cli.quickstart import DEFAULT_PROJECT, next_steps, sample_corpus_dir
from goldsmith.corpus import doc_id_for, normalize_newlines

runner = CliRunner()


def _sample_ids() -> set[str]:
    return {
        doc_id_for(normalize_newlines(p.read_text(encoding="utf-8")))
        for p in sample_corpus_dir().glob("*.txt")
    }


def _project_state(client, title: str) -> tuple[dict[str, int], set[int]]:
    """(doc_id -> task id, task ids that carry a prediction) of the project titled ``title``."""
    (project,) = [p for p in client.projects.list(title=title) if p.title == title]
    tasks = {t.data["doc_id"]: t.id for t in client.tasks.list(project=project.id)}
    predicted = [p.task for p in client.predictions.list(project=project.id)]
    assert len(predicted) == len(set(predicted)), "a task has two predictions"
    return tasks, set(predicted)


def test_the_bundled_sample_corpus_is_found_in_the_installed_package():
    assert len(list(sample_corpus_dir().glob("*.txt"))) == 15


@pytest.mark.studio
@pytest.mark.slow
def test_quickstart_pushes_the_sample_once_and_a_second_run_adds_nothing(
    studio, tmp_path, monkeypatch
):
    monkeypatch.setenv("LABEL_STUDIO_URL", studio.url)
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", studio.api_key)
    title = f"quickstart {uuid.uuid4().hex[:8]}"
    args = [
        "quickstart",
        "--project",
        title,
        "--workdir",
        str(tmp_path / "qs"),
        "--studio-dir",
        str(tmp_path / "studio"),
    ]

    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    tasks, predicted = _project_state(studio.client, title)
    assert set(tasks) == _sample_ids()
    assert predicted == set(tasks.values())
    assert "15 tasks added" in first.output
    assert studio.url in first.output and studio.api_key not in first.output
    assert "goldsmith annotate pull" in first.output and "goldsmith eval score" in first.output
    assert not (tmp_path / "studio").exists()  # LABEL_STUDIO_URL set: no local server

    second = runner.invoke(app, args)
    assert second.exit_code == 0, second.output
    assert _project_state(studio.client, title) == (tasks, predicted)
    assert "0 tasks added, 15 already there; 0 predictions added" in second.output


def test_quickstart_names_an_unreachable_server_in_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("LABEL_STUDIO_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", "not-a-token")
    result = runner.invoke(app, ["quickstart", "--workdir", str(tmp_path / "qs")])
    assert result.exit_code == 2
    assert "cannot reach Label Studio at http://127.0.0.1:9" in result.output
    assert (tmp_path / "qs" / "predictions.jsonl").exists()


def _readme_next_steps(repo_root) -> list[str]:
    """The commands of the README's "then:" block, comments dropped."""
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    blocks = [b.split("```")[0] for b in readme.split("```bash\n")[1:]]
    (block,) = [b for b in blocks if "goldsmith annotate pull" in b]
    return [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]


def test_quickstart_prints_the_readme_next_steps(repo_root):
    printed = next_steps(DEFAULT_PROJECT, Path(".venv"), None, local=True)
    assert printed == _readme_next_steps(repo_root)
    assert printed[0] == ". .venv/bin/activate"


def test_next_steps_name_a_non_default_studio_folder_and_no_down_for_a_remote_server():
    lines = next_steps("News", None, Path("/srv/ls"), local=True)
    assert lines[0].startswith("goldsmith annotate pull") and lines[0].endswith(
        "--studio-dir /srv/ls"
    )
    assert lines[-1] == "goldsmith studio down --studio-dir /srv/ls"
    assert not any("studio down" in line for line in next_steps("News", None, None, local=False))
