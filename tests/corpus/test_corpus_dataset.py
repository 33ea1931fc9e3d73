"""The corpus on disk: features, round trip, overwriting rules and checks on reading."""

from __future__ import annotations

import datasets
import pytest

from goldsmith.corpus import Document, corpus_features, doc_id_for, read_corpus, write_corpus
from goldsmith.corpus.dataset import corpus_size, is_corpus_dir
from goldsmith.errors import InputError


def doc(text: str, **kw) -> Document:
    return Document(doc_id_for(text), text, **kw)


DOCS = [
    doc(
        "Ferry Resumes\nADVERTISEMENT\nBody 🚢.",
        source="a.txt",
        title="Ferry Resumes",
        ignore=((14, 27),),
    ),
    doc("Second story.", source="news.jsonl:2", source_id="42"),
]


def test_round_trip_keeps_every_field(tmp_path):
    assert write_corpus(DOCS, tmp_path / "corpus") == 2
    assert list(read_corpus(tmp_path / "corpus")) == DOCS


def test_saved_features_are_the_corpus_features(tmp_path):
    write_corpus(DOCS, tmp_path / "corpus")
    saved = datasets.load_from_disk(str(tmp_path / "corpus"))
    assert saved.features == corpus_features()
    assert saved.features["ignore"] == datasets.List(
        {"start": datasets.Value("int32"), "end": datasets.Value("int32")}
    )


def test_ignore_column_is_typed_when_every_list_is_empty(tmp_path):
    write_corpus([doc("No ads here.")], tmp_path / "corpus")
    saved = datasets.load_from_disk(str(tmp_path / "corpus"))
    assert saved.features["ignore"] == corpus_features()["ignore"]
    assert saved[0]["ignore"] == []
    assert saved[0]["title"] is None


def test_empty_corpus_can_be_written_and_read(tmp_path):
    assert write_corpus([], tmp_path / "corpus") == 0
    assert is_corpus_dir(tmp_path / "corpus")
    assert corpus_size(tmp_path / "corpus") == 0
    assert list(read_corpus(tmp_path / "corpus")) == []


def test_existing_corpus_is_replaced(tmp_path):
    write_corpus(DOCS, tmp_path / "corpus")
    write_corpus(DOCS[1:], tmp_path / "corpus")
    assert list(read_corpus(tmp_path / "corpus")) == DOCS[1:]


def test_non_empty_folder_that_is_not_a_corpus_is_refused(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "keep.txt").write_text("precious", encoding="utf-8")
    with pytest.raises(InputError, match="refusing to overwrite"):
        write_corpus(DOCS, tmp_path / "mine")
    assert (tmp_path / "mine" / "keep.txt").read_text(encoding="utf-8") == "precious"


def test_failure_while_writing_leaves_no_corpus(tmp_path):
    def docs():
        yield DOCS[0]
        raise InputError("bad input")

    with pytest.raises(InputError):
        write_corpus(docs(), tmp_path / "corpus")
    assert not (tmp_path / "corpus").exists()
    assert [p.name for p in tmp_path.iterdir()] == []


def test_reading_a_folder_that_is_not_a_corpus_is_an_error(tmp_path):
    datasets.Dataset.from_dict({"text": ["x"]}).save_to_disk(tmp_path / "other")
    with pytest.raises(InputError, match="not a corpus"):
        list(read_corpus(tmp_path / "other"))


def _save_rows(path, **overrides):
    row = {
        "doc_id": doc_id_for("Text."),
        "text": "Text.",
        "source": "a.txt",
        "source_id": None,
        "title": None,
        "ignore": [],
    }
    row.update(overrides)
    datasets.Dataset.from_list([row], features=corpus_features()).save_to_disk(path)


def test_edited_text_is_caught_on_reading(tmp_path):
    _save_rows(tmp_path / "corpus", text="Text, edited.")
    with pytest.raises(InputError, match=r"corpus:row 1: doc_id .* is not the id of its text"):
        list(read_corpus(tmp_path / "corpus"))


def test_ignore_range_outside_the_text_is_caught_on_reading(tmp_path):
    _save_rows(tmp_path / "corpus", ignore=[{"start": 2, "end": 99}])
    with pytest.raises(InputError, match=r"corpus:row 1: ignore range \(2, 99\) is outside"):
        list(read_corpus(tmp_path / "corpus"))


def test_output_under_a_file_is_an_input_error(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="cannot write"):
        write_corpus(DOCS, tmp_path / "file" / "corpus")
