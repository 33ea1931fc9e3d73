"""Building a push's batches one ahead of sending them (no server needed)."""

from __future__ import annotations

import threading

import pytest

from goldsmith.annotate.studio.push_payload import built_ahead, new_batches
from goldsmith.corpus.documents import Document, doc_id_for
from goldsmith.errors import SchemaError


def test_items_come_in_order_and_the_next_is_made_while_the_current_is_used():
    second_started = threading.Event()

    def items():
        yield 1
        second_started.set()
        yield 2

    out = []
    for item in built_ahead(items()):
        if item == 1:  # the caller still works on item 1: item 2 is being made meanwhile
            assert second_started.wait(10)
        out.append(item)
    assert out == [1, 2]


def test_an_error_making_an_item_is_raised_when_that_item_is_asked_for():
    def items():
        yield "a"
        raise SchemaError("predictions.jsonl:2: changed while the push ran; push again")

    got = []
    with pytest.raises(SchemaError, match="changed while the push ran"):
        for item in built_ahead(items()):
            got.append(item)
    assert got == ["a"]


def test_new_batches_skip_known_and_repeated_documents_and_count_predictions():
    texts = ["Ada Kullen sailed.", "Bram Osterhout rowed.", "Lia Fennick swam."]
    docs = [Document(doc_id_for(t), t) for t in texts]
    batches = list(new_batches(docs + docs[:1], {docs[1].doc_id}, {}, batch_size=1))
    assert [[t["data"]["doc_id"] for t in b] for b, _ in batches] == [
        [docs[0].doc_id],
        [docs[2].doc_id],
    ]
    assert [inline for _, inline in batches] == [0, 0]
