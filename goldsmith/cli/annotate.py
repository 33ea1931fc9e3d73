"""``goldsmith annotate``: pre-annotate, push to Label Studio, pull the gold set."""

import typer

from goldsmith.cli import labelstudio, predict, team

app = typer.Typer(
    help="Pre-annotate documents, push them to Label Studio, pull the corrected gold set.",
    no_args_is_help=True,
)
predict.register(app)
labelstudio.register(app)
team.register(app)
