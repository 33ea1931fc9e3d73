"""Peak memory of ``corpus ingest`` and ``annotate predict`` at two sizes: bounded means ~1.0x.

Every figure comes from generated news-like documents (``goldsmith.corpus.synthetic``,
seed 3, about 60 words each; no real text). With ``--short`` each document is cut to its
dateline and first sentence (about 26 words; the mean is printed), so predicting 200,000
of them fits in a session on two shared cores. Each case runs in a fresh Python process of
its own (this script with ``--case``), so one case's peak cannot hide in another's:

  ingest        ``build_corpus`` of a JSONL file of N documents (the CLI's ``corpus ingest``)
  local-2       ``predict_file`` of a corpus of N documents, ``n_process=2``
  ray-2         ``predict_ray`` of the same corpus, two actors, its own local Ray

Each case reads the run's events one at a time and keeps only the last (the report),
as the CLI does, so the figures are the run's and not a list of its progress events.

Two figures per case, in MiB:

- *driver peak RSS*: the case's own process, its ``VmHWM`` from ``/proc/self/status``
  (the kernel's exact high-water mark of resident memory);
- *tree peak PSS*: the case's process and every process under it (the local engine's
  pool workers; Ray's GCS, raylet, workers and actors), their proportional set sizes
  (``/proc/PID/smaps_rollup``, shared pages divided among the processes sharing them, so
  Ray's object store in shared memory counts once) summed, sampled every 0.25 s; the
  largest sample is printed. A sample can miss a short spike.

The driver's resident memory is also split, sampled from outside at the same 0.25 s:
its peak ``RssAnon`` (*driver private*: its heap, Python's and Arrow's allocators) and its
peak ``RssShmem`` (*driver shared*: shared-memory pages it has mapped, which under Ray are
pages of Ray's object store it has read results from; they belong to the store, whose
touched size Ray bounds, and count once in the tree figure).

The ratio is the peak at the large size over the peak at the small one: memory that does
not grow with the corpus gives about 1.0x; holding the corpus gives about the size ratio.

Usage:
    python benchmarks/bench_memory.py                  # ingest 20k and 200k, predict 2k and 20k
    python benchmarks/bench_memory.py --ingest 2000 20000 --predict 500 2000 --json out.json
    python benchmarks/bench_memory.py --only local-2 ray-2 --predict 20000 200000 --short
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

CASES = ("ingest", "local-2", "ray-2")
SEED = 3
T = TypeVar("T")


def run_case(case: str, source: Path, out: Path) -> dict:
    """Run one case here (in the child process) and return what it did."""
    started = time.perf_counter()
    if case == "ingest":
        from goldsmith.corpus import build_corpus

        report = last_event(build_corpus([source], out))
    elif case == "local-2":
        from goldsmith.annotate.predict_run import predict_file

        report = last_event(predict_file(source, out / "predictions.jsonl", n_process=2))
    else:
        from goldsmith.annotate.ray_engine import predict_ray

        report = last_event(predict_ray(source, out, workers=2))
    seconds = time.perf_counter() - started
    return {"documents": report.documents, "seconds": round(seconds, 1), "driver_mib": _vmhwm_mib()}


def last_event(events: Iterable[T]) -> T:
    """The last of ``events`` (the run's report), holding one event at a time as the CLI
    does. ``*_, report = events`` would keep them all: a ``Done`` per document, 184 bytes
    each, which is what the local driver "grew" (0.19 KB a document) before this."""
    return deque(events, maxlen=1)[0]


def _vmhwm_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def driver_parts_kib(pid: int) -> dict[str, int]:
    """``RssAnon``, ``RssFile`` and ``RssShmem`` of ``pid`` now, in KiB (empty when gone)."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return {}
    keys = ("RssAnon:", "RssFile:", "RssShmem:")
    return {line.split()[0][:-1]: int(line.split()[1]) for line in lines if line.startswith(keys)}


def _children() -> dict[int, list[int]]:
    """Parent pid -> child pids, for every process visible now."""
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(parent, []).append(int(entry.name))
    return tree


def tree_pss_mib(root: int) -> tuple[float, int]:
    """Summed PSS (MiB) of ``root`` and its descendants, and how many processes that is."""
    tree = _children()
    todo, total, count = [root], 0, 0
    while todo:
        pid = todo.pop()
        todo.extend(tree.get(pid, ()))
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    count += 1
                    break
        except OSError:
            continue  # gone, or not ours to read
    return total / 1024, count


def measure(case: str, source: Path, out: Path) -> dict:
    """Run ``case`` in a child process; its own figures plus the sampled tree peak."""
    command = [sys.executable, __file__, "--case", case, str(source), str(out)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peak, processes = 0.0, 0
    parts = {"RssAnon": 0, "RssShmem": 0}
    while child.poll() is None:
        pss, count = tree_pss_mib(child.pid)
        if pss > peak:
            peak, processes = pss, count
        now = driver_parts_kib(child.pid)
        parts = {key: max(value, now.get(key, 0)) for key, value in parts.items()}
        time.sleep(0.25)
    output = child.stdout.read() if child.stdout else ""
    if child.returncode != 0:
        raise SystemExit(f"{case} on {source} failed ({child.returncode}): {output}")
    result = json.loads(output.strip().splitlines()[-1])
    return {
        **result,
        "driver_private_mib": round(parts["RssAnon"] / 1024, 1),
        "driver_shared_mib": round(parts["RssShmem"] / 1024, 1),
        "tree_peak_pss_mib": round(peak, 1),
        "processes_at_peak": processes,
    }


def short_documents(n: int, seed: int):
    """The generated documents cut after their first sentence (dateline + one statement);
    each keeps its own dateline number, so they stay distinct."""
    from goldsmith.corpus.documents import Document, doc_id_for
    from goldsmith.corpus.synthetic import news_texts

    for number, text in enumerate(news_texts(n, seed=seed), start=1):
        head, _, rest = text.partition(" — ")
        short = f"{head} — {rest.split('. ', 1)[0].rstrip('.')}."
        yield Document(doc_id_for(short), short, source=f"generated-{number:07d}")


def _counted(docs, words: list[int]):
    """The documents, appending each one's word count to ``words`` as it passes."""
    for doc in docs:
        words.append(len(doc.text.split()))
        yield doc


def prepare(
    work: Path, ingest_sizes: list[int], predict_sizes: list[int], short: bool = False
) -> dict[str, Path]:
    """The inputs: a JSONL file per ingest size, a corpus per predict size."""
    from goldsmith.corpus.dataset import write_corpus
    from goldsmith.corpus.synthetic import news_documents, news_texts

    paths: dict[str, Path] = {}
    for n in ingest_sizes:
        path = work / f"news-{n}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for text in news_texts(n, seed=SEED):
                handle.write(json.dumps({"text": text}) + "\n")
        paths[f"ingest-{n}"] = path
    for n in predict_sizes:
        words: list[int] = []
        made = short_documents(n, SEED) if short else news_documents(n, seed=SEED)
        write_corpus(_counted(made, words), work / f"corpus-{n}")
        print(f"corpus of {n:,} documents: {sum(words) / max(len(words), 1):.1f} words each")
        paths[f"corpus-{n}"] = work / f"corpus-{n}"
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=CASES, help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--ingest", nargs=2, type=int, default=[20_000, 200_000])
    parser.add_argument("--predict", nargs=2, type=int, default=[2_000, 20_000])
    parser.add_argument("--only", nargs="*", choices=CASES, default=list(CASES))
    parser.add_argument("--short", action="store_true", help="About 26 words a document.")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case, *args.paths)), flush=True)
        return
    print(f"cores: {os.cpu_count()}, load average at start: {os.getloadavg()}", flush=True)
    work = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    results: dict = {
        "ingest_sizes": args.ingest,
        "predict_sizes": args.predict,
        "short": args.short,
        "cases": {},
    }
    try:
        ingest = args.ingest if "ingest" in args.only else []
        predict = args.predict if {"local-2", "ray-2"} & set(args.only) else []
        paths = prepare(work, ingest, predict, args.short)
        for case in args.only:
            sizes = args.ingest if case == "ingest" else args.predict
            rows = {}
            for n in sizes:
                source = paths[f"ingest-{n}" if case == "ingest" else f"corpus-{n}"]
                load = os.getloadavg()[0]
                rows[n] = {**measure(case, source, work / f"out-{case}-{n}"), "load": load}
                print(case, n, json.dumps(rows[n]), flush=True)
            small, large = (rows[n] for n in sizes)
            rows["driver_ratio"] = round(large["driver_mib"] / small["driver_mib"], 3)
            rows["tree_ratio"] = round(large["tree_peak_pss_mib"] / small["tree_peak_pss_mib"], 3)
            rows["private_ratio"] = round(
                large["driver_private_mib"] / max(small["driver_private_mib"], 0.1), 3
            )
            results["cases"][case] = rows
            ratios = (
                f"driver RSS {rows['driver_ratio']}x (private {rows['private_ratio']}x, "
                f"shared {small['driver_shared_mib']} -> {large['driver_shared_mib']} MiB), "
                f"process tree PSS {rows['tree_ratio']}x"
            )
            print(f"{case}: peak at {sizes[1]:,} / peak at {sizes[0]:,}: {ratios}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"load average at end: {os.getloadavg()}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
