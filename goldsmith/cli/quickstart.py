"""``goldsmith quickstart``: the whole first loop in one command."""

import typer


def register(app: typer.Typer) -> None:
    """Add the ``quickstart`` command to the root app."""
