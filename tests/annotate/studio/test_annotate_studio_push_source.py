"""A predictions file read on demand gives what reading it whole gives, and refuses the same."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goldsmith.annotate.studio.push_checks import read_predictions
from goldsmith.annotate.studio.push_source import Documents, PredictionFile
from goldsmith.corpus.documents import Document
from goldsmith.errors import InputError
from goldsmith.labels.jsonl import doc_to_dict
from goldsmith.labels.records import AnnotatedDoc, Entity

TEXT = "Mayor Ines Rook 🌉 said the Tarrow bridge opens on Monday."


def _record(i: int, **meta) -> dict:
    doc = AnnotatedDoc(
        f"d{i}", f"{TEXT} {i}", (Entity(6, 15, "Ines Rook", "PERSON", score=0.5),), meta=meta
    )
    return doc_to_dict(doc)


def _write(path, records, bom: bool = False, crlf: bool = False) -> None:
    end = "\r\n" if crlf else "\n"
    body = "".join(json.dumps(r, ensure_ascii=False) + end for r in records)
    path.write_bytes(("\ufeff" if bom else "").encode() + body.encode("utf-8"))


@settings(max_examples=20, deadline=None)
@given(
    versions=st.lists(st.sampled_from([None, "m1", "m,2", 3]), min_size=1, max_size=12),
    bom=st.booleans(),
    crlf=st.booleans(),
    blank=st.booleans(),
)
def test_every_record_equals_the_whole_read(tmp_path_factory, versions, bom, crlf, blank):
    path = tmp_path_factory.mktemp("p") / "preds.jsonl"
    records = [
        _record(i) if v is None else _record(i, model_version=v) for i, v in enumerate(versions)
    ]
    _write(path, records, bom, crlf)
    if blank:  # blank lines are skipped by both readers
        path.write_bytes(path.read_bytes() + b"\n\n")
    whole = read_predictions(path, "default")
    on_demand = PredictionFile(path, "default")
    assert set(on_demand) == set(whole) and len(on_demand) == len(whole)
    assert {k: on_demand[k] for k in on_demand} == whole
    assert "nope" not in on_demand and on_demand.get("nope") is None


@pytest.mark.parametrize(
    ("records", "message"),
    [
        (
            [_record(1, model_version="m"), _record(1, model_version="m")],
            ":2: doc_id 'd1' appears twice",
        ),
        ([_record(1)], ":1: doc 'd1' has no model_version"),
        ([_record(1, model_version="m", score=1.5)], ":1: doc 'd1': score must be a number"),
        ([_record(1, model_version=True)], ":1: doc 'd1': model_version must be a string"),
    ],
)
def test_a_bad_file_is_refused_as_reading_it_whole_refuses_it(tmp_path, records, message):
    path = tmp_path / "preds.jsonl"
    _write(path, records)
    with pytest.raises(InputError) as whole:
        read_predictions(path)
    with pytest.raises(InputError) as on_demand:
        PredictionFile(path)
    assert message in str(whole.value) and str(on_demand.value) == str(whole.value)


def test_a_file_changed_during_the_push_is_an_error_not_another_record(tmp_path):
    path = tmp_path / "preds.jsonl"
    _write(path, [_record(1, model_version="m"), _record(2, model_version="m")])
    preds = PredictionFile(path)
    _write(path, [_record(2, model_version="m"), _record(1, model_version="m")])
    with pytest.raises(InputError, match="changed while the push ran"):
        preds["d1"]


def test_documents_are_read_anew_on_every_pass():
    opened = []

    def source():
        opened.append(True)
        yield Document("d1", "One.")

    docs = Documents(source)
    assert [d.doc_id for d in docs] == [d.doc_id for d in docs] == ["d1"]
    assert len(opened) == 2
