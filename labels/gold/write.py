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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
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
    """What a pull writes: the gold, every annotation, the predictions, the report.

    Each part may be any iterable (a pull hands over files it spooled); ``gold`` is read
    twice (JSONL, then the dataset), so it must iterate anew each time, as a list does.
    Parts are written a batch of ``DATASET_BATCH`` documents at a time, never held whole.
    """

    gold: Iterable[AnnotatedDoc]
    annotations: Iterable[AnnotatedDoc] = field(default_factory=list)
    predictions: Iterable[AnnotatedDoc] = field(default_factory=list)
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


DATASET_BATCH = 1000


def _write_parts(folder: Path, content: GoldContent) -> None:
    import datasets  # here, so reading a gold directory does not load it

    write_jsonl(content.gold, folder / GOLD_JSONL)
    write_jsonl(content.annotations, folder / ANNOTATIONS_JSONL)
    write_jsonl(content.predictions, folder / PREDICTIONS_JSONL)
    quiet = datasets.utils.are_progress_bars_disabled()
    datasets.disable_progress_bars()
    try:
        _save_dataset(content.gold, folder)
    finally:
        if not quiet:
            datasets.enable_progress_bars()
    (folder / REPORT_JSON).write_text(
        json.dumps(content.report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def _save_dataset(gold: Iterable[AnnotatedDoc], folder: Path) -> None:
    """Save the gold split a batch at a time: each batch is made by
    :func:`goldsmith.labels.features.docs_to_dataset` (the one encoding) and appended to
    an Arrow file, which ``datasets`` then saves memory-mapped."""
    import datasets
    from datasets.arrow_writer import ArrowWriter

    from goldsmith.labels.features import docs_to_dataset, gold_features

    extra = gold_extra_features()
    arrow = folder / ".gold.arrow"
    writer = ArrowWriter(features=gold_features(extra), path=str(arrow))
    try:
        for batch in _batches(gold, DATASET_BATCH):
            writer.write_table(docs_to_dataset(batch, extra=extra).data.table)
        writer.finalize()
    finally:
        writer.close()
    dataset = datasets.Dataset.from_file(str(arrow))
    datasets.DatasetDict({GOLD_SPLIT: dataset}).save_to_disk(str(folder / DATASET_DIR))
    del dataset
    arrow.unlink()


def _batches(docs: Iterable[AnnotatedDoc], size: int) -> Iterator[list[AnnotatedDoc]]:
    it = iter(docs)
    while batch := list(islice(it, size)):
        yield batch
