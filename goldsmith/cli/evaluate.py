"""``goldsmith eval``: score systems against the gold set; annotator agreement."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from goldsmith.annotate.systems import SystemSpec, parse_systems, system_predictions
from goldsmith.cli import agree, score_view
from goldsmith.cli.progress import progress_bar
from goldsmith.eval.evaluation import check_outputs, evaluate, write_outputs
from goldsmith.eval.score import SystemInput
from goldsmith.labels.gold import read_gold
from goldsmith.labels.records import AnnotatedDoc
from goldsmith.progress import Progress

app = typer.Typer(
    help="Score extraction systems against the gold set; agreement between annotators.",
    no_args_is_help=True,
)
agree.register(app)


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
    specs = parse_systems(system)
    check_outputs(json_path, html_path, errors_out)
    gold_docs = read_gold(gold)
    inputs = [SystemInput(s.name, s.source, _predict(s, gold_docs, model), s.layers) for s in specs]
    run = evaluate(
        gold_docs,
        inputs,
        resamples=resamples,
        seed=seed,
        value_tolerance=value_tolerance,
        gold_source=str(gold),
        errors=bool(errors or errors_out or html_path),
    )
    console = Console(highlight=False)
    score_view.render(run.report, console)
    if errors and run.errors is not None:
        score_view.render_errors(run.errors, errors, console)
    written = write_outputs(run, json_path=json_path, errors_path=errors_out, html_path=html_path)
    for what, path in written:
        console.print(f"{what} written to {path}", markup=False)


def _predict(spec: SystemSpec, gold: list[AnnotatedDoc], model: str | None) -> list[AnnotatedDoc]:
    """A system's predictions, with a progress bar on stderr while a model runs."""
    docs = system_predictions(spec, gold, model)
    if not spec.runs_model:
        return list(docs)
    found: list[AnnotatedDoc] = []
    with progress_bar(f"{spec.name}:") as bar:
        bar.show(Progress("predicting", 0, len(gold)))
        for doc in docs:
            found.append(doc)
            bar.show(Progress("predicting", len(found), len(gold)))
    return found
