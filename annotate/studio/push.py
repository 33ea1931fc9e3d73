"""Pushing documents and their pre-annotations to a Label Studio project, idempotently.

Rules:

- the project is found by exact title, or created with
  :func:`goldsmith.labels.studio_config.labeling_config`;
- a document is a task whose ``data`` holds ``text``, ``doc_id``, ``source`` and
  ``title``; existing tasks are found by ``data.doc_id`` (every page is read), so
  running the push again adds nothing and a push interrupted after some batches
  completes the rest without duplicates;
- new documents are imported in batches with their prediction inline (one request a
  batch); a document already in the project whose tasks lack a prediction of this
  ``model_version`` gets one added (a new predictions file never duplicates tasks);
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
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from label_studio_sdk import LabelStudio

from goldsmith.annotate.studio.client import studio_errors
from goldsmith.annotate.studio.convert import to_studio_results
from goldsmith.corpus.documents import Document
from goldsmith.errors import InputError
from goldsmith.labels.jsonl import read_jsonl
from goldsmith.labels.records import AnnotatedDoc
from goldsmith.labels.studio_config import labeling_config

DEFAULT_BATCH_SIZE = 500
PAGE_SIZE = 1000


@dataclass(frozen=True)
class PushProgress:
    """Progress of a push: ``done`` of ``total`` items in ``stage`` (tasks or predictions)."""

    stage: str
    done: int
    total: int


@dataclass(frozen=True)
class PushResult:
    """What a push did."""

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

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["unmatched_predictions"] = list(self.unmatched_predictions)
        out["model_versions"] = list(self.model_versions)
        return out


def read_predictions(path: str | Path, model_version: str | None = None) -> dict[str, AnnotatedDoc]:
    """The predictions of a spec JSONL file by ``doc_id``, each with a ``model_version``.

    A record's own ``model_version`` field wins; ``model_version`` fills the others.
    Raises :class:`InputError` for a repeated ``doc_id`` or a record without a version.
    """
    found: dict[str, AnnotatedDoc] = {}
    for doc in read_jsonl(path):
        if doc.doc_id in found:
            raise InputError(f"{path}: doc_id {doc.doc_id!r} appears twice; keep one prediction")
        version = doc.meta.get("model_version") or model_version
        if not version:
            raise InputError(
                f"{path}: doc {doc.doc_id!r} has no model_version; pass --model-version"
            )
        found[doc.doc_id] = AnnotatedDoc(
            doc.doc_id,
            doc.text,
            doc.entities,
            doc.quotes,
            doc.claims,
            {**doc.meta, "model_version": str(version)},
        )
    return found


def find_project(client: LabelStudio, title: str, url: str = "") -> int | None:
    """The id of the project with exactly this title (the oldest when several), else None."""
    with studio_errors(url, f"looking up project {title!r}"):
        ids = [p.id for p in client.projects.list(title=title, page_size=100) if p.title == title]
    return min(ids) if ids else None


@dataclass(frozen=True)
class TaskRef:
    """A task already in the project: its id and the model versions of its predictions."""

    task_id: int
    model_versions: str = ""


def existing_tasks(client: LabelStudio, project_id: int, url: str = "") -> dict[str, TaskRef]:
    """``doc_id`` -> task of every task of the project (all pages; the first task wins).

    ``model_versions`` is Label Studio's comma-joined list of the task's prediction versions.
    """
    found: dict[str, TaskRef] = {}
    with studio_errors(url, f"listing the tasks of project {project_id}"):
        pager = client.tasks.list(
            project=project_id, page_size=PAGE_SIZE, include="id,data,predictions_model_versions"
        )
        for task in pager:
            doc_id = (task.data or {}).get("doc_id")
            versions = task.predictions_model_versions
            if isinstance(doc_id, str) and doc_id not in found:
                found[doc_id] = TaskRef(task.id, versions if isinstance(versions, str) else "")
    return found


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
    progress: Callable[[PushProgress], None] | None = None,
    url: str = "",
) -> PushResult:
    """Push documents with their predictions to the project (rules in the module docstring).

    ``progress`` is called after every batch. Raises :class:`InputError` when a
    prediction's text differs from its document's, :class:`StudioError` for server failures.
    """
    started = time.monotonic()
    docs, duplicates = _unique(documents)
    for doc in docs:
        pred = predictions.get(doc.doc_id)
        if pred is not None and pred.text != doc.text:
            raise InputError(
                f"prediction for doc {doc.doc_id!r}: its text differs from the corpus "
                "document's; predict again on this corpus"
            )
    project_id = find_project(client, project_title, url)
    created = project_id is None
    if project_id is None:
        with studio_errors(url, f"creating project {project_title!r}"):
            project_id = client.projects.create(
                title=project_title, label_config=labeling_config()
            ).id
        known: dict[str, TaskRef] = {}
    else:
        known = existing_tasks(client, project_id, url)

    new = [doc for doc in docs if doc.doc_id not in known]
    for done in range(0, len(new), batch_size):
        batch = [task_payload(d, predictions.get(d.doc_id)) for d in new[done : done + batch_size]]
        with studio_errors(url, f"importing tasks into project {project_id}"):
            client.projects.import_tasks(id=project_id, request=batch)
        if progress is not None:
            progress(PushProgress("tasks", min(done + batch_size, len(new)), len(new)))

    added, already = _add_predictions(
        client, project_id, docs, known, predictions, batch_size, progress, url
    )
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
        predictions_added=sum(1 for d in new if d.doc_id in predictions) + added,
        predictions_existing=already,
        documents_without_predictions=sum(1 for d in docs if d.doc_id not in predictions),
        unmatched_predictions=tuple(sorted(set(predictions) - doc_ids)),
        duplicate_documents=duplicates,
        model_versions=tuple(sorted(versions)),
        seconds=round(time.monotonic() - started, 3),
    )


def _add_predictions(
    client: LabelStudio,
    project_id: int,
    docs: list[Document],
    known: dict[str, TaskRef],
    predictions: dict[str, AnnotatedDoc],
    batch_size: int,
    progress: Callable[[PushProgress], None] | None,
    url: str,
) -> tuple[int, int]:
    """Add this push's predictions to tasks that existed before it; (added, already there)."""
    wanted = [
        (known[d.doc_id], predictions[d.doc_id])
        for d in docs
        if d.doc_id in known and d.doc_id in predictions
    ]
    if not wanted:
        return 0, 0
    if any(
        "," in ref.model_versions or "," in pred.meta["model_version"] for ref, pred in wanted
    ):  # comma-joined versions are ambiguous: ask exactly
        with studio_errors(url, f"listing the predictions of project {project_id}"):
            have = {(p.task, p.model_version) for p in client.predictions.list(project=project_id)}
    else:
        have = {(ref.task_id, ref.model_versions) for ref, _ in wanted if ref.model_versions}
    missing = [
        (ref.task_id, pred)
        for ref, pred in wanted
        if (ref.task_id, pred.meta["model_version"]) not in have
    ]
    for done in range(0, len(missing), batch_size):
        batch = [
            {"task": task_id, **prediction_payload(pred)}
            for task_id, pred in missing[done : done + batch_size]
        ]
        with studio_errors(url, f"adding predictions to project {project_id}"):
            client.projects.import_predictions(id=project_id, request=batch)
        if progress is not None:
            progress(
                PushProgress("predictions", min(done + batch_size, len(missing)), len(missing))
            )
    return len(missing), len(wanted) - len(missing)


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
