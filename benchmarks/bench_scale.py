"""Pre-annotation throughput on this machine, locally and on Ray, and a projection past it.

In one run, over ``--docs`` generated news-like documents (``goldsmith.corpus.synthetic``,
saved as a corpus first; no real text), with the same model, layers and batch size:

  local-1  ``predict_file``, one process (model loaded before timing)
  local-2  ``predict_file``, ``n_process=2``
  ray-1    ``predict_ray``, one actor, its own local Ray (started and stopped by the run)
  ray-2    ``predict_ray``, two actors

For each: wall seconds end to end and documents/s end to end, and documents/s *steady*:
every configuration also runs on a small corpus (``--small`` documents, default 40) and
the steady rate is (N - small) / (wall(N) - wall(small)), so the fixed costs (Ray's start,
the actors' model loading, the pool's fork) cancel out; Ray hands results to the driver
in bursts, so timing "first result to last" would not measure the work. For the Ray runs
also the fixed cost itself (wall of the small run) and the driver's own CPU time per
document (``getrusage(RUSAGE_SELF)`` of this process, big run minus small run: reading
results, writing shards, Ray's driver threads): the *driver overhead*. From these it prints the
ratio ray-2 / local-2 (target >= 0.9), the per-worker throughput, the scaling efficiency
from one to two workers, the driver's ceiling (1 / driver CPU per document), a projection
for 8, 32 and 128 workers, and the worker-hours one million news articles would cost.
The load average before and after each run is printed: other work on the machine slows
every figure.

Usage:
    python benchmarks/bench_scale.py                 # 2,000 documents
    python benchmarks/bench_scale.py --docs 500      # quicker
    python benchmarks/bench_scale.py --json out.json
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from goldsmith.annotate.model import load_model
from goldsmith.annotate.predict_run import predict_file
from goldsmith.annotate.ray_engine import predict_ray
from goldsmith.corpus.dataset import write_corpus
from goldsmith.corpus.synthetic import news_documents

#: Words in an average news article for the cost of a million: the mean of the five seed
#: articles bench_predict.py uses (1,367,200 words in 2,000 documents, BENCHMARKS.md).
ARTICLE_WORDS = 683
PROJECTED = (8, 32, 128)


def measure(events: Iterator[object], total: int) -> dict:
    """Wall time, driver CPU and load of one run's event stream."""
    cpu0 = _cpu()
    load0 = os.getloadavg()[0]
    started = time.perf_counter()
    for _event in events:
        pass
    wall = time.perf_counter() - started
    return {
        "wall_s": round(wall, 2),
        "docs_per_s": round(total / wall, 2),
        "driver_cpu_s": round(_cpu() - cpu0, 3),
        "load_before": round(load0, 2),
        "load_after": round(os.getloadavg()[0], 2),
    }


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_all(args: argparse.Namespace) -> dict:
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        sizes = {"small": args.small, "full": args.docs}
        for label, n in sizes.items():
            write_corpus(news_documents(n, seed=args.seed), work / label)
        words = sum(len(d.text.split()) for d in news_documents(args.docs, seed=args.seed))
        nlp = load_model(args.model)

        def run(name: str, corpus: Path, out: Path) -> Iterator[object]:
            kind, count = name.split("-")
            if kind == "local":
                return predict_file(corpus, out / "p.jsonl", nlp=nlp, n_process=int(count))
            return predict_ray(corpus, out, model=args.model, workers=int(count))

        results: dict = {"documents": args.docs, "small": args.small, "words": words, "runs": {}}
        for name in args.only or ["local-1", "local-2", "ray-1", "ray-2"]:
            row = {}
            for label, n in sizes.items():
                row[label] = measure(run(name, work / label, work / f"{name}-{label}"), n)
            extra = (row["full"]["wall_s"] - row["small"]["wall_s"]) or float("nan")
            row["steady_docs_per_s"] = round((args.docs - args.small) / extra, 2)
            row["fixed_cost_s"] = row["small"]["wall_s"]
            cpu = row["full"]["driver_cpu_s"] - row["small"]["driver_cpu_s"]
            row["driver_cpu_ms_per_doc"] = round(1000 * cpu / (args.docs - args.small), 3)
            results["runs"][name] = row
            print(name, json.dumps(row), flush=True)
        return results
    finally:
        shutil.rmtree(work, ignore_errors=True)


def derive(results: dict) -> dict:
    """Ratios, per-worker rate, driver ceiling, projection and the cost of 1M articles."""
    runs = results["runs"]
    words_per_doc = results["words"] / results["documents"]
    out: dict = {"words_per_doc": round(words_per_doc, 1)}
    if {"local-2", "ray-2"} <= set(runs):
        out["ray2_over_local2_end_to_end"] = round(
            runs["ray-2"]["full"]["docs_per_s"] / runs["local-2"]["full"]["docs_per_s"], 3
        )
        out["ray2_over_local2_steady"] = round(
            runs["ray-2"]["steady_docs_per_s"] / runs["local-2"]["steady_docs_per_s"], 3
        )
    if {"ray-1", "ray-2"} <= set(runs):
        r1, r2 = runs["ray-1"]["steady_docs_per_s"], runs["ray-2"]["steady_docs_per_s"]
        per_worker = r2 / 2
        efficiency = r2 / (2 * r1)
        driver_ms = runs["ray-2"]["driver_cpu_ms_per_doc"]
        ceiling = 1000 / driver_ms if driver_ms > 0 else math.inf
        out.update(
            per_worker_docs_per_s=round(per_worker, 2),
            per_worker_words_per_s=round(per_worker * words_per_doc),
            scaling_efficiency_1_to_2=round(efficiency, 3),
            driver_ceiling_docs_per_s=round(ceiling, 1),
            fixed_cost_s=runs["ray-2"]["fixed_cost_s"],
        )
        # spaCy's and the driver's work grow with the text: an article of ARTICLE_WORDS
        # costs ARTICLE_WORDS / words_per_doc of our generated documents
        one_worker_rate = per_worker * words_per_doc / ARTICLE_WORDS  # articles/s/worker
        article_ceiling = ceiling * words_per_doc / ARTICLE_WORDS
        out["driver_ceiling_articles_per_s"] = round(article_ceiling, 1)
        out["projection"] = {
            str(w): {
                "docs_per_s": round(min(w * per_worker, ceiling), 1),
                "articles_per_s": round(min(w * one_worker_rate, article_ceiling), 2),
                "hours_for_1M_articles": round(
                    1e6 / min(w * one_worker_rate, article_ceiling) / 3600, 2
                ),
                "driver_bound": w * one_worker_rate > article_ceiling,
            }
            for w in PROJECTED
        }
        out["worker_hours_for_1M_articles"] = round(1e6 / one_worker_rate / 3600, 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--small", type=int, default=40)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--model", default=None)
    parser.add_argument("--only", nargs="*", choices=["local-1", "local-2", "ray-1", "ray-2"])
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}, load average at start: {os.getloadavg()}", flush=True)
    results = run_all(args)
    results["derived"] = derive(results)
    print(json.dumps(results["derived"], indent=1))
    print(f"load average at end: {os.getloadavg()}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
