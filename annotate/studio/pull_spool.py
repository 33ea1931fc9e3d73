"""A temporary file of documents, so a pull holds one task's documents at a time.

Rules: documents are appended as they are made and read back, in the same order, as
often as needed (each iteration opens the file anew); ``skip`` leaves out doc_ids found
unfit later (a doc_id carried by several tasks is known only after the last task). The
file is pickled records (exact round trip of the frozen dataclasses, no second
validation) in a private temporary folder, deleted by :meth:`DocSpool.close`.

Example:
    >>> from goldsmith.labels.records import AnnotatedDoc
    >>> with DocSpool() as spool:
    ...     spool.append(AnnotatedDoc("d1", "Hi."))
    ...     [d.doc_id for d in spool]
    ['d1']
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path

from goldsmith.labels.records import AnnotatedDoc


class DocSpool:
    """Documents spooled to a temporary file (rules in the module docstring)."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="goldsmith-pull-")
        self._path = Path(self._dir.name) / "docs.pickle"
        self._handle = self._path.open("wb")
        self.count = 0
        self.skip: frozenset[str] = frozenset()

    def append(self, doc: AnnotatedDoc) -> None:
        pickle.dump(doc, self._handle, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def __iter__(self) -> Iterator[AnnotatedDoc]:
        return (doc for doc in self._read() if doc.doc_id not in self.skip)

    def _read(self) -> Iterator[AnnotatedDoc]:
        self._handle.flush()
        with self._path.open("rb") as handle:
            for _ in range(self.count):
                yield pickle.load(handle)

    def close(self) -> None:
        if not self._handle.closed:
            self._handle.close()
        self._dir.cleanup()

    def __enter__(self) -> DocSpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
