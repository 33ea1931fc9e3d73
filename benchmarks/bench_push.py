"""Benchmark: goldsmith's push against a bare SDK import of the same tasks.

Both sides start from an empty project on the same server in the same run and import
the same payload (task data + inline prediction, same batch size):

- goldsmith: ``goldsmith.annotate.studio.push.push`` end to end (project lookup and creation,
  conversion of the predictions to Label Studio results, batched import, setting the
  project's model version);
- bare: ``client.projects.create`` with the same labeling config, then
  ``client.projects.import_tasks`` per batch with the payload built before timing.

The rounds alternate the order (bare, goldsmith, goldsmith, bare, ...) so neither side
always meets the bigger database. Bar: goldsmith <= 1.2x bare.

Usage:
    python benchmarks/bench_push.py              # 2,000 documents, a fresh local server
    python benchmarks/bench_push.py --quick      # 200 documents
    python benchmarks/bench_push.py --url http://127.0.0.1:8080 --api-key TOKEN
"""

from __future__ import annotations

import argparse
import statistics
import time
import uuid

from _studio_bench import add_server_arguments, bench_documents, log, ratio_line, studio_client

from goldsmith.annotate.studio.push import DEFAULT_BATCH_SIZE, push, task_payload
from goldsmith.labels.studio_config import labeling_config

BAR = 1.2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_server_arguments(parser)
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
    config = labeling_config()
    run = uuid.uuid4().hex[:6]
    times: dict[str, list[float]] = {"goldsmith": [], "bare": []}

    with studio_client(args.url, args.api_key) as (client, url):
        for r in range(args.rounds):
            order = ("bare", "goldsmith") if r % 2 == 0 else ("goldsmith", "bare")
            for side in order:
                title = f"bench push {side} {run}-{r}"
                if side == "goldsmith":
                    started = time.perf_counter()
                    result = push(client, docs, preds, title, batch_size=args.batch_size, url=url)
                    seconds = time.perf_counter() - started
                    assert result.tasks_created == n and result.predictions_added == n
                else:
                    started = time.perf_counter()
                    project = client.projects.create(title=title, label_config=config)
                    for at in range(0, n, args.batch_size):
                        client.projects.import_tasks(
                            id=project.id, request=payload[at : at + args.batch_size]
                        )
                    seconds = time.perf_counter() - started
                times[side].append(seconds)
                log(f"  round {r + 1} {side}: {seconds:.2f} s")
            _check_counts(client, run, r, n)

    g, b = statistics.median(times["goldsmith"]), statistics.median(times["bare"])
    print(f"documents: {n}, batch size {args.batch_size}, rounds {args.rounds}")
    print(f"goldsmith push (s): {', '.join(f'{t:.2f}' for t in times['goldsmith'])}")
    print(f"bare import_tasks (s): {', '.join(f'{t:.2f}' for t in times['bare'])}")
    print(ratio_line("push (median)", g, "bare SDK import", b))
    print(f"bar: goldsmith <= {BAR}x bare: {'PASS' if g <= BAR * b else 'FAIL'}")


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
