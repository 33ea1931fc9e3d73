"""Benchmark: goldsmith's push against a bare SDK import, on SQLite and on PostgreSQL.

On each database's server, in the same run, both sides start from an empty project
and import the same payload (task data + inline prediction, same batch size):

- goldsmith: ``goldsmith.annotate.studio.push.push`` end to end (project lookup and creation,
  check of every prediction, conversion to Label Studio results, batched import, setting
  the project's model version);
- bare: ``client.projects.create`` with the same labeling config, then
  ``client.projects.import_tasks`` per batch with the payload built before timing.

Each round is a pair, one run per side on a fresh project of its own; the order
alternates (bare, goldsmith; goldsmith, bare; ...) so neither side always meets the bigger
database or the busier minute. Every run records its wall time, the CPU time of this
(client) process, the CPU time of the server's processes (Label Studio, and PostgreSQL's
backends on a local cluster) and the load average before and after. Printed per database:
the ratio of each round, their median (the figure held against the bar) and spread, the
median CPU times of both sides and the load range. Bar: goldsmith <= 1.1x bare.

Usage:
    python benchmarks/bench_push.py              # 2,000 documents, fresh SQLite + PostgreSQL
    python benchmarks/bench_push.py --quick      # 200 documents
    python benchmarks/bench_push.py --docs 1000 --rounds 5 --json push.json
    python benchmarks/bench_push.py --sqlite-dir /tmp/ls --postgresql-dir /tmp/ls-pg   # reuse
"""

from __future__ import annotations

import argparse
import json
import os
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
        default=4,
        help="Pairs of runs (alternating order); the median ratio is reported.",
    )
    parser.add_argument("--json", type=Path, help="Write every run's figures here.")
    args = parser.parse_args()
    n = 200 if args.quick else args.docs

    docs, preds = bench_documents(n, args.seeds)
    payload = [task_payload(d, preds[d.doc_id]) for d in docs]
    run = uuid.uuid4().hex[:6]
    results = {}
    print(f"cores: {os.cpu_count()}, load average at start: {os.getloadavg()}", flush=True)
    with studio_servers(args) as servers:
        for database, client, url, data_dir in servers:
            log(f"{database}: {args.rounds} rounds of {n} documents")
            runs = _rounds(client, url, server_pids(data_dir), docs, preds, payload, args, run)
            results[database] = paired(runs["goldsmith"], runs["bare"])
    print(f"documents: {n}, batch size {args.batch_size}, rounds {args.rounds}")
    for database, summary in results.items():
        for line in paired_lines(database, "goldsmith push", "bare import_tasks", summary, n):
            print(line)
        verdict = "PASS" if summary["ratio_median"] <= BAR else "FAIL"
        print(f"[{database}] bar: goldsmith <= {BAR}x bare (median ratio): {verdict}")
    print(f"load average at end: {os.getloadavg()}")
    if args.json:
        args.json.write_text(json.dumps({"documents": n, **results}, indent=1), encoding="utf-8")


def _rounds(client, url, roots, docs, preds, payload, args, run: str) -> dict[str, list]:
    """Each side's runs on one server, alternating the order each round."""
    n, config = len(docs), labeling_config()
    runs: dict[str, list] = {"goldsmith": [], "bare": []}
    for r in range(args.rounds):
        order = ("bare", "goldsmith") if r % 2 == 0 else ("goldsmith", "bare")
        for side in order:
            title = f"bench push {side} {run}-{r}"
            if side == "goldsmith":

                def work(title=title):
                    return push(client, docs, preds, title, batch_size=args.batch_size, url=url)

                result, measured = timed(work, roots)
                assert result.tasks_created == n and result.predictions_added == n
            else:

                def work(title=title):
                    project = client.projects.create(title=title, label_config=config)
                    for at in range(0, n, args.batch_size):
                        client.projects.import_tasks(
                            id=project.id, request=payload[at : at + args.batch_size]
                        )

                _, measured = timed(work, roots)
            runs[side].append(measured)
            log(f"  round {r + 1} {side}: {measured}")
        _check_counts(client, run, r, n)
    return runs


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
