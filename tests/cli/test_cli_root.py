"""The root command: help, version, and one-line errors with exit code 2."""

from __future__ import annotations

import click
import pytest
import typer
from typer.testing import CliRunner

from goldsmith import __version__
from goldsmith.cli import _Root, app
from goldsmith.errors import GoldsmithError, InputError

runner = CliRunner()


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"goldsmith {__version__}"


def test_help_lists_every_stage():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for stage in ("corpus", "annotate", "studio", "eval", "publish"):
        assert stage in result.output


def _app_raising() -> typer.Typer:
    demo = typer.Typer(cls=_Root)

    @demo.command()
    def boom() -> None:
        raise InputError("data.jsonl:3: missing field 'text'")

    @demo.command()
    def fine() -> None:
        typer.echo("ok")

    return demo


def test_user_error_is_one_line_and_exit_2():
    result = runner.invoke(_app_raising(), ["boom"])
    assert result.exit_code == 2
    assert result.output.strip() == "error: data.jsonl:3: missing field 'text'"
    assert "Traceback" not in result.output


def test_verbose_shows_the_traceback_instead(tmp_path):
    missing = tmp_path / "missing.jsonl"
    quiet = runner.invoke(app, ["publish", str(tmp_path), "--out", str(tmp_path / "hub")])
    assert quiet.exit_code == 2 and "Traceback" not in quiet.output
    loud = runner.invoke(app, ["--verbose", "publish", str(tmp_path), "--out", str(missing)])
    assert loud.exit_code != 0
    assert isinstance(loud.exception, GoldsmithError)


def _commands(command: click.Command, path: tuple[str, ...] = ()):
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, (*path, name))


ALL_COMMANDS = [path for path, _ in _commands(typer.main.get_command(app))]


@pytest.mark.parametrize("path", ALL_COMMANDS, ids=lambda p: " ".join(p) or "goldsmith")
def test_help_shows_no_value_after_flags_and_plain_argument_names(path):
    result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "<bool>" not in result.output
    assert "<list[" not in result.output  # a repeated value reads <path>..., not a Python type
    command = dict(_commands(typer.main.get_command(app)))[path]
    ctx = click.Context(command, info_name="goldsmith")
    usage = next(line for line in result.output.splitlines() if "Usage:" in line)
    assert "{" not in usage and "}" not in usage, usage
    for param in command.get_params(ctx):
        if param.param_type_name == "argument":
            name = param.metavar
            assert name == name.upper() and name in usage, (name, usage)
        elif getattr(param, "is_flag", False):
            # the flag's row: its names then straight to the help text, no placeholder
            row = next(line for line in result.output.splitlines() if param.opts[0] in line)
            after = row.split(param.opts[-1], 1)[1].strip(" │")
            assert not after.startswith("<"), row


def test_a_repeated_argument_shows_its_type_once_with_dots():
    result = runner.invoke(app, ["corpus", "ingest", "--help"], env={"COLUMNS": "200"})
    assert "INPUT      <path>..." in result.output, result.output


def test_root_help_lists_the_commands_in_the_order_of_the_flow():
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "200"})
    rows = [line.split()[1] for line in result.output.splitlines() if line.startswith("│ ")]
    flow = ["quickstart", "corpus", "annotate", "studio", "eval", "publish"]
    assert [name for name in rows if name in flow] == flow, result.output


def test_every_command_is_covered():
    assert ("eval", "score") in ALL_COMMANDS and ("publish",) in ALL_COMMANDS
    assert len(ALL_COMMANDS) >= 15
