"""``goldsmith annotate predict --engine ray``: the Ray engine's run, drawn like the local one."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from goldsmith.cli.interrupt import INTERRUPTED_EXIT, sigterm_as_interrupt


class Engine(str, Enum):
    local = "local"
    ray = "ray"


def run_ray(
    input_path: Path,
    out: Path,
    *,
    model: str | None,
    layers: list[str],
    batch_size: int,
    workers: int,
    address: str | None,
    jsonl: Path | None,
) -> None:
    """Run :func:`goldsmith.annotate.ray_engine.predict_ray`, show progress, print the summary."""
    from goldsmith.annotate.predict_run import Done, PredictReport, Skipped, Started
    from goldsmith.annotate.ray_engine import predict_ray
    from goldsmith.cli.predict import _summary

    console = Console(highlight=False, soft_wrap=True)
    events = predict_ray(
        input_path,
        out,
        model=model,
        layers=layers,
        batch_size=batch_size,
        workers=workers,
        address=address,
        jsonl=jsonl,
    )
    report = None
    done = 0
    log = _ray_log(out)
    with sigterm_as_interrupt(), _stderr_to(log) as terminal:
        try:
            with _progress_bar(terminal) as bar:
                task = bar.add_task("starting Ray", total=None, rate="")
                started = time.perf_counter()
                base = 0
                for event in events:
                    if isinstance(event, Started):
                        base = event.resumed
                        bar.update(task, description="annotating (Ray)", total=event.total)
                        if event.resumed:
                            bar.console.print(
                                f"Kept {event.resumed:,} documents already in {out}.",
                                markup=False,
                            )
                    elif isinstance(event, Done):
                        done = event.documents
                        rate = (done - base) / max(time.perf_counter() - started, 1e-9)
                        bar.update(task, completed=done, rate=f"{rate:,.1f} docs/s")
                    elif isinstance(event, Skipped):
                        bar.console.print(
                            f"warning: skipped {event.doc_id} ({event.source}): {event.reason}",
                            style="yellow",
                            markup=False,
                        )
                    elif isinstance(event, PredictReport):
                        report = event
        except KeyboardInterrupt:
            events.close()
            Console(file=terminal).print(
                f"Interrupted after {done:,} documents; the complete shards are kept in {out}. "
                "Run the same command again to resume.",
                style="yellow",
                markup=False,
            )
            raise typer.Exit(INTERRUPTED_EXIT) from None
    assert report is not None, "predict_ray always ends with its report"
    console.print(_summary(report))
    if report.documents == report.resumed:
        console.print(f"Nothing left to predict: every document is in {out}.", markup=False)
    written = f"{out}" + (f" and {jsonl}" if jsonl else "")
    console.print(f"Predictions (Parquet shards) written to {written}.", markup=False)
    if log is not None:
        console.print(f"Ray's own log lines: {log}", markup=False)


def _ray_log(out: Path) -> Path | None:
    """Where Ray's stderr goes during the run (beside the shards; ``None``: nowhere to put it)."""
    try:
        if out.exists() and not out.is_dir():
            return None
    except OSError:
        return None
    return out.parent / f"{out.name}.ray.log"


@contextmanager
def _stderr_to(log: Path | None) -> Iterator[TextIO]:
    """Send file descriptor 2 (Ray's C++ and Python log lines) to ``log`` for the block and
    yield a stream on the real stderr for the progress bar and messages."""
    if log is None:
        yield sys.stderr
        return
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(log, "ab") as handle:
            os.dup2(handle.fileno(), 2)
    except OSError:
        os.close(saved)
        yield sys.stderr
        return
    terminal = os.fdopen(os.dup(saved), "w", encoding="utf-8", errors="replace")
    try:
        yield terminal
    finally:
        terminal.flush()
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)
        terminal.close()


def _progress_bar(terminal: TextIO) -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=Console(file=terminal),
        transient=True,
    )
