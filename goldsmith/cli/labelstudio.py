"""``goldsmith annotate push`` / ``pull``: the Label Studio side of the loop."""

import typer


def register(app: typer.Typer) -> None:
    """Add the ``push`` and ``pull`` commands to the ``annotate`` sub-app."""
