"""``goldsmith annotate settings`` / ``status`` / ``adjudicate``: a team's project."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from goldsmith.annotate.studio.adjudicate import adjudicate
from goldsmith.annotate.studio.client import connect, resolve_connection
from goldsmith.annotate.studio.consensus import GoldRule
from goldsmith.annotate.studio.locate import given_or_default
from goldsmith.annotate.studio.pseudonyms import load_salt
from goldsmith.annotate.studio.status import ProjectStatus, project_status
from goldsmith.annotate.studio.team import project_settings
from goldsmith.cli.labelstudio import Project, StudioDir
from goldsmith.errors import InputError
from goldsmith.wording import plural


def register(app: typer.Typer) -> None:
    """Add the ``settings``, ``status`` and ``adjudicate`` commands to ``annotate``."""
    app.command("settings")(settings_command)
    app.command("status")(status_command)
    app.command("adjudicate")(adjudicate_command)


Rule = Annotated[
    GoldRule,
    typer.Option(
        "--gold-rule",
        help="Which tasks count as settled: unanimous (all annotators agree on every "
        "region), majority (more than half agree on each region), ground-truth (one "
        "annotation marked ground truth).",
    ),
]


def settings_command(
    project: Project,
    overlap: Annotated[
        int | None,
        typer.Option("--overlap", min=1, help="Annotators per task (distinct people)."),
    ] = None,
    instructions: Annotated[
        bool,
        typer.Option(
            "--instructions/--no-instructions",
            help="Show goldsmith's annotator guidelines as the project's instructions.",
        ),
    ] = True,
    studio_dir: StudioDir = None,
) -> None:
    """Set how many annotators label each task, and the annotator guidelines.

    Every task, present and future, is handed to OVERLAP distinct annotators by Label
    Studio's label stream ("Label All Tasks") and to no more.
    Example: goldsmith annotate settings --project News --overlap 2
    """
    conn = resolve_connection(data_dir=studio_dir)
    client = connect(conn)
    done = project_settings(client, project, overlap, instructions, url=conn.url)
    Console(highlight=False, soft_wrap=True).print(
        f"project {project!r} (id {done.project_id}): {plural(done.overlap, 'annotator')} "
        f"per task on all {plural(done.tasks, 'task')}; "
        f"instructions {'shown' if done.instructions else 'off'}"
    )


def status_command(
    project: Project,
    json_path: Annotated[
        Path | None,
        typer.Option("--json", help="Write the status as JSON here ('-' for standard output)."),
    ] = None,
    studio_dir: StudioDir = None,
    rule: Rule = GoldRule.MAJORITY,
) -> None:
    """Progress of a team: each annotator's work, tasks done or waiting, agreement so far.

    Agreement is computed as 'goldsmith eval agree' does, over the tasks with two or
    more submitted annotations; annotators appear as pseudonyms.
    Example: goldsmith annotate status --project News --json status.json
    """
    conn = resolve_connection(data_dir=studio_dir)
    client = connect(conn)
    status = project_status(
        client,
        project,
        load_salt(conn.data_dir or given_or_default(studio_dir)),
        url=conn.url,
        rule=rule,
    )
    text = json.dumps(status.to_dict(), indent=2, ensure_ascii=False) + "\n"
    if json_path is not None and str(json_path) == "-":
        typer.echo(text, nl=False)
        return
    render_status(status, Console(highlight=False, soft_wrap=True))
    if json_path is not None:
        try:
            json_path.parent.mkdir(parents=True, exist_ok=True)
            json_path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{json_path}: cannot write ({exc.strerror})") from None


def render_status(status: ProjectStatus, console: Console) -> None:
    """Print the status as two small tables and a few lines."""
    console.print(
        f"project {status.project_title!r} (id {status.project_id}), "
        f"{plural(status.overlap, 'annotator')} per task: {plural(status.tasks, 'task')}, "
        f"{status.tasks_done} done, "
        f"{status.tasks_waiting} waiting for more annotators, {status.tasks_not_started} "
        "not started"
    )
    people = Table("annotator", "submitted", "skipped", "drafts", "median s/task")
    for a in status.annotators:
        lead = "-" if a.median_lead_time is None else f"{a.median_lead_time:.1f}"
        people.add_row(a.annotator, str(a.submitted), str(a.skipped), str(a.drafts), lead)
    console.print(people)
    agree = Table(f"layer ({status.shared_tasks} shared tasks)", "span F1", "alpha")
    for layer in status.agreement:
        f1 = ", ".join(
            f"{name} {'-' if v is None else f'{100 * v:.1f}'}" for name, v in layer.f1.items()
        )
        alpha = "-" if layer.alpha is None else f"{layer.alpha:.3f}"
        agree.add_row(layer.layer, f1, alpha)
    console.print(agree)
    console.print(
        f"{len(status.conflicts)} task(s) the {status.rule} rule cannot settle wait for "
        f"adjudication, {status.adjudicated} adjudicated"
        + (f" (tasks {', '.join(map(str, status.conflicts[:10]))})" if status.conflicts else "")
    )
    if status.unreadable:
        console.print(f"{status.unreadable} annotation(s) could not be read (see a pull's report)")
    for note in status.notes:
        console.print(f"note: {note}")


def adjudicate_command(
    project: Project,
    studio_dir: StudioDir = None,
    rule: Rule = GoldRule.MAJORITY,
) -> None:
    """Put every task the gold rule cannot settle in front of a reviewer.

    Creates (once) the project 'TITLE (adjudication)': each unsettled task with the
    consensus as the starting point, every annotator's version as a prediction (open them
    side by side with "Compare All") and the points of disagreement above the text. What
    the reviewer submits there is the gold of that document on the next 'annotate pull'.
    Running it again adds only newly unsettled tasks.
    Example: goldsmith annotate adjudicate --project News --gold-rule majority
    """
    conn = resolve_connection(data_dir=studio_dir)
    client = connect(conn)
    result = adjudicate(
        client,
        project,
        load_salt(conn.data_dir or given_or_default(studio_dir)),
        rule=rule,
        url=conn.url,
    )
    verb = "created" if result.created else "updated"
    Console(highlight=False, soft_wrap=True).print(
        f"{verb} review project {result.review_title!r} (id {result.review_project_id}): "
        f"{len(result.unsettled)} task(s) the {rule.value} rule cannot settle; "
        f"{result.tasks_added} added, {result.tasks_existing} already there. The reviewer "
        f"opens {conn.url}/projects/{result.review_project_id}/data?labeling=1"
    )
