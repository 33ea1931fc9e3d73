"""Adjudication: every task the gold rule cannot settle goes in front of a reviewer.

Design: a *review project* next to the team's project, titled ``<title> (adjudication)``,
with goldsmith's labeling config plus a "Points of disagreement" text above the article.
For every unsettled task of the team's project (several submitted annotations that the
chosen rule, :mod:`goldsmith.annotate.studio.consensus`, cannot turn into gold, and no
single one marked ground truth) it holds one task with:

- the article and its ``doc_id``, ``source``, ``title``, and the team task's id;
- ``disagreements``: one line per undecided region ("entities: 'Friday' [64:70] DATE
  marked by 1 of 2");
- predictions: ``consensus`` (the regions more than half the annotators marked: the
  reviewer's starting point, loaded in the editor because it is the project's model
  version) and one per annotator, named by pseudonym, so every version can be opened as
  a tab or side by side with Label Studio's "Compare All".

The reviewer submits the corrected starting point. On the next ``annotate pull`` of the
team's project, a submitted annotation of the review task (the latest, when several) is
the gold of that document, with provenance ``adjudicated``, whatever ``--gold-rule`` says.

Idempotent like push: the review project is created once; tasks are matched by
``doc_id``, so running it again adds only tasks that became unsettled since.

Bounded memory like pull: the team's tasks are read from an export snapshot a task at
a time (:func:`goldsmith.annotate.studio.export.project_tasks_stream`) and the review
tasks imported in batches of ``IMPORT_BATCH``; only doc_ids are kept for the project.

Example:
    >>> result = adjudicate(client, "News", salt, rule="majority")  # doctest: +SKIP
    >>> result.tasks_added  # doctest: +SKIP
    4
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from label_studio_sdk import LabelStudio

from goldsmith.annotate.studio.client import studio_errors
from goldsmith.annotate.studio.consensus import (
    GoldRule,
    choose,
    disagreements,
    starting_point,
)
from goldsmith.annotate.studio.convert import from_studio_results, to_studio_results
from goldsmith.annotate.studio.export import project_tasks_stream
from goldsmith.annotate.studio.pseudonyms import pseudonym
from goldsmith.annotate.studio.push import find_project
from goldsmith.annotate.studio.team import apply_team_settings
from goldsmith.errors import GoldsmithError, StudioError
from goldsmith.labels.records import AnnotatedDoc
from goldsmith.labels.studio_config import labeling_config

REVIEW_SUFFIX = " (adjudication)"
NOTES_FIELD = "disagreements"
CONSENSUS_VERSION = "consensus"
IMPORT_BATCH = 100


@dataclass(frozen=True)
class AdjudicationResult:
    """What ``annotate adjudicate`` did."""

    project_id: int
    review_project_id: int
    review_title: str
    created: bool
    unsettled: tuple[str, ...]
    tasks_added: int
    tasks_existing: int


def review_title(title: str) -> str:
    """The title of the review project of a team's project."""
    return title + REVIEW_SUFFIX


def review_config() -> str:
    """goldsmith's labeling config with the points of disagreement above the article."""
    return labeling_config(notes_field=NOTES_FIELD)


def task_versions(
    task: dict[str, Any], salt: str
) -> tuple[list[str], list[AnnotatedDoc | None], list[bool]]:
    """The submitted versions of one exported task: annotator, document, ground truth.

    One version per annotator (their latest submitted annotation); a result that cannot
    be read is None.
    """
    data = task.get("data") or {}
    text = data.get("text")
    latest: dict[str, dict[str, Any]] = {}
    for ann in task.get("annotations") or []:
        if ann.get("was_cancelled"):
            continue
        who = pseudonym(salt, _user_id(ann.get("completed_by")))
        if who not in latest or str(ann.get("updated_at")) >= str(latest[who].get("updated_at")):
            latest[who] = ann
    names, docs, truth = [], [], []
    for who, ann in sorted(latest.items()):
        names.append(who)
        truth.append(bool(ann.get("ground_truth")))
        docs.append(_doc(task, text, ann.get("result") or []) if isinstance(text, str) else None)
    return names, docs, truth


def adjudicate(
    client: LabelStudio,
    project_title: str,
    salt: str,
    rule: GoldRule | str = GoldRule.MAJORITY,
    url: str = "",
) -> AdjudicationResult:
    """Put every unsettled task of the project in its review project (module rules)."""
    rule = GoldRule(rule)
    project_id = find_project(client, project_title, url)
    if project_id is None:
        raise StudioError(
            f"no project titled {project_title!r} at {url or 'the server'}; "
            "push documents first with 'goldsmith annotate push'"
        )
    title = review_title(project_title)
    review_id = find_project(client, title, url)
    created = review_id is None
    if review_id is None:
        with studio_errors(url, f"creating project {title!r}"):
            review_id = client.projects.create(
                title=title,
                label_config=review_config(),
                maximum_annotations=1,
                description=f"Adjudication of {project_title!r}: submit the corrected "
                "consensus; it becomes the gold on the next 'goldsmith annotate pull'.",
            ).id
    known = _review_doc_ids(client, review_id, url)
    unsettled: set[str] = set()
    batch: list[dict[str, Any]] = []
    added = 0
    for task in project_tasks_stream(client, project_id, url):
        names, docs, truth = task_versions(task, salt)
        if len(docs) < 2 or choose(docs, truth, rule).doc is not None:
            continue
        readable = [(n, d) for n, d in zip(names, docs, strict=True) if d is not None]
        if not readable or readable[0][1].doc_id in unsettled:
            continue
        unsettled.add(readable[0][1].doc_id)
        if readable[0][1].doc_id not in known:
            batch.append(_review_task(task, readable))
        if len(batch) == IMPORT_BATCH:
            added += _import(client, review_id, batch, url)
            batch = []
    if batch:
        added += _import(client, review_id, batch, url)
    with studio_errors(url, f"setting up project {review_id}"):
        client.projects.update(
            id=review_id, model_version=CONSENSUS_VERSION, show_collab_predictions=True
        )
    apply_team_settings(client, review_id, None, instructions=True, url=url)
    return AdjudicationResult(
        project_id=project_id,
        review_project_id=review_id,
        review_title=title,
        created=created,
        unsettled=tuple(sorted(unsettled)),
        tasks_added=added,
        tasks_existing=len(unsettled & known),
    )


def reviewed_docs(
    client: LabelStudio, project_title: str, url: str = ""
) -> dict[str, tuple[AnnotatedDoc, dict[str, Any]]]:
    """``doc_id`` -> the reviewer's gold and its meta, from the review project (if any).

    The latest submitted annotation of each review task counts; skipped ones do not. A
    result that cannot be read is left out (the document stays a conflict).
    """
    review_id = find_project(client, review_title(project_title), url)
    if review_id is None:
        return {}
    found: dict[str, tuple[AnnotatedDoc, dict[str, Any]]] = {}
    for task in project_tasks_stream(client, review_id, url):
        data = task.get("data") or {}
        submitted = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
        if not submitted or not isinstance(data.get("text"), str):
            continue
        last = max(submitted, key=lambda a: (str(a.get("updated_at")), a.get("id") or 0))
        doc = _doc(task, data["text"], last.get("result") or [])
        if doc is not None:
            meta = {"review_task_id": task["id"], "review_annotation_id": last.get("id")}
            found[doc.doc_id] = (doc, meta)
    return found


def _review_task(task: dict[str, Any], versions: list[tuple[str, AnnotatedDoc]]) -> dict:
    data = task.get("data") or {}
    docs = [d for _, d in versions]
    notes = disagreements(docs)
    predictions = [
        {"model_version": CONSENSUS_VERSION, "result": to_studio_results(starting_point(docs))}
    ]
    predictions += [{"model_version": who, "result": to_studio_results(d)} for who, d in versions]
    return {
        "data": {
            "text": data["text"],
            "doc_id": docs[0].doc_id,
            "source": data.get("source") or "",
            "title": data.get("title") or "",
            "task_id": task["id"],
            NOTES_FIELD: "\n".join(f"• {line}" for line in notes) or "(none)",
        },
        "predictions": predictions,
    }


def _import(client: LabelStudio, project_id: int, batch: list[dict], url: str) -> int:
    with studio_errors(url, f"importing tasks into project {project_id}"):
        client.projects.import_tasks(id=project_id, request=batch)
    return len(batch)


def _review_doc_ids(client: LabelStudio, project_id: int, url: str) -> set[str]:
    with studio_errors(url, f"listing the tasks of project {project_id}"):
        return {
            str((t.data or {}).get("doc_id"))
            for t in client.tasks.list(project=project_id, page_size=1000, include="id,data")
        }


def _doc(task: dict[str, Any], text: str, result: list) -> AnnotatedDoc | None:
    task_id = int(task["id"])
    try:
        layers = from_studio_results(text, result, task_id=task_id)
    except (GoldsmithError, TypeError, ValueError):
        return None
    doc_id = str((task.get("data") or {}).get("doc_id") or f"task-{task_id}")
    return layers.to_doc(doc_id, text, {})


def _user_id(user: Any) -> int | str:
    if isinstance(user, dict):
        user = user.get("id")
    return user if user is not None else "unknown"
