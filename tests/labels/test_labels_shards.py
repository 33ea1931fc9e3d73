"""Prediction shards: Parquet records equal to the JSONL records, written whole."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_labels_jsonl import valid_docs

from goldsmith.errors import SchemaError
from goldsmith.labels.jsonl import read_jsonl, write_jsonl
from goldsmith.labels.records import AnnotatedDoc, Claim, Entity, Quote
from goldsmith.labels.shards import (
    SCHEMA,
    docs_to_table,
    read_shards,
    shard_doc_ids,
    shard_paths,
    table_to_docs,
    table_to_records,
    write_records_jsonl,
    write_shard,
)


def _doc() -> AnnotatedDoc:
    text = "Ines Rook said about 300 homes flooded."
    rook = Entity(0, 9, "Ines Rook", "PERSON", 0.5)
    return AnnotatedDoc(
        "d1",
        text,
        (rook,),
        (Quote(15, 38, text[15:38], "indirect", rook, 0.25),),
        (Claim(15, 30, "about 300 homes", 300, "home", "approx", None, 0.75),),
        {"source": "a.txt", "title": None, "model_version": "m-1", "extra": [1, "x"]},
    )


def test_a_record_with_every_field_comes_back_equal(tmp_path):
    table = docs_to_table([_doc()])
    assert table.schema == SCHEMA
    write_shard(table, tmp_path / "part-0.parquet")
    assert list(read_shards(tmp_path)) == [_doc()]
    assert shard_doc_ids(tmp_path / "part-0.parquet") == ["d1"]


def test_shard_folder_lists_only_complete_shards_in_name_order(tmp_path):
    for name in ("part-b.parquet", "part-a.parquet"):
        write_shard(docs_to_table([_doc()]), tmp_path / name)
    (tmp_path / ".part-c.parquet.tmp").write_bytes(b"half")
    (tmp_path / "manifest.json").write_text("{}")
    assert [p.name for p in shard_paths(tmp_path)] == ["part-a.parquet", "part-b.parquet"]
    assert not list(tmp_path.glob(".part-a*"))  # the temporary file was renamed away


def test_an_empty_layer_keeps_its_type(tmp_path):
    write_shard(docs_to_table([AnnotatedDoc("d", "No regions.")]), tmp_path / "part-1.parquet")
    assert (
        pq.read_schema(tmp_path / "part-1.parquet").field("claims").type
        == SCHEMA.field("claims").type
    )


@settings(max_examples=150, deadline=None)
@given(docs=st.lists(valid_docs(), max_size=4))
def test_parquet_records_equal_the_jsonl_records(tmp_path_factory, docs):
    path = tmp_path_factory.mktemp("rt") / "docs.jsonl"
    write_jsonl(docs, path)
    assert list(table_to_docs(docs_to_table(docs))) == list(read_jsonl(path))


@settings(max_examples=150, deadline=None)
@given(docs=st.lists(valid_docs(), max_size=4))
def test_a_shard_gives_back_the_jsonl_writers_lines_byte_for_byte(tmp_path_factory, docs):
    folder = tmp_path_factory.mktemp("lines")
    write_jsonl(docs, folder / "a.jsonl")
    assert write_records_jsonl(table_to_records(docs_to_table(docs)), folder / "b.jsonl") == len(
        docs
    )
    assert (folder / "b.jsonl").read_bytes() == (folder / "a.jsonl").read_bytes()


def test_records_are_not_validated_but_docs_are():
    text = "“Go,” said the Mill."
    mill = Entity(15, 19, "Mill", "FAC")  # not a speaker label of the spec
    bad = AnnotatedDoc("d", text, (mill,), (Quote(1, 3, "Go", "direct", mill),))
    table = docs_to_table([bad])
    (record,) = table_to_records(table)
    assert record["quotes"][0]["speaker"]["label"] == "FAC"  # kept as its writer wrote it
    with pytest.raises(SchemaError, match="speaker label 'FAC'"):
        list(table_to_docs(table))
