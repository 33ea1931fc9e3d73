"""The sample corpus's hand gold through a real server: push as predictions, submit as
annotations, pull back identical."""

from __future__ import annotations

import uuid

import pytest

from goldsmith.annotate.studio.pseudonyms import load_salt
from goldsmith.annotate.studio.pull import pull
from goldsmith.annotate.studio.push import push
from goldsmith.corpus.documents import Document
from goldsmith.labels.gold import read_gold
from goldsmith.labels.records import AnnotatedDoc

pytestmark = pytest.mark.studio


@pytest.fixture(scope="module")
def sample_gold(sample_gold_path) -> list[AnnotatedDoc]:
    if not sample_gold_path.exists():
        pytest.fail(f"{sample_gold_path} is missing")
    return [d.sorted() for d in read_gold(sample_gold_path)]


def test_sample_gold_survives_push_annotate_pull(studio, sample_gold, tmp_path):
    docs = [Document(d.doc_id, d.text, source=d.meta.get("source", "")) for d in sample_gold]
    preds = {
        d.doc_id: AnnotatedDoc(
            d.doc_id, d.text, d.entities, d.quotes, d.claims, {"model_version": "sample-gold"}
        )
        for d in sample_gold
    }
    title = f"sample-{uuid.uuid4().hex[:8]}"
    result = push(studio.client, docs, preds, title, url=studio.url)
    assert result.tasks_created == len(sample_gold)
    annotator = studio.annotator("sample.annotator@example.org")
    for task in studio.client.tasks.list(project=result.project_id, fields="all"):
        (prediction,) = task.predictions
        annotator.client.annotations.create(id=task.id, result=prediction.result)
    gold = tmp_path / "gold"  # its own folder: a pull replaces no folder with other files
    report = pull(studio.client, title, gold, load_salt(tmp_path / "salt"), url=studio.url)
    assert (
        report.gold_documents,
        report.conflicts,
        report.mismatches,
        report.invalid,
        report.defaults,
    ) == (len(sample_gold), (), (), (), ())
    pulled = {d.doc_id: d for d in read_gold(gold)}
    for doc in sample_gold:
        back = pulled[doc.doc_id]
        assert (back.entities, back.quotes, back.claims) == (doc.entities, doc.quotes, doc.claims)
        assert back.meta["source"] == doc.meta["source"]
