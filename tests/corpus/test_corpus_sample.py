"""The sample corpus shipped in corpus/sample ingests cleanly and matches its gold ids."""

from __future__ import annotations

import json

import pytest

from goldsmith.corpus import ingest_all


@pytest.fixture(scope="module")
def sample(sample_dir):
    assert any(sample_dir.glob("*.txt")), f"no .txt files in {sample_dir}: a packaging regression"
    return ingest_all([sample_dir])


def test_every_txt_file_is_one_document_no_duplicates_no_empties(sample, sample_dir):
    docs, report = sample
    assert len(docs) == len(list(sample_dir.glob("*.txt")))
    assert (report.duplicates, report.empty) == ((), ())
    assert all(d.source.endswith(".txt") for d in docs)


def test_texts_are_normalised(sample):
    docs, _ = sample
    assert all("\r" not in d.text for d in docs)


def test_every_document_has_a_title(sample):
    docs, _ = sample
    assert all(d.title for d in docs)


def test_advertising_lines_are_flagged(sample):
    docs, report = sample
    flagged = [d.text[s:e] for d in docs for s, e in d.ignore]
    assert report.ignored_lines == len(flagged) >= 1


def test_ids_match_the_gold_file(sample, sample_gold_path):
    assert sample_gold_path.exists(), sample_gold_path
    docs, _ = sample
    with sample_gold_path.open(encoding="utf-8") as fh:
        gold = {json.loads(line)["doc_id"] for line in fh if line.strip()}
    assert gold <= {d.doc_id for d in docs}
