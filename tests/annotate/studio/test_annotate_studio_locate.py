"""Finding the local server from any folder: option, GOLDSMITH_STUDIO_DIR, here, last started."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from goldsmith.annotate.studio import locate
from goldsmith.annotate.studio.data_dir import DEFAULT_DATA_DIR
from goldsmith.annotate.studio.locate import (
    find_studio_dir,
    last_server_dir,
    pointer_file,
    record_last_server,
)
from goldsmith.annotate.studio.server import ServerStatus


@pytest.fixture
def running(monkeypatch):
    """Pretend exactly the servers of the folders in the returned set run."""
    alive: set[Path] = set()

    def fake_status(data_dir):
        return ServerStatus(running=Path(data_dir).resolve() in alive, data_dir=str(data_dir))

    monkeypatch.setattr(locate, "server_status", fake_status)
    return alive


def test_the_pointer_lives_under_xdg_state_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert pointer_file() == tmp_path / "state" / "goldsmith" / "last-studio"


def test_without_xdg_state_home_the_pointer_lives_under_home(tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_STATE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert pointer_file() == tmp_path / ".local" / "state" / "goldsmith" / "last-studio"


def test_the_pointer_holds_the_absolute_path_only_and_is_private(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    written = record_last_server(Path("rel") / "studio")
    assert written == pointer_file()
    assert written.read_text() == f"{tmp_path / 'rel' / 'studio'}\n"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert stat.S_IMODE(written.parent.stat().st_mode) == 0o700
    assert last_server_dir() == tmp_path / "rel" / "studio"
    assert [p.name for p in written.parent.iterdir()] == ["last-studio"]


def test_an_option_wins_over_everything(tmp_path, monkeypatch, running):
    monkeypatch.setenv("GOLDSMITH_STUDIO_DIR", str(tmp_path / "env"))
    assert find_studio_dir(tmp_path / "opt").data_dir == tmp_path / "opt"


def test_the_environment_variable_wins_over_the_current_folder(tmp_path, monkeypatch, running):
    monkeypatch.chdir(tmp_path)
    running.add((tmp_path / DEFAULT_DATA_DIR).resolve())
    monkeypatch.setenv("GOLDSMITH_STUDIO_DIR", str(tmp_path / "env"))
    assert find_studio_dir().data_dir == tmp_path / "env"


def test_a_running_server_here_wins_over_the_last_one_started(tmp_path, monkeypatch, running):
    monkeypatch.chdir(tmp_path)
    record_last_server(tmp_path / "elsewhere")
    running.update({(tmp_path / DEFAULT_DATA_DIR).resolve(), tmp_path / "elsewhere"})
    assert find_studio_dir().data_dir == DEFAULT_DATA_DIR


def test_from_another_folder_the_last_server_started_is_found(tmp_path, monkeypatch, running):
    record_last_server(tmp_path / "project" / ".goldsmith" / "studio")
    running.add(tmp_path / "project" / ".goldsmith" / "studio")
    (tmp_path / "other").mkdir()
    monkeypatch.chdir(tmp_path / "other")
    assert find_studio_dir().data_dir == tmp_path / "project" / ".goldsmith" / "studio"


def test_a_stopped_last_server_is_not_used_and_the_lookup_says_where(
    tmp_path, monkeypatch, running
):
    record_last_server(tmp_path / "gone")
    monkeypatch.chdir(tmp_path)
    lookup = find_studio_dir()
    assert lookup.data_dir == DEFAULT_DATA_DIR
    assert str(tmp_path) in lookup.where() and "gone" in lookup.where()
    assert "not running" in lookup.where()


def test_with_no_pointer_the_lookup_names_the_pointer_file(tmp_path, monkeypatch, running):
    monkeypatch.chdir(tmp_path)
    assert str(pointer_file()) in find_studio_dir().where()


def test_a_garbled_pointer_is_ignored(running):
    pointer_file().parent.mkdir(parents=True)
    pointer_file().write_bytes(b"\xff\xfe not a path")
    assert last_server_dir() is None
    assert find_studio_dir().data_dir == DEFAULT_DATA_DIR
