"""Predictions as Parquet shards: the spec records of a folder of ``part-*.parquet`` files.

A shard holds the same records as spec JSONL lines, column for column: ``doc_id``,
``text``, the three layers as lists of structs (a region's ``score``, a claim's
``value_high`` and a quote's ``speaker`` are null when absent) and ``meta``, the
record's other top-level fields (``source``, ``title``, ``model_version`` ...) as one
JSON object in a string, so any field survives. :func:`table_to_records` gives back the
spec JSON objects, key for key as :func:`goldsmith.labels.jsonl.doc_to_dict` makes them
(so a JSONL line written from a shard is the line the JSONL writer writes), without
validation: a shard holds what its writer wrote. :func:`table_to_docs` validates.

Rules: a shard appears under its name only when it is completely written (written to
a hidden ``.NAME.tmp`` beside it, then renamed); :func:`shard_paths` lists the
complete shards of a folder in name order, ignoring hidden files.

Example:
    >>> from goldsmith.labels import AnnotatedDoc
    >>> table = docs_to_table([AnnotatedDoc("d1", "Hi.")])
    >>> [d.doc_id for d in table_to_docs(table)]
    ['d1']
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from goldsmith.errors import InputError
from goldsmith.labels.jsonl import AtomicJsonlWriter, doc_from_dict, doc_to_dict
from goldsmith.labels.records import AnnotatedDoc

SHARD_PREFIX = "part-"
SHARD_SUFFIX = ".parquet"
_SPEC = ("doc_id", "text", "entities", "quotes", "claims")


def _region(**extra: pa.DataType) -> pa.DataType:
    fields = [("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())]
    return pa.struct(fields + list(extra.items()) + [("score", pa.float64())])


_ENTITY = _region(label=pa.string())
SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("text", pa.string()),
        ("entities", pa.list_(_ENTITY)),
        ("quotes", pa.list_(_region(kind=pa.string(), speaker=_ENTITY))),
        (
            "claims",
            pa.list_(
                _region(
                    value=pa.float64(),
                    value_high=pa.float64(),
                    unit=pa.string(),
                    qualifier=pa.string(),
                )
            ),
        ),
        ("meta", pa.string()),
    ]
)


def docs_to_table(docs: Iterable[AnnotatedDoc]) -> pa.Table:
    """The records as one table of :data:`SCHEMA`."""
    rows = []
    for doc in docs:
        record = doc_to_dict(doc)
        meta = {k: v for k, v in record.items() if k not in _SPEC}
        row = {k: record[k] for k in _SPEC}
        row["meta"] = json.dumps(meta, ensure_ascii=False)
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def table_to_records(table: pa.Table) -> Iterator[dict[str, Any]]:
    """The spec JSON object of each row, keys in :func:`doc_to_dict`'s order, unvalidated."""
    for row in table.to_pylist():
        record: dict[str, Any] = {
            "doc_id": row["doc_id"],
            "text": row["text"],
            "entities": [_entity(e) for e in row["entities"] or []],
            "quotes": [_quote(q) for q in row["quotes"] or []],
            "claims": [_claim(c) for c in row["claims"] or []],
        }
        for key, value in json.loads(row["meta"] or "{}").items():
            record.setdefault(key, value)
        yield record


def table_to_docs(table: pa.Table, where: str = "<table>") -> Iterator[AnnotatedDoc]:
    """The validated records of a table of :data:`SCHEMA` (``where`` names it in errors)."""
    for i, record in enumerate(table_to_records(table)):
        yield doc_from_dict(record, where=f"{where}[{i}]")


def write_shard(table: pa.Table, path: str | Path) -> Path:
    """Write ``table`` to ``path`` whole (hidden temporary file, then rename)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(
            f"{path}: cannot write ({exc.strerror or exc}); choose another --out"
        ) from None
    return path


def shard_paths(folder: str | Path) -> list[Path]:
    """The complete shards of ``folder`` in name order (none when it does not exist)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.name.startswith(SHARD_PREFIX) and p.name.endswith(SHARD_SUFFIX) and p.is_file()
    )


def read_shards(folder: str | Path) -> Iterator[AnnotatedDoc]:
    """Every record of every shard of ``folder``, validated, one shard in memory at a time."""
    for path in shard_paths(folder):
        yield from table_to_docs(pq.read_table(path, schema=SCHEMA), where=str(path))


def read_shard_records(folder: str | Path) -> Iterator[dict[str, Any]]:
    """Every spec JSON object of every shard of ``folder`` (unvalidated), shard by shard."""
    for path in shard_paths(folder):
        yield from table_to_records(pq.read_table(path, schema=SCHEMA))


def write_records_jsonl(records: Iterable[dict[str, Any]], path: str | Path) -> int:
    """Write spec JSON objects one a line, all at once or not at all; return how many."""
    with AtomicJsonlWriter(path) as out:
        for record in records:
            out.write_line(json.dumps(record, ensure_ascii=False))
    return out.count


def shard_doc_ids(path: str | Path) -> list[str]:
    """The ``doc_id`` column of one shard."""
    return pq.read_table(path, columns=["doc_id"]).column("doc_id").to_pylist()


def _entity(item: dict[str, Any] | None) -> dict[str, Any] | None:
    if item is None:
        return None
    out = {"start": item["start"], "end": item["end"], "label": item["label"]}
    out["text"] = item["text"]
    return _scored(out, item)


def _quote(item: dict[str, Any]) -> dict[str, Any]:
    out = {key: item[key] for key in ("start", "end", "text", "kind")}
    out["speaker"] = _entity(item.get("speaker"))
    return _scored(out, item)


def _claim(item: dict[str, Any]) -> dict[str, Any]:
    out = {key: item[key] for key in ("start", "end", "text")}
    out["value"] = _number(item["value"])
    out["unit"] = item["unit"]
    out["qualifier"] = item["qualifier"]
    if item.get("value_high") is not None:
        out["value_high"] = _number(item["value_high"])
    return _scored(out, item)


def _scored(out: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    if item.get("score") is not None:
        out["score"] = item["score"]
    return out


def _number(value: float | None) -> float | int | None:
    """As the JSONL writer writes a number: a whole float becomes an int."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value
