"""Pre-annotation on Ray: the corpus read by Ray Data, annotated by an actor pool, sharded out.

Rules:
- input: a corpus saved by ``goldsmith corpus ingest`` (its Arrow files, listed in
  ``state.json``) or Parquet files with the corpus columns (``doc_id`` and ``text``;
  ``source``, ``title``, ``ignore`` when present), on a local path or any fsspec URL
  (``s3://``, ``gs://``, ``file://`` ...). Every row is checked as the local engine
  checks it (the id is the id of its text, ignore ranges inside it);
- annotation: ``map_batches`` with an actor pool (``ActorPoolStrategy(size=workers)``);
  each actor loads the spaCy model once and runs :func:`goldsmith.annotate.predict.predict`
  on its batches, so the records are exactly those the local engine writes;
- output: ``OUT/part-RUN-NNNNN.parquet`` shards of about ``shard_size`` documents
  (:mod:`goldsmith.labels.shards`), each written whole by the driver as results come
  back, and ``OUT/manifest.json`` (the run's settings, and ``complete`` at the end);
  after each shard the driver gives the pages Arrow's pool freed back to the system, so
  its private memory stays flat however long the run;
  ``jsonl`` also writes every record as spec JSONL once the shards are complete;
- resume: a rerun with the same settings keeps every complete shard and predicts only
  the documents not in one (a shard being written when the run stopped is dropped
  whole); a complete output is left alone: nothing runs, not even Ray. Other settings
  in ``OUT`` are an :class:`InputError`. The ids already done are put in Ray's object
  store once (``ray.put`` of one Arrow array) and each actor is handed a reference to
  them, read from the store's shared memory, so what is sent to the actors does not
  grow with the output times the actors;
- Ray: without ``address`` a private local Ray (``num_cpus=workers + 1``: one CPU for
  reading, no dashboard, 127.0.0.1) started and stopped by the run; with one, the run
  joins that cluster, whose workers need goldsmith and the model installed;
- :func:`predict_ray` yields the events of :mod:`goldsmith.annotate.predict_run`
  (``Started``, ``Done`` per batch, ``Skipped``, the ``PredictReport`` last).

Example:
    >>> events = predict_ray("corpus.ds", "predictions/", workers=2)  # doctest: +SKIP
    >>> report = deque(events, maxlen=1)[0]  # doctest: +SKIP
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from goldsmith.annotate.model import resolve_model_name
from goldsmith.annotate.predict import check_layers
from goldsmith.annotate.predict_run import Done, PredictEvent, PredictReport, Skipped, Started
from goldsmith.errors import GoldsmithError, InputError
from goldsmith.labels.schema import LAYERS
from goldsmith.labels.shards import (
    SCHEMA,
    SHARD_PREFIX,
    read_shard_records,
    shard_doc_ids,
    shard_paths,
    write_records_jsonl,
    write_shard,
)

MANIFEST = "manifest.json"
FORMAT = "goldsmith-prediction-shards/1"
INSTALL_HINT = 'pip install "goldsmith[ray]"'


def predict_ray(
    input_path: str | Path,
    out_dir: str | Path,
    *,
    model: str | None = None,
    layers: Iterable[str] = LAYERS,
    batch_size: int = 64,
    workers: int = 2,
    address: str | None = None,
    shard_size: int = 1000,
    jsonl: str | Path | None = None,
) -> Iterator[PredictEvent]:
    """Pre-annotate ``input_path`` into Parquet shards in ``out_dir`` (module rules)."""
    chosen = check_layers(layers)
    for name, value in (("batch size", batch_size), ("workers", workers), ("shard", shard_size)):
        if value < 1:
            raise InputError(f"{name} must be at least 1, got {value}")
    out_dir = Path(out_dir)
    settings = {
        "format": FORMAT,
        "input": str(input_path) if "://" in str(input_path) else str(Path(input_path).resolve()),
        "model": resolve_model_name(model),
        "layers": list(chosen),
    }
    manifest = _open_output(out_dir, settings)
    started = time.perf_counter()
    tally = _Tally.of_shards(out_dir, chosen)
    if manifest.get("complete"):
        yield Started(tally.documents, manifest.get("model_version", ""), tally.documents)
        yield from _finish(out_dir, manifest, tally, chosen, jsonl, started, write=False)
        return
    ray = _ray()
    _prepare(out_dir)
    _write_manifest(out_dir, {**settings, "complete": False})
    owns_ray = not ray.is_initialized()
    if owns_ray:
        _init_ray(ray, address, workers)
    try:
        from goldsmith.annotate.ray_data import AnnotateBatch, corpus_rows, read_corpus_dataset

        dataset = read_corpus_dataset(input_path)
        _check_columns(dataset, str(input_path))
        total = corpus_rows(input_path)
        yield Started(total, manifest.get("model_version", ""), tally.documents)
        annotated = dataset.map_batches(
            AnnotateBatch,
            fn_constructor_kwargs={
                "model": settings["model"],
                "layers": chosen,
                "batch_size": batch_size,
                "done": ray.put(tally.done_ids) if len(tally.done_ids) else None,
                "where": str(input_path),
            },
            batch_size=batch_size,
            batch_format="pyarrow",
            compute=ray.data.ActorPoolStrategy(size=workers),
        )
        run = uuid.uuid4().hex[:8]
        pending: list[pa.Table] = []
        rows = 0
        for batch in annotated.iter_batches(batch_size=None, batch_format="pyarrow"):
            if batch.num_rows == 0:
                continue
            _raise_error_row(batch)
            manifest = _check_version(out_dir, manifest, settings, batch)
            yield from tally.add(batch)
            pending.append(batch.select(SCHEMA.names).cast(SCHEMA))
            rows += batch.num_rows
            if rows >= shard_size:
                _flush(out_dir, run, tally, pending)
                pending, rows = [], 0
                release_arrow_memory()
            yield Done("documents", tally.documents, total, words=tally.words)
        if pending:
            _flush(out_dir, run, tally, pending)
    finally:
        if owns_ray:
            ray.shutdown()
    manifest = {**manifest, **settings, "complete": True, "documents": tally.documents}
    yield from _finish(out_dir, manifest, tally, chosen, jsonl, started, write=True)


def release_arrow_memory() -> None:
    """Give the pages Arrow's memory pool holds free back to the system.

    The driver's casts and Parquet encoding allocate from Arrow's pool (mimalloc), which
    keeps freed pages for reuse; over a run their spread grew the driver by about 9 MiB
    from 20,000 to 200,000 documents (BENCHMARKS.md, Memory at scale). Releasing them
    after each shard keeps the driver's private memory flat.
    """
    pa.default_memory_pool().release_unused()


def read_manifest(out_dir: str | Path) -> dict:
    """The manifest of a shard folder (empty when there is none)."""
    path = Path(out_dir) / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise InputError(
            f"{path}: unreadable ({exc}); remove it to start this output afresh"
        ) from None


class _Tally:
    """Documents, words and regions so far, and the ids already in complete shards."""

    def __init__(self, layers: tuple[str, ...], done_ids: list[str]) -> None:
        self.layers = layers
        self.done_ids = pa.array(done_ids, type=pa.string())
        self.documents = len(done_ids)
        self.resumed = len(done_ids)
        self.words = 0
        self.resumed_words = 0
        self.regions = dict.fromkeys(layers, 0)
        self.skipped: list[Skipped] = []
        self.shard_number = 0

    @classmethod
    def of_shards(cls, out_dir: Path, layers: tuple[str, ...]) -> _Tally:
        done: list[str] = []
        for path in shard_paths(out_dir):
            done.extend(shard_doc_ids(path))
        tally = cls(layers, done)
        for record in read_shard_records(out_dir) if done else ():
            tally.words += len(record["text"].split())
            for layer in layers:
                tally.regions[layer] += len(record[layer])
        tally.resumed_words = tally.words
        return tally

    def add(self, batch: pa.Table) -> Iterator[Skipped]:
        self.documents += batch.num_rows
        self.words += pc.sum(batch.column("_words")).as_py() or 0
        for layer in self.layers:
            lengths = pc.list_value_length(batch.column(layer))
            self.regions[layer] += pc.sum(lengths).as_py() or 0
        flagged = pc.match_substring(batch.column("meta"), '"skipped"')
        for row in batch.filter(flagged).select(["doc_id", "meta"]).to_pylist():
            meta = json.loads(row["meta"])
            if "skipped" in meta:
                self.skipped.append(Skipped(row["doc_id"], meta.get("source", ""), meta["skipped"]))
                yield self.skipped[-1]


def _open_output(out_dir: Path, settings: dict) -> dict:
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir}: exists and is not a folder; --out of --engine ray is one")
    manifest = read_manifest(out_dir)
    if out_dir.is_dir() and not manifest and any(out_dir.iterdir()):
        raise InputError(f"{out_dir}: folder is not empty and holds no prediction shards")
    differs = [k for k, v in settings.items() if manifest and manifest.get(k) != v]
    if differs:
        raise InputError(
            f"{out_dir} holds predictions of other settings ({', '.join(differs)}: "
            f"{manifest.get(differs[0])!r}, not {settings[differs[0]]!r}); "
            "choose another --out or delete it"
        )
    return manifest


def _prepare(out_dir: Path) -> None:
    """Create ``out_dir``; drop the temporary file of a shard a stopped run left half-written."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for stale in out_dir.glob(f".{SHARD_PREFIX}*.tmp"):
            stale.unlink()
    except OSError as exc:
        raise InputError(
            f"{out_dir}: cannot write ({exc.strerror or exc}); choose another --out"
        ) from None


def _check_version(out_dir: Path, manifest: dict, settings: dict, batch: pa.Table) -> dict:
    version = json.loads(batch.column("meta")[0].as_py()).get("model_version", "")
    recorded = manifest.get("model_version")
    if recorded and recorded != version:
        raise InputError(
            f"{out_dir} holds predictions of {recorded}, but this run makes {version}; "
            "choose another --out or delete it"
        )
    if not recorded:
        manifest = {**manifest, **settings, "model_version": version, "complete": False}
        _write_manifest(out_dir, manifest)
    return manifest


def _flush(out_dir: Path, run: str, tally: _Tally, tables: list[pa.Table]) -> None:
    tally.shard_number += 1
    name = f"{SHARD_PREFIX}{run}-{tally.shard_number:05d}.parquet"
    write_shard(pa.concat_tables(tables), out_dir / name)


def _finish(
    out_dir: Path,
    manifest: dict,
    tally: _Tally,
    layers: tuple[str, ...],
    jsonl: str | Path | None,
    started: float,
    write: bool,
) -> Iterator[PredictEvent]:
    if write:
        _write_manifest(out_dir, manifest)
    if jsonl is not None:
        write_records_jsonl(read_shard_records(out_dir), jsonl)
    yield PredictReport(
        out=out_dir,
        layers=layers,
        model_version=manifest.get("model_version", ""),
        documents=tally.documents,
        words=tally.words,
        regions=dict(tally.regions),
        seconds=time.perf_counter() - started,
        resumed=tally.resumed,
        resumed_words=tally.resumed_words,
        skipped=tuple(tally.skipped),
    )


def _write_manifest(out_dir: Path, manifest: dict) -> None:
    path = out_dir / MANIFEST
    tmp = out_dir / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    tmp.replace(path)


def _check_columns(dataset, where: str) -> None:
    from goldsmith.annotate.ray_data import missing_column

    schema = dataset.schema()
    names = set(schema.names) if schema is not None else {"doc_id", "text"}
    for column in ("doc_id", "text"):
        if column not in names:
            raise InputError(missing_column(where, column))


def _raise_error_row(batch: pa.Table) -> None:
    """Raise the goldsmith error an actor sent back as a row (see ``ray_data``)."""
    errors = batch.column("_error").drop_null()
    if len(errors):
        raise InputError(errors[0].as_py())


def _ray():
    try:
        import ray
        import ray.data
    except ImportError:
        raise GoldsmithError(f"--engine ray needs Ray; install it with: {INSTALL_HINT}") from None
    return ray


def _init_ray(ray, address: str | None, workers: int) -> None:
    import logging

    # Ray's own chatter (token notice, progress log lines) would garble the progress bar;
    # errors still come back as exceptions.
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.ERROR)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    quiet = {"logging_level": logging.ERROR, "log_to_driver": False}
    if address:
        ray.init(address=address, **quiet)
    else:
        ray.init(
            address="local",
            num_cpus=workers + 1,
            include_dashboard=False,
            _node_ip_address="127.0.0.1",
            **quiet,
        )
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.ERROR)
