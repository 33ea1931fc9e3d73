"""The corpus on disk: a ``datasets`` Dataset saved with ``save_to_disk``, explicit features.

Columns: ``doc_id``, ``text``, ``source`` (strings), ``source_id`` and ``title``
(nullable strings) and ``ignore``, a ``datasets.List`` of ``{start, end}`` int32 structs,
so the column keeps its type even when every document's list is empty.

The folder is the one ``save_to_disk`` writes (``load_from_disk`` opens it), in shards of
:data:`SHARD_SIZE` documents (:mod:`goldsmith.corpus.shards`). Writing streams: documents
go into shards in a hidden folder beside the output one batch at a time, and the folder
is swapped in whole at the end, so memory stays flat for large corpora and a failed
ingestion leaves no half-written corpus. Reading streams too, one record batch of one
shard at a time, and checks every row: the id must be the id of the text and the ignore
ranges must lie inside it.

Example:
    >>> from goldsmith.corpus.documents import Document, doc_id_for
    >>> write_corpus([Document(doc_id_for("Hi."), "Hi.")], "out/corpus")  # doctest: +SKIP
    1
    >>> [d.text for d in read_corpus("out/corpus")]  # doctest: +SKIP
    ['Hi.']
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

import datasets
import pyarrow as pa

from goldsmith.corpus.documents import Document, doc_id_for
from goldsmith.corpus.shards import ShardWriter, count_rows, iter_batches
from goldsmith.errors import InputError
from goldsmith.outputs import check_writable

_STR = datasets.Value("string")
_INT = datasets.Value("int32")

#: Documents per shard file unless told otherwise (``corpus ingest --shard-size``).
SHARD_SIZE = 10_000


def corpus_features() -> datasets.Features:
    """The features of a corpus dataset (module docstring)."""
    return datasets.Features(
        {
            "doc_id": _STR,
            "text": _STR,
            "source": _STR,
            "source_id": _STR,
            "title": _STR,
            "ignore": datasets.List({"start": _INT, "end": _INT}),
        }
    )


def document_to_row(doc: Document) -> dict[str, Any]:
    """The dataset row of a document."""
    return {
        "doc_id": doc.doc_id,
        "text": doc.text,
        "source": doc.source,
        "source_id": doc.source_id,
        "title": doc.title,
        "ignore": [{"start": start, "end": end} for start, end in doc.ignore],
    }


def row_to_document(row: Mapping[str, Any], place: str = "<row>") -> Document:
    """The document of a dataset row, checked: id of the text, ranges inside the text."""
    text = row["text"] or ""
    if row["doc_id"] != doc_id_for(text):
        raise InputError(
            f"{place}: doc_id {row['doc_id']!r} is not the id of its text "
            f"({doc_id_for(text)}); was the text edited? Ingest the source again"
        )
    ignore = tuple((int(r["start"]), int(r["end"])) for r in row["ignore"] or ())
    for start, end in ignore:
        if not 0 <= start <= end <= len(text):
            raise InputError(
                f"{place}: ignore range ({start}, {end}) is outside the text (0, {len(text)})"
            )
    return Document(
        doc_id=row["doc_id"],
        text=text,
        source=row["source"] or "",
        title=row["title"],
        ignore=ignore,
        source_id=row.get("source_id"),
    )


class CorpusWriter:
    """Writes documents one at a time into shards; on a clean exit the corpus is ``out_dir``.

    ``out_dir`` must not exist, be empty or hold a corpus (which is replaced). The shards
    (:class:`goldsmith.corpus.shards.ShardWriter`, ``shard_size`` documents each) are
    written in a hidden folder beside ``out_dir`` and swapped in whole at the end; on an
    exception nothing is written. Use as a context manager.
    """

    def __init__(self, out_dir: str | Path, shard_size: int = SHARD_SIZE) -> None:
        if shard_size < 1:
            raise InputError(f"shard size must be at least 1 document, got {shard_size}")
        self.out_dir = Path(out_dir)
        try:
            check_writable(self.out_dir, in_parent=True)
            _check_replaceable(self.out_dir)
            parent = self.out_dir.resolve().parent
            parent.mkdir(parents=True, exist_ok=True)
            self._tmp = tempfile.TemporaryDirectory(prefix=".corpus-", dir=parent)
        except OSError as exc:
            raise InputError(f"{self.out_dir}: cannot write ({exc.strerror or exc})") from None
        self.work = Path(self._tmp.name)
        self._staged = self.work / "saved"
        self._staged.mkdir()
        self._shards = ShardWriter(self._staged, corpus_features(), shard_size)

    @property
    def count(self) -> int:
        """Documents written so far."""
        return self._shards.rows

    def add(self, doc: Document) -> None:
        """Append one document."""
        self._shards.write(document_to_row(doc))

    def __enter__(self) -> CorpusWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if exc_type is None:
                self._save()
            else:
                self._shards.close()
        finally:
            self._tmp.cleanup()

    def _save(self) -> None:
        """Finish the shards, then swap them in: a failed save keeps the old corpus."""
        try:
            self._shards.finish()
            if self.out_dir.exists():
                shutil.rmtree(self.out_dir)
            self._staged.rename(self.out_dir)
        except OSError as error:
            raise InputError(f"{self.out_dir}: cannot write ({error.strerror or error})") from None


def write_corpus(
    docs: Iterable[Document], out_dir: str | Path, shard_size: int = SHARD_SIZE
) -> int:
    """Save ``docs`` as a corpus dataset in ``out_dir``; returns how many were written."""
    with CorpusWriter(out_dir, shard_size) as writer:
        for doc in docs:
            writer.add(doc)
    return writer.count


def is_corpus_dir(path: str | Path) -> bool:
    """Whether ``path`` is a corpus saved by :func:`write_corpus` (a Dataset with its columns)."""
    info = Path(path) / "dataset_info.json"
    if not (info.is_file() and (Path(path) / "state.json").is_file()):
        return False
    try:
        features = json.loads(info.read_text(encoding="utf-8")).get("features") or {}
    except (OSError, ValueError, AttributeError):
        return False
    return set(corpus_features()) <= set(features)


def open_corpus(path: str | Path) -> datasets.Dataset:
    """The saved corpus at ``path`` as a (memory-mapped) Dataset."""
    _check_corpus(path)
    try:
        dataset = datasets.load_from_disk(str(path))
    except Exception as exc:  # datasets raises many types for a damaged folder
        raise InputError(f"{path}: cannot load the corpus ({exc})") from None
    return dataset.cast(corpus_features()) if dataset.features != corpus_features() else dataset


def read_corpus(path: str | Path) -> Iterator[Document]:
    """The documents of a saved corpus, in order, streamed (rows checked, see module)."""
    _check_corpus(path)
    number = 0
    try:
        for batch in iter_batches(path, columns=list(corpus_features())):
            for row in batch.to_pylist():
                number += 1
                yield row_to_document(row, place=f"{path}:row {number}")
    except (OSError, ValueError, KeyError, pa.ArrowException) as exc:
        raise InputError(f"{path}: cannot read the corpus after row {number} ({exc})") from None


def corpus_size(path: str | Path) -> int:
    """The number of documents of a saved corpus (without reading them)."""
    _check_corpus(path)
    try:
        return count_rows(path)
    except (OSError, ValueError, KeyError, pa.ArrowException) as exc:
        raise InputError(f"{path}: cannot read the corpus ({exc})") from None


def _check_corpus(path: str | Path) -> None:
    if not is_corpus_dir(path):
        raise InputError(
            f"{path}: not a corpus written by 'goldsmith corpus ingest' "
            "(expected dataset_info.json with the corpus columns)"
        )


def _check_replaceable(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir}: exists and is not a folder; choose another --out")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not is_corpus_dir(out_dir):
        raise InputError(
            f"{out_dir}: folder is not empty and is not a corpus; "
            "refusing to overwrite it, choose another --out"
        )
