"""Pushing documents and their pre-annotations to a Label Studio project, idempotently.

Rules:

- everything is checked before anything is sent: every prediction is valid for the
  spec (offsets, labels, region scores from 0 to 1), has a ``model_version`` and the
  text of its document, so a bad file never leaves an empty project behind;
- one push of a project runs at a time on this machine
  (:func:`goldsmith.annotate.studio.push_lock.push_lock`); after importing, the
  project's task count is compared with the count before the push's listing plus what
  it imported, and when they differ (a push from another machine added tasks
  meanwhile) the tasks are listed again and the extra copies deleted
  (:mod:`goldsmith.annotate.studio.project_tasks`), so a document is one task however
  many pushes run at once (two racing pushes cannot both see equal counts: the one
  that checks last counts the other's tasks);
- the project is found by exact title, or created with
  :func:`goldsmith.labels.studio_config.labeling_config` (when a racing push created
  one of the same title first, the newer empty one is deleted); an existing project
  whose labeling config differs from goldsmith's in meaning (controls, their types,
  ``toName``, labels) is refused with :class:`ProjectConfigError` naming the differences;
- a document is a task whose ``data`` holds ``text``, ``doc_id``, ``source`` and
  ``title``; existing tasks are found by ``data.doc_id`` (every page is read), so
  running the push again adds nothing and a push interrupted after some batches
  completes the rest without duplicates;
- new documents are imported in batches with their prediction inline (one request a
  batch); a document whose task lacks a prediction of this ``model_version`` gets one
  added (a new predictions file never duplicates tasks);
- a prediction carries the file's ``model_version``, a ``score`` (the record's
  ``score`` field, else the mean of its region scores) and the converted regions
  (:func:`goldsmith.annotate.studio.convert.to_studio_results`); the project's
  ``model_version`` is set to it so annotators see the pre-annotations.

Example:
    >>> preds = read_predictions("predictions.jsonl")  # doctest: +SKIP
    >>> result = push(client, load_documents("corpus"), preds, "News gold")  # doctest: +SKIP
    >>> result.tasks_created  # doctest: +SKIP
    14
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from label_studio_sdk import LabelStudio

from goldsmith.annotate.studio.client import studio_errors
from goldsmith.annotate.studio.convert import to_studio_results
from goldsmith.annotate.studio.project_tasks import (
    Cleanup,
    TaskRef,
    list_tasks,
    remove_duplicates,
    task_count,
)
from goldsmith.annotate.studio.push_checks import (
    check_predictions,
    check_project_config,
)
from goldsmith.annotate.studio.push_checks import read_predictions as read_predictions
from goldsmith.annotate.studio.push_lock import push_lock
from goldsmith.corpus.documents import Document
from goldsmith.labels.records import AnnotatedDoc
from goldsmith.labels.studio_config import labeling_config
from goldsmith.progress import Progress, ProgressCallback

DEFAULT_BATCH_SIZE = 500


@dataclass(frozen=True)
class PushResult:
    """What a push did. ``duplicates_removed`` counts extra copies of documents deleted
    (a concurrent push); ``duplicates_with_work`` names documents left with several
    tasks because more than one holds annotations."""

    project_id: int
    project_title: str
    project_created: bool
    documents: int
    tasks_created: int
    tasks_existing: int
    predictions_added: int
    predictions_existing: int
    documents_without_predictions: int
    unmatched_predictions: tuple[str, ...]
    duplicate_documents: int
    model_versions: tuple[str, ...]
    seconds: float
    duplicates_removed: int = 0
    duplicates_with_work: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["unmatched_predictions"] = list(self.unmatched_predictions)
        out["model_versions"] = list(self.model_versions)
        out["duplicates_with_work"] = list(self.duplicates_with_work)
        return out


def find_project(client: LabelStudio, title: str, url: str = "") -> int | None:
    """The id of the project with exactly this title (the oldest when several), else None."""
    with studio_errors(url, f"looking up project {title!r}"):
        ids = [p.id for p in client.projects.list(title=title, page_size=100) if p.title == title]
    return min(ids) if ids else None


def task_payload(doc: Document, prediction: AnnotatedDoc | None) -> dict[str, Any]:
    """The import payload of one document, its prediction inline."""
    task: dict[str, Any] = {
        "data": {
            "text": doc.text,
            "doc_id": doc.doc_id,
            "source": doc.source or "",
            "title": doc.title or "",
        }
    }
    if prediction is not None:
        task["predictions"] = [prediction_payload(prediction)]
    return task


def prediction_payload(prediction: AnnotatedDoc) -> dict[str, Any]:
    """A Label Studio prediction: ``model_version``, ``score`` and the converted regions."""
    payload: dict[str, Any] = {
        "model_version": prediction.meta["model_version"],
        "result": to_studio_results(prediction),
    }
    score = _score(prediction)
    if score is not None:
        payload["score"] = score
    return payload


def push(
    client: LabelStudio,
    documents: Iterable[Document],
    predictions: dict[str, AnnotatedDoc],
    project_title: str,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: ProgressCallback | None = None,
    url: str = "",
) -> PushResult:
    """Push documents with their predictions to the project (rules in the module docstring).

    ``progress`` is called after every batch. Raises :class:`InputError` when a
    prediction is invalid or its text differs from its document's,
    :class:`ProjectConfigError` for a project that is not goldsmith's,
    :class:`StudioError` for server failures.
    """
    started = time.monotonic()
    docs, duplicates = _unique(documents)
    check_predictions(docs, predictions)

    def waiting() -> None:
        if progress is not None:
            progress(Progress("waiting for another push of this project"))

    with push_lock(url, project_title, on_wait=waiting):
        project_id, created = _project(client, project_title, url)
        count = task_count(client, project_id, url)  # before listing: see the check below
        known, cleanup = remove_duplicates(
            client, project_id, list_tasks(client, project_id, url), url
        )
        before = set(known)
        new = [doc for doc in docs if doc.doc_id not in known]
        for done in range(0, len(new), batch_size):
            batch = [
                task_payload(d, predictions.get(d.doc_id)) for d in new[done : done + batch_size]
            ]
            with studio_errors(url, f"importing tasks into project {project_id}"):
                client.projects.import_tasks(id=project_id, request=batch)
            if progress is not None:
                progress(Progress("tasks", min(done + batch_size, len(new)), len(new)))
        inline = 0
        expected = count - len(cleanup.removed) + len(new)
        if new and task_count(client, project_id, url) != expected:
            # another push added (or removed) tasks meanwhile: find its copies of ours
            known, after = remove_duplicates(
                client, project_id, list_tasks(client, project_id, url), url
            )
            cleanup = Cleanup(
                cleanup.removed + after.removed,
                tuple(sorted(set(cleanup.kept_with_work) | set(after.kept_with_work))),
            )
        else:  # the new tasks are this push's alone, each with its prediction inline
            inline = sum(1 for d in new if d.doc_id in predictions)
        added, already, listed_inline = _add_predictions(
            client, project_id, docs, known, before, predictions, batch_size, progress, url
        )
        inline += listed_inline
        versions = Counter(
            p.meta["model_version"] for d in docs if (p := predictions.get(d.doc_id)) is not None
        )
        if versions:
            with studio_errors(url, f"setting the model version of project {project_id}"):
                client.projects.update(
                    id=project_id,
                    model_version=versions.most_common(1)[0][0],
                    show_collab_predictions=True,
                )
    doc_ids = {d.doc_id for d in docs}
    return PushResult(
        project_id=project_id,
        project_title=project_title,
        project_created=created,
        documents=len(docs),
        tasks_created=len(new),
        tasks_existing=len(docs) - len(new),
        predictions_added=inline + added,
        predictions_existing=already,
        documents_without_predictions=sum(1 for d in docs if d.doc_id not in predictions),
        unmatched_predictions=tuple(sorted(set(predictions) - doc_ids)),
        duplicate_documents=duplicates,
        model_versions=tuple(sorted(versions)),
        seconds=round(time.monotonic() - started, 3),
        duplicates_removed=len(cleanup.removed),
        duplicates_with_work=cleanup.kept_with_work,
    )


def _project(client: LabelStudio, title: str, url: str) -> tuple[int, bool]:
    """The project's id, created when missing; whether this call created it."""
    project_id = find_project(client, title, url)
    if project_id is not None:
        check_project_config(client, project_id, title, url)
        return project_id, False
    with studio_errors(url, f"creating project {title!r}"):
        project_id = client.projects.create(title=title, label_config=labeling_config()).id
    oldest = find_project(client, title, url)
    if oldest is not None and oldest != project_id:  # another machine created it first
        with studio_errors(url, f"deleting the duplicate project {project_id}"):
            client.projects.delete(id=project_id)
        check_project_config(client, oldest, title, url)
        return oldest, False
    return project_id, True


def _add_predictions(
    client: LabelStudio,
    project_id: int,
    docs: list[Document],
    known: dict[str, TaskRef],
    before: set[str],
    predictions: dict[str, AnnotatedDoc],
    batch_size: int,
    progress: ProgressCallback | None,
    url: str,
) -> tuple[int, int, int]:
    """Add this push's predictions where the kept task lacks them.

    Returns (added now, already on tasks that existed before the push, sent inline with
    this push's new tasks and kept).
    """
    wanted = [
        (d.doc_id, known[d.doc_id], predictions[d.doc_id])
        for d in docs
        if d.doc_id in known and d.doc_id in predictions
    ]
    if not wanted:
        return 0, 0, 0
    if any(
        "," in ref.model_versions or "," in pred.meta["model_version"] for _, ref, pred in wanted
    ):  # comma-joined versions are ambiguous: ask exactly
        with studio_errors(url, f"listing the predictions of project {project_id}"):
            have = {(p.task, p.model_version) for p in client.predictions.list(project=project_id)}
    else:
        have = {(ref.task_id, ref.model_versions) for _, ref, _ in wanted if ref.model_versions}
    missing = [
        (ref.task_id, pred)
        for _, ref, pred in wanted
        if (ref.task_id, pred.meta["model_version"]) not in have
    ]
    missing_ids = {task_id for task_id, _ in missing}
    present = [doc_id for doc_id, ref, _ in wanted if ref.task_id not in missing_ids]
    for done in range(0, len(missing), batch_size):
        batch = [
            {"task": task_id, **prediction_payload(pred)}
            for task_id, pred in missing[done : done + batch_size]
        ]
        with studio_errors(url, f"adding predictions to project {project_id}"):
            client.projects.import_predictions(id=project_id, request=batch)
        if progress is not None:
            progress(Progress("predictions", min(done + batch_size, len(missing)), len(missing)))
    already = sum(1 for doc_id in present if doc_id in before)
    return len(missing), already, len(present) - already


def _unique(documents: Iterable[Document]) -> tuple[list[Document], int]:
    seen: set[str] = set()
    docs: list[Document] = []
    duplicates = 0
    for doc in documents:
        if doc.doc_id in seen:
            duplicates += 1
            continue
        seen.add(doc.doc_id)
        docs.append(doc)
    return docs, duplicates


def _score(prediction: AnnotatedDoc) -> float | None:
    score = prediction.meta.get("score")
    if isinstance(score, int | float) and not isinstance(score, bool):
        return float(score)
    scores = [
        s.score
        for layer in (prediction.entities, prediction.quotes, prediction.claims)
        for s in layer
        if s.score is not None
    ]
    return round(sum(scores) / len(scores), 6) if scores else None
