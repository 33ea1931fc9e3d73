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

Each round runs the three sides once, the order reversed every other round, so neither
side always meets the busier minute. Every run records its wall time, the CPU time of
this (client) process, the CPU time of the server's processes (Label Studio, and
PostgreSQL's backends on a local cluster) and the load average before and after.
Printed per database: the ratio of each round against each reference, their median (the
figure held against the bar) and spread, median CPU times and the load range. Bar:
goldsmith <= 1.5x the bare snapshot (median of the per-round ratios).

Usage:
    python benchmarks/bench_pull.py              # 2,000 tasks, fresh SQLite + PostgreSQL
    python benchmarks/bench_pull.py --quick      # 200 tasks
    python benchmarks/bench_pull.py --docs 1000 --rounds 4 --json pull.json
    python benchmarks/bench_pull.py --sqlite-dir /tmp/ls --postgresql-dir /tmp/ls-pg   # reuse
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
import uuid
from pathlib import Path

from _studio_bench import (
    add_database_arguments,
    bench_documents,
    log,
    paired,
    paired_lines,
    server_pids,
    studio_servers,
    timed,
)

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
        default=4,
        help="Rounds of the three sides (alternating order); median ratios are reported.",
    )
    parser.add_argument("--json", type=Path, help="Write every run's figures here.")
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
    print(f"cores: {os.cpu_count()}, load average at start: {os.getloadavg()}", flush=True)
    with studio_servers(args) as servers, tempfile.TemporaryDirectory(prefix="gs-pull-") as tmp:
        for database, client, url, data_dir in servers:
            runs = _rounds(
                client, url, server_pids(data_dir), payload, n, args.rounds, Path(tmp) / database
            )
            results[database] = {ref: paired(runs["goldsmith"], runs[ref]) for ref in SIDES[1:]}
    print(f"tasks: {n} (each with 1 prediction and 1 submitted annotation), rounds {args.rounds}")
    for database, summaries in results.items():
        for ref, summary in summaries.items():
            for line in paired_lines(database, "goldsmith pull", ref, summary, n):
                print(line)
        verdict = "PASS" if summaries["bare snapshot"]["ratio_median"] <= BAR else "FAIL"
        print(f"[{database}] bar: goldsmith <= {BAR}x bare snapshot (median ratio): {verdict}")
    print(f"load average at end: {os.getloadavg()}")
    if args.json:
        args.json.write_text(json.dumps({"tasks": n, **results}, indent=1), encoding="utf-8")


def _rounds(client, url: str, roots, payload: list, n: int, rounds: int, tmp: Path) -> dict:
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
    runs: dict[str, list] = {side: [] for side in SIDES}
    for r in range(rounds):
        order = SIDES if r % 2 == 0 else tuple(reversed(SIDES))
        for side in order:
            if side == "goldsmith":
                (seconds, report, marks), measured = timed(
                    lambda r=r: _timed_pull(client, title, tmp / f"gold-{r}", url), roots
                )
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
                tasks, measured = timed(lambda: _bare_snapshot(client, project.id), roots)
                if len(tasks) != n or not isinstance(tasks[0]["predictions"][0], dict):
                    raise SystemExit(f"bare snapshot: {len(tasks)} tasks, expected {n}")
            else:
                (tasks, listed), measured = timed(lambda: _bare_legacy(client, project.id), roots)
                if len(tasks) != n or len(listed) != n:
                    raise SystemExit(f"bare legacy: {len(tasks)} tasks, {len(listed)} predictions")
            runs[side].append(measured)
            log(f"  round {r + 1} {side}: {measured}")
    return runs


def _bare_legacy(client, project_id: int) -> tuple[list, list]:
    """The synchronous export (predictions by id only) and the predictions listing."""
    chunks = client.projects.exports.download_sync(
        project_id,
        export_type="JSON",
        download_all_tasks=True,
        request_options={"timeout": EXPORT_TIMEOUT, "max_retries": 0},
    )
    tasks = json.loads(b"".join(chunks))
    listed = [p.model_dump(mode="json") for p in client.predictions.list(project=project_id)]
    return tasks, listed


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
