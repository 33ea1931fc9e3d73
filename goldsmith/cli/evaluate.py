"""``goldsmith eval``: score systems against the gold set; annotator agreement."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from goldsmith.cli import agree, score_view, systems
from goldsmith.errors import InputError
from goldsmith.eval.errors import format_errors, list_errors
from goldsmith.eval.report import write_report
from goldsmith.eval.score import SystemInput, align, score
from goldsmith.labels.gold import read_gold

app = typer.Typer(
    help="Score extraction systems against the gold set; agreement between annotators.",
    no_args_is_help=True,
)
agree.register(app)

_HTML_MODULE = "goldsmith.eval.html"


@app.command("score")
def score_command(
    gold: Annotated[
        Path,
        typer.Argument(
            exists=True,
            metavar="GOLD",
            help="Gold set: a gold directory from 'goldsmith annotate pull' or a spec JSONL file.",
        ),
    ],
    system: Annotated[
        list[str],
        typer.Option(
            "--system",
            "-s",
            metavar="NAME=SOURCE",
            help=(
                "A system to score, NAME=SOURCE; repeat to compare systems. SOURCE is a spec "
                "JSONL prediction file, spacy:MODEL (that pipeline's NER, spec labels only) "
                "or goldsmith (the pre-annotator)."
            ),
        ),
    ],
    json_path: Annotated[
        Path | None,
        typer.Option("--json", metavar="PATH", help="Write the full report as JSON here."),
    ] = None,
    html_path: Annotated[
        Path | None,
        typer.Option("--html", metavar="PATH", help="Write an HTML report with error listings."),
    ] = None,
    resamples: Annotated[
        int, typer.Option(min=0, help="Bootstrap resamples of documents (0: no intervals).")
    ] = 1000,
    seed: Annotated[int, typer.Option(help="Seed of the bootstrap.")] = 0,
    value_tolerance: Annotated[
        float,
        typer.Option(
            min=0.0,
            help="Relative tolerance for claim values (0.01 = 1%); 1% is always reported too.",
        ),
    ] = 0.0,
    model: Annotated[
        str | None,
        typer.Option(help="spaCy model of the 'goldsmith' system (default: installed model)."),
    ] = None,
    errors: Annotated[
        int,
        typer.Option(
            "--errors",
            min=0,
            metavar="N",
            help="Print the first N errors of each system with their context.",
        ),
    ] = 0,
    errors_out: Annotated[
        Path | None,
        typer.Option(
            "--errors-out",
            metavar="PATH",
            help="Write every error of every system as JSON Lines (one error a line).",
        ),
    ] = None,
) -> None:
    """Score systems against the gold set: entities, quotes with speakers, numeric claims.

    Prints P/R/F1 with 95% bootstrap intervals (documents resampled) per layer,
    per entity label and per quote kind, claim attribute accuracies and,
    for two or more systems, paired bootstrap tests.

    Example: goldsmith eval score gold/ -s mine=predictions.jsonl -s sm=spacy:en_core_web_sm
    """
    specs = systems.parse_systems(system)
    if not specs:
        raise InputError("give at least one --system NAME=SOURCE")
    if html_path is not None and importlib.util.find_spec(_HTML_MODULE) is None:
        raise InputError("HTML report not available (goldsmith.eval.html is not installed)")
    gold_docs = read_gold(gold)
    inputs: list[SystemInput] = []
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        for spec in specs:
            task = progress.add_task(f"{spec.name}: predicting", total=len(gold_docs))
            docs = systems.predictions(
                spec, gold_docs, model, lambda done, t=task: progress.update(t, completed=done)
            )
            inputs.append(SystemInput(spec.name, spec.source, docs, spec.layers))
            progress.remove_task(task)
    report = score(
        gold_docs,
        inputs,
        resamples=resamples,
        seed=seed,
        value_tolerance=value_tolerance,
        gold_source=str(gold),
    )
    console = Console(highlight=False)
    score_view.render(report, console)
    if json_path is not None:
        write_report(report, json_path)
        console.print(f"report written to {json_path}", markup=False)
    error_items = None
    if errors or errors_out is not None or html_path is not None:
        error_items = {
            s.name: list_errors(
                gold_docs,
                s.predictions,
                layers=s.layers,
                value_tolerance=value_tolerance,
                system=s.name,
            )
            for s in inputs
        }
    if errors and error_items is not None:
        for name, items in error_items.items():
            console.print(f"\n{name}: {len(items)} errors", markup=False)
            for line in format_errors(items, errors):
                console.print(line, markup=False, highlight=False)
    if errors_out is not None and error_items is not None:
        errors_out.parent.mkdir(parents=True, exist_ok=True)
        with errors_out.open("w", encoding="utf-8") as handle:
            for name, items in error_items.items():
                for item in items:
                    record = {"system": name, **item.to_dict()}
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        console.print(f"errors written to {errors_out}", markup=False)
    if html_path is not None:
        from goldsmith.eval.html import render_html

        aligned = {
            s.name: list(align(gold_docs, s.predictions, s.name).predictions) for s in inputs
        }
        html_path.parent.mkdir(parents=True, exist_ok=True)
        layers = {s.name: s.layers for s in inputs}
        page = render_html(
            report, gold_docs, aligned, layers_by_system=layers, errors_by_system=error_items
        )
        html_path.write_text(page, encoding="utf-8")
        console.print(f"HTML report written to {html_path}", markup=False)
