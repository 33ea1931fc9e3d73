"""The Ray Data side of the Ray engine: reading a corpus, and the actor that annotates.

Rules:
- a corpus folder saved by ``goldsmith corpus ingest`` is a ``datasets`` folder whose
  Arrow files (Arrow IPC streams, listed in ``state.json``) are read by Ray Data as
  files, batch by batch, so any fsspec path works and no process holds the whole corpus;
  anything else is read as Parquet (a file, a folder of shards, a glob-free URL);
- a URL with a scheme other than ``file`` goes through fsspec (``pyarrow``'s
  ``FSSpecHandler``); the Ray workers must be able to reach it too;
- :class:`AnnotateBatch` is the actor: its constructor loads the spaCy model once, each
  call turns a batch of corpus rows into the spec records of
  :func:`goldsmith.annotate.predict.predict` as a table of
  :data:`goldsmith.labels.shards.SCHEMA` (plus ``_words``, the words of each text, and
  ``_error``), leaving out the documents already done (it gets them as one object-store
  reference to an Arrow array, not as a copy of its own). Bad input (a goldsmith error)
  comes back as one row whose ``_error`` holds the message, since Ray would turn the
  exception into its own type on the way to the driver.

Example:
    >>> ds = read_corpus_dataset("corpus.ds")  # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
from ray.data.datasource import FileBasedDatasource

from goldsmith.errors import InputError

_CORPUS_COLUMNS = ("doc_id", "text", "source", "source_id", "title", "ignore")


class ArrowStreamDatasource(FileBasedDatasource):
    """Arrow IPC stream files (what ``datasets.save_to_disk`` writes), batch by batch."""

    _FILE_EXTENSIONS = ["arrow"]

    def _read_stream(self, f: pa.NativeFile, path: str) -> Iterator[pa.Table]:
        reader = pa.ipc.open_stream(f)
        for batch in reader:
            yield pa.Table.from_batches([batch])


def read_corpus_dataset(path: str | Path):
    """A Ray Dataset of the corpus rows at ``path`` (module rules)."""
    import ray.data

    filesystem, root = _filesystem(str(path))
    state = _corpus_state(filesystem, root)
    try:
        if state is not None:
            files = [f"{root.rstrip('/')}/{item['filename']}" for item in state["_data_files"]]
            return ray.data.read_datasource(ArrowStreamDatasource(files, filesystem=filesystem))
        return ray.data.read_parquet(root, filesystem=filesystem)
    except (OSError, ValueError, TypeError) as exc:
        raise InputError(
            f"{path}: cannot read as a corpus or Parquet shards ({exc}); "
            "run 'goldsmith corpus ingest' on raw input first"
        ) from None


def corpus_rows(path: str | Path) -> int | None:
    """The number of rows at ``path`` from metadata only, or ``None`` when unknown."""
    import pyarrow.parquet as pq

    filesystem, root = _filesystem(str(path))
    state = _corpus_state(filesystem, root)
    try:
        if state is not None:
            if filesystem is not None:
                return None  # counting a remote Arrow stream means reading it
            from goldsmith.corpus.dataset import corpus_size

            return corpus_size(root)
        dataset = pq.ParquetDataset(root, filesystem=filesystem)
        return sum(fragment.metadata.num_rows for fragment in dataset.fragments)
    except Exception:  # a count is a nicety: the read itself reports what is wrong
        return None


class AnnotateBatch:
    """The Ray actor: the model loaded once, then corpus rows in, spec records out."""

    def __init__(
        self,
        model: str,
        layers: tuple[str, ...],
        batch_size: int,
        done: Any,
        where: str,
    ) -> None:
        import ray

        from goldsmith.annotate.model import load_model

        self.nlp = load_model(model)
        self.layers = layers
        self.batch_size = batch_size
        # ``done``: a reference to the ids already done (one Arrow array in the object
        # store, read from shared memory) or None
        self.done = pa.array([], type=pa.string()) if done is None else ray.get(done)
        self.where = where

    def __call__(self, batch: pa.Table) -> pa.Table:
        from goldsmith.errors import GoldsmithError

        try:
            return self._annotate(batch)
        except GoldsmithError as exc:  # Ray would lose its type on the way back: send it as data
            return _error_table(str(exc))

    def _annotate(self, batch: pa.Table) -> pa.Table:
        from goldsmith.annotate.predict import predict
        from goldsmith.corpus.dataset import row_to_document
        from goldsmith.labels.shards import docs_to_table

        missing = [c for c in ("doc_id", "text") if c not in batch.column_names]
        if missing:
            raise InputError(missing_column(self.where, missing[0]))
        if len(self.done):
            batch = batch.filter(pc.invert(pc.is_in(batch.column("doc_id"), self.done)))
        rows = [_corpus_row(row) for row in batch.to_pylist()]
        documents = [row_to_document(row, place=f"{self.where}:{row['doc_id']}") for row in rows]
        records = list(
            predict(documents, nlp=self.nlp, layers=self.layers, batch_size=self.batch_size)
        )
        table = docs_to_table(records)
        words = pa.array([len(doc.text.split()) for doc in records], type=pa.int64())
        errors = pa.nulls(len(records), type=pa.string())
        return table.append_column("_words", words).append_column("_error", errors)


def missing_column(where: str, column: str) -> str:
    """The message for input without a corpus column."""
    return (
        f"{where}: no {column!r} column; the Ray engine reads corpora written by "
        "'goldsmith corpus ingest' (or Parquet with their columns)"
    )


def _error_table(message: str) -> pa.Table:
    from goldsmith.labels.shards import SCHEMA

    columns = [pa.nulls(1, type=field.type) for field in SCHEMA]
    table = pa.Table.from_arrays(columns, schema=SCHEMA)
    table = table.append_column("_words", pa.array([0], type=pa.int64()))
    return table.append_column("_error", pa.array([message], type=pa.string()))


def _corpus_row(row: dict[str, Any]) -> dict[str, Any]:
    out = {key: row.get(key) for key in _CORPUS_COLUMNS}
    out["source"] = out["source"] or ""
    return out


def _filesystem(path: str):
    """``(pyarrow filesystem or None, path for it)``; ``None`` means the local disk."""
    if "://" not in path or path.startswith("file://"):
        return None, path.removeprefix("file://")
    import fsspec
    from pyarrow.fs import FSSpecHandler, PyFileSystem

    fs, root = fsspec.core.url_to_fs(path)
    return PyFileSystem(FSSpecHandler(fs)), root


def _corpus_state(filesystem, root: str) -> dict | None:
    state = _read_json(filesystem, f"{root.rstrip('/')}/state.json")
    if isinstance(state, dict) and isinstance(state.get("_data_files"), list):
        return state
    return None


def _read_json(filesystem, path: str) -> Any:
    try:
        if filesystem is None:
            return json.loads(Path(path).read_text(encoding="utf-8"))
        with filesystem.open_input_stream(path) as handle:
            return json.loads(handle.read().decode("utf-8"))
    except (OSError, ValueError, FileNotFoundError):
        return None
