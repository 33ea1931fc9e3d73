"""Benchmark: goldsmith's push against a bare SDK import, on SQLite and on PostgreSQL.

On each database's server, in the same run, both sides start from an empty project
and import the same payload (task data + inline prediction, same batch size):

- goldsmith: ``goldsmith.annotate.studio.push.push`` end to end (project lookup and creation,
  check of every prediction, conversion to Label Studio results, batched import, setting
  the project's model version);
- bare: ``client.projects.create`` with the same labeling config, then
  ``client.projects.import_tasks`` per batch with the payload built before timing.

The rounds alternate the order (bare, goldsmith, goldsmith, bare, ...) so neither side
always meets the bigger database. Printed per database: each time, the medians, the
ratio and tasks/s of each side. Bar: goldsmith <= 1.1x bare.

Usage:
    python benchmarks/bench_push.py              # 2,000 documents, fresh SQLite + PostgreSQL
    python benchmarks/bench_push.py --quick      # 200 documents
    python benchmarks/bench_push.py --sqlite-dir /tmp/ls --postgresql-dir /tmp/ls-pg   # reuse
"""

from __future__ import annotations

import argparse
import statistics
import time
import uuid

from _studio_bench import add_database_arguments, bench_documents, log, ratio_line, studio_servers

from goldsmith.annotate.studio.push import DEFAULT_BATCH_SIZE, push, task_payload
from goldsmith.labels.studio_config import labeling_config

BAR = 1.1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_database_arguments(parser)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument(
        "--rounds",
        type=int,
        default=2,
        help="Pushes per side (alternating order); the median is reported.",
    )
    args = parser.parse_args()
    n = 200 if args.quick else args.docs

    docs, preds = bench_documents(n, args.seeds)
    payload = [task_payload(d, preds[d.doc_id]) for d in docs]
    run = uuid.uuid4().hex[:6]
    results = {}
    with studio_servers(args) as servers:
        for database, client, url in servers:
            log(f"{database}: {args.rounds} rounds of {n} documents")
            results[database] = _rounds(
                client, url, docs, preds, payload, args, f"{run}-{database}"
            )
    print(f"documents: {n}, batch size {args.batch_size}, rounds {args.rounds}")
    for database, times in results.items():
        g, b = statistics.median(times["goldsmith"]), statistics.median(times["bare"])
        print(
            f"[{database}] goldsmith push (s): {', '.join(f'{t:.2f}' for t in times['goldsmith'])}"
        )
        print(f"[{database}] bare import_tasks (s): {', '.join(f'{t:.2f}' for t in times['bare'])}")
        print(f"[{database}] " + ratio_line("push (median)", g, "bare SDK import", b))
        print(f"[{database}] tasks/s: goldsmith {n / g:.1f}, bare {n / b:.1f}")
        print(f"[{database}] bar: goldsmith <= {BAR}x bare: {'PASS' if g <= BAR * b else 'FAIL'}")


def _rounds(client, url, docs, preds, payload, args, run: str) -> dict[str, list[float]]:
    """Seconds of each side's pushes on one server, alternating the order each round."""
    n, config = len(docs), labeling_config()
    times: dict[str, list[float]] = {"goldsmith": [], "bare": []}
    for r in range(args.rounds):
        order = ("bare", "goldsmith") if r % 2 == 0 else ("goldsmith", "bare")
        for side in order:
            title = f"bench push {side} {run}-{r}"
            started = time.perf_counter()
            if side == "goldsmith":
                result = push(client, docs, preds, title, batch_size=args.batch_size, url=url)
                seconds = time.perf_counter() - started
                assert result.tasks_created == n and result.predictions_added == n
            else:
                project = client.projects.create(title=title, label_config=config)
                for at in range(0, n, args.batch_size):
                    client.projects.import_tasks(
                        id=project.id, request=payload[at : at + args.batch_size]
                    )
                seconds = time.perf_counter() - started
            times[side].append(seconds)
            log(f"  round {r + 1} {side}: {seconds:.2f} s")
        _check_counts(client, run, r, n)
    return times


def _check_counts(client, run: str, r: int, n: int) -> None:
    """Both projects of a round hold n tasks with one prediction each (nothing timed)."""
    for side in ("goldsmith", "bare"):
        title = f"bench push {side} {run}-{r}"
        project = next(p for p in client.projects.list(title=title) if p.title == title)
        full = client.projects.get(id=project.id)
        tasks, predictions = full.task_number, full.total_predictions_number
        if tasks != n or predictions != n:
            raise SystemExit(f"{title}: {tasks} tasks, {predictions} predictions, expected {n}")


if __name__ == "__main__":
    main()
