"""Team settings of a Label Studio project: overlap and the annotator instructions.

How Label Studio 1.23 (free edition) hands out tasks, read in its source
(``projects/functions/next_task.py``, ``projects/models.py``, ``tasks/models.py``,
``tasks/serializers.py``) and checked on a real server
(tests/annotate/studio/test_annotate_studio_team.py):

- ``project.maximum_annotations`` is the number of annotators a task needs. A task
  stores its own copy, ``task.overlap``: tasks imported later get the project's value at
  import (``TaskSerializerBulk.add_tasks``); changing the project's value by PATCH
  rewrites the overlap of existing tasks (``Project._update_tasks_states``, with
  ``overlap_cohort_percentage`` = 100, its default) and recomputes ``is_labeled``.
  A value given at creation applies to the tasks imported afterwards; it was seen to take
  effect on this server without a later PATCH, but goldsmith always PATCHes and then
  checks every task's overlap, so an older server (the report that creation alone does
  not take effect) gets the same result.
- ``task.is_labeled`` is true once ``overlap`` distinct users have a finished
  annotation of it (skipped ones do not count under the default skip queue,
  ``REQUEUE_FOR_OTHERS``, so a skipped task goes to someone else).
- The label stream (``GET /api/projects/{id}/next``, what "Label All Tasks" uses)
  excludes every task the user already has an annotation of (submitted or skipped) or
  postponed, and every task with ``is_labeled``; a task is locked for the user who opened
  it and locks count against the overlap (``Task.has_lock``), so no more than ``overlap``
  annotators work on one task at a time. With ``maximum_annotations`` > 1 it serves
  "breadth first": tasks other users already started come before untouched ones.
- Admins and managers opening a task from the Data Manager bypass all of this: the
  stream is the rule, not a permission (the free edition has no roles).
- ``expert_instruction`` is HTML shown as a modal before labeling (and behind the
  editor's Instructions button) when ``show_instruction`` is true. 1.23.2 cleans it with
  ``bleach`` to a list of safe tags on the way in (a table gains ``<tbody>``); goldsmith
  escapes every text it puts there anyway (:mod:`goldsmith.labels.guidelines`).

Example:
    >>> settings = apply_team_settings(client, 7, overlap=2)  # doctest: +SKIP
    >>> settings.overlap  # doctest: +SKIP
    2
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from label_studio_sdk import LabelStudio

from goldsmith.annotate.studio.client import studio_errors
from goldsmith.annotate.studio.push import find_project
from goldsmith.errors import InputError, StudioError
from goldsmith.labels.guidelines import guidelines_html

MAX_OVERLAP = 20


@dataclass(frozen=True)
class TeamSettings:
    """A project's team settings after they were applied.

    ``task_overlaps`` counts the tasks by their own ``overlap`` (all equal to
    ``overlap`` after a successful apply).
    """

    project_id: int
    overlap: int
    instructions: bool
    tasks: int
    task_overlaps: dict[int, int]

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["task_overlaps"] = {str(k): v for k, v in self.task_overlaps.items()}
        return out


def check_overlap(overlap: int) -> int:
    """``overlap`` when it is a sensible number of annotators per task, else InputError."""
    if isinstance(overlap, bool) or not isinstance(overlap, int) or not 1 <= overlap <= MAX_OVERLAP:
        raise InputError(
            f"--overlap must be a whole number of annotators from 1 to {MAX_OVERLAP}, "
            f"got {overlap!r}"
        )
    return overlap


def apply_team_settings(
    client: LabelStudio,
    project_id: int,
    overlap: int | None = None,
    instructions: bool = True,
    url: str = "",
) -> TeamSettings:
    """Set the project's overlap (when given) and instructions, then check every task.

    ``overlap=None`` keeps the project's current value (a re-push keeps what
    ``annotate settings`` set). Raises :class:`StudioError` when a task's overlap still
    differs afterwards (the server did not apply the setting).
    """
    update: dict[str, Any] = {}
    if overlap is not None:
        check_overlap(overlap)
        update.update(maximum_annotations=overlap, overlap_cohort_percentage=100)
    if instructions:
        update.update(expert_instruction=guidelines_html(), show_instruction=True)
    with studio_errors(url, f"updating the settings of project {project_id}"):
        if update:
            client.projects.update(id=project_id, **update)
        project = client.projects.get(id=project_id)
    wanted = int(project.maximum_annotations or 1)
    overlaps = task_overlaps(client, project_id, url)
    if set(overlaps) - {wanted}:
        raise StudioError(
            f"Label Studio at {url or 'the server'} kept tasks of project {project_id} at "
            f"overlap {sorted(set(overlaps) - {wanted})} after maximum_annotations={wanted}; "
            "set 'Annotations per task' in the project's settings, then run "
            "'goldsmith annotate settings' again"
        )
    return TeamSettings(
        project_id=project_id,
        overlap=wanted,
        instructions=bool(project.show_instruction and project.expert_instruction),
        tasks=sum(overlaps.values()),
        task_overlaps=dict(overlaps),
    )


def project_settings(
    client: LabelStudio, title: str, overlap: int | None, instructions: bool, url: str = ""
) -> TeamSettings:
    """:func:`apply_team_settings` on the project with this title (StudioError when none)."""
    project_id = find_project(client, title, url)
    if project_id is None:
        raise StudioError(
            f"no project titled {title!r} at {url or 'the server'}; "
            "push documents first with 'goldsmith annotate push'"
        )
    return apply_team_settings(client, project_id, overlap, instructions, url)


def task_overlaps(client: LabelStudio, project_id: int, url: str = "") -> Counter[int]:
    """How many tasks of the project have each ``overlap`` (every page is read).

    Only ``id`` and ``overlap`` are asked for: a page of 1,000 whole tasks (text,
    predictions, annotations) cost the client 340 MB of peak memory and the server 20 s
    on a project of annotated news articles; this listing, 2 MB."""
    found: Counter[int] = Counter()
    with studio_errors(url, f"listing the tasks of project {project_id}"):
        for task in client.tasks.list(project=project_id, page_size=1000, include="id,overlap"):
            found[int(getattr(task, "overlap", None) or 1)] += 1
    return found
