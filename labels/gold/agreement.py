"""``agreement.json``: the agreement report of a gold directory, tied to the pull it measured.

``goldsmith eval agree GOLD`` writes its report into ``GOLD/agreement.json`` with a
``gold`` entry saying what it measured: the pull id of the gold directory's manifest
(None without one) and the SHA-256 of the ``annotations.jsonl`` it read. The file sits
beside the pull's parts but is not in the manifest (it is written after the pull).

The rule for using it (``publish`` puts it on the dataset card): the agreement belongs
to the gold directory only when its ``gold`` entry equals the directory's current one;
otherwise (another pull, an edited annotation table, a file without that entry) it is
left out, with the reason.

Example:
    >>> save_agreement("gold/agreement.json", agreement_record("gold", report))  # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from goldsmith.errors import InputError
from goldsmith.labels.gold.layout import AGREEMENT_JSON, ANNOTATIONS_JSONL
from goldsmith.labels.gold.manifest import read_manifest, sha256_file

GOLD_KEY = "gold"


def provenance(gold_dir: str | Path) -> dict[str, Any]:
    """What an agreement report of ``gold_dir`` measures: pull id and annotation table hash."""
    gold_dir = Path(gold_dir)
    manifest = read_manifest(gold_dir)
    table = gold_dir / ANNOTATIONS_JSONL
    return {
        "pull_id": manifest.pull_id if manifest is not None else None,
        "annotations_sha256": sha256_file(table) if table.is_file() else None,
    }


def agreement_record(gold_dir: str | Path, report: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON of ``agreement.json``: the report with its ``gold`` entry first."""
    return {GOLD_KEY: provenance(gold_dir), **report}


def agreement_path(gold_dir: str | Path) -> Path:
    return Path(gold_dir) / AGREEMENT_JSON


def save_agreement(path: str | Path, record: Mapping[str, Any]) -> Path:
    """Write ``record`` to ``path`` (whole or not at all); an unwritable path is an
    :class:`InputError` naming it."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        if tmp.exists():
            tmp.unlink()
        raise InputError(
            f"{exc.filename or path}: cannot write the agreement report ({exc.strerror or exc})"
        ) from None
    return path


def matching_agreement(gold_dir: str | Path) -> tuple[dict[str, Any] | None, str | None]:
    """``(agreement, None)`` when ``gold_dir/agreement.json`` belongs to it (module rule),
    ``(None, why not)`` when it does not, ``(None, None)`` when there is none."""
    path = agreement_path(gold_dir)
    if not Path(gold_dir).is_dir() or not path.exists():
        return None, None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: unreadable ({exc}); rerun 'goldsmith eval agree'") from None
    rerun = f"rerun 'goldsmith eval agree {gold_dir}'"
    measured = data.get(GOLD_KEY) if isinstance(data, dict) else None
    if not isinstance(measured, dict):
        return None, f"{path} does not say which pull it measured; left out; {rerun}"
    current = provenance(gold_dir)
    if measured.get("pull_id") != current["pull_id"]:
        return None, (
            f"{path} measured pull {measured.get('pull_id')}, not this gold's pull "
            f"{current['pull_id']}; left out; {rerun}"
        )
    if measured.get("annotations_sha256") != current["annotations_sha256"]:
        return None, f"{path} measured another {ANNOTATIONS_JSONL}; left out; {rerun}"
    return data, None
