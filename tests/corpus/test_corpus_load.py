"""``load_documents``: a saved corpus read back, or raw input ingested on the fly."""

from __future__ import annotations

import types

from goldsmith.corpus import build_corpus, count_documents, ingest_all, load_documents
from goldsmith.corpus.dataset import is_corpus_dir


def test_saved_corpus_is_read_back_with_its_ignore_ranges(text_folder, tmp_path):
    list(build_corpus([text_folder], tmp_path / "corpus"))
    assert is_corpus_dir(tmp_path / "corpus")
    loaded = list(load_documents(tmp_path / "corpus"))
    assert loaded == ingest_all([text_folder])[0]
    assert loaded[0].ignore == ((119, 132),)


def test_raw_folder_is_ingested_on_the_fly(text_folder):
    loaded = list(load_documents(text_folder))
    assert [d.source for d in loaded] == ["articles/b.txt", "articles/nested/a.md"]
    assert loaded[0].ignore == ((119, 132),)


def test_raw_input_is_deduplicated(write_jsonl):
    path = write_jsonl([{"text": "Same."}, {"text": "Same."}, {"body": "x", "text": " "}])
    assert [d.source for d in load_documents(path)] == ["news.jsonl:1"]


def test_raw_input_honours_text_field(write_jsonl):
    path = write_jsonl([{"body": "Body text."}])
    assert [d.text for d in load_documents(path, text_field="body")] == ["Body text."]


def test_load_documents_streams(text_folder):
    docs = load_documents(text_folder)
    assert isinstance(docs, types.GeneratorType)
    assert next(docs).source == "articles/b.txt"


def test_count_documents(text_folder, tmp_path):
    list(build_corpus([text_folder], tmp_path / "corpus"))
    assert count_documents(tmp_path / "corpus") == 2
    assert count_documents(text_folder) is None
