"""Pulling a Label Studio project's annotations into the raw table and the gold set.

Rules:

- tasks come from the project's full JSON export (``JSON``, every task, generous
  timeout); if the export fails, from the paginated task list (which shows only the
  caller's own drafts);
- every annotation of every annotator is kept in the raw table with a status:
  ``submitted``, ``skipped`` (cancelled) or ``draft``; skipped ones and drafts are never
  gold, only counted;
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
  e-mail address or user name is written anywhere.

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

import json
import re
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from label_studio_sdk import LabelStudio

from goldsmith.annotate.studio.client import studio_errors
from goldsmith.annotate.studio.consensus import GoldRule, choose
from goldsmith.annotate.studio.convert import from_studio_results
from goldsmith.annotate.studio.pseudonyms import pseudonym
from goldsmith.annotate.studio.pull_write import pull_origin, write_pull
from goldsmith.annotate.studio.push import find_project
from goldsmith.errors import GoldsmithError, OffsetMismatchError, StudioError
from goldsmith.labels.gold import check_replace, new_pull_id, prev_dir
from goldsmith.labels.records import AnnotatedDoc
from goldsmith.labels.validate import problems as spec_problems
from goldsmith.progress import Progress, ProgressCallback

EXPORT_TIMEOUT = 600.0
_USER_ID = re.compile(r",\s*(\d+)\s*$")


@dataclass(frozen=True)
class Issue:
    """A problem found in one task: ``kind`` is mismatch, invalid, default or conflict."""

    kind: str
    task_id: int
    message: str
    annotation_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Conflict:
    """A task with several submitted annotations and no single ground truth."""

    task_id: int
    doc_id: str
    annotation_ids: tuple[int, ...]
    annotators: tuple[str, ...]
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "annotation_ids": list(self.annotation_ids),
            "annotators": list(self.annotators),
        }


@dataclass(frozen=True)
class Duplicate:
    """A doc_id carried by several tasks of the project: none of them is gold."""

    doc_id: str
    task_ids: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "task_ids": list(self.task_ids)}


@dataclass(frozen=True)
class PullReport:
    """The summary of a pull (written as ``report.json``)."""

    project_id: int
    project_title: str
    source: str
    tasks: int
    annotations: int
    annotators: tuple[str, ...]
    gold_documents: int
    skipped: int
    drafts: int
    predictions: int
    conflicts: tuple[Conflict, ...] = ()
    mismatches: tuple[Issue, ...] = ()
    invalid: tuple[Issue, ...] = ()
    defaults: tuple[Issue, ...] = ()
    empty_tasks: tuple[int, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    out_dir: str = ""
    seconds: float = 0.0
    pull_id: str = ""
    #: Where the gold directory this pull replaced was kept ("" when none was replaced).
    previous: str = ""

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["annotators"] = list(self.annotators)
        out["conflicts"] = [c.to_dict() for c in self.conflicts]
        for key in ("mismatches", "invalid", "defaults"):
            out[key] = [i.to_dict() for i in getattr(self, key)]
        out["empty_tasks"] = list(self.empty_tasks)
        out["duplicates"] = [d.to_dict() for d in self.duplicates]
        return out


@dataclass
class _Pulled:
    gold: list[AnnotatedDoc] = field(default_factory=list)
    annotations: list[AnnotatedDoc] = field(default_factory=list)
    predictions: list[AnnotatedDoc] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    empty: list[int] = field(default_factory=list)
    doc_tasks: dict[str, list[int]] = field(default_factory=dict)
    annotators: set[str] = field(default_factory=set)
    submitted: int = 0
    skipped: int = 0
    drafts: int = 0


def fetch_tasks(
    client: LabelStudio, project_id: int, url: str = "", timeout: float = EXPORT_TIMEOUT
) -> tuple[list[dict[str, Any]], str]:
    """Every task of the project as Label Studio JSON, and where it came from."""
    try:
        with studio_errors(url, f"exporting project {project_id}"):
            chunks = client.projects.exports.download_sync(
                project_id,
                export_type="JSON",
                download_all_tasks=True,
                request_options={"timeout": timeout, "max_retries": 0},
            )
            tasks = json.loads(b"".join(chunks))
        if isinstance(tasks, list):
            return tasks, "export"
    except (StudioError, ValueError):
        pass
    with studio_errors(url, f"listing the tasks of project {project_id}"):
        pager = client.tasks.list(project=project_id, fields="all", page_size=100)
        return [task.model_dump(mode="json") for task in pager], "task list"


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
    tasks, source = fetch_tasks(client, project_id, url)
    reviewed = reviewed_docs(client, project_title, url)
    with studio_errors(url, f"listing the predictions of project {project_id}"):
        by_id = {
            p.id: p.model_dump(mode="json") for p in client.predictions.list(project=project_id)
        }
    pulled = _Pulled()
    for n, task in enumerate(tasks, start=1):
        _task(task, salt, pulled, by_id, rule, reviewed)
        if progress is not None and (n % 100 == 0 or n == len(tasks)):
            progress(Progress("tasks", n, len(tasks)))
    duplicates = tuple(
        Duplicate(doc_id, tuple(sorted(ids)))
        for doc_id, ids in sorted(pulled.doc_tasks.items())
        if len(ids) > 1
    )
    twice = {d.doc_id for d in duplicates}
    pulled.gold = [doc for doc in pulled.gold if doc.doc_id not in twice]
    out = Path(out_dir)
    replaced = out.is_dir() and any(out.iterdir())
    report = PullReport(
        project_id=project_id,
        project_title=project_title,
        source=source,
        tasks=len(tasks),
        annotations=pulled.submitted,
        annotators=tuple(sorted(pulled.annotators)),
        gold_documents=len(pulled.gold),
        skipped=pulled.skipped,
        drafts=pulled.drafts,
        predictions=len(pulled.predictions),
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
    return report


def _task(
    task: dict[str, Any],
    salt: str,
    pulled: _Pulled,
    predictions: dict[int, dict[str, Any]],
    rule: GoldRule = GoldRule.GROUND_TRUTH,
    reviewed: dict[str, tuple[AnnotatedDoc, dict[str, Any]]] | None = None,
) -> None:
    task_id = int(task["id"])
    data = task.get("data") or {}
    text = data.get("text")
    if not isinstance(text, str):
        pulled.issues.append(Issue("invalid", task_id, "task data has no 'text' string"))
        return
    base = {
        "doc_id": str(data.get("doc_id") or f"task-{task_id}"),
        "text": text,
        "source": data.get("source") or None,
        "title": data.get("title") or None,
    }
    pulled.doc_tasks.setdefault(base["doc_id"], []).append(task_id)
    candidates: list[tuple[dict[str, Any], AnnotatedDoc | None]] = []
    for ann in task.get("annotations") or []:
        who = pseudonym(salt, _user_id(ann.get("completed_by")))
        status = "skipped" if ann.get("was_cancelled") else "submitted"
        meta = _record_meta(task_id, ann, ann.get("id"), who, status)
        meta["ground_truth"] = bool(ann.get("ground_truth"))
        doc = _convert(
            base,
            ann.get("result") or [],
            meta,
            pulled,
            f"annotation {ann.get('id')}",
            ann.get("id"),
        )
        if doc is not None:
            pulled.annotations.append(doc)
        if status == "skipped":
            pulled.skipped += 1
            continue
        pulled.submitted += 1
        pulled.annotators.add(who)
        candidates.append((meta, doc))
    for draft in task.get("drafts") or []:
        pulled.drafts += 1
        meta = _record_meta(
            task_id, draft, draft.get("annotation"), pseudonym(salt, _draft_user(draft)), "draft"
        )
        meta["draft_id"] = draft.get("id")
        doc = _convert(
            base,
            draft.get("result") or [],
            meta,
            pulled,
            f"draft {draft.get('id')}",
            draft.get("annotation"),
        )
        if doc is not None:
            pulled.annotations.append(doc)
    for pred in task.get("predictions") or []:
        if not isinstance(pred, dict):  # the export lists prediction ids only
            pred = predictions.get(pred)
            if pred is None:
                continue
        meta = {
            "task_id": task_id,
            "model_version": pred.get("model_version"),
            "score": pred.get("score"),
        }
        doc = _convert(
            base, pred.get("result") or [], meta, pulled, f"prediction {pred.get('id')}", None
        )
        if doc is not None:
            pulled.predictions.append(doc)
    _choose_gold(task_id, base, candidates, pulled, rule, (reviewed or {}).get(base["doc_id"]))


def _choose_gold(
    task_id: int,
    base: dict[str, Any],
    candidates: list[tuple[dict[str, Any], AnnotatedDoc | None]],
    pulled: _Pulled,
    rule: GoldRule = GoldRule.GROUND_TRUTH,
    reviewed: tuple[AnnotatedDoc, dict[str, Any]] | None = None,
) -> None:
    if not candidates:
        pulled.empty.append(task_id)
        return
    if rule is not GoldRule.GROUND_TRUTH:  # a consensus counts people, not annotations
        latest: dict[str, tuple[dict[str, Any], AnnotatedDoc | None]] = {}
        for meta, doc in candidates:
            if meta["annotator"] not in latest or str(meta["updated_at"]) >= str(
                latest[meta["annotator"]][0]["updated_at"]
            ):
                latest[meta["annotator"]] = (meta, doc)
        candidates = [latest[who] for who in sorted(latest)]
    found = choose(
        [doc for _, doc in candidates],
        [meta["ground_truth"] for meta, _ in candidates],
        rule,
        None if reviewed is None else reviewed[0],
    )
    if found.doc is None:
        if found.reason:
            pulled.conflicts.append(
                Conflict(
                    task_id,
                    base["doc_id"],
                    tuple(c[0]["annotation_id"] for c in candidates),
                    tuple(c[0]["annotator"] for c in candidates),
                    found.reason,
                )
            )
        return
    doc = found.doc
    source = None if found.source is None else candidates[found.source][0]
    gold_meta: dict[str, Any] = {
        "task_id": task_id,
        "annotation_id": None if source is None else source["annotation_id"],
        "annotator": None if source is None else source["annotator"],
        "provenance": found.provenance,
        "region_annotators": found.votes,
    }
    if reviewed is not None:
        gold_meta.update(reviewed[1])
    gold_meta.update({k: base[k] for k in ("source", "title") if base[k] is not None})
    pulled.gold.append(
        AnnotatedDoc(doc.doc_id, doc.text, doc.entities, doc.quotes, doc.claims, gold_meta)
    )


def _convert(
    base: dict[str, Any],
    result: Any,
    meta: dict[str, Any],
    pulled: _Pulled,
    label: str,
    annotation_id: int | None,
) -> AnnotatedDoc | None:
    """The validated document of one result list, or None after recording why not."""
    task_id = meta["task_id"]
    try:
        layers = from_studio_results(base["text"], result, task_id=f"{task_id} ({label})")
    except OffsetMismatchError as exc:
        pulled.issues.append(Issue("mismatch", task_id, str(exc), annotation_id))
        return None
    except (GoldsmithError, TypeError, ValueError) as exc:
        pulled.issues.append(Issue("invalid", task_id, str(exc), annotation_id))
        return None
    for problem in layers.problems:
        pulled.issues.append(Issue("default", task_id, problem, annotation_id))
    extra = {k: base[k] for k in ("source", "title") if base[k] is not None}
    doc = layers.to_doc(base["doc_id"], base["text"], {**meta, **extra})
    found = spec_problems(doc)
    if found:
        pulled.issues.append(
            Issue("invalid", task_id, f"task {task_id} ({label}): {found[0]}", annotation_id)
        )
        return None
    return doc


def _user_id(completed_by: Any) -> int | str:
    if isinstance(completed_by, dict):
        completed_by = completed_by.get("id")
    return completed_by if completed_by is not None else "unknown"


def _draft_user(draft: dict[str, Any]) -> int | str:
    user = draft.get("user")
    if isinstance(user, int):
        return user
    if isinstance(user, dict) and "id" in user:
        return user["id"]
    match = _USER_ID.search(str(draft.get("created_username") or ""))
    return int(match.group(1)) if match else "unknown"


def _record_meta(
    task_id: int, record: dict, annotation_id: Any, annotator: str, status: str
) -> dict[str, Any]:
    """The meta fields of one line of ``annotations.jsonl`` (an annotation or a draft)."""
    return {
        "task_id": task_id,
        "annotation_id": annotation_id,
        "annotator": annotator,
        "status": status,
        "ground_truth": False,
        "created_at": record.get("created_at"),
        "updated_at": record.get("updated_at"),
        "lead_time": record.get("lead_time"),
    }
