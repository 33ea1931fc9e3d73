"""benchmarks/bench_memory.py measures the run, not the events it collects."""

from __future__ import annotations

import importlib.util
import weakref
from dataclasses import dataclass
from pathlib import Path

import pytest

BENCH = Path(__file__).parents[2] / "benchmarks" / "bench_memory.py"


def _bench_module():
    spec = importlib.util.spec_from_file_location("bench_memory", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(eq=False)
class _Event:
    documents: int


class _Run:
    """A stand-in run: yields ``n`` events and records how many were alive at once."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.alive: weakref.WeakSet[_Event] = weakref.WeakSet()
        self.most_alive = 0

    def __call__(self, *args, **kwargs):
        for number in range(1, self.n + 1):
            event = _Event(number)
            self.alive.add(event)
            self.most_alive = max(self.most_alive, len(self.alive))
            yield event
            del event


@pytest.mark.parametrize(
    ("case", "target"),
    [
        ("ingest", "goldsmith.corpus.build_corpus"),
        ("local-2", "goldsmith.annotate.predict_run.predict_file"),
        ("ray-2", "goldsmith.annotate.ray_engine.predict_ray"),
    ],
)
def test_a_case_holds_one_event_at_a_time_and_reports_the_last(case, target, monkeypatch, tmp_path):
    bench = _bench_module()
    run = _Run(500)
    monkeypatch.setattr(target, run)
    result = bench.run_case(case, tmp_path / "in", tmp_path / "out")
    assert result["documents"] == 500
    assert run.most_alive <= 2  # the one being read and the one just made; 500 if collected


def test_last_event_is_the_last_one():
    bench = _bench_module()
    assert bench.last_event(iter([1, 2, 3])) == 3


_TOUCHER = """
import mmap, sys
size = 16 * 1024 * 1024
print("start", flush=True); sys.stdin.readline()
shared = mmap.mmap(-1, size, flags=mmap.MAP_SHARED)
for offset in range(0, size, mmap.PAGESIZE):
    shared[offset] = 1
print("shared", flush=True); sys.stdin.readline()
private = bytearray(size)
for offset in range(0, size, mmap.PAGESIZE):
    private[offset] = 1
print("private", flush=True); sys.stdin.readline()
"""


def test_the_driver_split_tells_shared_pages_from_private_ones():
    """Pages of a shared mapping (what Ray's object store is to the driver) are counted as
    shared, pages of a private buffer as private, each once. Measured on a fresh process,
    as the benchmark measures its case, so nothing else maps or unmaps meanwhile."""
    import subprocess
    import sys

    bench = _bench_module()
    child = subprocess.Popen(
        [sys.executable, "-c", _TOUCHER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    seen = {}
    try:
        for step in ("start", "shared", "private"):
            assert child.stdout.readline().strip() == step
            seen[step] = bench.driver_parts_kib(child.pid)
            child.stdin.write("\n")
            child.stdin.flush()
    finally:
        child.wait(timeout=30)
    grown = {key: seen["shared"][key] - seen["start"][key] for key in seen["start"]}
    assert grown["RssShmem"] >= 15 * 1024 and grown["RssAnon"] < 4 * 1024, grown
    grown = {key: seen["private"][key] - seen["shared"][key] for key in seen["start"]}
    assert grown["RssAnon"] >= 15 * 1024 and grown["RssShmem"] < 1024, grown
    assert bench.driver_parts_kib(child.pid) == {}  # gone
