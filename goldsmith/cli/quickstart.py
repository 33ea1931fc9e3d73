"""``goldsmith quickstart``: the whole first loop in one command.

Steps, each a library call with its own progress line:

1. ingest the bundled sample corpus (``goldsmith.corpus``'s ``sample/*.txt``) into
   ``WORKDIR/corpus``;
2. pre-annotate it into ``WORKDIR/predictions.jsonl`` (entities, quotes, claims);
3. start the local Label Studio server (``goldsmith studio up``), unless
   ``LABEL_STUDIO_URL`` is set: then that server is used with ``LABEL_STUDIO_API_KEY``;
4. push the documents with their predictions to the project.

Running it again reuses the corpus folder, the server and the project and adds nothing
(the push is idempotent). The annotators' login is printed with the place the password
is stored; the password and token themselves are never printed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from label_studio_sdk import LabelStudio
from rich.console import Console
from rich.markup import escape

from goldsmith.annotate.studio.client import (
    URL_ENV,
    Connection,
    connect,
    resolve_connection,
)
from goldsmith.annotate.studio.locate import given_or_default, record_last_server
from goldsmith.annotate.studio.push import PushResult, push
from goldsmith.annotate.studio.server import (
    CREDENTIALS_FILE,
    DEFAULT_DATA_DIR,
    DEFAULT_PORT,
    load_credentials,
)
from goldsmith.cli.progress import progress_bar
from goldsmith.cli.studio import start_with_bar
from goldsmith.cli.studio_option import OldDataDir, StudioDir, studio_dir
from goldsmith.corpus.documents import Document
from goldsmith.errors import InputError, redact_urls
from goldsmith.labels.records import AnnotatedDoc
from goldsmith.progress import Progress
from goldsmith.wording import plural

DEFAULT_PROJECT = "goldsmith sample"
DEFAULT_WORKDIR = Path("goldsmith-quickstart")
SAMPLE_GLOB = "*.txt"
STEPS = 4


def sample_corpus_dir() -> Path:
    """The sample corpus shipped inside the installed ``goldsmith.corpus`` package."""
    import goldsmith.corpus

    folder = Path(goldsmith.corpus.__file__).resolve().parent / "sample"
    if not any(folder.glob(SAMPLE_GLOB)):
        raise InputError(
            f"{folder}: the bundled sample corpus is missing; reinstall goldsmith "
            "(pip install -e .) from a complete checkout"
        )
    return folder


def register(app: typer.Typer) -> None:
    """Add the ``quickstart`` command to the root app."""
    app.command("quickstart")(quickstart_command)


def quickstart_command(
    project: Annotated[
        str, typer.Option("--project", help="Title of the Label Studio project to fill.")
    ] = DEFAULT_PROJECT,
    port: Annotated[
        int,
        typer.Option(
            "--port",
            min=1,
            max=65535,
            help="Port of the local server on 127.0.0.1 (ignored with LABEL_STUDIO_URL).",
        ),
    ] = DEFAULT_PORT,
    studio: StudioDir = None,
    workdir: Annotated[
        Path,
        typer.Option(
            "--workdir", file_okay=False, help="Folder for the ingested corpus and the predictions."
        ),
    ] = DEFAULT_WORKDIR,
    old_data_dir: OldDataDir = None,
) -> None:
    """Ingest the bundled sample corpus, pre-annotate it, start Label Studio and push it.

    Uses the server named by LABEL_STUDIO_URL / LABEL_STUDIO_API_KEY when they are set,
    otherwise starts (or reuses) the local one. Safe to run again: nothing is duplicated.
    Example: goldsmith quickstart --port 8080
    """
    console = Console(highlight=False, soft_wrap=True)
    data_dir = given_or_default(studio_dir(studio, old_data_dir))
    corpus_dir, predictions_path = workdir / "corpus", workdir / "predictions.jsonl"

    documents = _ingest(console, corpus_dir)
    predictions = _predict(console, documents, predictions_path)
    conn, local = _server(console, data_dir, port)
    client = connect(conn)
    result = _push(console, client, conn.url, documents, predictions, project)

    _print_next(console, conn, local, data_dir, result)


def _step(console: Console, n: int, what: str) -> None:
    console.print(f"[bold]\\[{n}/{STEPS}][/bold] {escape(what)}")


def _ingest(console: Console, corpus_dir: Path) -> list[Document]:
    from goldsmith.corpus import IngestReport, build_corpus, load_documents

    sample = sample_corpus_dir()
    _step(console, 1, f"ingesting the sample corpus ({sample}) into {corpus_dir}")
    report: IngestReport | None = None
    with progress_bar("reading") as bar:
        for event in build_corpus([sample], corpus_dir, glob=SAMPLE_GLOB):
            if isinstance(event, IngestReport):
                report = event
            else:
                bar.show(event)
    documents = list(load_documents(corpus_dir))
    words = report.words if report is not None else 0
    console.print(f"      {plural(len(documents), 'document')}, {plural(words, 'word')}")
    return documents


def _predict(console: Console, documents: list[Document], path: Path) -> dict[str, AnnotatedDoc]:
    from goldsmith.annotate.model import load_model
    from goldsmith.annotate.predict import predict
    from goldsmith.labels.jsonl import write_jsonl

    _step(console, 2, f"pre-annotating entities, quotes and claims into {path}")
    with console.status("loading the spaCy model"):
        nlp = load_model()
    found = []
    with progress_bar("pre-annotating") as bar:
        for doc in predict(documents, nlp=nlp):
            found.append(doc)
            bar.show(Progress("documents", len(found), len(documents)))
    write_jsonl(found, path)
    regions = sum(len(d.entities) + len(d.quotes) + len(d.claims) for d in found)
    version = found[0].meta["model_version"] if found else "-"
    in_docs = plural(len(found), "document")
    console.print(f"      {plural(regions, 'region')} in {in_docs} (model {version})")
    return {doc.doc_id: doc for doc in found}


def _server(console: Console, data_dir: Path, port: int) -> tuple[Connection, bool]:
    """The connection to use, and whether it is the local server."""
    if os.environ.get(URL_ENV):
        conn = resolve_connection(data_dir=data_dir)
        shown = redact_urls(conn.url)
        _step(console, 3, f"using the Label Studio server at {shown} (from {URL_ENV})")
        return conn, False
    _step(console, 3, f"local Label Studio server on port {port} (data in {data_dir})")
    status = start_with_bar(data_dir, port)
    creds = load_credentials(data_dir)
    assert creds is not None and status.url is not None  # start_server wrote them
    again = "already running" if status.already_running else "started, running"
    console.print(f"      {again} at {status.url} (pid {status.pid})")
    record_last_server(data_dir)
    return Connection(status.url, creds.token, f"local server data dir {data_dir}"), True


def _push(
    console: Console,
    client: LabelStudio,
    url: str,
    documents: list[Document],
    predictions: dict[str, AnnotatedDoc],
    project: str,
) -> PushResult:
    docs = plural(len(documents), "document")
    _step(console, 4, f"pushing {docs} with predictions to {project!r}")
    with progress_bar("pushing") as bar:
        result = push(client, documents, predictions, project, progress=bar.show, url=url)
    verb = "created" if result.project_created else "reused"
    console.print(
        f"      {verb} project {result.project_title!r} (id {result.project_id}): "
        f"{plural(result.tasks_created, 'task')} added, {result.tasks_existing} already there; "
        f"{plural(result.predictions_added, 'prediction')} added, "
        f"{result.predictions_existing} already there",
        markup=False,
    )
    return result


def next_steps(project: str, activate: Path | None, studio: Path | None, local: bool) -> list[str]:
    """The commands to run once the annotators are done, one a line (the README shows them too).

    ``activate`` is the virtualenv to activate first (None: goldsmith runs outside one);
    ``studio`` a data dir other than the default, named in the commands that need it.
    """
    flag = f" --studio-dir {studio}" if studio is not None else ""
    lines = [f". {activate / 'bin' / 'activate'}"] if activate is not None else []
    lines += [
        f'goldsmith annotate pull --project "{project}" --out gold/{flag}',
        "goldsmith eval score gold/ --system goldsmith=goldsmith --html report.html",
        "goldsmith eval agree gold/",
        "goldsmith publish gold/ --out hub/",
    ]
    if local:
        lines.append(f"goldsmith studio down{flag}")
    return lines


def _virtualenv() -> Path | None:
    """The running virtualenv, relative to the current folder when it lies inside it."""
    if sys.prefix == sys.base_prefix:
        return None
    prefix = Path(sys.prefix)
    try:
        return prefix.relative_to(Path.cwd())
    except ValueError:
        return prefix


def _print_next(
    console: Console,
    conn: Connection,
    local: bool,
    data_dir: Path,
    result: PushResult,
) -> None:
    console.print()
    url = f"{redact_urls(conn.url)}/projects/{result.project_id}/data"
    console.print(f"[bold]Annotate:[/bold] open {escape(url)}")
    if local:
        creds = load_credentials(data_dir)
        username = creds.username if creds is not None else "?"
        console.print(
            f"  log in as {username}; the password is in "
            f"{data_dir / CREDENTIALS_FILE} (readable by you only)",
            markup=False,
        )
    else:
        console.print("  log in with your Label Studio account")
    console.print("[bold]Then:[/bold]")
    studio = None if data_dir == DEFAULT_DATA_DIR else data_dir
    for line in next_steps(result.project_title, _virtualenv(), studio, local):
        console.print(f"  {line}", markup=False)
