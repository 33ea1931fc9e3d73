"""Offset-only gold: no text stored, joined back with hash-checked texts; the manifest."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from goldsmith.corpus.realnews.annotations import convert
from goldsmith.corpus.realnews.gold import load_gold, record_for, write_gold
from goldsmith.corpus.realnews.manifest import (
    Entry,
    checked_text,
    duplicate_texts,
    read_manifest,
    read_texts,
    text_sha256,
    write_manifest,
)
from goldsmith.errors import InputError, SchemaError

TEXT = "Senator Ada Voss said on Monday that 40 percent of the 300 seats were empty.\n"
FILE = {
    "entities": [["Ada Voss", None, "PERSON"], ["Monday", None, "DATE"]],
    "quotes": [
        ["40 percent of the 300 seats were empty", None, "indirect", "Ada Voss", None, "PERSON"]
    ],
    "claims": [
        ["40 percent", None, 40, "percent", "exact"],
        ["300 seats", None, 300, "seat", "exact"],
    ],
}


def _entry(text: str = TEXT, article_id: str = "art1") -> Entry:
    return Entry(article_id, "train", "outlet", "tune", text_sha256(text), len(text))


def _doc():
    result = convert(TEXT, FILE, {"article_id": "art1", "annotator": "a1"})
    assert result.problems == ()
    return result.doc


def _keys(obj):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield k
            yield from _keys(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _keys(v)


def test_record_holds_offsets_and_attributes_but_no_text():
    record = record_for(_doc(), "art1", "a1")
    assert "text" not in set(_keys(record))
    assert "Ada" not in json.dumps(record)
    assert record["quotes"][0]["speaker"] == {"start": 8, "end": 16, "label": "PERSON"}
    assert record["sha256"] == text_sha256(TEXT)


def test_write_then_load_gives_the_same_document(tmp_path):
    path = tmp_path / "gold.jsonl"
    assert write_gold([_doc()], path, [_entry()]) == 1
    (loaded,) = load_gold(path, {"art1": TEXT})
    doc = _doc()
    assert (loaded.entities, loaded.quotes, loaded.claims) == (doc.entities, doc.quotes, doc.claims)
    assert loaded.meta == {"article_id": "art1", "pass": "a1"}


def test_load_refuses_a_text_with_another_hash(tmp_path):
    path = tmp_path / "gold.jsonl"
    write_gold([_doc()], path, [_entry()])
    with pytest.raises(InputError, match="does not have the hash"):
        load_gold(path, {"art1": TEXT.replace("Monday", "Friday")})


def test_write_refuses_a_document_not_in_the_manifest(tmp_path):
    with pytest.raises(InputError, match="art1"):
        write_gold([_doc()], tmp_path / "g.jsonl", [_entry("other text")])


def test_load_checks_offsets_against_the_spec(tmp_path):
    record = record_for(_doc(), "art1", "a1")
    record["entities"][0]["label"] = "PER"
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n")
    with pytest.raises(SchemaError, match="unknown label 'PER'"):
        load_gold(path, {"art1": TEXT})


def test_manifest_round_trip_and_text_hash_check(tmp_path):
    path = tmp_path / "manifest.tsv"
    write_manifest([_entry()], path)
    assert read_manifest(path) == [_entry()]
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "art1.txt").write_text(TEXT, encoding="utf-8")
    assert read_texts(tmp_path / "texts", [_entry()]) == {"art1": TEXT}
    (tmp_path / "texts" / "art1.txt").write_text(TEXT + " ", encoding="utf-8")
    with pytest.raises(InputError, match="differs from the manifest"):
        read_texts(tmp_path / "texts", [_entry()])
    with pytest.raises(InputError, match="differs"):
        checked_text(_entry(), "x")


def test_manifest_with_a_bad_role_is_refused(tmp_path):
    path = tmp_path / "manifest.tsv"
    write_manifest([_entry()], path)
    path.write_text(path.read_text().replace("\ttune\t", "\tdev-set\t"))
    with pytest.raises(InputError, match=":2:"):
        read_manifest(path)


def test_the_committed_manifest_has_its_tune_and_heldout_rounds():
    entries = read_manifest()
    assert len(entries) == 179 and len({e.article_id for e in entries}) == 179
    assert Counter(e.role for e in entries) == {
        "tune": 20,
        "heldout-r1": 10,
        "heldout-r3": 10,
        "heldout-r4": 20,
        "heldout-r6": 20,
        "heldout-2": 20,
        "heldout-3": 20,
        "train": 59,
    }
    assert {e.split for e in entries} <= {"train", "dev"}


def test_committed_gold_holds_no_text_and_matches_the_manifest():
    from goldsmith.corpus.realnews.manifest import HERE

    hashes = {e.article_id: e.sha256 for e in read_manifest()}
    files = sorted((HERE / "gold").glob("*.jsonl"))
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert "text" not in set(_keys(record)), path
            assert hashes[record["article_id"]] == record["sha256"], path
            assert record["pass"] == path.stem


def test_an_article_with_the_text_of_an_earlier_one_is_named_with_it():
    other = "Mayor Lin Oduya said on Friday that 12 buses were late.\n"
    entries = [_entry(article_id="b"), _entry(other, "c"), _entry(article_id="a")]
    assert duplicate_texts(entries) == {"b": "a"}
    assert duplicate_texts([_entry(other, "c")]) == {}


def test_the_committed_manifest_has_one_story_drawn_twice():
    # two wash-post ids of one story a day apart, both drawn into TRAIN (round 7)
    assert duplicate_texts(read_manifest()) == {
        "wash-post_2015-12-23_as-spotlight-shines-on-trump-and": (
            "wash-post_2015-12-22_as-spotlight-shines-on-trump-and"
        )
    }
