"""``annotate adjudicate`` on a real server reads the team's project a task at a time and
imports the review tasks in batches, as it reads them."""

from __future__ import annotations

import uuid

import pytest

from goldsmith.annotate.studio import adjudicate as adjudication
from goldsmith.annotate.studio.adjudicate import adjudicate
from goldsmith.annotate.studio.convert import to_studio_results
from goldsmith.annotate.studio.pseudonyms import load_salt
from goldsmith.annotate.studio.push import push
from goldsmith.corpus.documents import Document, doc_id_for
from goldsmith.labels.records import AnnotatedDoc, Entity

pytestmark = pytest.mark.studio

NAMES = ["Ines Rook", "Osei Brandt", "Hedda Voss", "Piet Marsh", "Sana Iqbal"]


def _documents() -> list[Document]:
    texts = [f"{name} opened the Tarrow ferry pier on Monday." for name in NAMES]
    return [Document(doc_id_for(t), t, source=f"pier-{i}.txt") for i, t in enumerate(texts)]


def _answer(doc: Document, label: str) -> list:
    name = next(n for n in NAMES if doc.text.startswith(n))
    entity = Entity(0, len(name), name, label)
    return to_studio_results(AnnotatedDoc(doc.doc_id, doc.text, (entity,)))


def test_review_tasks_are_imported_in_batches_while_the_project_is_read(studio, monkeypatch):
    docs, title = _documents(), f"adjudicate-{uuid.uuid4().hex[:8]}"
    pushed = push(studio.client, docs, {}, title, url=studio.url)
    by_doc = {d.doc_id: d for d in docs}
    people = [studio.annotator(f"adj-{who}@example.org") for who in ("a", "b")]
    for task in studio.client.tasks.list(project=pushed.project_id, fields="all"):
        doc = by_doc[task.data["doc_id"]]
        for person, label in zip(people, ("PERSON", "ORG"), strict=True):  # they disagree
            person.client.annotations.create(id=task.id, result=_answer(doc, label))

    read, imports = [], []
    real_stream, real_import = adjudication.project_tasks_stream, adjudication._import

    def counted_stream(client, project_id, url=""):
        for task in real_stream(client, project_id, url):
            read.append(task["id"])
            yield task

    def recorded_import(client, project_id, batch, url):
        imports.append((len(read), len(batch)))
        return real_import(client, project_id, batch, url)

    monkeypatch.setattr(adjudication, "project_tasks_stream", counted_stream)
    monkeypatch.setattr(adjudication, "_import", recorded_import)
    monkeypatch.setattr(adjudication, "IMPORT_BATCH", 2)
    salt = load_salt(studio.data_dir)
    result = adjudicate(studio.client, title, salt, rule="unanimous", url=studio.url)
    assert sorted(result.unsettled) == sorted(by_doc) and result.tasks_added == 5
    assert [size for _, size in imports] == [2, 2, 1]
    assert imports[0][0] < len(docs)  # the first batch went before the project was read
    review = list(studio.client.tasks.list(project=result.review_project_id, fields="all"))
    assert sorted(t.data["doc_id"] for t in review) == sorted(by_doc)
    again = adjudicate(studio.client, title, salt, rule="unanimous", url=studio.url)
    assert (again.tasks_added, again.tasks_existing) == (0, 5)
