"""Writing a gold directory whole, and the rule for replacing one.

The rule for replacing: a pull may write into a folder that does not exist, an empty
folder, or a gold directory whose manifest names the same project on the same server
and that holds nothing but the pull's parts, ``manifest.json`` and ``agreement.json``.
Anything else (another project or server, a folder without a manifest, files a pull did
not write) is refused, naming what is there, unless ``force``; even then the replaced
folder is kept as ``gold.prev/``. The swap itself follows :mod:`goldsmith.labels.gold.swap`.

Example:
    >>> origin = Origin("http://127.0.0.1:8080", 3, "News")  # doctest: +SKIP
    >>> content = GoldContent(gold, anns, preds, report)  # doctest: +SKIP
    >>> write_gold_dir("gold", content, origin, pull_id)  # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from goldsmith.errors import InputError
from goldsmith.labels.gold.layout import (
    AGREEMENT_JSON,
    ANNOTATIONS_JSONL,
    DATASET_DIR,
    GOLD_JSONL,
    GOLD_SPLIT,
    MANIFEST_JSON,
    PARTS,
    PREDICTIONS_JSONL,
    REPORT_JSON,
    gold_extra_features,
    prev_dir,
    sibling,
)
from goldsmith.labels.gold.manifest import (
    Manifest,
    Origin,
    hash_parts,
    read_manifest,
    utc_now,
    write_manifest,
)
from goldsmith.labels.gold.swap import READY, STAGING, install, parent_lock, settle
from goldsmith.labels.jsonl import write_jsonl
from goldsmith.labels.records import AnnotatedDoc


@dataclass(frozen=True)
class GoldContent:
    """What a pull writes: the gold, every annotation, the predictions, the report."""

    gold: list[AnnotatedDoc]
    annotations: list[AnnotatedDoc] = field(default_factory=list)
    predictions: list[AnnotatedDoc] = field(default_factory=list)
    report: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Written:
    """A gold directory in place: its path, its manifest and the gold it replaced."""

    path: Path
    manifest: Manifest
    previous: Path | None = None


def check_replace(out: str | Path, origin: Origin, force: bool = False) -> None:
    """Raise :class:`InputError` when a pull of ``origin`` may not replace ``out``."""
    out = Path(os.path.abspath(out))
    if not out.exists() and not out.is_symlink():
        return
    if not out.is_dir():
        raise InputError(f"{out}: is a file, not a gold directory; choose another --out")
    entries = sorted(p.name for p in out.iterdir())
    if not entries or force:
        return
    keep = f"pass --force to replace it (it is kept as {prev_dir(out)})"
    manifest = read_manifest(out)
    if manifest is None:
        raise InputError(
            f"{out}: not empty and not a gold directory of 'goldsmith annotate pull' (no "
            f"{MANIFEST_JSON}); pull into an empty or new folder, or {keep}"
        )
    if not manifest.origin.same_project(origin):
        raise InputError(
            f"{out}: holds the gold of {manifest.origin.describe()}, not of "
            f"{origin.describe()}; pull into another folder, or {keep}"
        )
    foreign = [n for n in entries if n not in (*PARTS, MANIFEST_JSON, AGREEMENT_JSON)]
    if foreign:
        raise InputError(
            f"{out}: holds files a pull did not write ({', '.join(foreign[:5])}); "
            f"move them out, or {keep}"
        )


def write_gold_dir(
    out: str | Path,
    content: GoldContent,
    origin: Origin,
    pull_id: str,
    *,
    force: bool = False,
) -> Written:
    """Write ``content`` as the gold directory ``out``, whole or not at all (module rule).

    An unwritable ``out`` is an :class:`InputError` naming the path.
    """
    out = Path(os.path.abspath(out))
    staging = sibling(out, STAGING, pull_id)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with parent_lock(out):
            settle(out)
            check_replace(out, origin, force)
            staging.mkdir()
            _write_parts(staging, content)
            manifest = Manifest(origin, pull_id, utc_now(), hash_parts(staging))
            write_manifest(staging, manifest)
            ready = sibling(out, READY, pull_id)
            os.rename(staging, ready)
            previous = install(ready, out, pull_id)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        where = f"{exc.filename}: " if exc.filename and str(exc.filename) != str(out) else ""
        raise InputError(
            f"{out}: cannot write the gold directory ({where}{exc.strerror or exc}); "
            "choose another --out"
        ) from None
    return Written(out, manifest, previous)


def _write_parts(folder: Path, content: GoldContent) -> None:
    import datasets  # here, so reading a gold directory does not load it

    from goldsmith.labels.features import docs_to_dataset

    write_jsonl(content.gold, folder / GOLD_JSONL)
    write_jsonl(content.annotations, folder / ANNOTATIONS_JSONL)
    write_jsonl(content.predictions, folder / PREDICTIONS_JSONL)
    dataset = docs_to_dataset(content.gold, extra=gold_extra_features())
    quiet = datasets.utils.are_progress_bars_disabled()
    datasets.disable_progress_bars()
    try:
        datasets.DatasetDict({GOLD_SPLIT: dataset}).save_to_disk(str(folder / DATASET_DIR))
    finally:
        if not quiet:
            datasets.enable_progress_bars()
    (folder / REPORT_JSON).write_text(
        json.dumps(content.report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
