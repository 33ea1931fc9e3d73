"""Document-level splits: disjoint, complete, seeded, groups kept together."""

from __future__ import annotations

import pytest

from goldsmith.errors import InputError
from goldsmith.labels import AnnotatedDoc
from goldsmith.publish.splits import parse_ratios, split_documents


def _docs(n: int, groups: int | None = None) -> list[AnnotatedDoc]:
    return [
        AnnotatedDoc(f"d{i}", f"text {i}", meta={"event": f"e{i % groups}"} if groups else {})
        for i in range(n)
    ]


def _ids(splits):
    return {name: {d.doc_id for d in docs} for name, docs in splits.items()}


def test_every_document_in_exactly_one_split():
    docs = _docs(100)
    ids = _ids(split_documents(docs, seed=3))
    assert sum(len(v) for v in ids.values()) == 100
    assert set.union(*ids.values()) == {d.doc_id for d in docs}
    assert {len(v) for v in ids.values()} == {80, 10}


def test_same_seed_same_splits_other_seed_other_splits():
    docs = _docs(50)
    reordered = list(reversed(docs))
    assert _ids(split_documents(docs, seed=1)) == _ids(split_documents(reordered, seed=1))
    assert _ids(split_documents(docs, seed=1)) != _ids(split_documents(docs, seed=2))


def test_groups_stay_together():
    docs = _docs(60, groups=12)
    splits = split_documents(docs, seed=0, group_by="event")
    events = {name: {d.meta["event"] for d in members} for name, members in splits.items()}
    names = list(events)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            assert not events[a] & events[b]


def test_missing_group_field_names_the_document():
    with pytest.raises(InputError, match="'d0' has no field 'event'"):
        split_documents(_docs(3), group_by="event")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.8,0.1,0.1", {"train": 0.8, "validation": 0.1, "test": 0.1}),
        ("8,1,1", {"train": 0.8, "validation": 0.1, "test": 0.1}),
        ("train=3,test=1", {"train": 0.75, "test": 0.25}),
        ("1,0,1", {"train": 0.5, "test": 0.5}),
    ],
)
def test_parse_ratios(text, expected):
    assert parse_ratios(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "a,b", "0,0,0", "1,1,1,1", "-1,2"])
def test_bad_ratios(text):
    with pytest.raises(InputError, match="--ratios"):
        parse_ratios(text)
