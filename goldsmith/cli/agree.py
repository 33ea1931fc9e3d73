"""``goldsmith eval agree``: agreement between annotators and pre-annotation edit rate."""

import typer


def register(app: typer.Typer) -> None:
    """Add the ``agree`` command to the ``eval`` sub-app."""
