"""``annotate status`` counts each annotator's work and tasks by progress, and its
agreement is exactly what ``eval agree`` reports for the same annotations."""

from __future__ import annotations

import pytest

from goldsmith.annotate.studio.convert import to_studio_results
from goldsmith.annotate.studio.pseudonyms import pseudonym
from goldsmith.annotate.studio.status import status_of_tasks
from goldsmith.eval.agreement import agreement_report
from goldsmith.labels import AnnotatedDoc, Claim, Entity, write_jsonl

SALT = "1" * 32
TEXT = "Mayor Ines Rook said about 300 homes in Dunmore were flooded on Friday."


def _span(text: str, label: str) -> Entity:
    at = TEXT.index(text)
    return Entity(at, at + len(text), text, label)


def _version(entities: tuple[Entity, ...], value: float = 300) -> AnnotatedDoc:
    at = TEXT.index("about 300 homes")
    claim = Claim(at, at + 15, "about 300 homes", value, "home", "approx")
    return AnnotatedDoc("d", TEXT, entities=entities, claims=(claim,))


ROOK, DUNMORE, FRIDAY = (
    _span("Ines Rook", "PERSON"),
    _span("Dunmore", "GPE"),
    _span("Friday", "DATE"),
)


def _ann(user: int, doc: AnnotatedDoc | None, lead: float = 10.0, gt: bool = False) -> dict:
    return {
        "id": user * 100,
        "completed_by": user,
        "was_cancelled": doc is None,
        "ground_truth": gt,
        "lead_time": lead,
        "updated_at": "2026-01-01T00:00:00",
        "result": [] if doc is None else to_studio_results(doc),
    }


def _tasks() -> list[dict]:
    data = {"text": TEXT, "doc_id": "d"}
    return [
        {
            "id": 1,
            "data": data,
            "annotations": [  # agree
                _ann(1, _version((ROOK, DUNMORE)), 10),
                _ann(2, _version((ROOK, DUNMORE)), 30),
            ],
        },
        {
            "id": 2,
            "data": data,
            "annotations": [  # disagree on an entity
                _ann(1, _version((ROOK,)), 20),
                _ann(3, _version((ROOK, FRIDAY)), 40),
            ],
        },
        {"id": 3, "data": data, "annotations": [_ann(2, _version((ROOK,)), 50), _ann(3, None)]},
        {"id": 4, "data": data, "annotations": [], "drafts": [{"user": 1, "result": []}]},
        {
            "id": 5,
            "data": data,
            "annotations": [  # settled by a ground truth
                _ann(1, _version((ROOK,)), gt=True),
                _ann(2, _version((DUNMORE,))),
            ],
        },
    ]


def test_counts_per_annotator_and_per_task():
    status = status_of_tasks(7, "p", 2, _tasks(), SALT)
    assert (status.tasks, status.tasks_done, status.tasks_waiting, status.tasks_not_started) == (
        5,
        3,
        1,
        1,
    )
    people = {a.annotator: a for a in status.annotators}
    one, two, three = (pseudonym(SALT, u) for u in (1, 2, 3))
    assert (people[one].submitted, people[one].skipped, people[one].drafts) == (3, 0, 1)
    assert people[one].median_lead_time == 10.0  # median of 10, 20, 10
    assert (people[three].submitted, people[three].skipped) == (1, 1)
    assert people[two].median_lead_time == 30.0
    assert status.conflicts == (2,)  # task 1 agrees, task 5 has a ground truth
    assert status.shared_tasks == 3
    strict = status_of_tasks(7, "p", 2, _tasks(), SALT, rule="ground-truth", reviewed={"x"})
    assert strict.conflicts == (1, 2) and strict.adjudicated == 0
    after_review = status_of_tasks(7, "p", 2, _tasks()[1:2], SALT, reviewed={"d"})
    assert after_review.conflicts == () and after_review.adjudicated == 1


def test_agreement_is_what_eval_agree_reports(tmp_path):
    status = status_of_tasks(7, "p", 2, _tasks(), SALT)
    docs = []
    for task in _tasks():
        for ann in task["annotations"]:
            if ann["was_cancelled"]:
                continue
            from goldsmith.annotate.studio.convert import from_studio_results

            layers = from_studio_results(TEXT, ann["result"])
            meta = {"task_id": task["id"], "annotator": pseudonym(SALT, ann["completed_by"])}
            docs.append(layers.to_doc("d", TEXT, {**meta, "status": "submitted"}))
    write_jsonl(docs, tmp_path / "annotations.jsonl")
    report = agreement_report(tmp_path)
    for layer in status.agreement:
        assert layer.alpha == report.alpha[layer.layer].alpha
        for criterion, f1 in layer.f1.items():
            summed = report.summed(layer.layer, criterion=criterion)
            assert f1 == (None if summed is None else summed.f1)
    entities = next(a for a in status.agreement if a.layer == "entities")
    assert entities.f1["exact"] == pytest.approx(2 * 3 / (2 * 3 + 3))  # 3 matched, 3 alone
    assert next(a for a in status.agreement if a.layer == "quotes").f1["exact"] is None


def test_an_unreadable_annotation_is_counted_not_fatal():
    tasks = _tasks()[:1]
    tasks[0]["annotations"][0]["result"][0]["value"]["start"] = 5  # text no longer matches
    status = status_of_tasks(7, "p", 2, tasks, SALT)
    assert status.unreadable == 1 and status.shared_tasks == 0


def _lone_tasks(n: int):
    """``n`` tasks, each submitted by one annotator (nothing to compare), made as read."""
    for i in range(n):
        text = f"{TEXT} Report {i}: " + "the council met again. " * 20
        doc = AnnotatedDoc(f"d{i}", text, entities=(ROOK,))
        yield {
            "id": i + 1,
            "data": {"text": text, "doc_id": f"d{i}"},
            "annotations": [{**_ann(1 + i % 3, doc), "lead_time": None}],
        }


def _peak_bytes(n: int) -> int:
    import tracemalloc

    tracemalloc.start()
    try:
        status = status_of_tasks(7, "p", 2, _lone_tasks(n), SALT)
        assert status.tasks == n and status.tasks_waiting == n
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_lone_annotation_is_not_held_for_agreement_so_memory_does_not_grow_with_tasks():
    small, large = _peak_bytes(100), _peak_bytes(1000)
    assert large < 1.5 * small, (small, large)


def test_with_no_task_shared_the_note_says_nothing_to_compare():
    status = status_of_tasks(7, "p", 2, _lone_tasks(3), SALT)
    assert status.notes == ("no task has two or more submitted annotations: nothing to compare",)
    assert status.shared_tasks == 0 and [a.tasks for a in status.agreement] == [0, 0, 0]
