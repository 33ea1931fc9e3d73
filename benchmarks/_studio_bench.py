"""Shared pieces of the Label Studio benchmarks: a server to talk to, and the documents.

- :func:`studio_client` yields a checked SDK client: the server named by ``--url`` /
  ``--api-key``, or a fresh local server (``goldsmith.annotate.studio.server``) in a
  temporary data dir on a free loopback port, stopped afterwards.
- :func:`studio_servers` yields one client per database (``--databases``, default SQLite
  and PostgreSQL) for the benchmarks that compare them in one run: a server 'goldsmith
  studio up' already runs (``--sqlite-dir`` / ``--postgresql-dir``), else a fresh one
  (PostgreSQL: a local cluster of Debian's postgresql in the temporary data dir).
- :func:`timed` runs one side of a comparison and measures it four ways: wall seconds,
  CPU seconds of this (client) process, CPU seconds of the server's processes (Label
  Studio and, on a local PostgreSQL, every backend of its cluster: ``/proc/PID/stat``)
  and the load average before and after; :func:`paired` summarises alternating rounds
  by the median of the per-round ratios and their spread, so a burst of load from
  other processes shows as spread instead of faking or hiding a ratio.
- :func:`bench_documents` builds N distinct documents and their predictions: the base
  texts are read at run time from a seeds folder (never copied into the repository) and
  from the bundled sample corpus; each base text is pre-annotated once with goldsmith's
  predictor, then copies are made distinct by appending a line ``[copy N]`` after the
  text, so the base prediction's offsets stay valid for every copy. All of this happens
  before any timing.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from label_studio_sdk import LabelStudio

from goldsmith.annotate.studio.client import Connection, connect
from goldsmith.annotate.studio.server import (
    load_credentials,
    server_status,
    start_server,
    stop_server,
)
from goldsmith.corpus import Document, doc_id_for, load_documents
from goldsmith.labels.records import AnnotatedDoc

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "corpus" / "sample"
SEEDS = Path("/work/shared/seeds")


def _add_corpus_arguments(parser: argparse.ArgumentParser) -> None:
    """``--docs`` / ``--quick`` / ``--seeds``: the documents every Label Studio benchmark pushes."""
    parser.add_argument("--docs", type=int, default=2000, help="Number of documents.")
    parser.add_argument("--quick", action="store_true", help="200 documents.")
    parser.add_argument(
        "--seeds",
        type=Path,
        default=SEEDS,
        help="Folder of extra .txt base texts read at run time.",
    )


def add_database_arguments(parser: argparse.ArgumentParser) -> None:
    """``--databases`` / ``--sqlite-dir`` / ``--postgresql-dir`` / ``--docs`` / ``--quick``."""
    parser.add_argument("--databases", default="sqlite,postgresql", help="Comma-separated.")
    parser.add_argument("--sqlite-dir", help="Data dir of a running SQLite studio to reuse.")
    parser.add_argument("--postgresql-dir", help="Data dir of a running PostgreSQL studio.")
    _add_corpus_arguments(parser)


@contextmanager
def studio_servers(
    args: argparse.Namespace,
) -> Iterator[list[tuple[str, LabelStudio, str, Path]]]:
    """(database, client, url, data dir) for each of ``--databases`` (module docstring)."""
    from goldsmith.annotate.studio.database import DatabaseRequest, remove_database

    with ExitStack() as stack:
        found = []
        for kind in args.databases.split(","):
            given = getattr(args, f"{kind}_dir")
            if given:
                creds, status = load_credentials(given), server_status(given)
                if creds is None or not status.running or status.url is None:
                    raise SystemExit(f"no running server in {given}")
                client = connect(Connection(status.url, creds.token, f"bench {kind}"))
                found.append((kind, client, status.url, Path(given)))
                continue
            tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix=f"gs-bench-{kind}-"))
            port = free_port()
            log(f"starting a local Label Studio on {kind}, port {port} (data dir {tmp}) ...")
            started = time.monotonic()
            status = start_server(tmp, port=port, timeout=900, database=DatabaseRequest(kind))
            stack.callback(remove_database, tmp)
            stack.callback(stop_server, tmp)
            log(f"  up in {time.monotonic() - started:.0f} s")
            creds = load_credentials(tmp)
            assert creds is not None and status.url is not None
            client = connect(Connection(status.url, creds.token, kind))
            found.append((kind, client, status.url, Path(tmp)))
        yield found


@dataclass(frozen=True)
class Run:
    """One timed run: wall seconds, CPU seconds of this process and of the server's
    processes, the 1-minute load average before and after."""

    seconds: float
    client_cpu: float
    server_cpu: float
    load_before: float
    load_after: float


def server_pids(data_dir: Path) -> list[int]:
    """The root processes of a local server: Label Studio and, on a local PostgreSQL
    cluster, its postmaster (whose children are the backends)."""
    from goldsmith.annotate.studio.database import load_config
    from goldsmith.annotate.studio.database_local import cluster_of

    pids = []
    status = server_status(data_dir)
    if status.pid:
        pids.append(status.pid)
    config = load_config(data_dir)
    if config is not None and config.kind == "postgresql" and config.managed:
        try:
            first = (cluster_of(data_dir, config).data / "postmaster.pid").read_text().split()
            pids.append(int(first[0]))
        except (OSError, ValueError, IndexError):
            pass
    return pids


def tree_cpu(roots: list[int]) -> float:
    """CPU seconds (user + system) of the roots and every live descendant, plus what their
    reaped children used (``cutime``/``cstime``)."""
    children: dict[int, list[int]] = {}
    stats: dict[int, list[str]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                fields = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            stats[int(entry.name)] = fields
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    ticks, todo, seen = 0, list(roots), set()
    while todo:
        pid = todo.pop()
        if pid in seen or pid not in stats:
            continue
        seen.add(pid)
        ticks += sum(int(v) for v in stats[pid][11:15])  # utime stime cutime cstime
        todo.extend(children.get(pid, ()))
    return ticks / os.sysconf("SC_CLK_TCK")


def timed(work: Callable[[], object], roots: list[int]) -> tuple[object, Run]:
    """Run ``work()`` and measure it (module docstring)."""
    load = os.getloadavg()[0]
    server, client = tree_cpu(roots), time.process_time()
    started = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - started
    run = Run(
        round(seconds, 2),
        round(time.process_time() - client, 2),
        round(tree_cpu(roots) - server, 2),
        load,
        os.getloadavg()[0],
    )
    return result, run


def paired(runs: list[Run], references: list[Run]) -> dict:
    """Median and spread of the per-round ratios of ``runs`` to ``references`` (round i
    against round i), and the medians of each side's wall, client and server CPU."""
    ratios = [r.seconds / b.seconds for r, b in zip(runs, references, strict=True)]
    pairs = zip(runs, references, strict=True)
    server = [r.server_cpu / b.server_cpu for r, b in pairs if b.server_cpu]

    def med(items: list[Run], name: str) -> float:
        return round(statistics.median(getattr(r, name) for r in items), 2)

    loads = [x for r in runs + references for x in (r.load_before, r.load_after)]
    return {
        "ratio_median": round(statistics.median(ratios), 3),
        "ratio_min": round(min(ratios), 3),
        "ratio_max": round(max(ratios), 3),
        "ratios": [round(x, 3) for x in ratios],
        "server_cpu_ratio_median": round(statistics.median(server), 3) if server else None,
        "seconds": [med(runs, "seconds"), med(references, "seconds")],
        "client_cpu": [med(runs, "client_cpu"), med(references, "client_cpu")],
        "server_cpu": [med(runs, "server_cpu"), med(references, "server_cpu")],
        "load": [round(min(loads), 2), round(max(loads), 2)],
        "runs": [asdict(r) for r in runs],
        "references": [asdict(r) for r in references],
    }


def paired_lines(label: str, name: str, reference: str, summary: dict, n: int) -> list[str]:
    """The printed summary of :func:`paired`."""
    g, b = summary["seconds"]
    return [
        f"[{label}] {name} / {reference}, per round: "
        + ", ".join(f"{x:.2f}x" for x in summary["ratios"]),
        f"[{label}] ratio: median {summary['ratio_median']:.2f}x "
        f"(spread {summary['ratio_min']:.2f}-{summary['ratio_max']:.2f}); "
        f"median wall {g:.2f} s / {b:.2f} s; tasks/s {n / g:.1f} / {n / b:.1f}",
        f"[{label}] CPU s (median): client {summary['client_cpu'][0]:.2f} / "
        f"{summary['client_cpu'][1]:.2f}, server {summary['server_cpu'][0]:.2f} / "
        f"{summary['server_cpu'][1]:.2f} (server CPU ratio "
        f"{summary['server_cpu_ratio_median']}x); load average "
        f"{summary['load'][0]:.1f}-{summary['load'][1]:.1f}",
    ]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def studio_client(url: str | None, api_key: str | None) -> Iterator[tuple[LabelStudio, str]]:
    """A checked client and its URL (rules in the module docstring)."""
    if url:
        if not api_key:
            raise SystemExit("--api-key is needed with --url")
        yield connect(Connection(url.rstrip("/"), api_key, "--url/--api-key")), url
        return
    with tempfile.TemporaryDirectory(prefix="gs-bench-studio-") as tmp:
        port = free_port()
        log(f"starting a local Label Studio on port {port} (data dir {tmp}) ...")
        started = time.monotonic()
        status = start_server(tmp, port=port)
        log(f"  up in {time.monotonic() - started:.0f} s")
        try:
            creds = load_credentials(tmp)
            assert creds is not None and status.url is not None
            yield connect(Connection(status.url, creds.token, "bench server")), status.url
        finally:
            stop_server(tmp)


def base_documents(seeds: Path) -> list[Document]:
    """The sample corpus and the seed texts (when the folder exists), as documents."""
    docs = list(load_documents(SAMPLE, glob="*.txt"))
    if seeds.is_dir() and any(seeds.glob("*.txt")):
        docs += list(load_documents(seeds, glob="*.txt"))
    return docs


def bench_documents(n: int, seeds: Path) -> tuple[list[Document], dict[str, AnnotatedDoc]]:
    """``n`` distinct documents and their predictions by ``doc_id`` (module docstring)."""
    from goldsmith.annotate.predict import predict

    bases = base_documents(seeds)
    log(f"pre-annotating {len(bases)} base texts (before timing) ...")
    predicted = list(predict(bases))
    docs: list[Document] = []
    preds: dict[str, AnnotatedDoc] = {}
    for i in range(n):
        base, pred = bases[i % len(bases)], predicted[i % len(bases)]
        text = f"{base.text}\n\n[copy {i}]"
        doc_id = doc_id_for(text)
        docs.append(replace(base, doc_id=doc_id, text=text, source=f"bench-{i:05d}"))
        preds[doc_id] = AnnotatedDoc(
            doc_id, text, pred.entities, pred.quotes, pred.claims, dict(pred.meta)
        )
    regions = sum(len(p.entities) + len(p.quotes) + len(p.claims) for p in preds.values())
    log(f"  {len(docs)} documents, {regions} predicted regions")
    return docs, preds


def ratio_line(name: str, goldsmith_s: float, reference_name: str, reference_s: float) -> str:
    return (
        f"{name}: goldsmith {goldsmith_s:.2f} s, {reference_name} {reference_s:.2f} s, "
        f"ratio {goldsmith_s / reference_s:.2f}x"
    )
