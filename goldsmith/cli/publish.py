"""``goldsmith publish``: a Hub-ready folder of the gold dataset."""

import typer


def register(app: typer.Typer) -> None:
    """Add the ``publish`` command to the root app (it is a single command, not a group)."""
