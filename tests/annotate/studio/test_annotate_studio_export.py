"""Reading a project's tasks through an export snapshot, on the real server."""

from __future__ import annotations

import time
import uuid

import pytest
from label_studio_sdk.core.api_error import ApiError
from studio_proxy import Proxy

from goldsmith.annotate.studio import export
from goldsmith.annotate.studio.convert import to_studio_results
from goldsmith.annotate.studio.pull import pull
from goldsmith.annotate.studio.push import push
from goldsmith.corpus.documents import Document, doc_id_for
from goldsmith.labels.gold import read_gold
from goldsmith.labels.jsonl import read_jsonl
from goldsmith.labels.records import AnnotatedDoc, Entity

pytestmark = pytest.mark.studio

TEXTS = {
    "Mayor Ines Rook opened the Tarrow bridge 🌉 on Monday.": "Ines Rook",
    "Osei Brandt chairs the Vell County transit board.": "Osei Brandt",
    "Dock workers in Calloway walked out, Hedda Voss said.": "Hedda Voss",
}


def _prediction(doc: Document) -> AnnotatedDoc:
    name = TEXTS[doc.text]
    start = doc.text.index(name)
    entity = Entity(start, start + len(name), name, "PERSON", score=0.75)
    return AnnotatedDoc(doc.doc_id, doc.text, (entity,), meta={"model_version": "snap-1"})


@pytest.fixture(scope="module")
def project(studio):
    """Three tasks with a prediction each, every one annotated with its prediction."""
    docs = [Document(doc_id_for(t), t, source=f"s{i}.txt") for i, t in enumerate(TEXTS)]
    preds = {d.doc_id: _prediction(d) for d in docs}
    title = f"snapshot-{uuid.uuid4().hex[:8]}"
    result = push(studio.client, docs, preds, title, url=studio.url)
    for task in studio.client.tasks.list(project=result.project_id, fields="all"):
        pred = preds[task.data["doc_id"]]
        studio.client.annotations.create(id=task.id, result=to_studio_results(pred))
    return {"title": title, "id": result.project_id, "preds": preds}


def _pull(studio, project, out):
    return pull(studio.client, project["title"], out, "0" * 32, url=studio.url)


def test_a_pull_reads_a_snapshot_with_full_predictions_and_no_predictions_listing(
    studio, project, tmp_path, monkeypatch
):
    def unpaged_listing(*args, **kwargs):
        raise AssertionError("the one unpaged GET /api/predictions/ of the whole project")

    monkeypatch.setattr(studio.client.predictions, "list", unpaged_listing)
    report = _pull(studio, project, tmp_path / "gold")
    assert report.source == "export" and report.predictions == len(TEXTS)
    pulled = {d.doc_id: d for d in read_jsonl(tmp_path / "gold" / "predictions.jsonl")}
    for doc_id, pred in project["preds"].items():
        assert pulled[doc_id].entities == pred.entities
        assert pulled[doc_id].meta["model_version"] == "snap-1"
    assert len(read_gold(tmp_path / "gold")) == len(TEXTS)


def test_the_snapshot_is_deleted_after_the_pull(studio, project, tmp_path):
    _pull(studio, project, tmp_path / "gold")
    assert list(studio.client.projects.exports.list(project["id"])) == []


def test_a_broken_snapshot_file_falls_back_to_the_paged_task_list(
    studio, project, tmp_path, monkeypatch
):
    def broken(*args, **kwargs):
        yield b'[{"id": 1, "data": {"text": "cut'

    monkeypatch.setattr(studio.client.projects.exports, "download", broken)
    monkeypatch.setattr(export, "PAGE_SIZE", 2)  # two pages for three tasks
    report = _pull(studio, project, tmp_path / "gold")
    assert report.source == "task list" and report.predictions == len(TEXTS)
    assert {d.doc_id for d in read_gold(tmp_path / "gold")} == set(project["preds"])
    assert list(studio.client.projects.exports.list(project["id"])) == []


def test_a_failed_snapshot_status_is_a_fallback_too(studio, project, monkeypatch):
    real_create = studio.client.projects.exports.create

    def failed(*args, **kwargs):
        made = real_create(*args, **kwargs)
        return made.model_copy(update={"status": "failed"})

    monkeypatch.setattr(studio.client.projects.exports, "create", failed)
    tasks, source = export.fetch_tasks(studio.client, project["id"], studio.url)
    assert source == "task list" and len(tasks) == len(TEXTS)


def test_an_unreachable_export_api_falls_back(studio, project, monkeypatch):
    def refused(*args, **kwargs):
        raise ApiError(status_code=403, body="no exports here")

    monkeypatch.setattr(studio.client.projects.exports, "create", refused)
    tasks, source = export.fetch_tasks(studio.client, project["id"], studio.url)
    assert source == "task list" and {t["data"]["doc_id"] for t in tasks} == set(project["preds"])


class _AnswersTooLate(Proxy):
    """Forwards the request creating a snapshot, so the server makes it, and answers only
    after the client's timeout has passed."""

    def __init__(self, target: str, delay: float) -> None:
        super().__init__(target)
        self.delay, self.created = delay, 0

    def after_forward(self, method: str, path: str) -> None:
        if method == "POST" and path.rstrip("/").endswith("/exports"):
            self.created += 1
            time.sleep(self.delay)


def test_a_snapshot_the_client_gave_up_on_is_used_and_deleted_not_left_behind(
    studio, project, tmp_path
):
    from goldsmith.annotate.studio.client import Connection, connect

    with _AnswersTooLate(studio.url, delay=4.0) as proxy:
        client = connect(Connection(proxy.url, studio.api_key, "test proxy"))
        stream = export.project_tasks_stream(client, project["id"], proxy.url, timeout=1.0)
        tasks = list(stream)
    assert proxy.created == 1  # the server made the snapshot; the client had timed out
    assert stream.source == "export"  # the snapshot made anyway was used
    assert {t["data"]["doc_id"] for t in tasks} == set(project["preds"])
    assert list(studio.client.projects.exports.list(project["id"])) == []
