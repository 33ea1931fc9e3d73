"""Gold features: explicit list-of-struct columns that keep their type when empty."""

from __future__ import annotations

import datasets

from goldsmith.labels import AnnotatedDoc, Claim, Entity, Quote
from goldsmith.labels.features import dataset_to_docs, docs_to_dataset, gold_features

TEXT = "Ines Rook said between 20 and 30 ferries 🚢 sailed."
DOC = AnnotatedDoc(
    "d1",
    TEXT,
    entities=(Entity(0, 9, "Ines Rook", "PERSON"),),
    quotes=(Quote(15, 49, TEXT[15:49], "indirect", Entity(0, 9, "Ines Rook", "PERSON")),),
    claims=(Claim(15, 40, TEXT[15:40], 20, "ferry", "range", 30),),
    meta={"source": "a.txt"},
)


def test_empty_lists_keep_declared_types():
    ds = docs_to_dataset([AnnotatedDoc("d0", "Nothing here.")])
    assert ds.features == gold_features()
    assert isinstance(ds.features["entities"], datasets.List)
    assert isinstance(ds.features["quotes"].feature["speaker"], dict)


def test_documents_survive_dataset_round_trip():
    no_speaker = AnnotatedDoc("d2", "“Go.”", quotes=(Quote(1, 4, "Go.", "direct"),))
    extra = {"source": datasets.Value("string")}
    ds = docs_to_dataset([DOC, no_speaker], extra=extra)
    back = dataset_to_docs(ds)
    assert back[0] == DOC
    assert back[1].quotes == no_speaker.quotes
    assert back[1].meta == {"source": None}


def test_parquet_round_trip_keeps_features(tmp_path):
    ds = docs_to_dataset([DOC], extra={"source": datasets.Value("string")})
    ds.to_parquet(tmp_path / "gold.parquet")
    again = datasets.Dataset.from_parquet(str(tmp_path / "gold.parquet"))
    assert again.features == ds.features
    assert dataset_to_docs(again) == [DOC]


def test_region_annotator_counts_reach_the_features_and_come_back():
    votes = {"entities": [3], "quotes": [2], "claims": [1]}
    counted = AnnotatedDoc(
        DOC.doc_id, DOC.text, DOC.entities, DOC.quotes, DOC.claims, {"region_annotators": votes}
    )
    ds = docs_to_dataset([counted, AnnotatedDoc("d0", "Nothing here.")])
    row = ds[0]
    assert [e["annotators"] for e in row["entities"]] == [3]
    assert [q["annotators"] for q in row["quotes"]] == [2]
    assert [c["annotators"] for c in row["claims"]] == [1]
    back = dataset_to_docs(ds)
    assert back[0] == counted and back[0].meta["region_annotators"] == votes
    no_counts = dataset_to_docs(docs_to_dataset([DOC]))[0]
    assert "region_annotators" not in no_counts.meta
