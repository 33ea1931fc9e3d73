"""The ``--studio-dir`` option, one name in every command that uses the local server.

``--data-dir`` is its old name in ``studio`` and ``quickstart``: still accepted, hidden
from ``--help``, so older scripts keep working.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

StudioDir = Annotated[
    Path | None,
    typer.Option(
        "--studio-dir",
        help="Data dir of the local Label Studio server (credentials, pid file, log, "
        "database, annotator pseudonym salt). Default: $GOLDSMITH_STUDIO_DIR, else "
        ".goldsmith/studio here, else the last server 'goldsmith studio up' started.",
        file_okay=False,
        show_default=False,
    ),
]
OldDataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Old name of --studio-dir.", hidden=True, file_okay=False),
]


def studio_dir(new: Path | None, old: Path | None) -> Path | None:
    """The folder given with ``--studio-dir`` or, failing that, with the old ``--data-dir``."""
    return new if new is not None else old
