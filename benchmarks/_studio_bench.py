"""Shared pieces of the Label Studio benchmarks: a server to talk to, and the documents.

- :func:`studio_client` yields a checked SDK client: the server named by ``--url`` /
  ``--api-key``, or a fresh local server (``goldsmith.annotate.studio.server``) in a
  temporary data dir on a free loopback port, stopped afterwards.
- :func:`studio_servers` yields one client per database (``--databases``, default SQLite
  and PostgreSQL) for the benchmarks that compare them in one run: a server 'goldsmith
  studio up' already runs (``--sqlite-dir`` / ``--postgresql-dir``), else a fresh one
  (PostgreSQL: a local cluster of Debian's postgresql in the temporary data dir).
- :func:`bench_documents` builds N distinct documents and their predictions: the base
  texts are read at run time from a seeds folder (never copied into the repository) and
  from the bundled sample corpus; each base text is pre-annotated once with goldsmith's
  predictor, then copies are made distinct by appending a line ``[copy N]`` after the
  text, so the base prediction's offsets stay valid for every copy. All of this happens
  before any timing.
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
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


def add_server_arguments(parser: argparse.ArgumentParser) -> None:
    """``--url`` / ``--api-key`` / ``--docs`` / ``--quick`` / ``--seeds``."""
    parser.add_argument("--url", help="An existing Label Studio server (default: start one).")
    parser.add_argument("--api-key", help="Its API token (with --url).")
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
    parser.add_argument("--docs", type=int, default=2000, help="Number of documents.")
    parser.add_argument("--quick", action="store_true", help="200 documents.")
    parser.add_argument(
        "--seeds",
        type=Path,
        default=SEEDS,
        help="Folder of extra .txt base texts read at run time.",
    )


@contextmanager
def studio_servers(args: argparse.Namespace) -> Iterator[list[tuple[str, LabelStudio, str]]]:
    """(database, client, url) for each of ``--databases`` (rules in the module docstring)."""
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
                found.append((kind, client, status.url))
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
            found.append((kind, connect(Connection(status.url, creds.token, kind)), status.url))
        yield found


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
