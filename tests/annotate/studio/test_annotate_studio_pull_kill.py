"""Fault injection: ``goldsmith annotate pull`` killed with SIGKILL at seeded random points.

Against the real server: a small project whose gold changes before every run (one
task's entity label flips between PERSON and ORG), so the old gold and the new one
differ. Each of ten runs starts ``goldsmith annotate pull`` as a subprocess, kills it
with SIGKILL at a seeded random moment (even runs: anywhere in the pull; odd runs:
while the new folder is being written or swapped in), then checks that the gold
directory is the old one or the new one, whole (every hash of the manifest matches,
``report.json`` is the manifest's pull), that ``eval score`` accepts it, and that a
rerun puts the new gold in place and leaves no hidden leftovers. Last, a gold
directory mixed by hand from two pulls is refused by ``eval score``.

To keep the interpreter's start-up (about 4 s of imports here) out of the kill window
and out of the run time, one helper process imports goldsmith once and forks a child
per pull; the child runs the CLI's ``main()`` (``goldsmith annotate pull ...``) and is
the process that gets SIGKILL.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from goldsmith.annotate.studio.convert import to_studio_results
from goldsmith.annotate.studio.push import push
from goldsmith.cli import app
from goldsmith.corpus.documents import Document, doc_id_for
from goldsmith.labels.gold import open_gold_dir, read_gold
from goldsmith.labels.records import AnnotatedDoc, Entity

pytestmark = [pytest.mark.studio, pytest.mark.slow]

RUNS = 10
SEED = 20261130
TEXTS = [
    "Ines Rook opened the Tarrow ferry terminal on Monday.",
    "Osei Brandt said the Calloway docks reopened.",
    "Mira Holt chairs the Dunmore transit board.",
    "Pell Varga fixed the Vell County levee.",
    "Anno Lusk runs the Kelby market.",
]
_FORKER = """
import os, sys
from goldsmith.cli import main
args = sys.argv[1:]
for _ in sys.stdin:
    pid = os.fork()
    if pid == 0:
        os.close(0)
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # the pipe carries pids and exit codes
        sys.argv = ["goldsmith", *args]
        try:
            main()
        except SystemExit as exc:
            os._exit(exc.code if isinstance(exc.code, int) else 1)
        os._exit(0)
    print(pid, flush=True)
    _, status = os.waitpid(pid, 0)
    print(os.waitstatus_to_exitcode(status), flush=True)
"""


def _result(text: str, label: str) -> list[dict]:
    name = " ".join(text.split()[:2])
    doc = AnnotatedDoc(doc_id_for(text), text, entities=(Entity(0, len(name), name, label),))
    return to_studio_results(doc)


class _Pull:
    """One ``goldsmith annotate pull`` process, forked from the helper."""

    def __init__(self, forker: subprocess.Popen):
        self.forker = forker
        forker.stdin.write("go\n")
        forker.stdin.flush()
        self.pid = int(forker.stdout.readline())
        self.code: int | None = None

    def running(self) -> bool:
        return self.code is None and _running(self.pid)

    def kill(self) -> None:
        try:
            os.kill(self.pid, 9)
        except ProcessLookupError:
            pass

    def wait(self) -> int:
        if self.code is None:
            self.code = int(self.forker.stdout.readline())
        return self.code


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _hidden(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def _wait_for_staging(proc: _Pull, out: Path) -> float | None:
    """The moment the pull's hidden staging folder appears (None: the process ended first)."""
    while proc.running():
        if any(name.startswith(f".{out.name}.pull-") for name in os.listdir(out.parent)):
            return time.monotonic()
        time.sleep(0.002)
    return None


def _timed(proc: _Pull, out: Path) -> tuple[float, float]:
    """Let a pull finish: how long it worked, and how long its hidden folders existed."""
    go = time.monotonic()
    staged = _wait_for_staging(proc, out)
    while _hidden(out):
        time.sleep(0.002)
    window = time.monotonic() - (staged or go)
    assert proc.wait() == 0
    return time.monotonic() - go, window


def _label(out: Path, doc_id: str) -> str:
    return next(d for d in read_gold(out) if d.doc_id == doc_id).entities[0].label


def _check_whole(out: Path, system: Path) -> str:
    manifest = open_gold_dir(out)  # every file against its sha256
    assert manifest is not None
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["pull_id"] == manifest.pull_id
    assert len(read_gold(out)) == len(TEXTS)
    scored = CliRunner().invoke(
        app, ["eval", "score", str(out), "-s", f"gold={system}", "--resamples", "0"]
    )
    assert scored.exit_code == 0, scored.output
    return manifest.pull_id


def test_pull_killed_at_random_points_leaves_old_or_new_gold(studio, tmp_path):
    started = time.monotonic()
    docs = [Document(doc_id_for(t), t) for t in TEXTS]
    title = f"kill-{uuid.uuid4().hex[:8]}"
    project_id = push(studio.client, docs, {}, title, url=studio.url).project_id
    tasks = {t.data["doc_id"]: t.id for t in studio.client.tasks.list(project=project_id)}
    annotations = {
        d.doc_id: studio.client.annotations.create(
            id=tasks[d.doc_id], result=_result(d.text, "PERSON"), lead_time=1.0
        ).id
        for d in docs
    }
    flip = docs[0]
    out = tmp_path / "gold"
    env = {**os.environ, "LABEL_STUDIO_URL": studio.url, "LABEL_STUDIO_API_KEY": studio.api_key}
    args = ["annotate", "pull", "--project", title, "--out", str(out)]
    forker = subprocess.Popen(
        [sys.executable, "-c", _FORKER, *args, "--studio-dir", str(tmp_path / "salt")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        # whole runs tell how long a pull works and how long its folder is being written;
        # the shortest seen so far bound the next kill (a warm pull is the quickest)
        proc = _Pull(forker)  # returns once the helper has imported goldsmith and forked
        work, window = _timed(proc, out)
        system = tmp_path / "system.jsonl"
        shutil.copy(out / "gold.jsonl", system)
        label = "PERSON"
        rng = random.Random(SEED)
        phases = []
        current = _check_whole(out, system)
        gold_of = {label: (out / "gold.jsonl").read_bytes()}
        for run in range(RUNS):
            old_label, old_id = label, current
            label = "ORG" if label == "PERSON" else "PERSON"
            studio.client.annotations.update(
                id=annotations[flip.doc_id], result=_result(flip.text, label)
            )
            proc = _Pull(forker)
            if run % 2:
                _wait_for_staging(proc, out)
                time.sleep(rng.uniform(0, window))
            else:
                time.sleep(rng.uniform(0, work))
            finished = not proc.running()
            proc.kill()
            proc.wait()
            left = _hidden(out)
            pull_id = _check_whole(out, system)
            assert _label(out, flip.doc_id) == (old_label if pull_id == old_id else label)
            phases.append(
                "after exit"
                if finished
                else ("writing/swapping" if left else "swapped" if pull_id != old_id else "before")
            )
            rerun = _timed(_Pull(forker), out)
            work, window = min(work, rerun[0]), min(window, rerun[1])
            current = _check_whole(out, system)
            gold_of[label] = (out / "gold.jsonl").read_bytes()
            assert current not in (old_id, pull_id)
            assert _label(out, flip.doc_id) == label
            assert _hidden(out) == [] and (tmp_path / "gold.prev").is_dir()
        print(f"kills: {phases}; pull {work:.2f} s, write window {window:.2f} s")
        assert phases.count("writing/swapping") >= 2, phases  # the kills hit the swap
    finally:
        forker.stdin.close()
        forker.wait(timeout=60)
    # a folder mixed from two pulls (what the old pull left when killed) is refused
    mixed = tmp_path / "mixed"
    shutil.copytree(out, mixed)
    (mixed / "gold.jsonl").write_bytes(gold_of["ORG" if label == "PERSON" else "PERSON"])
    scored = CliRunner().invoke(
        app, ["eval", "score", str(mixed), "-s", f"gold={system}", "--resamples", "0"]
    )
    assert scored.exit_code == 2
    assert f"{mixed / 'gold.jsonl'}: does not match manifest.json" in scored.output
    assert time.monotonic() - started < 120
