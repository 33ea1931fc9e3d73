"""Benchmark: what a push keeps per task, without a server (issue 12, push memory).

``bench_large.py`` measured a push's peak RSS growing from 338.6 to 431.9 MiB between
2,000 and 20,000 documents (about 5 KB a task). This benchmark splits that figure. For
each size N it writes the documents of ``bench_large.py`` (about 2,600 characters and 36
entity regions each) as a corpus folder and a predictions file, then runs, in a fresh
child process each, exactly what ``goldsmith annotate push`` runs (``Documents`` over
``load_documents``, ``PredictionFile``, ``push``) with the real SDK client whose HTTP
transport is an in-process stand-in for Label Studio (``httpx.MockTransport``: it answers
the project lookup, creation, imports, count and update, and keeps only counts), so
what grows is the client's alone:

- ``rss``: the child's peak RSS (``VmHWM``) and the largest ``RssAnon`` (heap, stacks)
  and ``RssFile`` (mapped files: ``datasets`` memory-maps the corpus Arrow files) seen in
  ``/proc/self/status`` every 0.05 s by a thread;
- ``heap``: the same push under ``tracemalloc``: the peak of memory allocated by Python
  (slower; its own bookkeeping is not counted) and what is still allocated when the push
  returns, by source line (the ids kept for the whole project live there).

Usage:
    python benchmarks/bench_push_memory.py                      # 2,000 and 20,000
    python benchmarks/bench_push_memory.py --sizes 500,5000 --json out.json
    python benchmarks/bench_push_memory.py --sizes 2000,8000 --modes heap   # tracemalloc is slow
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

FIELDS = ("VmHWM:", "RssAnon:", "RssFile:")


def _status_kib() -> dict[str, int]:
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        parts = line.split()
        if parts and parts[0] in FIELDS:
            out[parts[0].rstrip(":")] = int(parts[1])
    return out


def _fake_studio():
    """An SDK client whose requests are answered in this process (module docstring)."""
    import httpx
    from label_studio_sdk import LabelStudio

    state = {"projects": [], "tasks": 0, "predictions": 0}

    def project(pid: int) -> dict:
        return {
            "id": pid,
            "title": state["title"],
            "label_config": state["config"],
            "task_number": state["tasks"],
            "total_predictions_number": state["predictions"],
        }

    def handle(request: httpx.Request) -> httpx.Response:
        path, method = request.url.path.rstrip("/"), request.method
        if path == "/api/projects" and method == "GET":
            found = [project(1)] if state["projects"] else []
            return httpx.Response(200, json={"count": len(found), "next": None, "results": found})
        if path == "/api/projects" and method == "POST":
            body = json.loads(request.content)
            state.update(title=body["title"], config=body["label_config"], projects=[1])
            return httpx.Response(201, json=project(1))
        if path == "/api/projects/1/import":
            body = request.content  # count without keeping: the tasks are discarded
            state["tasks"] += body.count(b'"doc_id"')
            state["predictions"] += body.count(b'"model_version"')
            return httpx.Response(201, json={"task_count": 0, "prediction_count": 0})
        if path == "/api/projects/1":
            return httpx.Response(200, json=project(1))
        return httpx.Response(404, json={"detail": f"{method} {path} not faked"})

    http = httpx.Client(transport=httpx.MockTransport(handle), base_url="http://fake")
    return LabelStudio(base_url="http://fake", api_key="x", httpx_client=http)


def run_case(mode: str, corpus: Path, preds: Path) -> dict:
    """In the child: one push, measured as ``mode`` says."""
    from goldsmith.annotate.studio.push import push
    from goldsmith.annotate.studio.push_source import Documents, PredictionFile
    from goldsmith.corpus import load_documents

    client = _fake_studio()
    peaks = {key.rstrip(":"): 0 for key in FIELDS}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            for key, value in _status_kib().items():
                peaks[key] = max(peaks[key], value)
            time.sleep(0.05)

    if mode == "heap":
        import tracemalloc

        tracemalloc.start(1)
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.perf_counter()
    docs = Documents(lambda: load_documents(corpus))
    result = push(client, docs, PredictionFile(preds), "bench push memory")
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    out = {
        "seconds": round(seconds, 1),
        "tasks": result.tasks_created,
        **{f"{k}_mib": round(v / 1024, 1) for k, v in peaks.items()},
    }
    if mode == "heap":
        out["heap_peak_mib"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        snapshot = tracemalloc.take_snapshot().filter_traces(
            [tracemalloc.Filter(True, "*goldsmith*"), tracemalloc.Filter(True, "*/annotate/*")]
        )
        top = snapshot.statistics("lineno")[:5]
        out["goldsmith_still_allocated"] = [
            f"{s.traceback[0].filename.rsplit('/', 2)[-1]}:{s.traceback[0].lineno} "
            f"{s.size / 1024:.0f} KiB in {s.count} blocks"
            for s in top
        ]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default="2000,20000")
    parser.add_argument("--modes", default="rss,heap", help="rss, heap or both.")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if args.case:
        mode, corpus, preds = args.case
        print(json.dumps(run_case(mode, Path(corpus), Path(preds))), flush=True)
        return
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_large import write_inputs

    print(f"cores: {os.cpu_count()}, load average at start: {os.getloadavg()}", flush=True)
    work = Path(tempfile.mkdtemp(prefix="bench-push-memory-"))
    results: dict = {}
    try:
        for n in (int(x) for x in args.sizes.split(",")):
            corpus, preds = write_inputs(n, work)
            for mode in args.modes.split(","):
                command = [sys.executable, __file__, "--case", mode, str(corpus), str(preds)]
                load = os.getloadavg()[0]
                done = subprocess.run(command, capture_output=True, text=True, check=False)
                if done.returncode != 0:
                    raise SystemExit(f"{mode} {n} failed:\n{done.stderr[-3000:]}")
                row = {**json.loads(done.stdout.strip().splitlines()[-1]), "load": load}
                results[f"{mode} {n}"] = row
                print(f"{mode} {n}: {json.dumps(row)}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"load average at end: {os.getloadavg()}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
