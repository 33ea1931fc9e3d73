"""The Ray engine on a real local Ray with two workers: the local engine's records, resumable.

The first test runs the CLI, which starts and stops its own Ray; the others share one
local Ray started by a module fixture (``num_cpus=3``: two actors and a reader). With
``CI=true`` a missing ``ray`` fails instead of skipping.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from goldsmith.annotate import ray_engine
from goldsmith.annotate.predict_run import Done, PredictReport, Started, predict_file
from goldsmith.annotate.ray_engine import MANIFEST, predict_ray, read_manifest
from goldsmith.cli import app
from goldsmith.corpus.dataset import open_corpus, write_corpus
from goldsmith.corpus.load import load_documents
from goldsmith.corpus.synthetic import news_documents
from goldsmith.errors import InputError
from goldsmith.labels.jsonl import read_jsonl
from goldsmith.labels.shards import read_shards, shard_paths

pytestmark = pytest.mark.slow

try:
    import ray
except ImportError:  # pragma: no cover - depends on the installed extras
    ray = None

if ray is None:
    if os.environ.get("CI") == "true":
        raise RuntimeError("ray is not installed; CI=true never skips the Ray engine tests")
    pytest.skip("ray is not installed (pip install 'goldsmith[ray]')", allow_module_level=True)

runner = CliRunner()


def _sorted_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return sorted(lines, key=lambda line: json.loads(line)["doc_id"])


@pytest.fixture(scope="module")
def sample_corpus(tmp_path_factory, sample_dir) -> Path:
    path = tmp_path_factory.mktemp("ray") / "sample.ds"
    write_corpus(load_documents(sample_dir), path)
    return path


@pytest.fixture(scope="module")
def sample_local(sample_corpus, nlp) -> Path:
    out = sample_corpus.parent / "sample-local.jsonl"
    list(predict_file(sample_corpus, out, nlp=nlp))
    return out


@pytest.fixture(scope="module")
def shared_ray(sample_local):
    """One local Ray for the tests after the CLI's (which starts and stops its own)."""
    assert not ray.is_initialized()
    ray.init(address="local", num_cpus=3, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_cli_on_its_own_local_ray_writes_the_local_engines_records(
    sample_corpus, sample_local, tmp_path
):
    out, jsonl = tmp_path / "shards", tmp_path / "ray.jsonl"
    args = ["annotate", "predict", str(sample_corpus), "--out", str(out)]
    result = runner.invoke(app, args + ["--engine", "ray", "--workers", "2", "--jsonl", str(jsonl)])
    assert result.exit_code == 0, result.output
    assert "documents" in result.output and "15" in result.output
    assert not ray.is_initialized()  # the run stopped the Ray it started
    assert _sorted_lines(jsonl) == _sorted_lines(sample_local)
    by_id = {d.doc_id: d for d in read_shards(out)}
    assert [by_id[d.doc_id] for d in read_jsonl(sample_local)] == list(read_jsonl(sample_local))
    assert read_manifest(out)["complete"] is True
    again = runner.invoke(app, args + ["--engine", "ray"])
    assert again.exit_code == 0 and "Nothing left to predict" in again.output


def test_two_thousand_generated_documents_match_the_local_engine(shared_ray, nlp, tmp_path):
    corpus = tmp_path / "news.ds"
    assert write_corpus(news_documents(2000, seed=12), corpus) == 2000
    local = tmp_path / "local.jsonl"
    list(predict_file(corpus, local, nlp=nlp, n_process=2))
    jsonl = tmp_path / "ray.jsonl"
    events = list(predict_ray(corpus, tmp_path / "shards", workers=2, jsonl=jsonl))
    report = events[-1]
    assert isinstance(report, PredictReport) and report.documents == 2000
    assert len(shard_paths(tmp_path / "shards")) == 2  # 1,000 documents a shard
    assert _sorted_lines(jsonl) == _sorted_lines(local)
    records = [json.loads(line) for line in _sorted_lines(local)]
    assert report.regions == {layer: sum(len(r[layer]) for r in records) for layer in report.layers}


def test_parquet_shards_through_an_fsspec_url_match_the_local_engine(
    shared_ray, sample_corpus, sample_local, tmp_path
):
    folder = tmp_path / "corpus-parquet"
    folder.mkdir()
    dataset = open_corpus(sample_corpus)
    for i in range(3):
        dataset.shard(3, i, contiguous=True).to_parquet(str(folder / f"shard-{i}.parquet"))
    jsonl = tmp_path / "ray.jsonl"
    list(predict_ray(f"local://{folder}", tmp_path / "out", workers=2, jsonl=jsonl))
    assert _sorted_lines(jsonl) == _sorted_lines(sample_local)


def test_an_interrupted_run_keeps_its_shards_and_a_rerun_completes_it(
    shared_ray, sample_corpus, sample_local, tmp_path
):
    out = tmp_path / "out"
    run = predict_ray(sample_corpus, out, workers=2, batch_size=2, shard_size=4)
    for _event in run:
        if shard_paths(out):
            break
    run.close()  # what Ctrl-C does to the run: the shards written so far stay
    kept = {p.name: p.stat().st_mtime_ns for p in shard_paths(out)}
    kept_ids = {d.doc_id for d in read_shards(out)}
    assert kept and 0 < len(kept_ids) < 15
    assert read_manifest(out)["complete"] is False
    events = list(predict_ray(sample_corpus, out, workers=2, batch_size=2, shard_size=4))
    assert events[0].resumed == len(kept_ids) and events[-1].resumed == len(kept_ids)
    assert {p.name: p.stat().st_mtime_ns for p in shard_paths(out) if p.name in kept} == kept
    records = sorted(read_shards(out), key=lambda d: d.doc_id)
    assert records == sorted(read_jsonl(sample_local), key=lambda d: d.doc_id)  # none twice
    assert [e.documents for e in events if isinstance(e, Done)][-1] == 15


def test_the_driver_gives_arrows_freed_pages_back_after_each_shard(
    shared_ray, sample_corpus, sample_local, tmp_path, monkeypatch
):
    """Arrow's pool keeps the pages the driver's casts and Parquet encoding freed; without
    a release after each shard they spread and the driver grew with the corpus."""
    out = tmp_path / "out"
    shards_at_release: list[int] = []
    real = ray_engine.release_arrow_memory

    def counting() -> None:
        shards_at_release.append(len(shard_paths(out)))
        real()

    monkeypatch.setattr(ray_engine, "release_arrow_memory", counting)
    list(predict_ray(sample_corpus, out, workers=2, batch_size=2, shard_size=4))
    written = len(shard_paths(out))
    assert shards_at_release == list(range(1, len(shards_at_release) + 1))  # one per shard
    assert written - 1 <= len(shards_at_release) <= written  # the last may be a remainder
    records = sorted(read_shards(out), key=lambda d: d.doc_id)
    assert records == sorted(read_jsonl(sample_local), key=lambda d: d.doc_id)


def _rss_anon_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssAnon:"):
            return int(line.split()[1])
    raise AssertionError("no RssAnon in /proc/self/status")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc (Linux)")
def test_releasing_arrow_memory_returns_the_pages_the_pool_kept():
    tables = [pa.array([f"text {i} " * 5 for i in range(20_000)]) for _ in range(20)]  # ~20 MB
    del tables
    kept = _rss_anon_kib()
    ray_engine.release_arrow_memory()
    assert _rss_anon_kib() < kept - 8 * 1024, "the pool still holds the freed pages"


def _interrupted(corpus: Path, out: Path, shards: int) -> int:
    """A run stopped once ``shards`` shards are written; the number of documents kept."""
    run = predict_ray(corpus, out, workers=2, batch_size=2, shard_size=2)
    for _event in run:
        if len(shard_paths(out)) >= shards:
            break
    run.close()
    return len({d.doc_id for d in read_shards(out)})


def test_what_each_actor_is_sent_on_resume_does_not_grow_with_the_documents_done(
    shared_ray, sample_corpus, sample_local, tmp_path, monkeypatch
):
    """The ids done reach the actors as one object-store reference, not as a list copied
    into every actor's constructor arguments."""
    sent: list[int] = []
    real = ray.data.Dataset.map_batches

    def recording(self, fn, *args, **kwargs):
        sent.append(len(ray.cloudpickle.dumps(kwargs.get("fn_constructor_kwargs"))))
        return real(self, fn, *args, **kwargs)

    done = [_interrupted(sample_corpus, tmp_path / f"out-{n}", n) for n in (1, 4)]
    assert done[0] < done[1] < 15
    monkeypatch.setattr(ray.data.Dataset, "map_batches", recording)
    for n in (1, 4):
        list(predict_ray(sample_corpus, tmp_path / f"out-{n}", workers=2, batch_size=2))
        records = sorted(read_shards(tmp_path / f"out-{n}"), key=lambda d: d.doc_id)
        assert records == sorted(read_jsonl(sample_local), key=lambda d: d.doc_id)
    assert len(sent) == 2 and abs(sent[1] - sent[0]) < 16, (done, sent)


def test_a_rerun_on_a_finished_output_does_nothing(
    shared_ray, sample_corpus, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    list(predict_ray(sample_corpus, out, workers=2))
    before = {p: p.stat().st_mtime_ns for p in out.iterdir()}

    def no_ray():
        raise AssertionError("a finished output must not start Ray")

    monkeypatch.setattr(ray_engine, "_ray", no_ray)
    started = time.perf_counter()
    events = list(predict_ray(sample_corpus, out, workers=2))
    assert time.perf_counter() - started < 10
    assert [type(e) for e in events] == [Started, PredictReport]
    assert events[-1].documents == events[-1].resumed == 15
    assert {p: p.stat().st_mtime_ns for p in out.iterdir()} == before


def test_other_settings_in_the_output_are_refused(shared_ray, sample_corpus, tmp_path):
    out = tmp_path / "out"
    list(predict_ray(sample_corpus, out, workers=2, layers=["entities"]))
    with pytest.raises(InputError, match="other settings"):
        list(predict_ray(sample_corpus, out, workers=2))
    assert (out / MANIFEST).exists()


def test_parquet_without_doc_ids_is_one_input_error(shared_ray, tmp_path):
    path = tmp_path / "raw.parquet"
    pq.write_table(pa.table({"text": ["Mayor Ines Rook spoke."]}), path)
    with pytest.raises(InputError, match="'doc_id' column"):
        list(predict_ray(path, tmp_path / "out", workers=2))


def test_a_row_whose_id_is_not_its_texts_is_one_input_error(shared_ray, tmp_path):
    path = tmp_path / "edited.parquet"
    pq.write_table(pa.table({"doc_id": ["doc-0000000000000000"], "text": ["Edited."]}), path)
    with pytest.raises(InputError, match="is not the id of its text"):
        list(predict_ray(path, tmp_path / "out", workers=2))
