"""``goldsmith annotate predict``: run the pre-annotators over a corpus."""

import typer


def register(app: typer.Typer) -> None:
    """Add the ``predict`` command to the ``annotate`` sub-app."""
