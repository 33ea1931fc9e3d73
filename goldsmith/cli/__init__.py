"""The ``goldsmith`` command: one typer sub-app per stage, errors handled in one place.

Commands parse arguments, call one library function and print; the library never
prints or exits. Every :class:`GoldsmithError` becomes one line on stderr and exit
code 2; ``--verbose`` shows the traceback instead.
"""

from __future__ import annotations

from typing import Annotated

import click
import typer
from rich.console import Console
from typer.core import TyperGroup

from goldsmith import __version__
from goldsmith.cli import annotate, corpus, evaluate, publish, quickstart, studio, users
from goldsmith.errors import GoldsmithError

_state = {"verbose": False}


class _Root(TyperGroup):
    """The root group: turns a ``GoldsmithError`` into one line on stderr and exit 2."""

    def invoke(self, ctx: click.Context):  # noqa: D102
        try:
            return super().invoke(ctx)
        except GoldsmithError as exc:
            if _state["verbose"]:
                raise
            Console(stderr=True, highlight=False, soft_wrap=True).print(
                f"error: {exc}", markup=False
            )
            raise typer.Exit(2) from None


app = typer.Typer(
    name="goldsmith",
    cls=_Root,
    help=(
        "Turn raw news text into a gold dataset: ingest a corpus, pre-annotate entities, "
        "quotes and numeric claims, correct them in Label Studio, pull the gold set, "
        "score models against it and publish it."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(corpus.app, name="corpus")
app.add_typer(annotate.app, name="annotate")
studio.app.add_typer(users.app, name="users")
app.add_typer(studio.app, name="studio")
app.add_typer(evaluate.app, name="eval")
publish.register(app)
quickstart.register(app)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"goldsmith {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show tracebacks of errors.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    _state["verbose"] = verbose


def main() -> None:
    """Entry point of the console script."""
    app()
