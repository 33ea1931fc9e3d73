"""The ``goldsmith`` command: one typer sub-app per stage, errors handled in one place.

Commands parse arguments, call one library function and print; the library never
prints or exits. Every :class:`GoldsmithError` becomes one line on stderr and exit
code 2; ``--verbose`` shows the traceback instead.

Help reads the same in every command (set here, once, for the whole tree by
:func:`_plain_help`): a flag shows no value placeholder (typer would print ``--push
<bool>``, as if it took a value), an argument is named in capitals (``GOLD``, not
``gold``), a repeated value shows its type once with ``...`` (``<path>...``; typer would
print ``<list[Path]>``, a Python type), and the usage line writes arguments click's way,
``GOLD`` when required, ``[GOLD]`` when not, ``INPUT...`` when repeated (typer would
write ``{GOLD}``).
"""

from __future__ import annotations

from typing import Annotated

import click
import typer
from rich.console import Console
from typer.core import TyperCommand, TyperGroup
from typer.models import DefaultPlaceholder

from goldsmith import __version__
from goldsmith.cli import annotate, corpus, evaluate, publish, quickstart, studio, users
from goldsmith.errors import GoldsmithError

_state = {"verbose": False}


#: Element types of a repeated value as the help names them (``Path`` is a ``<path>``).
_TYPE_NAMES = {"Path": "path"}


def _plain_params(params: list[click.Parameter]) -> None:
    """Flags: no value placeholder; arguments: named in capitals; repeated values: their
    type once with ``...`` (rules: module docstring)."""
    for param in params:
        if getattr(param, "is_flag", False):
            param.metavar = ""
        elif param.param_type_name == "argument" and param.metavar is None and param.name:
            param.metavar = param.name.upper()
        shown = getattr(param, "display_type_rich", None)
        if shown is not None:
            param.display_type_rich = _repeated_plain(shown)  # type: ignore[attr-defined]


def _repeated_plain(shown):
    """Typer's type label, with ``<list[Path]>`` written ``<path>...``."""

    def label(ctx: click.Context) -> str | None:
        text = shown(ctx)
        if text and text.startswith("<list[") and text.endswith("]>"):
            inner = text[len("<list[") : -len("]>")]
            return f"<{_TYPE_NAMES.get(inner, inner)}>..."
        return text

    return label


def _usage_pieces(command: click.Command, ctx: click.Context) -> list[str]:
    pieces = [command.options_metavar] if command.options_metavar else []
    for param in command.get_params(ctx):
        if param.param_type_name != "argument":
            pieces += param.get_usage_pieces(ctx)
            continue
        name = param.metavar or (param.name or "").upper()
        if param.nargs != 1 and not name.endswith("..."):
            name += "..."
        pieces.append(name if param.required else f"[{name}]")
    return pieces


class _PlainHelp:
    """Plain help for a command or a group (rules in the module docstring)."""

    params: list[click.Parameter]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _plain_params(self.params)

    def get_help_option(self, ctx: click.Context):  # noqa: D102
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            _plain_params([option])
        return option


class _Command(_PlainHelp, TyperCommand):
    """Every command of the tree: plain help."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:  # noqa: D102
        return _usage_pieces(self, ctx)


class _Group(_PlainHelp, TyperGroup):
    """Every group of the tree: plain help."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:  # noqa: D102
        return [*_usage_pieces(self, ctx), self.subcommand_metavar]


#: The root commands in the order of the flow, as ``goldsmith --help`` lists them.
FLOW = ("quickstart", "corpus", "annotate", "studio", "eval", "publish")


class _Root(_Group):
    """The root group: turns a ``GoldsmithError`` into one line on stderr and exit 2, and
    lists its commands in the order of the flow (:data:`FLOW`)."""

    def list_commands(self, ctx: click.Context) -> list[str]:  # noqa: D102
        names = super().list_commands(ctx)
        return sorted(names, key=lambda n: FLOW.index(n) if n in FLOW else len(FLOW))

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


def _plain_help(typer_app: typer.Typer) -> None:
    """Build every command and group of ``typer_app`` with the plain-help classes above."""
    for command in typer_app.registered_commands:
        if command.cls in (None, TyperCommand):
            command.cls = _Command
    for group in typer_app.registered_groups:
        sub = group.typer_instance
        if sub is None:
            continue
        if isinstance(group.cls, DefaultPlaceholder) and isinstance(
            sub.info.cls, DefaultPlaceholder
        ):
            group.cls = _Group
        _plain_help(sub)


_plain_help(app)


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
