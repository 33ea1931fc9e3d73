"""``goldsmith annotate push`` / ``pull``: the Label Studio side of the loop.

Both connect with LABEL_STUDIO_URL / LABEL_STUDIO_API_KEY, or fall back to the local
server started by ``goldsmith studio up`` (found from any folder: ``--studio-dir``,
``GOLDSMITH_STUDIO_DIR``, ``.goldsmith/studio`` here, the last server started).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from goldsmith.annotate.studio.client import connect, resolve_connection
from goldsmith.annotate.studio.consensus import GoldRule
from goldsmith.annotate.studio.locate import given_or_default
from goldsmith.annotate.studio.pseudonyms import load_salt
from goldsmith.annotate.studio.pull import PullReport, pull
from goldsmith.annotate.studio.push import DEFAULT_BATCH_SIZE, push
from goldsmith.annotate.studio.team import apply_team_settings
from goldsmith.cli.progress import progress_bar
from goldsmith.cli.studio_option import StudioDir
from goldsmith.errors import redact_urls
from goldsmith.outputs import check_writable
from goldsmith.wording import plural

Project = Annotated[str, typer.Option("--project", help="Title of the Label Studio project.")]


def register(app: typer.Typer) -> None:
    """Add the ``push`` and ``pull`` commands to the ``annotate`` sub-app."""
    app.command("push")(push_command)
    app.command("pull")(pull_command)


def push_command(
    corpus: Annotated[
        Path,
        typer.Argument(help="A corpus folder from 'corpus ingest', or raw input.", exists=True),
    ],
    predictions: Annotated[
        Path,
        typer.Option(
            "--predictions",
            help="Spec JSONL of pre-annotations (joined by doc_id).",
            exists=True,
            dir_okay=False,
        ),
    ],
    project: Project,
    model_version: Annotated[
        str | None,
        typer.Option("--model-version", help="Model version for records that do not carry one."),
    ] = None,
    batch_size: Annotated[
        int,
        typer.Option(
            "--batch-size",
            min=1,
            help="Tasks sent to Label Studio in one request (smaller for a slow server).",
        ),
    ] = DEFAULT_BATCH_SIZE,
    studio_dir: StudioDir = None,
    overlap: Annotated[
        int | None,
        typer.Option(
            "--overlap",
            min=1,
            help="Annotators per task (default: 1 for a new project, unchanged for an "
            "existing one; see 'goldsmith annotate settings').",
        ),
    ] = None,
) -> None:
    """Push documents with their pre-annotations as tasks of a Label Studio project.

    Idempotent: documents already in the project are not added again; an interrupted
    push completes on the next run; a new model version adds predictions to existing tasks.
    Example: goldsmith annotate push corpus.ds --predictions preds.jsonl --project News
    """
    from goldsmith.annotate.studio.push_source import Documents, PredictionFile
    from goldsmith.corpus import load_documents

    preds = PredictionFile(predictions, model_version)  # offsets only: any size
    docs = Documents(lambda: load_documents(corpus))  # read anew in each pass
    conn = resolve_connection(data_dir=studio_dir)
    client = connect(conn)
    with progress_bar("pushing") as bar:
        result = push(
            client, docs, preds, project, batch_size=batch_size, progress=bar.show, url=conn.url
        )
    team = apply_team_settings(client, result.project_id, overlap, url=conn.url)
    console = Console(highlight=False, soft_wrap=True)
    verb = "created" if result.project_created else "updated"
    console.print(
        f"{verb} project {result.project_title!r} (id {result.project_id}) at "
        f"{redact_urls(conn.url)}: "
        f"{plural(result.tasks_created, 'task')} added, {result.tasks_existing} already there; "
        f"{plural(result.predictions_added, 'prediction')} added, {result.predictions_existing} "
        f"already there (model version {', '.join(result.model_versions) or '-'}); "
        f"{result.seconds:.1f} s"
    )
    if result.documents_without_predictions:
        missing = result.documents_without_predictions
        console.print(f"{plural(missing, 'document')} had no prediction")
    if result.unmatched_predictions:
        console.print(
            f"{plural(len(result.unmatched_predictions), 'prediction')} matched no document "
            f"(e.g. {result.unmatched_predictions[0]})"
        )
    if result.duplicates_removed:
        console.print(
            f"removed {plural(result.duplicates_removed, 'duplicate task')} "
            "(a push ran at the same time)"
        )
    if result.duplicates_with_work:
        console.print(
            f"warning: {plural(len(result.duplicates_with_work), 'document')} with several "
            f"tasks with annotations (e.g. {result.duplicates_with_work[0]}); merge them in "
            "Label Studio and delete the extra tasks before pulling"
        )
    console.print(
        f"{plural(team.overlap, 'annotator')} per task; "
        "the guidelines are the project's instructions"
    )


def pull_command(
    project: Project,
    out: Annotated[Path, typer.Option("--out", help="Gold directory to write.", file_okay=False)],
    studio_dir: StudioDir = None,
    rule: Annotated[
        GoldRule,
        typer.Option(
            "--gold-rule",
            help="Gold of a task with several annotations: the one marked ground truth "
            "(ground-truth), or the regions all (unanimous) or more than half (majority) "
            "of the annotators marked; a reviewer's adjudication always wins.",
        ),
    ] = GoldRule.GROUND_TRUTH,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Replace --out even if it holds another project's gold or other files "
            "(the old folder is kept as OUT.prev).",
        ),
    ] = False,
) -> None:
    """Pull every annotation of a project and write the gold directory.

    Gold per task: a reviewer's adjudication ('annotate adjudicate'), else its only
    submitted annotation, else the one marked ground truth, else (--gold-rule unanimous
    or majority) the annotators' consensus; otherwise the task is a conflict (reported,
    not in the gold). Each gold document records its provenance. The folder is written
    beside OUT and swapped in whole; the gold it replaces is kept as OUT.prev.
    Example: goldsmith annotate pull --project News --out gold
    """
    check_writable(out, "--out", in_parent=True)
    conn = resolve_connection(data_dir=studio_dir)
    client = connect(conn)
    salt = load_salt(conn.data_dir or given_or_default(studio_dir))
    with progress_bar("pulling") as bar:
        report = pull(
            client, project, out, salt, url=conn.url, progress=bar.show, force=force, rule=rule
        )
    _print_report(report)


def _print_report(report: PullReport) -> None:
    console = Console(highlight=False, soft_wrap=True)
    console.print(
        f"pulled {report.project_title!r} (from the {report.source}) into {report.out_dir}: "
        f"{plural(report.tasks, 'task')}, {plural(report.annotations, 'annotation')} by "
        f"{plural(len(report.annotators), 'annotator')}, "
        f"{plural(report.gold_documents, 'gold document')}; "
        f"{plural(len(report.conflicts), 'conflict')}, {report.skipped} skipped, "
        f"{plural(report.drafts, 'draft')}, "
        f"{plural(len(report.mismatches), 'mismatch', 'mismatches')}, "
        f"{len(report.invalid)} invalid, "
        f"{plural(len(report.duplicates), 'duplicate')}, "
        f"{plural(len(report.empty_tasks), 'task')} without annotations",
        markup=False,
    )
    for conflict in report.conflicts[:10]:
        console.print(
            f"  conflict: task {conflict.task_id} ({conflict.doc_id}): "
            f"{conflict.reason}; annotations {list(conflict.annotation_ids)}",
            markup=False,
        )
    for dup in report.duplicates[:10]:
        console.print(
            f"  duplicate: {dup.doc_id} is in tasks {list(dup.task_ids)}; none of them is "
            "gold: delete the extra tasks in Label Studio and pull again",
            markup=False,
        )
    for issue in (report.mismatches + report.invalid)[:10]:
        console.print(f"  {issue.kind}: {issue.message}", markup=False)
    if report.defaults:
        console.print(
            f"  {plural(len(report.defaults), 'missing attribute')} filled by defaults "
            "(see report.json)",
            markup=False,
        )
    if report.previous:
        console.print(f"the gold it replaced is kept in {report.previous}", markup=False)
