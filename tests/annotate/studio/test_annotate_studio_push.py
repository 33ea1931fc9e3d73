"""Pushing to a real Label Studio server: tasks, inline predictions, idempotence, resumption."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import replace
from types import SimpleNamespace

import pytest

from goldsmith.annotate.studio.convert import to_studio_results
from goldsmith.annotate.studio.push import (
    _project,
    find_project,
    push,
    read_predictions,
    task_payload,
)
from goldsmith.corpus.documents import Document, doc_id_for
from goldsmith.errors import InputError, ProjectConfigError
from goldsmith.labels.jsonl import write_jsonl
from goldsmith.labels.records import AnnotatedDoc, Claim, Entity, Quote
from goldsmith.labels.studio_config import labeling_config
from goldsmith.progress import Progress

pytestmark = pytest.mark.studio

TEXTS = [
    "🎉 Mara Quill said the harbour of Velmont would reopen. 🚢 It employs 1,200 dockers.",
    'Officials in Tarsen 🇺🇸 said "the bridge is safe" after about 40 inspections.',
    "The Orvane Council met on Tuesday. 😀😀 Nobody spoke.",
    "Plain text without emoji: Ilse Brandt counted more than 300 ballots.",
    '👍🏽 Ravi Oduya told reporters "we need 5 more buses", the mayor\'s office said.',
]


def _documents() -> list[Document]:
    return [
        Document(doc_id_for(t), t, source=f"story-{i}.txt", title=f"Story {i}")
        for i, t in enumerate(TEXTS)
    ]


def _find(text: str, word: str) -> tuple[int, int, str]:
    start = text.index(word)
    return start, start + len(word), word


def _prediction(doc: Document, version: str) -> AnnotatedDoc:
    """A small prediction for each test text: its first capitalised name and a claim."""
    words = [w.strip('.,"') for w in doc.text.split() if w[:1].isupper() and w.isascii()]
    name = _find(doc.text, words[1] if words[0] in ("The", "Officials", "Plain") else words[0])
    ents = (Entity(*name, "PERSON", 0.9),)
    quotes = ()
    if '"' in doc.text:
        first = doc.text.index('"') + 1
        last = doc.text.index('"', first)
        quotes = (Quote(first, last, doc.text[first:last], "direct", Entity(*name, "PERSON"), 0.7),)
    digits = [w.strip(".,") for w in doc.text.split() if w[:1].isdigit()]
    claims = (
        (
            Claim(
                *_find(doc.text, digits[0]),
                float(digits[0].replace(",", "")),
                "thing",
                "exact",
                None,
                0.5,
            ),
        )
        if digits
        else ()
    )
    return AnnotatedDoc(
        doc.doc_id, doc.text, ents, quotes, claims, {"model_version": version}
    ).sorted()


def _predictions(docs: list[Document], version: str) -> dict[str, AnnotatedDoc]:
    return {d.doc_id: _prediction(d, version) for d in docs}


def _title() -> str:
    return f"push-test-{uuid.uuid4().hex[:8]}"


def _tasks(client, project_id: int) -> list:
    return list(client.tasks.list(project=project_id, fields="all", page_size=100))


def test_push_creates_project_with_one_task_per_document(studio):
    docs, title = _documents(), _title()
    result = push(studio.client, docs, _predictions(docs, "m1"), title, url=studio.url)
    assert (result.project_created, result.tasks_created, result.predictions_added) == (
        True,
        len(docs),
        len(docs),
    )
    tasks = _tasks(studio.client, result.project_id)
    assert sorted(t.data["doc_id"] for t in tasks) == sorted(d.doc_id for d in docs)
    first = next(t for t in tasks if t.data["doc_id"] == docs[0].doc_id)
    assert first.data == {
        "text": TEXTS[0],
        "doc_id": docs[0].doc_id,
        "source": "story-0.txt",
        "title": "Story 0",
    }
    project = studio.client.projects.get(result.project_id)
    assert project.model_version == "m1"


def test_predictions_are_stored_with_code_point_offsets(studio):
    docs, title = _documents(), _title()
    preds = _predictions(docs, "m1")
    result = push(studio.client, docs, preds, title, url=studio.url)
    for task in _tasks(studio.client, result.project_id):
        (stored,) = task.predictions
        expected = preds[task.data["doc_id"]]
        assert stored.model_version == "m1"
        assert stored.result == to_studio_results(expected)
        for item in stored.result:
            if item.get("type") == "labels":
                value = item["value"]
                assert task.data["text"][value["start"] : value["end"]] == value["text"]


def test_push_again_adds_nothing(studio):
    docs, title = _documents(), _title()
    preds = _predictions(docs, "m1")
    push(studio.client, docs, preds, title, url=studio.url)
    again = push(studio.client, docs, preds, title, url=studio.url)
    assert (again.project_created, again.tasks_created, again.predictions_added) == (False, 0, 0)
    assert again.predictions_existing == len(docs)
    tasks = _tasks(studio.client, again.project_id)
    assert len(tasks) == len(docs) and all(len(t.predictions) == 1 for t in tasks)


class _Interrupted(Exception):
    pass


def test_interrupted_push_completes_without_duplicates(studio):
    docs, title = _documents(), _title()
    preds = _predictions(docs, "m1")

    def fail_after_first_batch(progress: Progress) -> None:
        raise _Interrupted(progress)

    with pytest.raises(_Interrupted):
        push(
            studio.client,
            docs,
            preds,
            title,
            batch_size=2,
            progress=fail_after_first_batch,
            url=studio.url,
        )
    project_id = find_project(studio.client, title)
    assert len(_tasks(studio.client, project_id)) == 2
    result = push(studio.client, docs, preds, title, batch_size=2, url=studio.url)
    assert (result.tasks_existing, result.tasks_created) == (2, 3)
    counts = Counter(t.data["doc_id"] for t in _tasks(studio.client, project_id))
    assert counts == Counter(d.doc_id for d in docs)


def test_new_model_version_adds_predictions_to_existing_tasks(studio):
    docs, title = _documents(), _title()
    push(studio.client, docs, _predictions(docs, "m1"), title, url=studio.url)
    result = push(studio.client, docs, _predictions(docs, "m2"), title, url=studio.url)
    assert (result.tasks_created, result.predictions_added) == (0, len(docs))
    tasks = _tasks(studio.client, result.project_id)
    assert len(tasks) == len(docs)
    assert all(sorted(p.model_version for p in t.predictions) == ["m1", "m2"] for t in tasks)
    assert studio.client.projects.get(result.project_id).model_version == "m2"


def test_prediction_text_differing_from_document_is_refused(studio):
    docs = _documents()
    preds = _predictions(docs, "m1")
    wrong = preds[docs[0].doc_id]
    preds[docs[0].doc_id] = AnnotatedDoc(wrong.doc_id, wrong.text + " extra", meta=wrong.meta)
    with pytest.raises(InputError, match=docs[0].doc_id):
        push(studio.client, docs, preds, _title(), url=studio.url)


def test_read_predictions_needs_a_model_version(tmp_path):
    path = tmp_path / "p.jsonl"
    write_jsonl([AnnotatedDoc("d1", "Text.")], path)
    with pytest.raises(InputError, match="--model-version"):
        read_predictions(path)
    assert read_predictions(path, "v9")["d1"].meta["model_version"] == "v9"


def test_model_versions_with_commas_are_told_apart(studio):
    docs, title = _documents(), _title()
    push(studio.client, docs, _predictions(docs, "v,1"), title, url=studio.url)
    added = push(studio.client, docs, _predictions(docs, "v"), title, url=studio.url)
    again = push(studio.client, docs, _predictions(docs, "v"), title, url=studio.url)
    assert (added.predictions_added, again.predictions_added) == (len(docs), 0)
    tasks = _tasks(studio.client, added.project_id)
    assert all(sorted(p.model_version for p in t.predictions) == ["v", "v,1"] for t in tasks)


# -- a project that is not goldsmith's ------------------------------------------------------

HAND_MADE = """<View>
  <Text name="text" value="$text"/>
  <Labels name="label" toName="text"><Label value="PER"/><Label value="ORG"/></Labels>
  <Choices name="mood" toName="text"><Choice value="calm"/></Choices>
</View>"""


def test_push_into_a_hand_made_project_is_refused_naming_the_differences(studio):
    docs, title = _documents(), _title()
    project = studio.client.projects.create(title=title, label_config=HAND_MADE)
    with pytest.raises(ProjectConfigError) as caught:
        push(studio.client, docs, _predictions(docs, "m1"), title, url=studio.url)
    message = str(caught.value)
    assert f"project {title!r} (id {project.id})" in message
    assert "missing control 'entities' (Labels)" in message
    assert "extra control 'label' (Labels)" in message
    assert "extra control 'mood' (Choices)" in message
    assert _tasks(studio.client, project.id) == []


def test_push_into_a_project_of_an_older_config_names_the_missing_control(studio):
    docs, title = _documents(), _title()
    older = labeling_config().replace('<Number name="value_high"', '<Number name="unused"')
    project = studio.client.projects.create(title=title, label_config=older)
    with pytest.raises(ProjectConfigError, match="missing control 'value_high' \\(Number\\)"):
        push(studio.client, docs, _predictions(docs, "m1"), title, url=studio.url)
    assert _tasks(studio.client, project.id) == []


def test_an_invalid_prediction_in_code_creates_no_project(studio):
    docs, title = _documents(), _title()
    preds = _predictions(docs, "m1")
    bad = preds[docs[1].doc_id]
    preds[docs[1].doc_id] = replace(bad, entities=(replace(bad.entities[0], score=float("nan")),))
    with pytest.raises(InputError, match="score must be a number from 0 to 1"):
        push(studio.client, docs, preds, title, url=studio.url)
    assert find_project(studio.client, title) is None


# -- copies added by a push from another machine --------------------------------------------


def _import_copies(studio, project_id: int, docs: list[Document]) -> None:
    """What a push on another machine (no shared lock) adds while this one runs."""
    studio.client.projects.import_tasks(
        id=project_id, request=[task_payload(d, None) for d in docs]
    )


def test_copies_added_during_a_push_are_removed_after_import(studio):
    docs, title = _documents(), _title()
    preds = _predictions(docs, "m1")
    raced = []

    def racer(progress: Progress) -> None:
        if progress.stage == "tasks" and not raced:
            raced.append(True)
            _import_copies(studio, find_project(studio.client, title), docs)

    result = push(studio.client, docs, preds, title, batch_size=2, progress=racer, url=studio.url)
    tasks = _tasks(studio.client, result.project_id)
    assert Counter(t.data["doc_id"] for t in tasks) == Counter(d.doc_id for d in docs)
    assert all([p.model_version for p in t.predictions] == ["m1"] for t in tasks)
    assert result.duplicates_removed == len(docs)  # one extra copy of each document


def test_of_two_copies_the_one_with_an_annotation_is_kept(studio):
    docs, title = _documents()[:2], _title()
    first = push(studio.client, docs, _predictions(docs, "m1"), title, url=studio.url)
    _import_copies(studio, first.project_id, docs)  # newer copies, without predictions
    by_doc: dict[str, list] = {}
    for task in sorted(_tasks(studio.client, first.project_id), key=lambda t: t.id):
        by_doc.setdefault(task.data["doc_id"], []).append(task)
    annotated = by_doc[docs[0].doc_id][1]  # the newer copy holds an annotator's work
    studio.client.annotations.create(id=annotated.id, result=[], was_cancelled=False)
    result = push(studio.client, docs, _predictions(docs, "m1"), title, url=studio.url)
    tasks = {t.data["doc_id"]: t for t in _tasks(studio.client, first.project_id)}
    assert len(_tasks(studio.client, first.project_id)) == 2
    assert tasks[docs[0].doc_id].id == annotated.id  # kept for its annotation
    assert tasks[docs[1].doc_id].id == by_doc[docs[1].doc_id][0].id  # the oldest
    assert [p.model_version for p in tasks[docs[0].doc_id].predictions] == ["m1"]
    assert result.duplicates_removed == 2


class _Projects:
    """Just enough of the SDK's ``projects`` for creating one: another machine made a
    project of the same title between this push's lookup and its creation."""

    def __init__(self, title: str) -> None:
        self.title, self.made, self.deleted = title, [], []

    def list(self, title: str, page_size: int):
        found = [] if not self.made else [SimpleNamespace(id=3, title=title)]
        items = found + [SimpleNamespace(id=i, title=title) for i in self.made]
        return SimpleNamespace(items=items, response=SimpleNamespace(next=None))

    def create(self, title: str, label_config: str, **shown):
        self.made.append(7)
        return SimpleNamespace(id=7)

    def delete(self, id: int) -> None:
        self.deleted.append(id)

    def get(self, id: int):
        return SimpleNamespace(label_config=labeling_config())


def test_a_project_created_at_the_same_time_elsewhere_wins_and_ours_is_deleted():
    projects = _Projects("News")
    client = SimpleNamespace(projects=projects)
    assert _project(client, "News", "", "m1") == (3, False)
    assert projects.deleted == [7]


def test_without_a_race_an_existing_project_is_listed_once_and_a_new_one_never(studio, monkeypatch):
    docs, title = _documents(), _title()
    listings = []
    real = studio.client.tasks.list

    def counted(*args, **kwargs):
        listings.append(kwargs.get("project"))
        return real(*args, **kwargs)

    monkeypatch.setattr(studio.client.tasks, "list", counted)
    result = push(studio.client, docs[:3], _predictions(docs, "m1"), title, batch_size=2)
    assert listings == []  # a project this push created is empty; the count showed no other
    assert (result.tasks_created, result.predictions_added) == (3, 3)
    result = push(studio.client, docs, _predictions(docs, "m1"), title, batch_size=2)
    assert len(listings) == 1  # before importing; the task count showed no other push
    assert (result.tasks_created, result.predictions_added) == (2, 2)


def test_a_push_into_a_new_project_sends_only_lookup_create_import_and_count(studio, monkeypatch):
    """Beyond the bare import, a push into a new project costs three requests: the title
    lookup before and after creating (the creation race), and the count after import."""
    import httpx

    docs, title = _documents(), _title()
    sent: list[tuple[str, str]] = []
    real = httpx.Client.send

    def send(self, request, **kwargs):
        sent.append((request.method, request.url.path))
        return real(self, request, **kwargs)

    monkeypatch.setattr(httpx.Client, "send", send)
    result = push(studio.client, docs, _predictions(docs, "m1"), title, batch_size=2)
    monkeypatch.undo()
    pid = result.project_id
    assert sent == [
        ("GET", "/api/projects/"),
        ("POST", "/api/projects/"),
        ("GET", "/api/projects/"),
        *[("POST", f"/api/projects/{pid}/import")] * 3,
        ("GET", f"/api/projects/{pid}/"),
    ]
    project = studio.client.projects.get(pid)
    assert (project.model_version, project.show_collab_predictions) == ("m1", True)


def test_copies_added_right_after_the_project_is_created_are_removed(studio, monkeypatch):
    """A push from another machine finds the project this one just created and imports
    before this one lists anything: the count after import shows its tasks."""
    docs, title = _documents(), _title()
    real = studio.client.projects.create

    def create_then_race(**kwargs):
        project = real(**kwargs)
        _import_copies(studio, project.id, docs[:3])
        return project

    monkeypatch.setattr(studio.client.projects, "create", create_then_race)
    result = push(studio.client, docs, _predictions(docs, "m1"), title, url=studio.url)
    tasks = _tasks(studio.client, result.project_id)
    assert Counter(t.data["doc_id"] for t in tasks) == Counter(d.doc_id for d in docs)
    assert all([p.model_version for p in t.predictions] == ["m1"] for t in tasks)
    assert result.duplicates_removed == 3


def test_predictions_the_server_dropped_on_import_are_added_again(studio, monkeypatch):
    """Label Studio 1.23 may keep a batch's tasks and silently drop its predictions (seen
    under load: a project of 15 tasks and no prediction, then a 400 on the model version)."""
    docs, title = _documents(), _title()
    real_import = studio.client.projects.import_tasks

    def dropping(id, request, **kwargs):
        return real_import(id=id, request=[{"data": t["data"]} for t in request], **kwargs)

    monkeypatch.setattr(studio.client.projects, "import_tasks", dropping)
    result = push(studio.client, docs, _predictions(docs, "m1"), title, url=studio.url)
    assert (result.tasks_created, result.predictions_added) == (len(docs), len(docs))
    tasks = _tasks(studio.client, result.project_id)
    assert sorted(len(t.predictions) for t in tasks) == [1] * len(docs)
