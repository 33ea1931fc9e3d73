"""Writing a pulled project as a gold directory, through :mod:`goldsmith.labels.gold`.

The gold directory's layout, writer, manifest and swap belong to that package; this
module only says what a pull hands it: the project it came from (server URL without
credentials, project id and title) and the four parts of the pull. The folder is
replaced whole or not at all, and only a gold directory of the same project and server
is replaced without ``force`` (the rules are in :mod:`goldsmith.labels.gold.write`).

Example:
    >>> write_pull("gold", gold, anns, preds, report, origin, pull_id)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from goldsmith.labels.gold import GoldContent, Origin, Written, public_url, write_gold_dir
from goldsmith.labels.records import AnnotatedDoc


def pull_origin(url: str, project_id: int, project_title: str) -> Origin:
    """The origin a pull writes into the manifest (the URL stripped of credentials)."""
    return Origin(public_url(url), project_id, project_title)


def write_pull(
    out_dir: str | Path,
    gold: Iterable[AnnotatedDoc],
    annotations: Iterable[AnnotatedDoc],
    predictions: Iterable[AnnotatedDoc],
    report: dict[str, Any],
    origin: Origin,
    pull_id: str,
    *,
    force: bool = False,
) -> Written:
    """Write the pull as the gold directory ``out_dir``; returns where and what it replaced.

    The parts may be spooled files read as they are written (``gold`` is read twice).
    """
    content = GoldContent(gold, annotations, predictions, report)
    return write_gold_dir(out_dir, content, origin, pull_id, force=force)
