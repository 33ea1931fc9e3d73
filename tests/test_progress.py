"""One progress vocabulary: ``goldsmith.progress.Progress``, drawn by one CLI bar."""

from __future__ import annotations

import ast
from pathlib import Path

from goldsmith.annotate.predict_run import Done
from goldsmith.cli.progress import progress_bar
from goldsmith.corpus import Progress as CorpusProgress
from goldsmith.progress import Progress

REPO = Path(__file__).resolve().parents[1]
STAGES = ("labels", "corpus", "annotate", "eval", "publish", "goldsmith")


def test_fraction_is_none_while_the_total_is_unknown():
    assert Progress("waiting").fraction is None
    assert Progress("tasks", 0, 0).fraction is None
    assert Progress("tasks", 1, 4).fraction == 0.25


def test_every_stage_speaks_the_same_event():
    assert CorpusProgress is Progress
    done = Done("documents", 3, 10, words=120)
    assert isinstance(done, Progress) and done.documents == 3 and done.words == 120


def test_no_module_defines_a_progress_class_of_its_own():
    defined = [
        f"{path.relative_to(REPO)}: {node.name}"
        for stage in STAGES
        for path in (REPO / stage).rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef) and "Progress" in node.name
    ]
    assert defined == ["goldsmith/progress.py: Progress", "goldsmith/cli/progress.py: ProgressBar"]


def test_the_bar_shows_stage_done_total_and_note():
    with progress_bar("pushing") as bar:
        bar.show(Progress("tasks", 2, 5, "first batch"))
        (task,) = bar._bar.tasks
        assert (task.description, task.completed, task.total) == ("pushing tasks", 2, 5)
        assert task.fields["note"] == "first batch"
        bar.show(Progress("waiting for another push of this project"), note="")
        (task,) = bar._bar.tasks
        assert task.description == "pushing waiting for another push of this project"
        assert task.total is None
