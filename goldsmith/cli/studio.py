"""``goldsmith studio``: the embedded local Label Studio server."""

import typer

app = typer.Typer(
    help="Start, stop and inspect the local Label Studio server.", no_args_is_help=True
)
