"""The root command: help, version, and one-line errors with exit code 2."""

from __future__ import annotations

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
