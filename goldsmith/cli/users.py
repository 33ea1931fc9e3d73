"""``goldsmith studio users``: annotator accounts on the local Label Studio server."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from goldsmith.annotate.studio.client import URL_ENV, connect, resolve_connection
from goldsmith.annotate.studio.locate import given_or_default
from goldsmith.annotate.studio.pseudonyms import load_salt
from goldsmith.annotate.studio.users import (
    ANNOTATORS_FILE,
    add_annotators,
    invite_link,
    list_accounts,
    team_server_advice,
)
from goldsmith.cli.studio_option import StudioDir

app = typer.Typer(help="Annotator accounts on the Label Studio server.", no_args_is_help=True)


@app.command("add")
def add(
    emails: Annotated[list[str], typer.Argument(help="E-mail addresses of the annotators.")],
    studio_dir: StudioDir = None,
) -> None:
    """Create annotator accounts on the local server, each with a generated password.

    The passwords are shown once here and kept in DATA_DIR/annotators.json (readable by
    you only). On a team's own server (LABEL_STUDIO_URL) this says what to do instead.
    Example: goldsmith studio users add ana@example.org ben@example.org
    """
    console = Console(highlight=False, soft_wrap=True)
    if os.environ.get(URL_ENV):
        conn = resolve_connection(data_dir=studio_dir)
        link = invite_link(connect(conn), conn.url)
        console.print(team_server_advice(conn.url, link), markup=False)
        raise typer.Exit(1)
    conn = resolve_connection(data_dir=studio_dir)
    client = connect(conn)
    data_dir = conn.data_dir or given_or_default(studio_dir)
    accounts = add_annotators(client, data_dir, emails, load_salt(data_dir), url=conn.url)
    for account in accounts:
        if account.created:
            console.print(
                f"added {account.email} ({account.pseudonym}): password {account.password}",
                markup=False,
            )
        else:
            console.print(f"{account.email} ({account.pseudonym}) already has an account")
    if any(a.created for a in accounts):
        console.print(
            f"log in at {conn.url}/user/login/; the passwords are also in "
            f"{Path(data_dir) / ANNOTATORS_FILE} (mode 0600). Annotators start with "
            "'Label All Tasks' in the project."
        )


@app.command("list")
def list_(studio_dir: StudioDir = None) -> None:
    """List the server's users with the pseudonym each has in goldsmith's files."""
    conn = resolve_connection(data_dir=studio_dir)
    client = connect(conn)
    data_dir = conn.data_dir or given_or_default(studio_dir)
    table = Table("id", "e-mail", "pseudonym", "last activity")
    for account in list_accounts(client, load_salt(data_dir), url=conn.url):
        table.add_row(
            str(account.user_id), account.email, account.pseudonym, account.last_activity or "-"
        )
    Console(highlight=False).print(table)
