"""How far a team is: per annotator, per task, and the agreement so far.

Rules (:func:`project_status`):

- the tasks come from the project's export snapshot, read a task at a time as a pull
  reads them (:func:`goldsmith.annotate.studio.export.project_tasks_stream`); what is
  kept for the whole project is counts, each annotator's lead times, and the parsed
  annotations of the tasks with two or more of them (the only ones agreement compares);
- per annotator (a pseudonym): ``submitted`` and ``skipped`` annotations, ``drafts``, and
  the median of Label Studio's ``lead_time`` (seconds spent in the editor) over the
  submitted ones;
- per task, by the number of distinct annotators who submitted it against the project's
  overlap (``maximum_annotations``): ``done`` (at least the overlap), ``waiting`` (some,
  fewer than the overlap) or ``not_started`` (none; skips and drafts do not count);
- agreement over the tasks with two or more submitted annotations, computed exactly as
  ``goldsmith eval agree`` does (:func:`goldsmith.eval.agreement.agreement_from_table`):
  per layer the pairwise span F1 summed over all pairs (``exact``, and the loose
  criterion of quotes and claims) and Krippendorff's alpha on token labels; an
  annotation whose regions cannot be read is left out and counted in ``unreadable``;
- ``conflicts``: tasks with two or more submitted annotations that the gold rule
  (:func:`goldsmith.annotate.studio.consensus.choose`, default ``majority``) cannot
  settle and that no reviewer has adjudicated yet (``adjudicated`` counts those a
  reviewer submitted in the review project of ``annotate adjudicate``).

Example:
    >>> status = project_status(client, "News gold", salt)  # doctest: +SKIP
    >>> status.tasks_done  # doctest: +SKIP
    12
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from label_studio_sdk import LabelStudio

from goldsmith.annotate.studio.client import studio_errors
from goldsmith.annotate.studio.consensus import GoldRule, choose
from goldsmith.annotate.studio.convert import from_studio_results
from goldsmith.annotate.studio.export import project_tasks_stream
from goldsmith.annotate.studio.pseudonyms import pseudonym
from goldsmith.annotate.studio.push import find_project
from goldsmith.errors import GoldsmithError, StudioError
from goldsmith.eval.agreement import AgreementReport, agreement_from_table
from goldsmith.eval.annotations import Annotation, AnnotationTable
from goldsmith.eval.pair_agreement import CRITERIA
from goldsmith.labels.records import AnnotatedDoc
from goldsmith.labels.schema import LAYERS

NOTHING_SHARED = "no task has two or more submitted annotations: nothing to compare"


@dataclass(frozen=True)
class AnnotatorStatus:
    """One annotator's work in the project."""

    annotator: str
    submitted: int = 0
    skipped: int = 0
    drafts: int = 0
    median_lead_time: float | None = None


@dataclass(frozen=True)
class LayerAgreement:
    """Agreement so far on one layer: summed pairwise F1 per criterion, and alpha."""

    layer: str
    f1: dict[str, float | None]
    alpha: float | None
    tasks: int


@dataclass(frozen=True)
class ProjectStatus:
    """Everything ``goldsmith annotate status`` reports."""

    project_id: int
    project_title: str
    overlap: int
    tasks: int
    tasks_done: int
    tasks_waiting: int
    tasks_not_started: int
    annotators: tuple[AnnotatorStatus, ...]
    agreement: tuple[LayerAgreement, ...]
    shared_tasks: int
    conflicts: tuple[int, ...]
    rule: str = GoldRule.MAJORITY.value
    adjudicated: int = 0
    unreadable: int = 0
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["annotators"] = [asdict(a) for a in self.annotators]
        out["agreement"] = [asdict(a) for a in self.agreement]
        out["conflicts"] = list(self.conflicts)
        out["notes"] = list(self.notes)
        return out


def project_status(
    client: LabelStudio,
    project_title: str,
    salt: str,
    url: str = "",
    rule: GoldRule | str = GoldRule.MAJORITY,
) -> ProjectStatus:
    """The status of the project with this title (rules in the module docstring)."""
    project_id = find_project(client, project_title, url)
    if project_id is None:
        raise StudioError(
            f"no project titled {project_title!r} at {url or 'the server'}; "
            "push documents first with 'goldsmith annotate push'"
        )
    with studio_errors(url, f"reading project {project_id}"):
        overlap = int(client.projects.get(id=project_id).maximum_annotations or 1)
    from goldsmith.annotate.studio.adjudicate import reviewed_docs

    reviewed = set(reviewed_docs(client, project_title, url))
    tasks = project_tasks_stream(client, project_id, url)
    return status_of_tasks(project_id, project_title, overlap, tasks, salt, rule, reviewed)


def status_of_tasks(
    project_id: int,
    project_title: str,
    overlap: int,
    tasks: Iterable[dict[str, Any]],
    salt: str,
    rule: GoldRule | str = GoldRule.MAJORITY,
    reviewed: set[str] | frozenset[str] = frozenset(),
) -> ProjectStatus:
    """The status computed from exported tasks (Label Studio JSON), read once in order;
    ``reviewed`` holds the doc_ids a reviewer has adjudicated."""
    rule = GoldRule(rule)
    counts: dict[str, dict[str, Any]] = {}
    table: list[Annotation] = []
    done = waiting = not_started = unreadable = adjudicated = seen = readable = 0
    conflicts: list[int] = []

    def person(who: str) -> dict[str, Any]:
        return counts.setdefault(who, {"submitted": 0, "skipped": 0, "drafts": 0, "lead": []})

    for task in tasks:
        seen += 1
        task_id = int(task["id"])
        text = (task.get("data") or {}).get("text")
        submitted: dict[str, dict[str, Any]] = {}
        for ann in task.get("annotations") or []:
            who = pseudonym(salt, _user_id(ann.get("completed_by")))
            if ann.get("was_cancelled"):
                person(who)["skipped"] += 1
                continue
            person(who)["submitted"] += 1
            if isinstance(ann.get("lead_time"), int | float):
                person(who)["lead"].append(float(ann["lead_time"]))
            if who not in submitted or str(ann.get("updated_at")) >= str(
                submitted[who].get("updated_at")
            ):
                submitted[who] = ann
        for draft in task.get("drafts") or []:
            person(pseudonym(salt, _user_id(draft.get("user"))))["drafts"] += 1
        if len(submitted) >= overlap:
            done += 1
        elif submitted:
            waiting += 1
        else:
            not_started += 1
        versions: list[AnnotatedDoc | None] = []
        for who, ann in sorted(submitted.items()):
            doc = _doc(task, text, ann, who) if isinstance(text, str) else None
            versions.append(doc)
            if doc is None:
                unreadable += 1
        shared = [Annotation(str(task_id), v.meta["annotator"], v) for v in versions if v]
        readable += len(shared)
        if len(shared) >= 2:  # agreement compares only these: a lone one adds nothing
            table.extend(shared)
        if len(versions) >= 2:
            truth = [bool(a.get("ground_truth")) for _, a in sorted(submitted.items())]
            doc_id = str((task.get("data") or {}).get("doc_id") or f"task-{task_id}")
            if doc_id in reviewed:
                adjudicated += 1
            elif choose(versions, truth, rule).doc is None:
                conflicts.append(task_id)

    report = agreement_from_table(AnnotationTable(annotations=tuple(table), predictions={}))
    return ProjectStatus(
        project_id=project_id,
        project_title=project_title,
        overlap=overlap,
        tasks=seen,
        tasks_done=done,
        tasks_waiting=waiting,
        tasks_not_started=not_started,
        annotators=tuple(
            AnnotatorStatus(
                who,
                c["submitted"],
                c["skipped"],
                c["drafts"],
                round(statistics.median(c["lead"]), 3) if c["lead"] else None,
            )
            for who, c in sorted(counts.items())
        ),
        agreement=layer_agreement(report),
        shared_tasks=report.shared_tasks,
        conflicts=tuple(sorted(conflicts)),
        rule=rule.value,
        adjudicated=adjudicated,
        unreadable=unreadable,
        notes=_notes(report, readable),
    )


def _notes(report: AgreementReport, readable: int) -> tuple[str, ...]:
    """The agreement's notes as ``eval agree`` words them for the whole table; the table
    given it holds the shared tasks only, so 'no submitted annotations' may mean 'none
    shared'."""
    notes = [n for n in report.notes if "edit rate" not in n]
    if readable and not report.annotations:
        notes = [NOTHING_SHARED if n == "no submitted annotations" else n for n in notes]
    return tuple(notes)


def layer_agreement(report: AgreementReport) -> tuple[LayerAgreement, ...]:
    """Per layer: the summed pairwise F1 of every criterion (``ALL`` labels) and alpha."""
    out = []
    for layer in LAYERS:
        f1: dict[str, float | None] = {}
        for criterion in CRITERIA[layer]:
            summed = report.summed(layer, criterion=criterion)
            f1[criterion] = None if summed is None else summed.f1
        alpha = report.alpha[layer]
        out.append(LayerAgreement(layer, f1, alpha.alpha, report.shared_tasks))
    return tuple(out)


def _doc(task: dict[str, Any], text: str, ann: dict[str, Any], who: str) -> AnnotatedDoc | None:
    task_id = int(task["id"])
    try:
        layers = from_studio_results(text, ann.get("result") or [], task_id=task_id)
    except (GoldsmithError, TypeError, ValueError):
        return None
    doc_id = str((task.get("data") or {}).get("doc_id") or f"task-{task_id}")
    return layers.to_doc(doc_id, text, {"task_id": task_id, "annotator": who})


def _user_id(user: Any) -> int | str:
    if isinstance(user, dict):
        user = user.get("id")
    return user if user is not None else "unknown"
