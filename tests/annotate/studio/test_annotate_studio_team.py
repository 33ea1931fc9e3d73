"""Overlap on a real Label Studio: N distinct annotators per task, no more, kept on re-push.

Also holds what the label stream was seen to do (the module docstring of
:mod:`goldsmith.annotate.studio.team`): a user never gets a task they annotated or
skipped, a skipped task goes to someone else, a task stops being handed out at its overlap.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter

import pytest
from team_stream import label_all
from typer.testing import CliRunner

from goldsmith.annotate.studio.push import push
from goldsmith.annotate.studio.team import apply_team_settings, check_overlap, task_overlaps
from goldsmith.cli import app
from goldsmith.corpus import Document, doc_id_for
from goldsmith.errors import InputError
from goldsmith.labels.guidelines import guidelines_html
from goldsmith.labels.studio_config import labeling_config

TEAM = ("ana@team.example", "ben@team.example", "cy@team.example")


def _docs(n: int, tag: str) -> list[Document]:
    texts = [f"Report {tag} {i}: the council of Dunmore met on Friday." for i in range(n)]
    return [Document(doc_id_for(t), t, f"{tag}-{i}.txt") for i, t in enumerate(texts)]


def _annotations(client, project_id: int) -> list:
    return [
        a
        for t in client.tasks.list(project=project_id, fields="all")
        for a in (t.annotations or [])
    ]


@pytest.mark.parametrize("bad", [0, -1, 21, True, 1.5])
def test_overlap_must_be_a_sensible_whole_number(bad):
    with pytest.raises(InputError, match="--overlap"):
        check_overlap(bad)


@pytest.mark.studio
def test_maximum_annotations_given_at_creation_reaches_imported_tasks(studio):
    project = studio.client.projects.create(
        title=f"team creation {uuid.uuid4().hex[:8]}",
        label_config=labeling_config(),
        maximum_annotations=3,
    )
    tasks = [{"data": {"text": d.text, "doc_id": d.doc_id}} for d in _docs(3, "c")]
    studio.client.projects.import_tasks(id=project.id, request=tasks)
    assert task_overlaps(studio.client, project.id) == Counter({3: 3})


@pytest.mark.studio
def test_checking_the_overlap_of_every_task_reads_ids_and_overlaps_only(studio, monkeypatch):
    """A page of whole tasks (text, predictions, annotations) costs the client hundreds of
    MB on a big project; the overlap check needs two fields a task."""
    import httpx

    project = studio.client.projects.create(
        title=f"team listing {uuid.uuid4().hex[:8]}",
        label_config=labeling_config(),
        maximum_annotations=2,
    )
    long_text = "The council of Dunmore met on Friday to count the ballots again. " * 40
    tasks = [{"data": {"text": f"{i} {long_text}", "doc_id": f"d{i}"}} for i in range(4)]
    studio.client.projects.import_tasks(id=project.id, request=tasks)
    listed: list[int] = []
    real = httpx.Client.send

    def send(self, request, **kwargs):
        response = real(self, request, **kwargs)
        if request.url.path.rstrip("/") == "/api/tasks":
            listed.append(len(response.read()))
        return response

    monkeypatch.setattr(httpx.Client, "send", send)
    assert task_overlaps(studio.client, project.id) == Counter({2: 4})
    assert listed and sum(listed) < 2000, listed  # a whole task alone is over 2,600 bytes


@pytest.mark.studio
@pytest.mark.slow
def test_overlap_two_three_annotators_label_stream(studio):
    title = f"team overlap {uuid.uuid4().hex[:8]}"
    first = push(studio.client, _docs(6, "a"), {}, title, url=studio.url)
    assert task_overlaps(studio.client, first.project_id) == Counter({1: 6})  # before
    settings = apply_team_settings(studio.client, first.project_id, 2, url=studio.url)
    assert (settings.overlap, settings.task_overlaps, settings.instructions) == (2, {2: 6}, True)
    project = studio.client.projects.get(id=first.project_id)
    stored = project.expert_instruction.replace("<tbody>", "").replace("</tbody>", "")
    assert stored == guidelines_html() and project.show_instruction  # bleach adds <tbody>

    # a re-push with new documents and no overlap keeps 2, for the new tasks too
    again = push(studio.client, _docs(6, "a") + _docs(3, "b"), {}, title, url=studio.url)
    kept = apply_team_settings(studio.client, again.project_id, None, url=studio.url)
    assert again.tasks_created == 3 and kept.task_overlaps == {2: 9}

    people = {email: studio.annotator(email) for email in TEAM}
    tokens = {email: a.token for email, a in people.items()}
    skipper = TEAM[2]

    skipped: list[int] = []

    def answer(name, task):  # the third annotator skips the first task it gets
        if name == skipper and not skipped:
            skipped.append(task["id"])
            return None
        return []

    handed = label_all(studio.url, tokens, first.project_id, answer)
    for name, ids in handed.items():
        assert len(ids) == len(set(ids)), f"{name} got a task twice"
    annotations = _annotations(studio.client, first.project_id)
    submitted = [a for a in annotations if not a["was_cancelled"]]
    by_task = Counter(a["task"] for a in submitted)
    assert set(by_task.values()) == {2} and len(by_task) == 9  # every task, exactly two
    users = {a["task"]: set() for a in submitted}
    for a in submitted:
        users[a["task"]].add(a["completed_by"])
    assert all(len(u) == 2 for u in users.values())  # two distinct people
    assert len(skipped) == 1  # the skipped task went to the two others
    assert people[skipper].user_id not in users[skipped[0]]


@pytest.mark.studio
def test_settings_command_sets_overlap_on_every_task(studio):
    title = f"team settings {uuid.uuid4().hex[:8]}"
    pushed = push(studio.client, _docs(4, "s"), {}, title, url=studio.url)
    env = {"LABEL_STUDIO_URL": studio.url, "LABEL_STUDIO_API_KEY": studio.api_key}
    result = CliRunner().invoke(
        app, ["annotate", "settings", "--project", title, "--overlap", "3"], env=env
    )
    assert result.exit_code == 0, result.output
    assert "3 annotators per task on all 4 tasks" in result.output
    assert task_overlaps(studio.client, pushed.project_id) == Counter({3: 4})
    missing = CliRunner().invoke(
        app, ["annotate", "settings", "--project", title + " nope", "--overlap", "2"], env=env
    )
    assert missing.exit_code == 2 and "no project titled" in missing.output


@pytest.mark.studio
def test_push_command_overlap_and_a_repush_keeps_it(studio, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    docs = _docs(2, "p")
    for doc in docs:
        (folder / doc.source).write_text(doc.text, encoding="utf-8")
    preds = tmp_path / "preds.jsonl"
    preds.write_text(
        "".join(
            json.dumps({"doc_id": d.doc_id, "text": d.text, "model_version": "t"}) + "\n"
            for d in docs
        ),
        encoding="utf-8",
    )
    title = f"team push {uuid.uuid4().hex[:8]}"
    args = ["annotate", "push", str(folder), "--predictions", str(preds), "--project", title]
    env = {"LABEL_STUDIO_URL": studio.url, "LABEL_STUDIO_API_KEY": studio.api_key}
    first = CliRunner().invoke(app, [*args, "--overlap", "2"], env=env)
    assert first.exit_code == 0, first.output
    assert "2 annotators per task" in first.output
    second = CliRunner().invoke(app, args, env=env)
    assert second.exit_code == 0 and "2 annotators per task" in second.output
    project_id = next(p.id for p in studio.client.projects.list(title=title) if p.title == title)
    assert task_overlaps(studio.client, project_id) == Counter({2: 2})


@pytest.mark.studio
def test_status_command_prints_tables_and_json(studio, tmp_path):
    title = f"team status {uuid.uuid4().hex[:8]}"
    pushed = push(studio.client, _docs(3, "st"), {}, title, url=studio.url)
    apply_team_settings(studio.client, pushed.project_id, 2, url=studio.url)
    ana = studio.annotator(TEAM[0])
    label_all(studio.url, {"ana": ana.token}, pushed.project_id, lambda name, task: [])
    env = {"LABEL_STUDIO_URL": studio.url, "LABEL_STUDIO_API_KEY": studio.api_key}
    args = ["annotate", "status", "--project", title, "--studio-dir", str(tmp_path / "s")]
    shown = CliRunner().invoke(app, args, env=env)
    assert shown.exit_code == 0, shown.output
    assert "3 tasks, 0 done, 3 waiting for more annotators, 0 not started" in shown.output
    as_json = CliRunner().invoke(app, [*args, "--json", "-"], env=env)
    status = json.loads(as_json.output)
    assert status["overlap"] == 2 and status["tasks_waiting"] == 3
    (person,) = status["annotators"]
    assert person["submitted"] == 3 and person["annotator"].startswith("annotator-")
    assert TEAM[0] not in as_json.output  # pseudonyms only
