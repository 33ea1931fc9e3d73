"""The ids ingestion has kept so far, on disk, so finding duplicates costs no memory per document.

Rules: :class:`SeenIds` maps each kept ``doc_id`` to the source it came from, in a SQLite
table in a file (a temporary one unless given), with SQLite's page cache capped at
:data:`CACHE_KIB` KiB; so however many documents are ingested, the memory this costs is
that cache, and the ids go to disk (about 60 bytes each). SQLite is Python's own; the file
is removed by :meth:`SeenIds.close` when it was temporary.

Example:
    >>> with SeenIds() as seen:
    ...     seen.add("doc-1", "a.txt")
    ...     (seen.source_of("doc-1"), seen.source_of("doc-2"), len(seen))
    ('a.txt', None, 1)
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path
from types import TracebackType

#: SQLite's page cache for the table, in KiB (its ``cache_size`` pragma, negative = KiB).
CACHE_KIB = 8192

#: Inserts between commits: each commit lets SQLite write its dirty pages out.
_COMMIT_EVERY = 10_000


class SeenIds:
    """``doc_id`` -> first source, in SQLite (module rules). Use as a context manager."""

    def __init__(self, path: str | Path | None = None) -> None:
        self._tmp = None if path is not None else tempfile.TemporaryDirectory(prefix="seen-")
        file = Path(path) if path is not None else Path(self._tmp.name) / "seen.sqlite"
        self._db = sqlite3.connect(file)
        self._db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        self._db.execute("PRAGMA journal_mode = OFF")  # a scratch table: nothing to roll back
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS seen (doc_id TEXT PRIMARY KEY, source TEXT NOT NULL)"
            " WITHOUT ROWID"
        )
        self._count = self._db.execute("SELECT count(*) FROM seen").fetchone()[0]
        self._uncommitted = 0

    def source_of(self, doc_id: str) -> str | None:
        """The source ``doc_id`` was first seen in, or ``None`` when it was not seen."""
        row = self._db.execute("SELECT source FROM seen WHERE doc_id = ?", (doc_id,)).fetchone()
        return None if row is None else row[0]

    def add(self, doc_id: str, source: str) -> None:
        """Remember ``doc_id`` as seen in ``source`` (an id already there is left as it was)."""
        inserted = self._db.execute(
            "INSERT OR IGNORE INTO seen (doc_id, source) VALUES (?, ?)", (doc_id, source)
        ).rowcount
        self._count += inserted
        self._uncommitted += 1
        if self._uncommitted >= _COMMIT_EVERY:
            self._db.commit()
            self._uncommitted = 0

    def __len__(self) -> int:
        return self._count

    def close(self) -> None:
        """Commit and close the database; remove its file when it was temporary."""
        self._db.commit()
        self._db.close()
        if self._tmp is not None:
            self._tmp.cleanup()

    def __enter__(self) -> SeenIds:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
