"""Ingestion at scale: memory does not grow with the corpus, and the corpus is sharded.

Not timed: memory is Python's own allocations (``tracemalloc``) while ``build_corpus``
runs, compared between two sizes of the same generated corpus. An ingestion that keeps
every document, or every id with its source, in memory grows with the corpus (seen: the
ids in a dict took the peak from 0.55 MB at 1,000 documents to 1.7 MB at 8,000).
"""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import datasets
import pyarrow as pa

from goldsmith.corpus import build_corpus, read_corpus
from goldsmith.corpus.synthetic import news_texts


def _jsonl(folder: Path, n: int) -> Path:
    path = folder / f"news-{n}.jsonl"
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in news_texts(n, seed=5)))
    return path


def _peak_bytes(source: Path, out: Path) -> int:
    """Peak of Python's allocations while ``source`` is ingested into ``out``."""
    tracemalloc.start()
    try:
        for _event in build_corpus([source], out, shard_size=500):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_ingest_memory_does_not_grow_with_the_number_of_documents(tmp_path):
    _peak_bytes(_jsonl(tmp_path, 50), tmp_path / "warm")  # imports, caches, compiled patterns
    small = _peak_bytes(_jsonl(tmp_path, 1000), tmp_path / "small")
    large_input = _jsonl(tmp_path, 6000)
    large = _peak_bytes(large_input, tmp_path / "large")
    # six times the documents (2.2 MB of JSONL more): the peak may not grow by a quarter
    assert large < 1.25 * small, (small, large)
    assert large < large_input.stat().st_size / 2, (large, large_input.stat().st_size)


def _rows(path: Path) -> int:
    with pa.OSFile(str(path)) as handle:
        return sum(batch.num_rows for batch in pa.ipc.open_stream(handle))


def test_ingest_writes_shards_of_the_given_size_that_datasets_loads(tmp_path):
    *_, report = build_corpus([_jsonl(tmp_path, 2300)], tmp_path / "corpus", shard_size=500)
    shards = sorted((tmp_path / "corpus").glob("*.arrow"))
    assert [p.name for p in shards] == [f"data-{i:05d}-of-00005.arrow" for i in range(5)]
    assert [_rows(p) for p in shards] == [500, 500, 500, 500, 300]
    assert report.documents == 2300
    loaded = datasets.load_from_disk(str(tmp_path / "corpus"))
    read = list(read_corpus(tmp_path / "corpus"))
    assert loaded["doc_id"] == [d.doc_id for d in read]
    assert [d.text for d in read] == list(news_texts(2300, seed=5))
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # nothing left over
