"""``goldsmith eval agree``: agreement between annotators and pre-annotation edit rate."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from goldsmith.errors import InputError
from goldsmith.eval.agreement import AgreementReport, agreement_report
from goldsmith.eval.edit_rate import EditCounts
from goldsmith.eval.pair_agreement import ALL_LABELS
from goldsmith.labels.gold import (
    agreement_path,
    agreement_record,
    open_gold_dir,
    save_agreement,
)
from goldsmith.labels.schema import LAYERS
from goldsmith.outputs import check_writable
from goldsmith.wording import plural


def register(app: typer.Typer) -> None:
    """Add the ``agree`` command to the ``eval`` sub-app."""
    app.command("agree")(agree_command)


def agree_command(
    gold_dir: Annotated[
        Path,
        typer.Argument(
            exists=True,
            file_okay=False,
            metavar="GOLD",
            help="Gold directory written by 'goldsmith annotate pull' "
            "(reads annotations.jsonl and predictions.jsonl).",
        ),
    ],
    json_path: Annotated[
        Path | None,
        typer.Option(
            "--json",
            help="Also write the full agreement report as JSON here (it is always saved "
            "as GOLD_DIR/agreement.json, where 'goldsmith publish' finds it).",
        ),
    ] = None,
    model_version: Annotated[
        str | None,
        typer.Option(
            help="Measure the edit rate against the predictions of this model version "
            "(default: each task's last prediction)."
        ),
    ] = None,
) -> None:
    """Agreement between annotators: pairwise span F1 per layer and label, Krippendorff's
    alpha on token labels, and how much annotators edited the pre-annotations.

    Only submitted annotations count (the latest per task and annotator). Span F1 matches
    regions exactly (entities: offsets and label), and also at 30% overlap for quotes and
    50% for claims.

    The report is saved as GOLD_DIR/agreement.json, tied to the pull it measured, so
    'goldsmith publish' puts it on the dataset card (only while the gold is that pull's).

    Example: goldsmith eval agree gold/ --json agreement.json
    """
    if json_path is not None:
        check_writable(json_path, "--json")
    open_gold_dir(gold_dir)
    report = agreement_report(gold_dir, model_version=model_version)
    console = Console(highlight=False)
    render(report, console)
    record = agreement_record(gold_dir, report.to_dict())
    try:
        saved = save_agreement(agreement_path(gold_dir), record)
        console.print(f"agreement report saved as {saved}", markup=False)
    except InputError as exc:  # a read-only gold directory: the tables above still stand
        console.print(f"note: not saved in the gold directory: {exc}", markup=False)
    if json_path is not None:
        save_agreement(json_path, record)
        console.print(f"agreement report written to {json_path}", markup=False)


def render(report: AgreementReport, console: Console) -> None:
    """Print the agreement report as rich tables."""
    console.print(
        f"{plural(report.annotations, 'submitted annotation')} by "
        f"{plural(len(report.annotators), 'annotator')} on {plural(report.tasks, 'task')}; "
        f"{plural(report.shared_tasks, 'task')} with two or more annotators; "
        f"{report.skipped} skipped, {plural(report.drafts, 'draft')} not counted.",
        markup=False,
    )
    if report.provenance:
        made = ", ".join(f"{n} {kind}" for kind, n in report.provenance.items())
        console.print(f"gold documents: {made}", markup=False)
    for note in report.notes:
        console.print(f"note: {note}", markup=False)
    if not report.annotations:
        return
    if report.pairs:
        console.print(_pair_table(report))
    if report.shared_tasks:
        console.print(_alpha_table(report))
    if report.edits is not None:
        console.print(_edit_table(report.edits))


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _pair_table(report: AgreementReport) -> Table:
    table = Table(title="Pairwise span F1 between annotators")
    for column in ("layer", "match", "label", "pair", "tasks", "both", "only a", "only b", "F1"):
        left = column in ("layer", "match", "label", "pair")
        table.add_column(column, justify="left" if left else "right")
    for key in report.pair_keys():
        layer, label, criterion = key
        rows = [p for p in report.pairs if (p.layer, p.label, p.criterion) == key]
        summed = report.summed(layer, label, criterion)
        if len(rows) > 1 and summed is not None:
            rows = [*rows, summed]
        for p in rows:
            pair = "all pairs" if p.annotator_a == "*" else f"{p.annotator_a} / {p.annotator_b}"
            table.add_row(
                layer,
                criterion.replace("_", " ") + ("%" if criterion.startswith("overlap") else ""),
                "all labels" if label == ALL_LABELS else label,
                pair,
                str(p.tasks),
                str(p.matched),
                str(p.only_a),
                str(p.only_b),
                _fmt(p.f1),
            )
    return table


def _alpha_table(report: AgreementReport) -> Table:
    table = Table(title="Krippendorff's alpha on token labels (nominal)")
    for column in ("layer", "alpha", "tokens", "tasks", "annotators"):
        table.add_column(column, justify="left" if column == "layer" else "right")
    for layer in LAYERS:
        a = report.alpha[layer]
        alpha = _fmt(a.alpha) if a.alpha is not None else "- (undefined)"
        table.add_row(layer, alpha, str(a.units), str(a.tasks), str(a.annotators))
    return table


def _edit_table(edits: dict[str, EditCounts]) -> Table:
    table = Table(title="Edits of the pre-annotations (submitted annotations)")
    for column in ("layer", "predicted", "kept", "changed", "deleted", "added", "final"):
        table.add_column(column, justify="left" if column == "layer" else "right")
    for layer in LAYERS:
        e = edits[layer]
        table.add_row(
            layer,
            str(e.predicted),
            _with_rate(e.kept, e.kept_rate),
            _with_rate(e.changed, e.changed_rate),
            _with_rate(e.deleted, e.deleted_rate),
            _with_rate(e.added, e.added_rate),
            str(e.annotated),
        )
    return table


def _with_rate(count: int, rate: float | None) -> str:
    return str(count) if rate is None else f"{count} ({rate:.0%})"
