"""Options as a user meets them: one name for the studio folder, help on every option,
and the local server found from any folder."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from goldsmith.annotate.studio.locate import pointer_file, record_last_server
from goldsmith.cli import app

runner = CliRunner()


def _commands(group, path: tuple[str, ...] = ()):
    if hasattr(group, "commands"):
        for name, sub in group.commands.items():
            yield from _commands(sub, (*path, name))
    else:
        yield " ".join(path), group


COMMANDS = dict(_commands(typer.main.get_command(app)))


def test_every_visible_option_has_help():
    missing = [
        f"{name} {param.opts[0]}"
        for name, command in COMMANDS.items()
        for param in command.params
        if param.param_type_name == "option" and not param.hidden and not param.help
    ]
    assert missing == []


@pytest.mark.parametrize(
    "name",
    ["studio up", "studio down", "studio status", "quickstart", "annotate push", "annotate pull"],
)
def test_the_studio_folder_is_called_studio_dir_everywhere(name):
    options = {
        opt: param.hidden
        for param in COMMANDS[name].params
        if param.param_type_name == "option"
        for opt in param.opts
    }
    assert options["--studio-dir"] is False
    assert options.get("--data-dir", True) is True  # the old name, if accepted, is hidden
    help_text = runner.invoke(app, [*name.split(), "--help"], terminal_width=200).output
    assert "--studio-dir" in help_text and "--data-dir" not in help_text


def test_push_batch_size_has_help():
    (param,) = [p for p in COMMANDS["annotate push"].params if "--batch-size" in p.opts]
    assert param.help.startswith("Tasks sent to Label Studio in one request")
    result = runner.invoke(app, ["annotate", "push", "--help"], env={"COLUMNS": "200"})
    assert "Tasks sent to Label Studio in one request" in result.output


def test_the_old_data_dir_name_still_works(tmp_path):
    result = runner.invoke(app, ["studio", "status", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("stopped") and str(tmp_path) in result.output


def test_with_no_server_anywhere_the_error_says_where_it_looked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LABEL_STUDIO_URL", raising=False)
    monkeypatch.delenv("LABEL_STUDIO_API_KEY", raising=False)
    result = runner.invoke(app, ["annotate", "pull", "--project", "x", "--out", "g"])
    assert result.exit_code == 2
    text = " ".join(result.output.split())
    assert str(tmp_path) in text and str(pointer_file()) in text
    assert "goldsmith studio up" in text and "GOLDSMITH_STUDIO_DIR" in text


@pytest.mark.studio
def test_status_from_another_folder_finds_the_last_server_started(studio, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = runner.invoke(app, ["studio", "status"])
    assert before.output.startswith("stopped")
    record_last_server(studio.data_dir)
    after = runner.invoke(app, ["studio", "status"])
    assert after.exit_code == 0, after.output
    assert after.output.startswith(f"running: {studio.url} (pid {studio.pid}")


@pytest.mark.studio
def test_the_environment_variable_names_the_server_folder(studio, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GOLDSMITH_STUDIO_DIR", str(studio.data_dir))
    result = runner.invoke(app, ["studio", "status"])
    assert result.output.startswith(f"running: {studio.url}")


@pytest.mark.studio
def test_up_records_the_server_it_started(studio, monkeypatch):
    result = runner.invoke(
        app, ["studio", "up", "--studio-dir", str(studio.data_dir), "--port", str(studio.port)]
    )
    assert result.exit_code == 0, result.output
    assert pointer_file().read_text() == f"{studio.data_dir.resolve()}\n"
