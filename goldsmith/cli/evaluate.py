"""``goldsmith eval``: score systems against the gold set; annotator agreement."""

import typer

from goldsmith.cli import agree

app = typer.Typer(
    help="Score extraction systems against the gold set; agreement between annotators.",
    no_args_is_help=True,
)
agree.register(app)
