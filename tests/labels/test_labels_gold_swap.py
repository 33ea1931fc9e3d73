"""A pull killed at any step of the swap leaves the old gold or the new one, whole.

Each step of writing and swapping (every rename, the exchange, every delete) is
interrupted in turn, before and after it runs, with and without an atomic directory
exchange; a reader then sees one whole gold directory, and the next pull settles
whatever the killed one left.
"""

from __future__ import annotations

import os

import pytest

from goldsmith.labels import AnnotatedDoc
from goldsmith.labels.gold import (
    GoldContent,
    Origin,
    new_pull_id,
    open_gold_dir,
    read_gold,
    swap,
    write,
    write_gold_dir,
)

NEWS = Origin("http://127.0.0.1:8080", 3, "News")


class Killed(BaseException):
    """Stands for kill -9: no except clause of the library runs."""


def _pull(out, n: int) -> str:
    docs = [AnnotatedDoc(f"doc-{i}", f"Story {i} of pull {n}.") for i in range(n)]
    pull_id = new_pull_id()
    write_gold_dir(out, GoldContent(docs, docs, [], {"n": n}), NEWS, pull_id)
    return pull_id


def _steps(monkeypatch, kill_at: int | None, after: bool) -> list[str]:
    """Count the file-system steps of a pull; raise Killed at step ``kill_at``."""
    seen: list[str] = []

    def step(name, real):
        def run(*args, **kwargs):
            index = len(seen)
            seen.append(name)
            if index == kill_at and not after:
                raise Killed(name)
            result = real(*args, **kwargs)
            if index == kill_at and after:
                raise Killed(name)
            return result

        return run

    monkeypatch.setattr(os, "rename", step("rename", os.rename))
    monkeypatch.setattr(swap, "exchange", step("exchange", swap.exchange))
    monkeypatch.setattr(swap.shutil, "rmtree", step("rmtree", swap.shutil.rmtree))
    monkeypatch.setattr(write, "write_manifest", step("manifest", write.write_manifest))
    return seen


def _no_exchange(monkeypatch):
    monkeypatch.setattr(swap, "_exchange_call", lambda: None)


@pytest.mark.parametrize("atomic", [True, False], ids=["exchange", "two-renames"])
def test_every_step_of_a_replacing_pull_can_be_killed(tmp_path, monkeypatch, atomic):
    if not atomic:
        _no_exchange(monkeypatch)
    elif swap._exchange_call() is None:
        pytest.skip("no atomic directory exchange on this system")
    with monkeypatch.context() as m:  # how many steps does a replacing pull take?
        _pull(tmp_path / "probe", 1)
        _pull(tmp_path / "probe", 2)
        steps = _steps(m, None, False)
        _pull(tmp_path / "probe", 3)
    assert "manifest" in steps and steps.count("rename") >= 3
    for kill_at in range(len(steps)):
        for after in (False, True):
            out = tmp_path / f"gold-{kill_at}-{after}"
            _pull(out, 1)
            old = _pull(out, 2)
            with monkeypatch.context() as m:
                _steps(m, kill_at, after)
                with pytest.raises(Killed):
                    _pull(out, 3)
            manifest = open_gold_dir(out)  # recovers, then checks every hash
            assert manifest is not None
            docs = read_gold(out)
            if manifest.pull_id == old:
                assert len(docs) == 2, (kill_at, after)
            else:
                assert len(docs) == 3, (kill_at, after)
            newest = _pull(out, 4)
            assert open_gold_dir(out).pull_id == newest
            left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(f"{out.name}"))
            hidden = [p.name for p in tmp_path.iterdir() if p.name.startswith(f".{out.name}.")]
            assert left == [out.name, f"{out.name}.prev"] and hidden == [], (kill_at, after)


def test_a_reader_finishes_a_two_rename_swap_cut_in_the_middle(tmp_path, monkeypatch):
    _no_exchange(monkeypatch)
    out = tmp_path / "gold"
    _pull(out, 2)
    _pull(tmp_path / "probe", 1)
    with monkeypatch.context() as m:
        seen = _steps(m, None, False)
        _pull(tmp_path / "probe", 1)
    # a replacing pull renames: staging -> ready, gold -> old, ready -> gold, old -> prev
    cut = [i for i, name in enumerate(seen) if name == "rename"][1]
    with monkeypatch.context() as m:
        _steps(m, cut, True)
        with pytest.raises(Killed):
            _pull(out, 3)
    assert not out.exists()  # the gap a two-rename swap leaves
    assert len(read_gold(out)) == 3  # the reader finished the swap
