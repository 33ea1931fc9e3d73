"""What a push reads, without holding it: documents read anew on each pass, predictions
read from their file on demand.

Rules:

- :class:`Documents` re-reads its source each time it is iterated (a push reads the
  documents in passes: check everything, then send), so a corpus of any size is never
  a list in memory;
- :class:`PredictionFile` validates every record of a spec JSONL file when it is opened,
  exactly as :func:`goldsmith.annotate.studio.push_checks.read_predictions` does (same
  checks, same file:line messages, a doc_id twice refused), and keeps only where each
  record starts; a record is read again from the file when it is asked for. The file
  must not change while the push runs (it is read again by offset).

Example:
    >>> preds = PredictionFile("predictions.jsonl")  # doctest: +SKIP
    >>> docs = Documents(lambda: load_documents("corpus"))  # doctest: +SKIP
    >>> push(client, docs, preds, "News gold")  # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from goldsmith.annotate.studio.push_checks import with_version
from goldsmith.corpus.documents import Document
from goldsmith.errors import InputError, SchemaError, where
from goldsmith.labels.jsonl import doc_from_dict, read_jsonl_lines
from goldsmith.labels.records import AnnotatedDoc


class Documents:
    """Documents read anew from ``source()`` on every iteration."""

    def __init__(self, source: Callable[[], Iterable[Document]]) -> None:
        self._source = source

    def __iter__(self) -> Iterator[Document]:
        return iter(self._source())


class PredictionFile(Mapping[str, AnnotatedDoc]):
    """The predictions of a spec JSONL file by ``doc_id``, read on demand (module rules)."""

    def __init__(self, path: str | Path, model_version: str | None = None) -> None:
        self.path = Path(path)
        self.model_version = model_version
        starts = _line_starts(self.path)
        self._index: dict[str, tuple[int, int]] = {}
        for line, doc in read_jsonl_lines(self.path):
            at = where(self.path, line)
            if doc.doc_id in self._index:
                raise InputError(f"{at}: doc_id {doc.doc_id!r} appears twice; keep one prediction")
            with_version(doc, model_version, at)
            self._index[doc.doc_id] = (starts[line - 1], line)

    def __getitem__(self, doc_id: str) -> AnnotatedDoc:
        offset, line = self._index[doc_id]
        at = where(self.path, line)
        with self.path.open("rb") as handle:
            handle.seek(offset)
            raw = handle.readline()
        try:
            record = json.loads(raw.decode("utf-8-sig"))
        except ValueError as exc:
            raise SchemaError(f"{at}: changed while the push ran ({exc}); push again") from None
        doc = doc_from_dict(record, where=at)
        if doc.doc_id != doc_id:
            raise SchemaError(f"{at}: changed while the push ran; push again")
        return with_version(doc, self.model_version, at)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


def _line_starts(path: Path) -> list[int]:
    """The byte offset where each line of the file starts (line n at index n - 1)."""
    starts: list[int] = []
    try:
        with path.open("rb") as handle:
            offset = 0
            for raw in handle:
                starts.append(offset)
                offset += len(raw)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return starts
