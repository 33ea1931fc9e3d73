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
  that checks last counts the other's tasks); the predictions are counted too, since
  Label Studio 1.23 can keep a batch's tasks and drop all of its predictions without
  an error (``TaskSerializerBulk.add_predictions`` returns its errors unraised), and a
  task that lost its prediction gets it added, as any task lacking one does;
- the project is found by exact title, or created with
  :func:`goldsmith.labels.studio_config.labeling_config` and the push's model version
  (when a racing push created one of the same title first, the newer empty one is
  deleted); a project this push created is empty, so it is not listed or counted
  before the import (anything another push adds meanwhile shows in the count after
  it, compared with 0 + this push's tasks); an existing project
  whose labeling config differs from goldsmith's in meaning (controls, their types,
  ``toName``, labels) is refused with :class:`ProjectConfigError` naming the differences;
- a document is a task whose ``data`` holds ``text``, ``doc_id``, ``source`` and
  ``title``; existing tasks are found by ``data.doc_id`` (every page is read), so
  running the push again adds nothing and a push interrupted after some batches
  completes the rest without duplicates;
- new documents are imported in batches with their prediction inline (one request a
  batch); a document whose task lacks a prediction of this ``model_version`` gets one
  added (a new predictions file never duplicates tasks);
- a prediction carries the file's ``model_version``, a ``score`` and the converted
  regions (:mod:`goldsmith.annotate.studio.push_payload`); the project's
  ``model_version`` is set to the most common one so annotators see the pre-annotations;
- memory stays bounded whatever the corpus's size: the documents are read in passes
  (check, import new tasks, add missing predictions), a batch at a time; only ids are
  held for the whole project (doc_ids, and each task's id and prediction versions).
  Predictions may be a :class:`~goldsmith.annotate.studio.push_source.PredictionFile`,
  read from their file on demand.

Example:
    >>> preds = read_predictions("predictions.jsonl")  # doctest: +SKIP
    >>> result = push(client, load_documents("corpus"), preds, "News gold")  # doctest: +SKIP
    >>> result.tasks_created  # doctest: +SKIP
    14
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from label_studio_sdk import LabelStudio

from goldsmith.annotate.studio.client import studio_errors
from goldsmith.annotate.studio.project_tasks import (
    Cleanup,
    TaskRef,
    list_tasks,
    project_counts,
    remove_duplicates,
    task_count,
)
from goldsmith.annotate.studio.push_checks import check_project_config, scan_documents
from goldsmith.annotate.studio.push_checks import read_predictions as read_predictions
from goldsmith.annotate.studio.push_lock import push_lock
from goldsmith.annotate.studio.push_payload import (
    built_ahead,
    new_batches,
    prediction_payload,
    unique,
)
from goldsmith.annotate.studio.push_payload import task_payload as task_payload
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
    """The id of the project with exactly this title (the oldest when several), else None.

    Pages are read while the server says there is a next one (the SDK's pager would ask
    for one page more, an extra request on every lookup)."""
    ids: list[int] = []
    with studio_errors(url, f"looking up project {title!r}"):
        page = client.projects.list(title=title, page_size=100)
        while True:
            ids += [p.id for p in page.items or () if p.title == title]
            if not page.items or page.response.next is None:
                break
            page = page.next_page()
            if page is None:
                break
    return min(ids) if ids else None


def push(
    client: LabelStudio,
    documents: Iterable[Document],
    predictions: Mapping[str, AnnotatedDoc],
    project_title: str,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: ProgressCallback | None = None,
    url: str = "",
) -> PushResult:
    """Push documents with their predictions to the project (rules in the module docstring).

    ``documents`` is read in passes: a one-shot iterator is made a list first; a list or
    a :class:`~goldsmith.annotate.studio.push_source.Documents` is read as it is.
    ``progress`` is called after every batch. Raises :class:`InputError` when a
    prediction is invalid or its text differs from its document's,
    :class:`ProjectConfigError` for a project that is not goldsmith's,
    :class:`StudioError` for server failures.
    """
    started = time.monotonic()
    docs = list(documents) if iter(documents) is documents else documents
    scan = scan_documents(docs, predictions)

    def waiting() -> None:
        if progress is not None:
            progress(Progress("waiting for another push of this project"))

    version = scan.versions.most_common(1)[0][0] if scan.versions else None
    with push_lock(url, project_title, on_wait=waiting):
        project_id, created = _project(client, project_title, url, version)
        if created:  # empty when made: tasks another push adds show in the count below
            count, known, cleanup, had = 0, {}, Cleanup(), 0
        else:
            count = task_count(client, project_id, url)  # before listing: see the check below
            known, cleanup = remove_duplicates(
                client, project_id, list_tasks(client, project_id, url), url
            )
        before = set(known)
        new = len(scan.doc_ids - before)
        if not created:
            had = project_counts(client, project_id, url)[1] if new else 0
        inline = _import_new(
            client, project_id, docs, before, predictions, (batch_size, new), url, progress
        )
        expected = (count - len(cleanup.removed) + new, had + inline)
        if new and project_counts(client, project_id, url) != expected:
            # another push added (or removed) tasks meanwhile: find its copies of ours; or
            # the server kept a task but dropped its prediction: add it below
            known, after = remove_duplicates(
                client, project_id, list_tasks(client, project_id, url), url
            )
            cleanup = Cleanup(
                cleanup.removed + after.removed,
                tuple(sorted(set(cleanup.kept_with_work) | set(after.kept_with_work))),
            )
            inline = 0  # the predictions of the tasks kept are counted below
        added, already, listed_inline = _add_predictions(
            client, project_id, docs, known, before, predictions, batch_size, progress, url
        )
        if version is not None and not created:  # a new project got it when created
            with studio_errors(url, f"setting the model version of project {project_id}"):
                client.projects.update(
                    id=project_id, model_version=version, show_collab_predictions=True
                )
    return PushResult(
        project_id=project_id,
        project_title=project_title,
        project_created=created,
        documents=len(scan.doc_ids),
        tasks_created=new,
        tasks_existing=len(scan.doc_ids) - new,
        predictions_added=inline + listed_inline + added,
        predictions_existing=already,
        documents_without_predictions=scan.without_predictions,
        unmatched_predictions=tuple(sorted(set(predictions) - scan.doc_ids)),
        duplicate_documents=scan.duplicates,
        model_versions=tuple(sorted(scan.versions)),
        seconds=round(time.monotonic() - started, 3),
        duplicates_removed=len(cleanup.removed),
        duplicates_with_work=cleanup.kept_with_work,
    )


def _import_new(
    client: LabelStudio,
    project_id: int,
    docs: Iterable[Document],
    known: set[str],
    predictions: Mapping[str, AnnotatedDoc],
    sizes: tuple[int, int],
    url: str,
    progress: ProgressCallback | None,
) -> int:
    """Import the documents not in ``known`` (``sizes``: batch size, how many), a batch at
    a time with their prediction inline; returns how many predictions went inline.

    The next batch is built (predictions converted) while the current one is sent."""
    batch_size, total = sizes
    done = inline = 0
    for batch, with_prediction in built_ahead(new_batches(docs, known, predictions, batch_size)):
        done += _send(client.projects.import_tasks, project_id, batch, url, "importing tasks")
        inline += with_prediction
        if progress is not None:
            progress(Progress("tasks", done, total))
    return inline


def _project(client: LabelStudio, title: str, url: str, version: str | None) -> tuple[int, bool]:
    """The project's id, created when missing (with ``version`` as its model version, when
    given); whether this call created it."""
    project_id = find_project(client, title, url)
    if project_id is not None:
        check_project_config(client, project_id, title, url)
        return project_id, False
    shown = {} if version is None else {"model_version": version, "show_collab_predictions": True}
    with studio_errors(url, f"creating project {title!r}"):
        project_id = client.projects.create(title=title, label_config=labeling_config(), **shown).id
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
    docs: Iterable[Document],
    known: dict[str, TaskRef],
    before: set[str],
    predictions: Mapping[str, AnnotatedDoc],
    batch_size: int,
    progress: ProgressCallback | None,
    url: str,
) -> tuple[int, int, int]:
    """Add this push's predictions where the kept task lacks them, a batch at a time.

    A task's versions come from its listing (``model_versions``, comma-joined); when a
    version holds a comma that is ambiguous, and that task's predictions are asked for
    exactly. Returns (added now, already on tasks that existed before the push, sent
    inline with this push's new tasks and kept).
    """
    total = sum(1 for doc_id in known if doc_id in predictions)
    added = already = inline = checked = 0
    batch: list[dict[str, Any]] = []
    for doc in unique(docs):
        ref = known.get(doc.doc_id)
        if ref is None or doc.doc_id not in predictions:
            continue
        checked += 1
        pred = predictions[doc.doc_id]
        version = pred.meta["model_version"]
        if "," in ref.model_versions or "," in version:
            with studio_errors(url, f"listing the predictions of task {ref.task_id}"):
                have = {p.model_version for p in client.predictions.list(task=ref.task_id)}
        else:
            have = {ref.model_versions}
        if version in have:
            already += doc.doc_id in before
            inline += doc.doc_id not in before
            continue
        batch.append({"task": ref.task_id, **prediction_payload(pred)})
        if len(batch) == batch_size:
            added += _send(
                client.projects.import_predictions, project_id, batch, url, "adding predictions"
            )
            batch = []
            if progress is not None:
                progress(Progress("predictions", checked, total))
    if batch:
        added += _send(
            client.projects.import_predictions, project_id, batch, url, "adding predictions"
        )
        if progress is not None:
            progress(Progress("predictions", checked, total))
    return added, already, inline


def _send(call: Any, project_id: int, batch: list[dict[str, Any]], url: str, what: str) -> int:
    with studio_errors(url, f"{what} to project {project_id}"):
        call(id=project_id, request=batch)
    return len(batch)
