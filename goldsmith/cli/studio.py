"""``goldsmith studio``: the embedded local Label Studio server (up, down, status).

The server's state lives in a data directory (``--studio-dir``), by default
``.goldsmith/studio`` under the current directory (one server and database per project
folder): credentials (mode 0600), pid file, log and Label Studio's SQLite database.
``up`` records the folder as the last server started, so ``status``, ``down`` and the
commands that talk to the server find it from any folder (rule in
:mod:`goldsmith.annotate.studio.locate`).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from goldsmith.annotate.studio.database import URL_ENV, DatabaseRequest, database_status
from goldsmith.annotate.studio.locate import find_studio_dir, given_or_default, record_last_server
from goldsmith.annotate.studio.server import (
    CREDENTIALS_FILE,
    DEFAULT_PORT,
    ServerStatus,
    health_ok,
    load_credentials,
    server_status,
    start_server,
    stop_server,
)
from goldsmith.cli.progress import progress_bar
from goldsmith.cli.studio_option import OldDataDir, StudioDir, studio_dir

app = typer.Typer(
    help="Start, stop and inspect the local Label Studio server.", no_args_is_help=True
)


def start_with_bar(
    data_dir: Path, port: int, timeout: float = 240.0, database: DatabaseRequest | None = None
) -> ServerStatus:
    """:func:`start_server` under the CLI's progress bar (seconds waited of the timeout)."""
    with progress_bar("starting Label Studio") as bar:
        return start_server(
            data_dir,
            port=port,
            timeout=timeout,
            progress=lambda event: bar.show(event, note="(a fresh database takes about a minute)"),
            database=database,
        )


class DatabaseKind(str, Enum):
    sqlite = "sqlite"
    postgresql = "postgresql"


@app.command("up")
def up(
    studio: StudioDir = None,
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1.", min=1, max=65535)] = (
        DEFAULT_PORT
    ),
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds to wait for the server to answer.")
    ] = 600.0,
    old_data_dir: OldDataDir = None,
    database: Annotated[
        DatabaseKind | None,
        typer.Option(
            "--database",
            help="sqlite, or postgresql: the server of --database-url, else a local cluster "
            "of Debian's postgresql in the studio dir. Default: what the studio dir used before.",
        ),
    ] = None,
    database_url: Annotated[
        str | None,
        typer.Option(
            "--database-url",
            envvar=URL_ENV,
            show_envvar=True,
            show_default=False,
            help="postgresql://USER@HOST:PORT/NAME of a PostgreSQL you run; the password from "
            "PGPASSWORD or this variable (never printed).",
        ),
    ] = None,
) -> None:
    """Start Label Studio in the background (bound to 127.0.0.1) and wait until it answers.

    The first start creates an admin login and API token, stored in
    STUDIO_DIR/credentials.json (readable by you only). The folder is recorded (in
    ~/.local/state/goldsmith/last-studio) so commands run from other folders find the server.
    Example: goldsmith studio up --port 8080
    """
    data_dir = given_or_default(studio_dir(studio, old_data_dir))
    console = Console(highlight=False, soft_wrap=True)
    status = start_with_bar(data_dir, port, timeout, _request(database, database_url))
    if status.already_running:
        console.print(f"Label Studio is already running at {status.url} (pid {status.pid})")
    else:
        console.print(f"Label Studio is running at {status.url} (pid {status.pid})")
    record_last_server(data_dir)
    console.print(f"database: {database_status(data_dir).describe()}", markup=False)
    _print_login(console, data_dir)


@app.command("down")
def down(studio: StudioDir = None, old_data_dir: OldDataDir = None) -> None:
    """Stop the local Label Studio server (found as in 'status'), and its local PostgreSQL."""
    lookup = find_studio_dir(studio_dir(studio, old_data_dir))
    database_before = database_status(lookup.data_dir)
    status = stop_server(lookup.data_dir)
    if status.running:
        typer.echo(
            f"stopped Label Studio (pid {status.pid}, {status.url}, data dir {lookup.data_dir})"
        )
    else:
        typer.echo(f"Label Studio is not running (looked in {lookup.where()})")
    if database_before.running:
        typer.echo(f"stopped {database_before.config.describe()}")


@app.command("status")
def status(studio: StudioDir = None, old_data_dir: OldDataDir = None) -> None:
    """Report whether the local Label Studio server runs, its URL and pid.

    Without --studio-dir: $GOLDSMITH_STUDIO_DIR, else .goldsmith/studio here, else the
    last server 'goldsmith studio up' started.
    """
    console = Console(highlight=False, soft_wrap=True)
    lookup = find_studio_dir(studio_dir(studio, old_data_dir))
    current: ServerStatus = server_status(lookup.data_dir)
    if current.running:
        answering = "" if health_ok(current.url or "") else " — not answering yet"
        console.print(f"running: {current.url} (pid {current.pid}, log {current.log}){answering}")
        console.print(f"database: {database_status(lookup.data_dir).describe()}", markup=False)
        _print_login(console, lookup.data_dir)
    else:
        console.print(
            f"stopped (looked in {lookup.where()}); start it with 'goldsmith studio up'",
            markup=False,
        )
        console.print(f"database: {database_status(lookup.data_dir).describe()}", markup=False)


def _request(kind: DatabaseKind | None, url: str | None) -> DatabaseRequest:
    if url and kind == DatabaseKind.sqlite:
        raise typer.BadParameter(
            "--database sqlite takes no --database-url", param_hint="--database"
        )
    chosen = kind.value if kind else (DatabaseKind.postgresql.value if url else None)
    return DatabaseRequest(chosen, url)


def _print_login(console: Console, data_dir: Path) -> None:
    creds = load_credentials(data_dir)
    if creds is None:
        return
    console.print(
        f"login: {creds.username}; password and API token "
        f"({creds.masked_token()}) in {Path(data_dir) / CREDENTIALS_FILE}"
    )
