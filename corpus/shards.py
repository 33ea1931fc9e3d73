"""A ``datasets`` folder written and read shard by shard, never whole.

The layout is the one ``datasets.Dataset.save_to_disk`` writes, so ``load_from_disk``,
Ray Data and any Arrow reader open it: Arrow IPC stream files
``data-NNNNN-of-MMMMM.arrow``, a ``state.json`` listing them in order and a
``dataset_info.json`` with the features.

Rules:
- :class:`ShardWriter` writes rows into the shard being filled (an Arrow stream in
  batches of :data:`BATCH` rows) and starts a new one after ``shard_size`` rows, so the
  memory it holds is one batch, whatever the number of rows; :meth:`ShardWriter.finish`
  names the shards ``-of-MMMMM`` and writes the two JSON files. A folder of no rows
  still has one (empty) shard: ``datasets`` cannot load a folder without any;
- :func:`iter_batches` reads the shards listed in ``state.json`` in order, one record
  batch at a time from an ordinary file (not memory-mapped), so a reader's resident
  memory stays one batch however large the folder.

Example:
    >>> writer = ShardWriter("out/staged", features, shard_size=10_000)  # doctest: +SKIP
    >>> writer.write({"text": "Hi."}); writer.finish()  # doctest: +SKIP
    >>> sum(b.num_rows for b in iter_batches("out/staged"))  # doctest: +SKIP
    1
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import datasets
import pyarrow as pa
from datasets.arrow_writer import ArrowWriter
from datasets.utils.py_utils import asdict

STATE = "state.json"
INFO = "dataset_info.json"

#: Rows buffered before they are written as one record batch.
BATCH = 256


class ShardWriter:
    """Rows into Arrow shards of at most ``shard_size`` rows each in ``folder`` (rules above)."""

    def __init__(self, folder: str | Path, features: datasets.Features, shard_size: int) -> None:
        if shard_size < 1:
            raise ValueError(f"shard size must be at least 1, got {shard_size}")
        self.folder = Path(folder)
        self.features = features
        self.shard_size = shard_size
        self.rows = 0
        self._files: list[Path] = []
        self._writer: ArrowWriter | None = None
        self._in_shard = 0

    def write(self, row: dict[str, Any]) -> None:
        """Append one row (a dict of the features' columns)."""
        if self._writer is None or self._in_shard >= self.shard_size:
            self._open_next()
        assert self._writer is not None
        self._writer.write(row)
        self._in_shard += 1
        self.rows += 1

    def close(self) -> None:
        """Finalise the shard being filled (also on failure; :meth:`finish` calls it)."""
        if self._writer is not None:
            self._writer.finalize()
            self._writer.close()
            self._writer = None

    def finish(self) -> list[str]:
        """Close, name the shards ``data-NNNNN-of-MMMMM.arrow``, write ``state.json`` and
        ``dataset_info.json``; returns the shard file names in order."""
        if self._writer is None and not self._files:
            self._open_next()  # an empty folder still needs one shard
        self.close()
        names = [f"data-{i:05d}-of-{len(self._files):05d}.arrow" for i in range(len(self._files))]
        for path, name in zip(self._files, names, strict=True):
            path.rename(self.folder / name)
        state = {
            "_data_files": [{"filename": name} for name in names],
            "_fingerprint": secrets.token_hex(8),
            "_format_columns": None,
            "_format_kwargs": {},
            "_format_type": None,
            "_output_all_columns": False,
            "_split": None,
        }
        info = asdict(datasets.DatasetInfo(features=self.features))
        (self.folder / STATE).write_text(json.dumps(state, indent=2), encoding="utf-8")
        (self.folder / INFO).write_text(json.dumps(info, indent=2, sort_keys=True), "utf-8")
        return names

    def _open_next(self) -> None:
        self.close()
        path = self.folder / f".shard-{len(self._files):05d}.arrow"
        self._files.append(path)
        self._writer = ArrowWriter(features=self.features, path=str(path), writer_batch_size=BATCH)
        self._in_shard = 0


def shard_files(folder: str | Path) -> list[Path]:
    """The data files of a saved ``datasets`` folder, in order (from its ``state.json``)."""
    state = json.loads((Path(folder) / STATE).read_text(encoding="utf-8"))
    return [Path(folder) / item["filename"] for item in state["_data_files"]]


def iter_batches(folder: str | Path, columns: list[str] | None = None) -> Iterator[pa.RecordBatch]:
    """The record batches of every shard of ``folder`` in order, read one at a time."""
    for path in shard_files(folder):
        with pa.OSFile(str(path)) as handle:
            for batch in pa.ipc.open_stream(handle):
                yield batch.select(columns) if columns is not None else batch


def count_rows(folder: str | Path) -> int:
    """The number of rows in ``folder``, from the batch headers (memory-mapped, no data read)."""
    total = 0
    for path in shard_files(folder):
        with pa.memory_map(str(path)) as handle:
            for batch in pa.ipc.open_stream(handle):
                total += batch.num_rows
    return total
