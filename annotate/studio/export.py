"""Reading every task of a project, one at a time, for a pull.

Rules:

- always an export snapshot, whatever the project's size: ``POST
  /api/projects/{id}/exports/`` with ``serialization_options`` that expand predictions,
  drafts and ``annotations.completed_by`` (so every annotator's drafts and the full
  predictions come in the one file, with no separate predictions listing), then ``GET
  .../exports/{eid}`` until its status is ``completed`` (Label Studio 1.23 without Redis
  writes it during the POST; with Redis a worker does, and the poll waits up to
  ``timeout``), then ``GET .../exports/{eid}/download?exportType=JSON``. No size
  threshold: the synchronous ``/export`` lists predictions by id only, so it needs a
  second call, ``GET /api/predictions/?project=`` (not paginated in 1.23: the whole
  project's predictions in one response), and the server holds every serialized task
  in memory for its one response; the snapshot is written by the server to a file in
  batches and carries the predictions. On 2,000 tasks (``benchmarks/bench_pull.py``,
  SQLite) the bare snapshot took 60.7 s and the bare export plus predictions listing
  76.6 s, so small projects lose nothing either;
- each snapshot has a title of its own (``goldsmith pull`` and a random hex); when the
  request creating it fails on the client's side (its ``timeout`` passed, the
  connection dropped) the server may still have made it, or still be writing it: it is
  looked for by that title for up to ``SETTLE_SECONDS`` (one look after an error
  answer), waited for while it is written, and then used like one created normally,
  so the work is not lost and no snapshot of the pull stays on the server. Deleting
  it while the server writes would leave the file it then saves without its record,
  so it is deleted mid-write only when it is still unfinished after that wait;
- the download is streamed to a temporary file (chunks of ``CHUNK_BYTES``) and parsed
  one task at a time (:mod:`goldsmith.annotate.studio.json_items`), so the client
  never holds the whole export; the
  snapshot is deleted from the server afterwards (each one is a copy of the project);
- when the snapshot fails (an old server, an error status, a broken file), the tasks
  come from the paged task list (``GET /api/tasks/?fields=all``, ``PAGE_SIZE`` a page),
  whose tasks carry their full predictions but only the caller's own drafts;
- a prediction given by id only (an old export format) is fetched by id, never dropped.

Example:
    >>> tasks = project_tasks_stream(client, 3)  # doctest: +SKIP
    >>> tasks.source  # doctest: +SKIP
    'export'
    >>> for task in tasks: ...  # doctest: +SKIP
"""

from __future__ import annotations

import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

import httpx
from label_studio_sdk import LabelStudio

from goldsmith.annotate.studio.client import studio_errors
from goldsmith.annotate.studio.json_items import json_items
from goldsmith.errors import StudioError

EXPORT_TIMEOUT = 600.0
SETTLE_SECONDS = 120.0
POLL_SECONDS = 1.0
CHUNK_BYTES = 1 << 20
PAGE_SIZE = 100
SERIALIZATION = {
    "predictions": {"only_id": False},
    "drafts": {"only_id": False},
    "annotations__completed_by": {"only_id": False},
}


@dataclass
class TaskStream:
    """The tasks of a project as Label Studio JSON dicts, read once, in order.

    ``source`` says where they came from: ``export`` (a snapshot) or ``task list``.
    """

    source: str
    tasks: Iterator[dict[str, Any]]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return self.tasks


def project_tasks_stream(
    client: LabelStudio, project_id: int, url: str = "", timeout: float = EXPORT_TIMEOUT
) -> TaskStream:
    """Every task of the project (rules in the module docstring).

    The snapshot is made and downloaded before this returns; parsing happens as the
    stream is read. Raises :class:`StudioError` when the task list fails too.
    """
    spool = tempfile.TemporaryFile(prefix="goldsmith-export-")
    try:
        _download_snapshot(client, project_id, spool, url, timeout)
        first = _snapshot_tasks(spool)
        head = next(first, None)  # a broken file shows here, while a fallback is possible
    except (StudioError, ValueError, _Unreadable):
        spool.close()
        return TaskStream("task list", _task_list(client, project_id, url))
    return TaskStream("export", _chain(head, first, spool, client, url))


class _Unreadable(Exception):
    """The snapshot file is not a JSON list of tasks."""


def _download_snapshot(
    client: LabelStudio,
    project_id: int,
    out: IO[bytes],
    url: str,
    timeout: float,
    settle: float = SETTLE_SECONDS,
) -> None:
    exports = client.projects.exports
    title = f"goldsmith pull {uuid.uuid4().hex}"
    options = {"timeout": timeout, "max_retries": 0}
    export_id = None
    try:
        try:
            with studio_errors(url, f"creating an export snapshot of project {project_id}"):
                snapshot = exports.create(
                    project_id,
                    title=title,
                    serialization_options=SERIALIZATION,
                    request_options=options,
                )
            export_id, status = int(snapshot.id), snapshot.status
            deadline = time.monotonic() + timeout
        except StudioError as exc:
            # the server may have made (or still be writing) the snapshot the client gave
            # up on: find it by its title, so it is used and deleted, not left behind
            wait = settle if isinstance(exc.__cause__, httpx.TransportError) else 0.0
            export_id, status = _find_own(exports, project_id, title, wait)
            if export_id is None:
                raise
            deadline = time.monotonic() + settle
            options = {"timeout": max(timeout, settle), "max_retries": 0}
        while status != "completed":
            if status == "failed":
                raise StudioError(f"the export snapshot {export_id} of project {project_id} failed")
            if time.monotonic() > deadline:
                raise StudioError(
                    f"the export snapshot {export_id} of project {project_id} was not ready "
                    f"after {timeout:.0f} s"
                )
            time.sleep(POLL_SECONDS)
            with studio_errors(url, f"reading export snapshot {export_id}"):
                status = exports.get(project_id, export_id).status
        with studio_errors(url, f"downloading export snapshot {export_id}"):
            for chunk in exports.download(
                project_id,
                export_id,
                export_type="JSON",
                request_options={**options, "chunk_size": CHUNK_BYTES},
            ):
                out.write(chunk)
        out.flush()
        out.seek(0)
    finally:
        if export_id is not None:
            try:
                exports.delete(project_id, export_id)
            except Exception:  # noqa: BLE001 - a snapshot left behind costs disk, not data
                pass


def _find_own(
    exports: Any, project_id: int, title: str, wait: float
) -> tuple[int | None, str | None]:
    """The id and status of the project's snapshot titled ``title``, looked for until it
    shows and is no longer being written, or ``wait`` seconds pass (one look when 0);
    (None, None) when it never showed."""
    deadline = time.monotonic() + wait
    while True:
        try:
            found = [e for e in exports.list(project_id) if e.title == title]
        except Exception:  # noqa: BLE001 - the server is unreachable: nothing to find
            found = []
        if found:
            export_id, status = int(found[0].id), found[0].status
            if status in ("completed", "failed") or time.monotonic() > deadline:
                return export_id, status
        elif time.monotonic() > deadline:
            return None, None
        time.sleep(POLL_SECONDS)


def _snapshot_tasks(spool: IO[bytes]) -> Iterator[dict[str, Any]]:
    try:
        for task in json_items(spool):
            if not isinstance(task, dict):
                raise _Unreadable("an export item is not a task")
            yield task
    except ValueError as exc:
        raise _Unreadable(str(exc)) from None


def _chain(
    head: dict[str, Any] | None,
    rest: Iterator[dict[str, Any]],
    spool: IO[bytes],
    client: LabelStudio,
    url: str,
) -> Iterator[dict[str, Any]]:
    try:
        if head is None:
            return
        yield _full_predictions(head, client, url)
        for task in rest:
            yield _full_predictions(task, client, url)
    except _Unreadable as exc:
        raise StudioError(
            f"the export snapshot from {url or 'the server'} is broken ({exc}); pull again"
        ) from None
    finally:
        spool.close()


def _task_list(client: LabelStudio, project_id: int, url: str) -> Iterator[dict[str, Any]]:
    with studio_errors(url, f"listing the tasks of project {project_id}"):
        pager = client.tasks.list(project=project_id, fields="all", page_size=PAGE_SIZE)
        for task in pager:
            yield _full_predictions(task.model_dump(mode="json"), client, url)


def _full_predictions(task: dict[str, Any], client: LabelStudio, url: str) -> dict[str, Any]:
    predictions = task.get("predictions") or []
    if all(isinstance(p, dict) for p in predictions):
        return task
    full = []
    for pred in predictions:
        if not isinstance(pred, dict):
            with studio_errors(url, f"reading prediction {pred}"):
                pred = client.predictions.get(id=int(pred)).model_dump(mode="json")
        full.append(pred)
    return {**task, "predictions": full}


def fetch_tasks(
    client: LabelStudio, project_id: int, url: str = "", timeout: float = EXPORT_TIMEOUT
) -> tuple[list[dict[str, Any]], str]:
    """Every task of the project in one list, and where it came from (small projects:
    status and adjudication read a whole project at once)."""
    stream = project_tasks_stream(client, project_id, url, timeout)
    return list(stream), stream.source
