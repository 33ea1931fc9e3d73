"""What a pull reports: problems per task, conflicts, duplicate documents, the summary.

Every record is a frozen dataclass with ``to_dict`` for ``report.json``; no record holds
an e-mail address or user name, only pseudonyms
(:mod:`goldsmith.annotate.studio.pseudonyms`).

Example:
    >>> Issue("mismatch", 7, "offsets 3-9 do not match the text").to_dict()["task_id"]
    7
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


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
