"""Pulling a Label Studio project's annotations into the raw table and the gold set.

Rules:

- tasks come from an export snapshot of the whole project, read one task at a time;
  if the snapshot fails, from the paged task list, which shows only the caller's own
  drafts (:mod:`goldsmith.annotate.studio.export`: always a snapshot, and why);
- every annotation of every annotator is kept in the raw table with a status:
  ``submitted``, ``skipped`` (cancelled) or ``draft``; skipped ones and drafts are never
  gold, only counted (one task's records: :mod:`goldsmith.annotate.studio.pull_task`);
- a task's gold follows ``rule`` (:func:`goldsmith.annotate.studio.consensus.choose`):
  a reviewer's submitted adjudication (``annotate adjudicate``) wins; else its only
  submitted annotation; with several, the one marked ``ground_truth``; else, with
  ``unanimous`` or ``majority``, the consensus of the annotators' versions; otherwise the
  task is a conflict: reported, not in the gold (``ground-truth``, the default, never
  builds a consensus). Every gold document says how it was made (meta ``provenance``:
  ``single``, ``consensus`` or ``adjudicated``) and, per layer, how many annotators
  marked each region (meta ``region_annotators``); tasks with no submitted annotation
  are listed;
- every region is checked against the task's stored text (offsets and text); a
  mismatch or a malformed result is reported with its task and annotation id and keeps
  that annotation out of the gold; attributes fixed by a default are reported too;
- a doc_id carried by several tasks (two pushes at once can do that) is reported with
  its task ids, and none of those tasks is gold: the same document twice would land
  in two splits of a published dataset;
- annotators appear only as pseudonyms (:mod:`goldsmith.annotate.studio.pseudonyms`); no
  e-mail address or user name is written anywhere;
- memory stays bounded whatever the project's size: tasks are parsed from the snapshot
  file one at a time, their records spooled to temporary files
  (:mod:`goldsmith.annotate.studio.pull_spool`) and streamed into the gold directory;
  only ids (doc_id -> task ids) and the problems found are held for the whole project.

The result is written as a gold directory (:mod:`goldsmith.labels.gold` documents it),
whole or not at all; a gold directory of another project or server is replaced only with
``force`` (the previous one is kept as ``<out>.prev/``). That is checked before the
export starts, and again when the new folder is swapped in.

Example:
    >>> report = pull(client, "News gold", "gold/", salt)  # doctest: +SKIP
    >>> report.conflicts  # doctest: +SKIP
    ()
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from label_studio_sdk import LabelStudio

from goldsmith.annotate.studio.consensus import GoldRule
from goldsmith.annotate.studio.export import EXPORT_TIMEOUT as EXPORT_TIMEOUT
from goldsmith.annotate.studio.export import fetch_tasks as fetch_tasks
from goldsmith.annotate.studio.export import project_tasks_stream
from goldsmith.annotate.studio.pull_report import Conflict as Conflict
from goldsmith.annotate.studio.pull_report import Duplicate, PullReport
from goldsmith.annotate.studio.pull_report import Issue as Issue
from goldsmith.annotate.studio.pull_task import Pulled, read_task
from goldsmith.annotate.studio.pull_write import pull_origin, write_pull
from goldsmith.annotate.studio.push import find_project
from goldsmith.errors import StudioError
from goldsmith.labels.gold import check_replace, new_pull_id, prev_dir
from goldsmith.progress import Progress, ProgressCallback

PROGRESS_EVERY = 100


def pull(
    client: LabelStudio,
    project_title: str,
    out_dir: str | Path,
    salt: str,
    url: str = "",
    progress: ProgressCallback | None = None,
    force: bool = False,
    rule: GoldRule | str = GoldRule.GROUND_TRUTH,
) -> PullReport:
    """Pull the project into a gold directory (rules in the module docstring)."""
    from goldsmith.annotate.studio.adjudicate import reviewed_docs  # it reads pulls too

    rule = GoldRule(rule)
    started = time.monotonic()
    project_id = find_project(client, project_title, url)
    if project_id is None:
        raise StudioError(
            f"no project titled {project_title!r} at {url or 'the server'}; "
            "push documents first with 'goldsmith annotate push'"
        )
    origin = pull_origin(url, project_id, project_title)
    check_replace(out_dir, origin, force)
    if progress is not None:
        progress(Progress("export"))
    total = _task_number(client, project_id)
    tasks = project_tasks_stream(client, project_id, url)
    reviewed = reviewed_docs(client, project_title, url)
    pulled = Pulled()
    try:
        for task in tasks:
            read_task(task, salt, pulled, rule, reviewed)
            if progress is not None and pulled.tasks % PROGRESS_EVERY == 0:
                progress(Progress("tasks", pulled.tasks, max(total, pulled.tasks)))
        if progress is not None and pulled.tasks % PROGRESS_EVERY:
            progress(Progress("tasks", pulled.tasks, pulled.tasks))
        report = _report(pulled, project_id, project_title, tasks.source, out_dir)
        report = replace(report, seconds=round(time.monotonic() - started, 3))
        write_pull(
            out_dir,
            pulled.gold,
            pulled.annotations,
            pulled.predictions,
            report.to_dict(),
            origin,
            report.pull_id,
            force=force,
        )
    finally:
        pulled.close()
    return report


def _report(
    pulled: Pulled, project_id: int, project_title: str, source: str, out_dir: str | Path
) -> PullReport:
    """The summary of the tasks read; marks duplicated doc_ids as not gold."""
    duplicates = tuple(
        Duplicate(doc_id, tuple(sorted(ids)))
        for doc_id, ids in sorted(pulled.doc_tasks.items())
        if len(ids) > 1
    )
    twice = frozenset(d.doc_id for d in duplicates)
    pulled.gold.skip = twice
    out = Path(out_dir)
    replaced = out.is_dir() and any(out.iterdir())
    return PullReport(
        project_id=project_id,
        project_title=project_title,
        source=source,
        tasks=pulled.tasks,
        annotations=pulled.submitted,
        annotators=tuple(sorted(pulled.annotators)),
        gold_documents=pulled.gold.count - sum(pulled.gold_ids[d] for d in twice),
        skipped=pulled.skipped,
        drafts=pulled.drafts,
        predictions=pulled.predictions.count,
        conflicts=tuple(pulled.conflicts),
        mismatches=tuple(i for i in pulled.issues if i.kind == "mismatch"),
        invalid=tuple(i for i in pulled.issues if i.kind == "invalid"),
        defaults=tuple(i for i in pulled.issues if i.kind == "default"),
        empty_tasks=tuple(pulled.empty),
        duplicates=duplicates,
        out_dir=str(out_dir),
        pull_id=new_pull_id(),
        previous=str(prev_dir(out)) if replaced else "",
    )


def _task_number(client: LabelStudio, project_id: int) -> int:
    """The project's task count for the progress bar (0 when it cannot be had)."""
    try:
        return int(client.projects.get(id=project_id).task_number or 0)
    except Exception:  # noqa: BLE001 - a progress total only
        return 0
