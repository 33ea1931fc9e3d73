"""Benchmark: goldsmith's pull against the bare export call it is built on.

Set-up (not timed): one project with N tasks, each imported with its prediction and one
submitted annotation inline (the annotation's regions are the prediction's, so every
task has gold). Then, alternating the order each round:

- goldsmith: ``goldsmith.annotate.studio.pull.pull`` end to end: project lookup, the full JSON
  export, the predictions listing, conversion and validation of every region, choice of
  the gold, and writing the gold directory (JSONL files, the ``datasets`` folder, report);
- bare: ``client.projects.exports.download_sync(JSON, all tasks)`` and ``json.loads`` of
  the bytes: the least a script needs to hold the annotations;
- bare + predictions: the same, then ``client.predictions.list(project)`` (Label Studio's
  JSON export lists a task's predictions by id only, so a script that wants them, as
  the pull does, needs this call too).

Usage:
    python benchmarks/bench_pull.py              # 2,000 tasks, a fresh local server
    python benchmarks/bench_pull.py --quick      # 200 tasks
    python benchmarks/bench_pull.py --url http://127.0.0.1:8080 --api-key TOKEN
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from _studio_bench import add_server_arguments, bench_documents, log, ratio_line, studio_client

from goldsmith.annotate.studio.convert import to_studio_results
from goldsmith.annotate.studio.pull import EXPORT_TIMEOUT, PullReport, pull
from goldsmith.annotate.studio.push import DEFAULT_BATCH_SIZE, task_payload
from goldsmith.labels.studio_config import labeling_config
from goldsmith.progress import Progress


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_server_arguments(parser)
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
    title = f"bench pull {uuid.uuid4().hex[:6]}"
    times: dict[str, list[float]] = {"goldsmith": [], "bare": [], "bare+predictions": []}

    with (
        studio_client(args.url, args.api_key) as (client, url),
        tempfile.TemporaryDirectory(prefix="gs-bench-pull-") as tmp,
    ):
        log(f"creating {n} annotated tasks in {title!r} (not timed) ...")
        project = client.projects.create(title=title, label_config=labeling_config())
        for at in range(0, n, DEFAULT_BATCH_SIZE):
            client.projects.import_tasks(
                id=project.id, request=payload[at : at + DEFAULT_BATCH_SIZE]
            )
        full = client.projects.get(id=project.id)
        log(
            f"  {full.task_number} tasks, {full.total_annotations_number} annotations, "
            f"{full.total_predictions_number} predictions"
        )
        gold_docs = None
        for r in range(args.rounds):
            order = (
                ("bare", "goldsmith", "bare+predictions")
                if r % 2 == 0
                else ("bare+predictions", "goldsmith", "bare")
            )
            for side in order:
                if side == "goldsmith":
                    out = Path(tmp) / f"gold-{r}"
                    seconds, report, marks = _timed_pull(client, title, out, url)
                    log(
                        f"    goldsmith stages: lookup + export + predictions list + first "
                        f"100 tasks {marks['first tasks']:.2f} s, all tasks converted "
                        f"{marks['converted']:.2f} s, gold dir written {seconds:.2f} s"
                    )
                    gold_docs = report.gold_documents
                    problems = len(report.mismatches) + len(report.invalid)
                    if report.source != "export" or gold_docs != n or problems:
                        raise SystemExit(
                            f"pull: source {report.source}, {gold_docs} gold "
                            f"docs, {problems} problems; expected {n} from export"
                        )
                else:
                    started = time.perf_counter()
                    chunks = client.projects.exports.download_sync(
                        project.id,
                        export_type="JSON",
                        download_all_tasks=True,
                        request_options={"timeout": EXPORT_TIMEOUT, "max_retries": 0},
                    )
                    tasks = json.loads(b"".join(chunks))
                    seconds = time.perf_counter() - started
                    if side == "bare+predictions":
                        listed = [
                            p.model_dump(mode="json")
                            for p in client.predictions.list(project=project.id)
                        ]
                        seconds = time.perf_counter() - started
                        if len(listed) != n:
                            raise SystemExit(f"predictions list: {len(listed)}, expected {n}")
                    if len(tasks) != n:
                        raise SystemExit(f"bare export: {len(tasks)} tasks, expected {n}")
                times[side].append(seconds)
                log(f"  round {r + 1} {side}: {seconds:.2f} s")

    g, b = statistics.median(times["goldsmith"]), statistics.median(times["bare"])
    bp = statistics.median(times["bare+predictions"])
    print(
        f"tasks: {n} (each with 1 prediction and 1 submitted annotation), "
        f"rounds {args.rounds}, gold documents written {gold_docs}"
    )
    print(f"goldsmith pull (s): {', '.join(f'{t:.2f}' for t in times['goldsmith'])}")
    print(f"bare JSON export (s): {', '.join(f'{t:.2f}' for t in times['bare'])}")
    print(
        "bare export + predictions list (s): "
        f"{', '.join(f'{t:.2f}' for t in times['bare+predictions'])}"
    )
    print(ratio_line("pull (median)", g, "bare export", b))
    print(ratio_line("pull (median)", g, "bare export + predictions list", bp))


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
