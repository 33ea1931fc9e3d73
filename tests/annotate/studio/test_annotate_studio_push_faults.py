"""``goldsmith annotate push`` as separate processes against the real server: two at once,
and killed with SIGKILL at random points. Either way a document ends as exactly one task
with its prediction.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from studio_proxy import Proxy

from goldsmith.annotate.studio.push import find_project
from goldsmith.annotate.studio.push_lock import lock_path
from goldsmith.corpus import load_documents
from goldsmith.labels.jsonl import read_jsonl, write_jsonl
from goldsmith.labels.records import AnnotatedDoc, Entity
from goldsmith.labels.studio_config import labeling_config

pytestmark = pytest.mark.studio

GOLDSMITH = Path(sys.executable).parent / "goldsmith"
NAMES = ["Orla Penning", "Tomas Reeve", "Ada Kullen", "Bram Osterhout", "Lia Fennick"]


def _corpus(tmp_path: Path, count: int, version: str = "faults-v1") -> tuple[Path, Path, list]:
    """``count`` short stories of our own, and a prediction (one PERSON) for each."""
    folder = tmp_path / "texts"
    folder.mkdir()
    for i in range(count):
        name = NAMES[i % len(NAMES)]
        (folder / f"story-{i:03d}.txt").write_text(
            f"{name} opened pier {i} in Wexmoor on a grey morning; {i + 3} ferries waited.\n",
            encoding="utf-8",
        )
    docs = list(load_documents(folder))
    preds = []
    for doc in docs:
        name = next(n for n in NAMES if doc.text.startswith(n))
        preds.append(
            AnnotatedDoc(
                doc.doc_id,
                doc.text,
                entities=(Entity(0, len(name), name, "PERSON", 0.9),),
                meta={"model_version": version},
            )
        )
    path = tmp_path / "preds.jsonl"
    write_jsonl(preds, path)
    return folder, path, docs


def _push_process(
    url: str, token: str, folder: Path, preds: Path, title: str, tmp_path: Path, batch: int
) -> subprocess.Popen:
    env = {
        **os.environ,
        "LABEL_STUDIO_URL": url,
        "LABEL_STUDIO_API_KEY": token,
        "COLUMNS": "200",
    }
    return subprocess.Popen(
        [
            str(GOLDSMITH),
            "annotate",
            "push",
            str(folder),
            "--predictions",
            str(preds),
            "--project",
            title,
            "--batch-size",
            str(batch),
            "--studio-dir",
            str(tmp_path / "no-local-server"),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _tasks(client, project_id: int) -> list:
    return list(client.tasks.list(project=project_id, fields="all", page_size=1000))


def _assert_one_task_with_its_prediction(client, project_id: int, docs, version: str) -> None:
    tasks = _tasks(client, project_id)
    counts = Counter(t.data["doc_id"] for t in tasks)
    assert counts == Counter(d.doc_id for d in docs), {k: v for k, v in counts.items() if v > 1}
    for task in tasks:
        assert [p.model_version for p in task.predictions] == [version], task.id


# -- two pushes at once ---------------------------------------------------------------------


class _ListingBarrier(Proxy):
    """A forwarding proxy in front of Label Studio that makes two pushes collide.

    The first request listing a project's tasks is held until a second one arrives (or
    ``hold`` seconds pass), so two pushes that are not kept apart read the task list at
    the same moment, both see no tasks, and both import: the race of issue 9, made
    certain instead of likely.
    """

    def __init__(self, target: str, hold: float = 5.0) -> None:
        super().__init__(target)
        self.hold = hold
        self.listings = 0
        self.lock = threading.Lock()
        self.second = threading.Event()

    def before_forward(self, method: str, path: str) -> None:
        if method != "GET" or not path.startswith("/api/tasks"):
            return
        with self.lock:
            self.listings += 1
            number = self.listings
        if number == 1:
            self.second.wait(self.hold)
        elif number == 2:
            self.second.set()


@pytest.mark.slow
def test_two_pushes_at_once_make_one_task_per_document(studio, tmp_path):
    folder, preds, docs = _corpus(tmp_path, 15)
    title = f"race-{uuid.uuid4().hex[:8]}"
    project = studio.client.projects.create(title=title, label_config=labeling_config())
    with _ListingBarrier(studio.url) as proxy:
        runs = [
            _push_process(proxy.url, studio.api_key, folder, preds, title, tmp_path, 5)
            for _ in range(2)
        ]
        outputs = [run.communicate(timeout=240)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert proxy.listings >= 2  # both pushes listed the tasks through the proxy
    # the lock kept them apart: one imported everything, the other found it all there
    added = sorted(int(re.search(r"(\d+) tasks? added", out).group(1)) for out in outputs)
    assert added == [0, len(docs)], outputs
    _assert_one_task_with_its_prediction(studio.client, project.id, docs, "faults-v1")


# -- kill -9 at random points ---------------------------------------------------------------

SEED = 20261130
KILLS = 10
QUEUED = 3  # pushes alive at once: one works, the others start up and wait for the lock


@pytest.mark.slow
def test_push_killed_at_random_points_then_rerun_leaves_one_task_per_document(studio, tmp_path):
    """Ten pushes of one project killed with SIGKILL at seeded random points, then rerun.

    Each push is killed a random 0-0.8 s after it took the push lock (so inside its work:
    listing, importing batches of two tasks, adding predictions, setting the model
    version; not its start-up). Five push predictions of version v1 (they create the
    tasks), five those of v2 (they add predictions to existing tasks); up to three are
    alive at once so the next one starts up while the one holding the lock works (they
    take the lock in any order). Then both pushes run to the end. After every kill no
    document has two tasks and no task has a version twice; at the end every document
    is one task with exactly one prediction of each version.
    """
    rng = random.Random(SEED)
    folder, first, docs = _corpus(tmp_path, 30, "faults-v1")
    second = tmp_path / "preds-v2.jsonl"
    write_jsonl(
        [replace(p, meta={"model_version": "faults-v2"}) for p in read_jsonl(first)], second
    )
    title = f"faults-{uuid.uuid4().hex[:8]}"
    lock = lock_path(studio.url, title)
    waiting = [first if i % 2 == 0 else second for i in range(KILLS)]
    alive: list[subprocess.Popen] = []
    killed = 0
    while waiting or alive:
        while waiting and len(alive) < QUEUED:
            alive.append(
                _push_process(
                    studio.url, studio.api_key, folder, waiting.pop(0), title, tmp_path, 2
                )
            )
        holder = _wait_for_holder(lock, alive)
        if holder is not None:
            time.sleep(rng.uniform(0.0, 0.8))
            if holder.poll() is None:
                holder.send_signal(signal.SIGKILL)
                killed += 1
        for run in [r for r in alive if r.poll() is not None or r is holder]:
            run.communicate(timeout=60)
            alive.remove(run)
        _assert_no_copies(studio.client, title)
    finals = [
        _push_process(studio.url, studio.api_key, folder, preds, title, tmp_path, 2)
        for preds in (first, second)
    ]
    for final in finals:
        output = final.communicate(timeout=240)[0]
        assert final.returncode == 0, output
    assert killed >= KILLS - 2  # the runs were really interrupted, not finished
    tasks = _tasks(studio.client, find_project(studio.client, title))
    assert Counter(t.data["doc_id"] for t in tasks) == Counter(d.doc_id for d in docs)
    for task in tasks:
        assert sorted(p.model_version for p in task.predictions) == ["faults-v1", "faults-v2"]


def _assert_no_copies(client, title: str) -> None:
    """No document has two tasks, no task has a prediction version twice."""
    project_id = find_project(client, title)
    if project_id is None:
        return
    tasks = _tasks(client, project_id)
    assert max(Counter(t.data["doc_id"] for t in tasks).values(), default=1) == 1
    for task in tasks:
        versions = [p.model_version for p in task.predictions]
        assert len(versions) == len(set(versions)), (task.id, versions)


def _wait_for_holder(lock: Path, runs: list[subprocess.Popen]) -> subprocess.Popen | None:
    """The run that holds the flock on ``lock`` (from ``/proc/locks``), once one does;
    None when one of them ended first or 90 s passed."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and all(r.poll() is None for r in runs):
        pid = _flock_holder(lock)
        holder = next((r for r in runs if r.pid == pid), None)
        if holder is not None:
            return holder
        time.sleep(0.02)
    return None


def _flock_holder(path: Path) -> int | None:
    """The pid holding an flock on ``path`` according to ``/proc/locks``, else None."""
    try:
        inode = path.stat().st_ino
    except FileNotFoundError:
        return None
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if len(fields) > 5 and fields[1] == "FLOCK" and fields[5].endswith(f":{inode}"):
            return int(fields[4])
    return None
