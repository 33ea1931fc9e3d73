"""Progress of long library work, one small vocabulary for every stage.

Long work either yields :class:`Progress` events among its results (ingest, predict)
or calls a :data:`ProgressCallback` with them (push, pull, starting the local
server); the CLI draws every one with the same bar (``goldsmith.cli.progress``). The
library never draws anything itself.

Rule: ``done`` of ``total`` units of ``stage``; ``total`` is None while it is not known
(waiting, or counting); ``note`` is a short remark for people (the current file, how
many documents so far). Lives beside ``errors.py`` so every stage may import it.

Example:
    >>> Progress("tasks", 500, 1200).fraction
    0.4166666666666667
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Progress:
    """``done`` of ``total`` units of ``stage`` (total None: unknown), with a note."""

    stage: str
    done: int = 0
    total: int | None = None
    note: str = ""

    @property
    def fraction(self) -> float | None:
        """``done / total``, or None when the total is unknown or zero."""
        return self.done / self.total if self.total else None


ProgressCallback = Callable[[Progress], None]
