"""Turning one exported task into raw-table records, predictions and (maybe) gold.

Rules (the pull's, :mod:`goldsmith.annotate.studio.pull`, applied to one task):

- every annotation of every annotator is a record of the raw table with a status:
  ``submitted``, ``skipped`` (cancelled) or ``draft``; skipped ones and drafts are never
  gold, only counted;
- every region is checked against the task's stored text (offsets and text); a
  mismatch or a malformed result is an :class:`Issue` naming the task and annotation and
  keeps that annotation out of the gold; attributes fixed by a default are issues too;
- the gold follows the rule (:func:`goldsmith.annotate.studio.consensus.choose`); a
  task with no submitted annotation is listed as empty, one without a single answer is
  a :class:`Conflict`;
- records go straight to :class:`~goldsmith.annotate.studio.pull_spool.DocSpool` files,
  so a pull holds one task at a time, whatever the project's size.

Example:
    >>> pulled = Pulled()  # doctest: +SKIP
    >>> read_task(task, salt, pulled)  # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from goldsmith.annotate.studio.consensus import GoldRule, choose
from goldsmith.annotate.studio.convert import from_studio_results
from goldsmith.annotate.studio.pseudonyms import pseudonym
from goldsmith.annotate.studio.pull_report import Conflict, Issue
from goldsmith.annotate.studio.pull_spool import DocSpool
from goldsmith.errors import GoldsmithError, OffsetMismatchError
from goldsmith.labels.records import AnnotatedDoc
from goldsmith.labels.validate import problems as spec_problems

_USER_ID = re.compile(r",\s*(\d+)\s*$")
Reviewed = dict[str, tuple[AnnotatedDoc, dict[str, Any]]]


@dataclass
class Pulled:
    """What the tasks read so far gave: spooled documents, problems and counts."""

    gold: DocSpool = field(default_factory=DocSpool)
    annotations: DocSpool = field(default_factory=DocSpool)
    predictions: DocSpool = field(default_factory=DocSpool)
    issues: list[Issue] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    empty: list[int] = field(default_factory=list)
    doc_tasks: dict[str, list[int]] = field(default_factory=dict)
    gold_ids: Counter[str] = field(default_factory=Counter)
    annotators: set[str] = field(default_factory=set)
    tasks: int = 0
    submitted: int = 0
    skipped: int = 0
    drafts: int = 0

    def close(self) -> None:
        for spool in (self.gold, self.annotations, self.predictions):
            spool.close()


def read_task(
    task: dict[str, Any],
    salt: str,
    pulled: Pulled,
    rule: GoldRule = GoldRule.GROUND_TRUTH,
    reviewed: Reviewed | None = None,
) -> None:
    """Add one task's records to ``pulled`` (rules in the module docstring)."""
    pulled.tasks += 1
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
        label = f"annotation {ann.get('id')}"
        doc = _convert(base, ann.get("result") or [], meta, pulled, label, ann.get("id"))
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
        who = pseudonym(salt, _draft_user(draft))
        meta = _record_meta(task_id, draft, draft.get("annotation"), who, "draft")
        meta["draft_id"] = draft.get("id")
        label = f"draft {draft.get('id')}"
        ann_id = draft.get("annotation")
        doc = _convert(base, draft.get("result") or [], meta, pulled, label, ann_id)
        if doc is not None:
            pulled.annotations.append(doc)
    for pred in task.get("predictions") or []:
        meta = {
            "task_id": task_id,
            "model_version": pred.get("model_version"),
            "score": pred.get("score"),
        }
        label = f"prediction {pred.get('id')}"
        doc = _convert(base, pred.get("result") or [], meta, pulled, label, None)
        if doc is not None:
            pulled.predictions.append(doc)
    _choose_gold(task_id, base, candidates, pulled, rule, (reviewed or {}).get(base["doc_id"]))


def _choose_gold(
    task_id: int,
    base: dict[str, Any],
    candidates: list[tuple[dict[str, Any], AnnotatedDoc | None]],
    pulled: Pulled,
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
    pulled.gold_ids[doc.doc_id] += 1


def _convert(
    base: dict[str, Any],
    result: Any,
    meta: dict[str, Any],
    pulled: Pulled,
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
