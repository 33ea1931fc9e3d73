"""``goldsmith corpus``: read documents into a corpus dataset, and look at one."""

from __future__ import annotations

import shlex
from itertools import islice
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from goldsmith.cli.interrupt import INTERRUPTED_EXIT, sigterm_as_interrupt
from goldsmith.cli.progress import progress_bar
from goldsmith.corpus import (
    DEFAULT_GLOB,
    Document,
    IngestReport,
    build_corpus,
    count_documents,
    load_documents,
)
from goldsmith.corpus.dataset import SHARD_SIZE
from goldsmith.errors import InputError
from goldsmith.wording import plural

app = typer.Typer(
    help="Read documents (folders, JSONL, CSV, Parquet, datasets) into a corpus.",
    no_args_is_help=True,
)

_LISTED = 10

TextField = Annotated[
    str,
    typer.Option(
        "--text-field",
        help="Field (JSONL) or column (CSV, Parquet, datasets) holding the text. A 'title' "
        "field becomes the title, an 'id' field is kept as the source id.",
    ),
]
Glob = Annotated[
    str,
    typer.Option(
        "--glob",
        help="Comma-separated file-name patterns read inside folders (recursively, in "
        "sorted order). Hidden files and README files are always skipped.",
    ),
]


@app.command("ingest")
def ingest_command(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help="Files (.txt, .md, .jsonl, .csv, .parquet), folders of text files, or "
            "folders saved with datasets' save_to_disk (Dataset or DatasetDict).",
            metavar="INPUT",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="Folder to write the corpus to (a datasets folder, in shards). A corpus already "
            "there is replaced; any other non-empty folder is refused.",
            file_okay=False,
        ),
    ],
    text_field: TextField = "text",
    glob: Glob = DEFAULT_GLOB,
    shard_size: Annotated[
        int,
        typer.Option(
            "--shard-size",
            min=1,
            help="Documents per shard file of the corpus (Arrow files of a datasets folder).",
        ),
    ] = SHARD_SIZE,
) -> None:
    """Ingest documents into a corpus: normalise newlines, give stable ids, drop exact
    duplicates, flag advertising/boilerplate lines as ignore ranges.

    Example: goldsmith corpus ingest corpus/sample --out corpus.ds
    """
    console = Console(highlight=False, soft_wrap=True)
    try:
        with sigterm_as_interrupt():
            report = _build(inputs, out, text_field, glob, shard_size)
    except KeyboardInterrupt:
        console.print(f"Interrupted; nothing written to {out}.", style="yellow", markup=False)
        raise typer.Exit(INTERRUPTED_EXIT) from None
    console.print(_summary(report, out))
    for line in _details(report):
        console.print(line, markup=False)
    if report.documents == 0:
        console.print(_nothing_kept(report, glob, out), style="yellow", markup=False)
        return
    console.print(f"Corpus written to {out}. Next:", markup=False)
    command = f"goldsmith annotate predict {shlex.quote(str(out))} --out predictions.jsonl"
    console.print(f"  {command}", markup=False)


def _build(
    inputs: list[Path], out: Path, text_field: str, glob: str, shard_size: int
) -> IngestReport:
    """Run :func:`build_corpus` under a progress bar; return its report."""
    report: IngestReport | None = None
    events = build_corpus(inputs, out, text_field=text_field, glob=glob, shard_size=shard_size)
    with progress_bar("reading") as bar:
        for event in events:
            if isinstance(event, IngestReport):
                report = event
            else:
                bar.show(event)
    assert report is not None  # build_corpus always ends with its report
    return report


def _nothing_kept(report: IngestReport, glob: str, out: Path) -> str:
    where = ", ".join(report.inputs)
    if report.files == 0:
        why = f"No input files found in {where} (folders are searched for {glob!r}; use --glob)."
    else:
        why = f"No documents in {where}: every one was empty or a duplicate."
    return f"{why} The corpus written to {out} is empty."


@app.command("show")
def show_command(
    path: Annotated[
        Path,
        typer.Argument(
            help="A corpus written by 'goldsmith corpus ingest', or any input it accepts "
            "(then ingested on the fly, nothing written).",
            metavar="CORPUS",
            exists=True,
            show_default=False,
        ),
    ],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help="Show at most this many documents.")
    ] = 20,
    doc: Annotated[
        str | None,
        typer.Option(
            "--doc",
            help="Show the full text of this document (its doc_id), ignored lines marked.",
            show_default=False,
        ),
    ] = None,
    text_field: TextField = "text",
    glob: Glob = DEFAULT_GLOB,
) -> None:
    """Show the documents of a corpus: id, source, title, words and ignored lines.

    Example: goldsmith corpus show corpus.ds --doc doc-1a2b3c4d5e6f7a8b
    """
    console = Console(highlight=False, soft_wrap=True)
    docs = load_documents(path, text_field=text_field, glob=glob)
    if doc is not None:
        found = next((d for d in docs if d.doc_id == doc), None)
        if found is None:
            raise InputError(
                f"{path}: no document {doc!r}; list the ids with 'goldsmith corpus show {path}'"
            )
        _show_document(console, found)
        return
    shown = list(islice(docs, limit))
    total = count_documents(path)
    if total is None:  # raw input: the rest has to be read to be counted
        total = len(shown) + sum(1 for _ in docs)
    if not shown:
        console.print(f"{path}: the corpus has no documents.", style="yellow", markup=False)
        return
    console.print(_listing(shown))
    for line in _ignored_lines(shown):
        console.print(line)
    console.print(
        f"{len(shown)} of {plural(total, 'document')} shown; ignored lines are not annotated. "
        "Full text: --doc DOC_ID",
        markup=False,
    )


def _summary(report: IngestReport, out: Path) -> Table:
    table = Table(title=Text(f"Corpus {out}"), show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("files read", str(report.files))
    table.add_row("documents", str(report.documents))
    table.add_row("words", str(report.words))
    table.add_row("duplicates dropped", str(len(report.duplicates)))
    table.add_row("empty skipped", str(report.empty_skipped))
    table.add_row("ignored lines (boilerplate)", str(report.ignored_lines))
    return table


def _details(report: IngestReport) -> list[str]:
    lines = [
        f"duplicate: {d.source} has the same text as {d.duplicate_of} ({d.doc_id})"
        for d in report.duplicates[:_LISTED]
    ]
    if len(report.duplicates) > _LISTED:
        lines.append(f"... and {len(report.duplicates) - _LISTED} more duplicates")
    lines += [f"not a regular file, skipped: {source}" for source in report.not_files]
    lines += [f"empty, skipped: {source}" for source in report.empty[:_LISTED]]
    if len(report.empty) > _LISTED:
        lines.append(f"... and {len(report.empty) - _LISTED} more empty documents")
    return lines


def _listing(docs: list[Document]) -> Table:
    table = Table()
    table.add_column("doc_id", no_wrap=True, min_width=20)
    table.add_column("source", no_wrap=True)
    table.add_column("title", overflow="fold")
    table.add_column("words", justify="right")
    table.add_column("ignored", justify="right")
    for d in docs:
        title, source = Text(d.title or ""), Text(d.source)  # Text: no markup parsing
        table.add_row(d.doc_id, source, title, str(len(d.text.split())), str(len(d.ignore)))
    return table


def _ignored_lines(docs: list[Document]) -> list[Text]:
    lines = []
    for d in docs:
        for start, end in d.ignore:
            line = Text(f"{d.doc_id} ignored line {start}-{end}: ")
            line.append(d.text[start:end], style="red")
            lines.append(line)
    return lines


def _show_document(console: Console, doc: Document) -> None:
    console.print(f"{doc.doc_id}  {doc.source}", style="bold", markup=False)
    if doc.source_id is not None:
        console.print(f"source id: {doc.source_id}", markup=False)
    console.print(f"title: {doc.title or '(none)'}", markup=False)
    console.print(f"words: {len(doc.text.split())}  ignored lines: {len(doc.ignore)}", markup=False)
    console.rule()
    text = Text()
    starts = {start: end for start, end in doc.ignore}
    offset = 0
    for line in doc.text.split("\n"):
        end = starts.get(offset)
        if end is not None and line:
            text.append("[ignored] ", style="bold red")
            text.append(line, style="red strike")
        else:
            text.append(line)
        text.append("\n")
        offset += len(line) + 1
    console.print(text, end="")
