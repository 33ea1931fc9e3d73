"""Benchmark: goldsmith's pull against the bare export calls it is built on, on SQLite and
on PostgreSQL.

Set-up per database (not timed): one project with N tasks, each imported with its
prediction and one submitted annotation inline (the annotation's regions are the
prediction's, so every task has gold). Then, alternating the order each round:

- goldsmith: ``goldsmith.annotate.studio.pull.pull`` end to end: project lookup, the
  export snapshot (created, downloaded to a file, parsed a task at a time), conversion
  and validation of every region, choice of the gold, writing the gold directory (JSONL
  files, the ``datasets`` folder, report);
- bare snapshot (the reference of the bar: the bare export with its predictions):
  ``client.projects.exports.create`` with predictions, drafts and annotators expanded,
  ``exports.download`` (JSON), ``json.loads`` of the bytes and ``exports.delete``;
- bare legacy export + predictions list: ``exports.download_sync`` (JSON, all tasks,
  predictions by id only) and ``client.predictions.list(project)`` (what a script that
  wants the predictions needed before snapshots).

Printed per database: each time, medians, ratios and tasks/s. Bar: goldsmith <= 1.5x
the bare snapshot.

Usage:
    python benchmarks/bench_pull.py              # 2,000 tasks, fresh SQLite + PostgreSQL
    python benchmarks/bench_pull.py --quick      # 200 tasks
    python benchmarks/bench_pull.py --sqlite-dir /tmp/ls --postgresql-dir /tmp/ls-pg   # reuse
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from _studio_bench import add_database_arguments, bench_documents, log, ratio_line, studio_servers

from goldsmith.annotate.studio.convert import to_studio_results
from goldsmith.annotate.studio.export import EXPORT_TIMEOUT, SERIALIZATION
from goldsmith.annotate.studio.pull import PullReport, pull
from goldsmith.annotate.studio.push import DEFAULT_BATCH_SIZE, task_payload
from goldsmith.labels.studio_config import labeling_config
from goldsmith.progress import Progress

BAR = 1.5
SIDES = ("goldsmith", "bare snapshot", "bare legacy + predictions list")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_database_arguments(parser)
    parser.add_argument(
        "--rounds",
        type=int,
        default=2,
        help="Pulls per side (alternating order); the median is reported.",
    )
    args = parser.parse_args()
    n = 200 if args.quick else args.docs

    docs, preds = bench_documents(n, args.seeds)
    payload = []
    for doc in docs:
        task = task_payload(doc, preds[doc.doc_id])
        task["annotations"] = [
            {
                "result": to_studio_results(preds[doc.doc_id]),
                "was_cancelled": False,
                "ground_truth": False,
            }
        ]
        payload.append(task)
    results = {}
    with studio_servers(args) as servers, tempfile.TemporaryDirectory(prefix="gs-pull-") as tmp:
        for database, client, url in servers:
            results[database] = _rounds(client, url, payload, n, args.rounds, Path(tmp) / database)
    print(f"tasks: {n} (each with 1 prediction and 1 submitted annotation), rounds {args.rounds}")
    for database, times in results.items():
        med = {side: statistics.median(times[side]) for side in SIDES}
        for side in SIDES:
            print(f"[{database}] {side} (s): {', '.join(f'{t:.2f}' for t in times[side])}")
        g = med["goldsmith"]
        for side in SIDES[1:]:
            print(f"[{database}] " + ratio_line("pull (median)", g, side, med[side]))
        print(
            f"[{database}] tasks/s: " + ", ".join(f"{side} {n / med[side]:.1f}" for side in SIDES)
        )
        verdict = "PASS" if g <= BAR * med["bare snapshot"] else "FAIL"
        print(f"[{database}] bar: goldsmith <= {BAR}x bare snapshot: {verdict}")


def _rounds(client, url: str, payload: list, n: int, rounds: int, tmp: Path) -> dict:
    title = f"bench pull {uuid.uuid4().hex[:6]}"
    log(f"creating {n} annotated tasks in {title!r} at {url} (not timed) ...")
    project = client.projects.create(title=title, label_config=labeling_config())
    for at in range(0, n, DEFAULT_BATCH_SIZE):
        client.projects.import_tasks(id=project.id, request=payload[at : at + DEFAULT_BATCH_SIZE])
    full = client.projects.get(id=project.id)
    log(
        f"  {full.task_number} tasks, {full.total_annotations_number} annotations, "
        f"{full.total_predictions_number} predictions"
    )
    times: dict[str, list[float]] = {side: [] for side in SIDES}
    for r in range(rounds):
        order = SIDES if r % 2 == 0 else tuple(reversed(SIDES))
        for side in order:
            started = time.perf_counter()
            if side == "goldsmith":
                seconds, report, marks = _timed_pull(client, title, tmp / f"gold-{r}", url)
                log(
                    f"    goldsmith stages: snapshot ready and first 100 tasks "
                    f"{marks['first tasks']:.2f} s, all tasks converted "
                    f"{marks['converted']:.2f} s, gold dir written {seconds:.2f} s"
                )
                problems = len(report.mismatches) + len(report.invalid)
                if report.source != "export" or report.gold_documents != n or problems:
                    raise SystemExit(
                        f"pull: source {report.source}, {report.gold_documents} gold "
                        f"docs, {problems} problems; expected {n} from export"
                    )
            elif side == "bare snapshot":
                tasks = _bare_snapshot(client, project.id)
                seconds = time.perf_counter() - started
                if len(tasks) != n or not isinstance(tasks[0]["predictions"][0], dict):
                    raise SystemExit(f"bare snapshot: {len(tasks)} tasks, expected {n}")
            else:
                chunks = client.projects.exports.download_sync(
                    project.id,
                    export_type="JSON",
                    download_all_tasks=True,
                    request_options={"timeout": EXPORT_TIMEOUT, "max_retries": 0},
                )
                tasks = json.loads(b"".join(chunks))
                listed = [
                    p.model_dump(mode="json") for p in client.predictions.list(project=project.id)
                ]
                seconds = time.perf_counter() - started
                if len(tasks) != n or len(listed) != n:
                    raise SystemExit(f"bare legacy: {len(tasks)} tasks, {len(listed)} predictions")
            times[side].append(seconds)
            log(f"  round {r + 1} {side}: {seconds:.2f} s")
    return times


def _bare_snapshot(client, project_id: int) -> list:
    """Create a snapshot with full predictions, download it, parse it, delete it."""
    options = {"timeout": EXPORT_TIMEOUT, "max_retries": 0}
    exports = client.projects.exports
    snapshot = exports.create(
        project_id, serialization_options=SERIALIZATION, request_options=options
    )
    while snapshot.status not in ("completed", "failed"):
        time.sleep(1.0)
        snapshot = exports.get(project_id, snapshot.id)
    data = b"".join(
        exports.download(project_id, snapshot.id, export_type="JSON", request_options=options)
    )
    exports.delete(project_id, snapshot.id)
    return json.loads(data)


def _timed_pull(client, title: str, out: Path, url: str) -> tuple[float, PullReport, dict]:
    """Seconds of one pull, its report, and when the task stage began and ended."""
    marks: dict[str, float] = {}
    started = time.perf_counter()

    def mark(progress: Progress) -> None:
        if progress.stage != "tasks":
            return
        now = time.perf_counter() - started
        marks.setdefault("first tasks", now)
        marks["converted"] = now

    report = pull(client, title, out, "0" * 32, url=url, progress=mark)
    return time.perf_counter() - started, report, marks


if __name__ == "__main__":
    main()
