"""The one progress bar of the CLI, drawn from the library's :class:`Progress` events.

Every long command (ingest, predict, push, pull, scoring a model, starting the
server) shows the same bar on stderr: ``TITLE stage [bar] done/total note elapsed``,
removed when the work ends, so stdout keeps only the results.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.progress import Progress as RichProgress

from goldsmith.progress import Progress


class ProgressBar:
    """A live bar for one piece of work; :meth:`show` is a ``ProgressCallback``."""

    def __init__(self, bar: RichProgress, task: TaskID, title: str) -> None:
        self._bar, self._task, self._title = bar, task, title
        self._stage: str | None = None

    @property
    def console(self) -> Console:
        """The console under the bar: print notes here so they stay above it."""
        return self._bar.console

    def show(self, event: Progress, note: str | None = None) -> None:
        """Draw ``event``; ``note`` replaces the event's own note (e.g. a rate).

        A new stage starts a new bar line (its own total, which may be unknown, and time).
        """
        note = event.note if note is None else note
        if event.stage != self._stage:
            self._stage = event.stage
            stage = f" {event.stage}" if event.stage else ""
            self._bar.remove_task(self._task)
            self._task = self._bar.add_task(
                f"{self._title}{stage}", total=event.total, completed=event.done, note=note
            )
            return
        self._bar.update(self._task, completed=event.done, total=event.total, note=note)


@contextmanager
def progress_bar(title: str) -> Iterator[ProgressBar]:
    """A transient bar on stderr for work called ``title`` ("pushing", "reading")."""
    bar = RichProgress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[note]}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with bar:
        task = bar.add_task(title, total=None, note="")
        yield ProgressBar(bar, task, title)
