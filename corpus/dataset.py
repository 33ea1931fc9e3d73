"""The corpus on disk: a ``datasets`` Dataset saved with ``save_to_disk``, explicit features.

Columns: ``doc_id``, ``text``, ``source`` (strings), ``source_id`` and ``title``
(nullable strings) and ``ignore``, a ``datasets.List`` of ``{start, end}`` int32 structs,
so the column keeps its type even when every document's list is empty.

Writing streams: documents go to an Arrow file beside the output folder one at a time,
then ``save_to_disk`` moves them into place, so memory stays flat for large corpora and a
failed ingestion leaves no half-written corpus. Reading streams too (the saved Arrow
file is memory-mapped) and checks every row: the id must be the id of the text and the
ignore ranges must lie inside it.

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
from datasets.arrow_writer import ArrowWriter

from goldsmith.corpus.documents import Document, doc_id_for
from goldsmith.errors import InputError
from goldsmith.outputs import check_writable

_STR = datasets.Value("string")
_INT = datasets.Value("int32")
_BATCH = 256


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
    """Writes documents one at a time; on a clean exit saves them as a corpus in ``out_dir``.

    ``out_dir`` must not exist, be empty or hold a corpus (which is replaced).
    On an exception nothing is written. Use as a context manager.
    """

    def __init__(self, out_dir: str | Path) -> None:
        self.out_dir = Path(out_dir)
        try:
            check_writable(self.out_dir, in_parent=True)
            _check_replaceable(self.out_dir)
            parent = self.out_dir.resolve().parent
            parent.mkdir(parents=True, exist_ok=True)
            self._tmp = tempfile.TemporaryDirectory(prefix=".corpus-", dir=parent)
        except OSError as exc:
            raise InputError(f"{self.out_dir}: cannot write ({exc.strerror or exc})") from None
        self._arrow = Path(self._tmp.name) / "corpus.arrow"
        self._writer = ArrowWriter(
            features=corpus_features(), path=str(self._arrow), writer_batch_size=_BATCH
        )
        self.count = 0

    def add(self, doc: Document) -> None:
        """Append one document."""
        self._writer.write(document_to_row(doc))
        self.count += 1

    def __enter__(self) -> CorpusWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self._writer.finalize()
            if exc_type is None:
                self._save()
        finally:
            self._tmp.cleanup()

    def _save(self) -> None:
        """Save beside ``out_dir``, then swap it in: a failed save keeps the old corpus."""
        staged = Path(self._tmp.name) / "saved"
        bars_were_on = datasets.is_progress_bar_enabled()
        datasets.disable_progress_bars()  # the library never prints; the CLI draws progress
        try:
            dataset = datasets.Dataset.from_file(str(self._arrow))
            # num_shards=1 even when empty: datasets cannot load an empty dataset saved
            # with zero shards (seen with datasets 5.2)
            num_shards = 1 if dataset.num_rows == 0 else None
            dataset.save_to_disk(str(staged), num_shards=num_shards)
            del dataset
            if self.out_dir.exists():
                shutil.rmtree(self.out_dir)
            staged.rename(self.out_dir)
        except OSError as error:
            raise InputError(f"{self.out_dir}: cannot write ({error.strerror or error})") from None
        finally:
            if bars_were_on:
                datasets.enable_progress_bars()


def write_corpus(docs: Iterable[Document], out_dir: str | Path) -> int:
    """Save ``docs`` as a corpus dataset in ``out_dir``; returns how many were written."""
    with CorpusWriter(out_dir) as writer:
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
    if not is_corpus_dir(path):
        raise InputError(
            f"{path}: not a corpus written by 'goldsmith corpus ingest' "
            "(expected dataset_info.json with the corpus columns)"
        )
    try:
        dataset = datasets.load_from_disk(str(path))
    except Exception as exc:  # datasets raises many types for a damaged folder
        raise InputError(f"{path}: cannot load the corpus ({exc})") from None
    return dataset.cast(corpus_features()) if dataset.features != corpus_features() else dataset


def read_corpus(path: str | Path) -> Iterator[Document]:
    """The documents of a saved corpus, in order, streamed (rows checked, see module)."""
    dataset = open_corpus(path)
    number = 0
    for batch in dataset.iter(batch_size=_BATCH):
        for values in zip(*(batch[c] for c in corpus_features()), strict=True):
            number += 1
            row = dict(zip(corpus_features(), values, strict=True))
            yield row_to_document(row, place=f"{path}:row {number}")


def corpus_size(path: str | Path) -> int:
    """The number of documents of a saved corpus (without reading them)."""
    return open_corpus(path).num_rows


def _check_replaceable(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir}: exists and is not a folder; choose another --out")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not is_corpus_dir(out_dir):
        raise InputError(
            f"{out_dir}: folder is not empty and is not a corpus; "
            "refusing to overwrite it, choose another --out"
        )
