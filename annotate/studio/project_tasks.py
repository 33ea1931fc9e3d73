"""The tasks of a project by ``doc_id``, and removing the extra tasks a race added.

Rules:

- every task of the project is listed (all pages) with its ``data.doc_id``, the model
  versions of its predictions and whether it holds annotators' work (annotations,
  skipped annotations or drafts);
- one document is one task. When a ``doc_id`` has several tasks (two pushes ran at
  once from machines that share no lock), the task kept is the one holding work, else
  the oldest (smallest id); every other copy without work is deleted. A task holding
  work is never deleted: when several copies hold work, all of those stay and the
  ``doc_id`` is reported, for an administrator to merge by hand;
- the choice depends only on the tasks, so two pushes cleaning up at once keep the
  same task; a copy already deleted by the other one (HTTP 404) is not an error.

Example:
    >>> tasks = list_tasks(client, project_id)  # doctest: +SKIP
    >>> known, cleanup = remove_duplicates(client, project_id, tasks)  # doctest: +SKIP
    >>> cleanup.removed  # doctest: +SKIP
    (17, 18)
"""

from __future__ import annotations

from dataclasses import dataclass

from label_studio_sdk import LabelStudio
from label_studio_sdk.core.api_error import ApiError

from goldsmith.annotate.studio.client import studio_errors

PAGE_SIZE = 1000
_FIELDS = "id,data,predictions_model_versions,total_annotations,cancelled_annotations,drafts"


@dataclass(frozen=True)
class TaskRef:
    """A task of the project: its id, the model versions of its predictions (Label
    Studio's comma-joined list) and whether annotators worked on it."""

    task_id: int
    model_versions: str = ""
    has_work: bool = False


@dataclass(frozen=True)
class Cleanup:
    """What :func:`remove_duplicates` did: task ids deleted, and the doc_ids left with
    several tasks because more than one holds annotators' work."""

    removed: tuple[int, ...] = ()
    kept_with_work: tuple[str, ...] = ()


def list_tasks(client: LabelStudio, project_id: int, url: str = "") -> dict[str, list[TaskRef]]:
    """``doc_id`` -> every task of the project with that ``data.doc_id`` (all pages)."""
    found: dict[str, list[TaskRef]] = {}
    with studio_errors(url, f"listing the tasks of project {project_id}"):
        for task in client.tasks.list(project=project_id, page_size=PAGE_SIZE, include=_FIELDS):
            doc_id = (task.data or {}).get("doc_id")
            if not isinstance(doc_id, str):
                continue
            versions = task.predictions_model_versions
            work = (task.total_annotations or 0) + (task.cancelled_annotations or 0)
            found.setdefault(doc_id, []).append(
                TaskRef(
                    task.id,
                    versions if isinstance(versions, str) else "",
                    has_work=bool(work or task.drafts),
                )
            )
    return found


def task_count(client: LabelStudio, project_id: int, url: str = "") -> int:
    """How many tasks the project holds now (one cheap request, no task data)."""
    return project_counts(client, project_id, url)[0]


def project_counts(client: LabelStudio, project_id: int, url: str = "") -> tuple[int, int]:
    """How many tasks and predictions the project holds now (one request, no task data)."""
    with studio_errors(url, f"counting the tasks of project {project_id}"):
        project = client.projects.get(id=project_id)
    return int(project.task_number or 0), int(project.total_predictions_number or 0)


def choose(copies: list[TaskRef]) -> tuple[TaskRef, list[TaskRef]]:
    """The task to keep of one document's copies, and the copies to delete.

    Kept: the oldest copy holding work, else the oldest. Deleted: the copies without
    work other than the kept one.
    """
    ranked = sorted(copies, key=lambda t: (not t.has_work, t.task_id))
    keep = ranked[0]
    return keep, [t for t in ranked[1:] if not t.has_work]


def remove_duplicates(
    client: LabelStudio, project_id: int, tasks: dict[str, list[TaskRef]], url: str = ""
) -> tuple[dict[str, TaskRef], Cleanup]:
    """Delete the extra copies of each document (rules in the module docstring).

    Returns ``doc_id`` -> the task kept, and what was done.
    """
    known: dict[str, TaskRef] = {}
    removed: list[int] = []
    with_work: list[str] = []
    for doc_id, copies in tasks.items():
        keep, drop = choose(copies)
        known[doc_id] = keep
        for task in drop:
            _delete_task(client, project_id, task.task_id, url)
            removed.append(task.task_id)
        if sum(1 for t in copies if t.has_work) > 1:
            with_work.append(doc_id)
    return known, Cleanup(tuple(sorted(removed)), tuple(sorted(with_work)))


def _delete_task(client: LabelStudio, project_id: int, task_id: int, url: str) -> None:
    with studio_errors(url, f"deleting duplicate task {task_id} of project {project_id}"):
        try:
            client.tasks.delete(str(task_id))
        except ApiError as exc:
            if exc.status_code != 404:  # 404: a push racing this one deleted it first
                raise
