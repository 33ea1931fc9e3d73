"""Benchmark: peak memory of the goldsmith client pushing and pulling large projects.

For each size N (default 2,000 and 20,000), in one run against one Label Studio server:

1. generate N distinct documents of our own (seeded sentences built from made-up names,
   about 2,600 characters and 36 entity regions each) and their predictions, saved as a
   corpus folder (``goldsmith.corpus.write_corpus``) and a spec JSONL file (not timed);
2. **push**: ``goldsmith annotate push CORPUS --predictions FILE --project T`` in a child
   process, timed, its peak RSS read from ``os.wait4`` (``ru_maxrss``); the child is
   forked from a small launcher, because Linux counts in ``ru_maxrss`` the memory of the
   process a child was forked from (see ``LAUNCHER``);
3. annotate every task through the API: the Data Manager action
   ``predictions_to_annotations`` (one request; each task gets a submitted annotation
   whose regions are its prediction's), not timed;
4. **pull**: ``goldsmith annotate pull --project T --out DIR`` in a child process, timed,
   its peak RSS read the same way; the gold directory must hold N gold documents.

A floor is measured too: a child that only imports what push and pull import
(``goldsmith.cli``, ``datasets``, the SDK). Bounded memory shows as a peak that does not
grow with N (the floor plus a constant), where a client holding the project grows with
the export (documents, predictions and annotations). ``--push-only`` measures the push
alone; ``--pull-project TITLE`` only the pull of an existing annotated project.

Usage:
    python benchmarks/bench_large.py                          # a fresh local server (SQLite)
    python benchmarks/bench_large.py --sizes 2000,20000 --url URL --api-key TOKEN
    python benchmarks/bench_large.py --studio-dir /tmp/ls     # a server 'studio up' started
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from _studio_bench import log, studio_client

from goldsmith.corpus import Document, doc_id_for
from goldsmith.corpus.dataset import write_corpus
from goldsmith.labels.jsonl import write_jsonl
from goldsmith.labels.records import AnnotatedDoc, Entity

GOLDSMITH = [str(Path(sys.executable).with_name("goldsmith"))]
FIRST = ["Ines", "Osei", "Hedda", "Tomas", "Jora", "Pell", "Mira", "Anouk", "Davit", "Lior"]
LAST = ["Rook", "Brandt", "Voss", "Reyk", "Fenn", "Marl", "Quist", "Ardent", "Solberg"]
PLACES = ["Tarrow", "Dunmore", "Calloway", "Brenmoor", "Kelby", "Ostby", "Vell County"]
ORGS = ["Halvard Works", "the Drummond fund", "Arlen Transit", "the Kelby library board"]
SENTENCES_PER_DOC = 12


def documents(n: int, seed: int = 7) -> Iterator[tuple[Document, AnnotatedDoc]]:
    """``n`` distinct documents, each with a prediction of its name, place and org spans."""
    rng = random.Random(seed)
    for i in range(n):
        parts: list[str] = []
        entities: list[Entity] = []
        at = 0
        for s in range(SENTENCES_PER_DOC):
            person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            place, org = rng.choice(PLACES), rng.choice(ORGS)
            pieces = [
                ("", None),
                (person, "PERSON"),
                (" told reporters in ", None),
                (place, "GPE"),
                (" that ", None),
                (org, "ORG"),
                (
                    f" would review item {i}-{s} of the plan before the council met again "
                    "next week, after a long debate about buses, bridges and budgets. ",
                    None,
                ),
            ]
            for piece, label in pieces:
                if label is not None:
                    entities.append(Entity(at, at + len(piece), piece, label, score=0.8))
                parts.append(piece)
                at += len(piece)
        text = "".join(parts).rstrip()
        doc_id = doc_id_for(text)
        meta = {"model_version": "bench-large"}
        yield (
            Document(doc_id, text, source=f"large-{i:06d}"),
            AnnotatedDoc(doc_id, text, tuple(entities), meta=meta),
        )


def write_inputs(n: int, folder: Path) -> tuple[Path, Path]:
    """The corpus folder and the predictions file of ``n`` documents (streamed to disk)."""
    corpus, preds = folder / f"corpus-{n}", folder / f"predictions-{n}.jsonl"
    write_corpus((d for d, _ in documents(n)), corpus)
    write_jsonl((p for _, p in documents(n)), preds)
    return corpus, preds


#: Runs argv[2:] and writes to the file argv[1] its ``ru_maxrss`` and the highest
#: ``RssAnon`` (heap, stacks) and ``RssFile`` (mapped files: ``datasets`` memory-maps its
#: Arrow files, and the kernel may drop those pages) seen in ``/proc/PID/status`` every
#: 0.1 s, all in KiB. Linux counts in a
#: child's ``ru_maxrss`` the RSS of the process it was forked from (the high-water mark of
#: the memory image that ``exec`` replaced), so the command must be forked from this
#: small launcher, not from the benchmark, which holds the SDK, ``datasets`` and more.
LAUNCHER = """
import os, sys, time
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
peak = {"RssAnon:": 0, "RssFile:": 0}
while True:
    done, status, usage = os.wait4(pid, os.WNOHANG)
    if done:
        break
    try:
        for line in open(f"/proc/{pid}/status"):
            parts = line.split()
            if parts and parts[0] in peak:
                peak[parts[0]] = max(peak[parts[0]], int(parts[1]))
    except (OSError, ValueError):
        pass
    time.sleep(0.1)
with open(sys.argv[1], "w") as out:
    out.write(f"{usage.ru_maxrss} {peak['RssAnon:']} {peak['RssFile:']}")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_child(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Seconds, peak RSS in MiB (``ru_maxrss`` of the command alone) and its stdout; the
    sampled peaks of anonymous and file-backed RSS are logged."""
    started = time.perf_counter()
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.NamedTemporaryFile("r") as rss,
    ):
        launcher = [sys.executable, "-S", "-c", LAUNCHER, rss.name]
        done = subprocess.run([*launcher, *args], stdout=out, stderr=err, env=env, check=False)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(args[1:3])} failed ({done.returncode}):\n{stderr[-3000:]}")
        peak_kib, anon, mapped = (int(x) for x in rss.read().split())
    log(
        f"    peak RSS {peak_kib / 1024:.1f} MiB (sampled peaks: anonymous "
        f"{anon / 1024:.1f} MiB, file-backed {mapped / 1024:.1f} MiB)"
    )
    return seconds, peak_kib / 1024, stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="An existing Label Studio server (default: start one).")
    parser.add_argument("--api-key", help="Its API token (with --url).")
    parser.add_argument("--studio-dir", help="The data dir of a server 'studio up' started.")
    parser.add_argument("--sizes", default="2000,20000", help="Comma-separated N.")
    parser.add_argument("--push-only", action="store_true", help="Measure push alone.")
    parser.add_argument(
        "--pull-project",
        action="append",
        default=[],
        help="Measure only the pull of this existing annotated project (repeatable).",
    )
    args = parser.parse_args()
    sizes = [] if args.pull_project else [int(s) for s in args.sizes.split(",")]
    if args.studio_dir:
        from goldsmith.annotate.studio.server import load_credentials, server_status

        creds = load_credentials(args.studio_dir)
        status = server_status(args.studio_dir)
        if creds is None or not status.running or status.url is None:
            raise SystemExit(f"no running server in {args.studio_dir}")
        args.url, args.api_key = status.url, creds.token
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOLDSMITH_STUDIO")}
    rows = []
    with (
        studio_client(args.url, args.api_key) as (client, url),
        tempfile.TemporaryDirectory(prefix="gs-bench-large-") as tmp,
    ):
        env.update(LABEL_STUDIO_URL=url, LABEL_STUDIO_API_KEY=args.api_key or _token(client))
        floor = run_child(
            [sys.executable, "-c", "import goldsmith.cli, datasets, label_studio_sdk"], env
        )[1]
        log(f"floor (imports only): {floor:.1f} MiB")
        for title in args.pull_project:
            n = int(client.projects.get(id=_project_id(client, title)).task_number or 0)
            pull_s, pull_rss, source = _pull(title, n, Path(tmp) / f"gold-{n}", env)
            rows.append((n, None, None, pull_s, pull_rss, source))
        for n in sizes:
            folder = Path(tmp)
            log(f"N={n}: writing corpus and predictions (not timed) ...")
            corpus, preds = write_inputs(n, folder)
            title = f"bench large {n} {uuid.uuid4().hex[:6]}"
            log(f"N={n}: push ...")
            push_s, push_rss, _ = run_child(
                [*GOLDSMITH, "annotate", "push", str(corpus), "--predictions", str(preds)]
                + ["--project", title],
                env,
            )
            log(f"  push {push_s:.1f} s, peak RSS {push_rss:.1f} MiB")
            if args.push_only:
                rows.append((n, push_s, push_rss, None, None, "-"))
                continue
            project_id = _project_id(client, title)
            log(f"N={n}: predictions -> annotations (not timed) ...")
            started = time.perf_counter()
            client.actions.create(
                id="predictions_to_annotations",
                project=project_id,
                selected_items={"all": True, "excluded": []},
                request_options={"timeout": 3600, "max_retries": 0},
            )
            full = client.projects.get(id=project_id)
            log(
                f"  {full.task_number} tasks, {full.total_annotations_number} annotations, "
                f"{full.total_predictions_number} predictions "
                f"({time.perf_counter() - started:.1f} s)"
            )
            pull_s, pull_rss, source = _pull(title, n, folder / f"gold-{n}", env)
            rows.append((n, push_s, push_rss, pull_s, pull_rss, source))
    print(f"floor: a child importing goldsmith.cli, datasets, label_studio_sdk: {floor:.1f} MiB")
    print("| tasks | push s | push peak RSS | pull s | pull peak RSS | pull source |")
    print("|---|---|---|---|---|---|")
    for n, ps, pr, ls, lr, source in rows:
        cells = [_num(ps, ""), _num(pr, " MiB"), _num(ls, ""), _num(lr, " MiB")]
        print(f"| {n:,} | {' | '.join(cells)} | {source} |")


def _num(value: float | None, unit: str) -> str:
    return "-" if value is None else f"{value:.1f}{unit}"


def _project_id(client, title: str) -> int:
    return next(p.id for p in client.projects.list(title=title) if p.title == title)


def _pull(title: str, n: int, out: Path, env: dict[str, str]) -> tuple[float, float, str]:
    """Seconds, peak RSS and source of ``goldsmith annotate pull``; N gold documents."""
    log(f"N={n}: pull of {title!r} ...")
    seconds, rss, _ = run_child(
        [*GOLDSMITH, "annotate", "pull", "--project", title, "--out", str(out)], env
    )
    report = json.loads((out / "report.json").read_text())
    log(f"  pull {seconds:.1f} s, peak RSS {rss:.1f} MiB, source {report['source']}")
    if report["gold_documents"] != n or report["predictions"] != n:
        raise SystemExit(f"pull of {n}: {report['gold_documents']} gold documents")
    return seconds, rss, report["source"]


def _token(client) -> str:
    """The API key of the SDK client (a server started by this script)."""
    return client._client_wrapper.api_key


if __name__ == "__main__":
    main()
