"""Ingestion: inputs to documents with ids, duplicates dropped, boilerplate flagged.

Rules, in this order, for each raw document read (see :mod:`goldsmith.corpus.readers`):

1. a text that is empty or whitespace only is skipped and its source counted;
2. the id is :func:`doc_id_for` of the normalised text; a document whose id was already
   seen is an exact duplicate: it is dropped and reported with the source it duplicates
   (the first one read wins, inputs are read in the order given, folders sorted); the
   ids seen are kept on disk (:mod:`goldsmith.corpus.seen`), not in memory;
3. a file found in a folder that is not a regular file (a FIFO, socket, device) is not
   opened; it is skipped and listed in the report with what it is;
4. the lines found by :func:`goldsmith.corpus.boilerplate.ignore_ranges` become the
   document's ignore ranges; the text is never changed.

:func:`ingest` is a generator of events: each kept :class:`Document`, a :class:`Progress`
now and then (:class:`goldsmith.progress.Progress`, stage ``files``), and the
:class:`IngestReport` last. :func:`build_corpus` writes the
documents as a corpus folder and yields the progress and the report.

Example:
    >>> docs, report = ingest_all(["corpus/sample"])  # doctest: +SKIP
    >>> report.documents == len(docs)  # doctest: +SKIP
    True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goldsmith.corpus.boilerplate import ignore_ranges
from goldsmith.corpus.dataset import SHARD_SIZE, CorpusWriter
from goldsmith.corpus.documents import Document, doc_id_for
from goldsmith.corpus.inputs import DEFAULT_GLOB, expand_inputs
from goldsmith.corpus.readers import read_input
from goldsmith.corpus.seen import SeenIds
from goldsmith.progress import Progress

#: Ingestion's progress stage: ``done`` of ``total`` input files; the note says how many
#: documents are kept so far and which file is being read.
FILES_STAGE = "files"

PROGRESS_EVERY = 500


@dataclass(frozen=True)
class Duplicate:
    """A dropped document: ``source`` had the same text (``doc_id``) as ``duplicate_of``."""

    source: str
    duplicate_of: str
    doc_id: str

    def to_dict(self) -> dict[str, str]:
        """A JSON-ready dict."""
        return {"source": self.source, "duplicate_of": self.duplicate_of, "doc_id": self.doc_id}


@dataclass(frozen=True)
class IngestReport:
    """What an ingestion read, kept and dropped."""

    inputs: tuple[str, ...]
    files: int
    documents: int
    words: int
    ignored_lines: int
    duplicates: tuple[Duplicate, ...] = ()
    empty: tuple[str, ...] = ()
    not_files: tuple[str, ...] = ()  # "sample/x.txt (a FIFO (named pipe))": skipped, unread

    @property
    def empty_skipped(self) -> int:
        """How many empty (whitespace-only) documents were skipped."""
        return len(self.empty)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "inputs": list(self.inputs),
            "files": self.files,
            "documents": self.documents,
            "words": self.words,
            "ignored_lines": self.ignored_lines,
            "duplicates": [d.to_dict() for d in self.duplicates],
            "empty_skipped": self.empty_skipped,
            "empty": list(self.empty),
            "not_files": list(self.not_files),
        }


IngestEvent = Document | Progress | IngestReport


def ingest(
    paths: Iterable[str | Path],
    text_field: str = "text",
    glob: str = DEFAULT_GLOB,
    scratch: str | Path | None = None,
) -> Iterator[IngestEvent]:
    """Read ``paths`` and yield kept documents, progress, and the report last (module rules).

    The ids seen so far are kept on disk (:class:`goldsmith.corpus.seen.SeenIds`), in
    ``scratch`` when given (a folder that exists) or in a temporary folder, so memory
    does not grow with the number of documents. Raises
    :class:`goldsmith.errors.InputError` for a bad input, naming the file and line.

    Example:
        >>> events = list(ingest(["news.jsonl"], text_field="body"))  # doctest: +SKIP
        >>> isinstance(events[-1], IngestReport)  # doctest: +SKIP
        True
    """
    given = tuple(str(p) for p in paths)
    items = expand_inputs(given, glob)
    duplicates: list[Duplicate] = []
    empty: list[str] = []
    not_files: list[str] = []
    words = ignored = 0
    with SeenIds(None if scratch is None else Path(scratch) / "seen.sqlite") as seen:
        yield _files(0, len(items), 0)
        for done, item in enumerate(items):
            if item.special is not None:
                not_files.append(f"{item.source} ({item.special})")
                yield _files(done + 1, len(items), len(seen), item.source)
                continue
            for raw in read_input(item, text_field):
                if not raw.text.strip():
                    empty.append(raw.source)
                    continue
                doc_id = doc_id_for(raw.text)
                first = seen.source_of(doc_id)
                if first is not None:
                    duplicates.append(Duplicate(raw.source, first, doc_id))
                    continue
                seen.add(doc_id, raw.source)
                doc = Document(
                    doc_id=doc_id,
                    text=raw.text,
                    source=raw.source,
                    title=raw.title,
                    ignore=ignore_ranges(raw.text),
                    source_id=raw.source_id,
                )
                words += len(raw.text.split())
                ignored += len(doc.ignore)
                yield doc
                if len(seen) % PROGRESS_EVERY == 0:
                    yield _files(done, len(items), len(seen), item.source)
            yield _files(done + 1, len(items), len(seen), item.source)
        kept = len(seen)
    yield IngestReport(
        inputs=given,
        files=len(items) - len(not_files),
        documents=kept,
        words=words,
        ignored_lines=ignored,
        duplicates=tuple(duplicates),
        empty=tuple(empty),
        not_files=tuple(not_files),
    )


def _files(done: int, total: int, documents: int, current: str = "") -> Progress:
    where = f" ({current})" if current else ""
    return Progress(FILES_STAGE, done, total, f"{documents} documents{where}")


def ingest_all(
    paths: Iterable[str | Path], text_field: str = "text", glob: str = DEFAULT_GLOB
) -> tuple[list[Document], IngestReport]:
    """All documents of ``paths`` in a list, and the report (for small inputs and tests)."""
    docs: list[Document] = []
    report: IngestReport | None = None
    for event in ingest(paths, text_field, glob):
        if isinstance(event, Document):
            docs.append(event)
        elif isinstance(event, IngestReport):
            report = event
    assert report is not None  # ingest always ends with its report
    return docs, report


def build_corpus(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    text_field: str = "text",
    glob: str = DEFAULT_GLOB,
    shard_size: int = SHARD_SIZE,
) -> Iterator[Progress | IngestReport]:
    """Ingest ``paths`` into a corpus folder ``out_dir``; yields progress, the report last.

    The corpus is written in shards of ``shard_size`` documents
    (:mod:`goldsmith.corpus.dataset`), and only when every input was read; on an error
    ``out_dir`` is left as it was. An input without documents gives an empty (but valid)
    corpus. Memory stays flat: documents are written as they are read and the ids seen
    are kept on disk beside the shards.

    Example:
        >>> events = build_corpus(["corpus/sample"], "out/corpus")  # doctest: +SKIP
        >>> report = deque(events, maxlen=1)[0]  # doctest: +SKIP
    """
    report: IngestReport | None = None
    with CorpusWriter(out_dir, shard_size) as writer:
        for event in ingest(paths, text_field, glob, scratch=writer.work):
            if isinstance(event, Document):
                writer.add(event)
            elif isinstance(event, IngestReport):
                report = event
            else:
                yield event
    assert report is not None  # ingest always ends with its report
    yield report
