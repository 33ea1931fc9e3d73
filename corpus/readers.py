"""Reading one input into raw documents: decoded, newlines normalised, source and title set.

Rules:

- files are UTF-8, with or without a byte-order mark (the mark is dropped); anything
  else is an :class:`InputError` naming the file and the byte offset of the first bad byte;
- newlines are normalised (CRLF and CR to LF) before anything else; no other character
  changes;
- ``.txt`` / ``.md``: the whole file is one document; source ``sample/a.txt``; the title
  comes from the first line (:func:`goldsmith.corpus.titles.title_from_text`);
- records (``.jsonl`` lines, ``.csv`` rows, ``.parquet`` and ``datasets`` rows): the text is
  the field ``text_field``; a ``title`` field, when a non-blank string, is the title; an
  ``id`` field is kept as ``source_id``. A missing field is an error naming the place and the
  fields present; a null text is an empty document. Sources: ``news.jsonl:12`` (line, from
  1), ``a.csv:row 3`` and ``x.parquet:row 3`` (data rows, from 1, the header not counted),
  ``saved/train:row 3`` for a split of a saved DatasetDict. Blank JSONL lines and empty CSV
  lines are not records;
- no text, title or id may hold a lone surrogate code point (JSON's ``"\\ud83d"``
  without its pair): that is not Unicode text, and the error names the place
  (``news.jsonl:12``) before anything is written;
- only regular files are read: a FIFO, socket or device is refused by name, so a
  read never blocks.

Example:
    >>> from goldsmith.corpus.inputs import expand_inputs
    >>> [raw.source for raw in read_input(expand_inputs(["news.jsonl"])[0])]  # doctest: +SKIP
    ['news.jsonl:1', 'news.jsonl:2']
"""

from __future__ import annotations

import csv
import json
import stat
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goldsmith.corpus.documents import normalize_newlines
from goldsmith.corpus.inputs import Input, InputKind, special_kind
from goldsmith.corpus.titles import title_from_text
from goldsmith.errors import InputError, where
from goldsmith.labels.validate import surrogate_problem

_BOM = b"\xef\xbb\xbf"
_BATCH = 1000
_CSV_FIELD_LIMIT = 2**31 - 1


@dataclass(frozen=True)
class RawDoc:
    """A document as read, before ids, duplicates and boilerplate: normalised text."""

    text: str
    source: str
    title: str | None = None
    source_id: str | None = None


def read_input(item: Input, text_field: str = "text") -> Iterator[RawDoc]:
    """The raw documents of one input, in file order (rules in the module docstring)."""
    readers = {
        InputKind.TEXT: _read_text,
        InputKind.MARKDOWN: _read_text,
        InputKind.JSONL: _read_jsonl,
        InputKind.CSV: _read_csv,
        InputKind.PARQUET: _read_parquet,
        InputKind.DATASET: _read_dataset,
    }
    try:
        if item.kind is not InputKind.DATASET:
            check_regular_file(item.path)
        yield from readers[item.kind](item, text_field)
    except UnicodeDecodeError:
        raise _not_utf8(item.path) from None
    except IsADirectoryError:
        raise InputError(f"{item.path}: is a folder, not a {item.kind.value} file") from None
    except OSError as exc:
        raise InputError(f"{item.path}: cannot read ({exc.strerror or exc})") from None


def check_regular_file(path: Path) -> None:
    """Raise :class:`InputError` unless ``path`` is a regular file (or a link to one)."""
    mode = path.stat().st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(path)
    if not stat.S_ISREG(mode):
        raise InputError(f"{path}: {special_kind(mode)}, not a regular file; only files are read")


def _not_utf8(path: Path, offset: int | None = None) -> InputError:
    if offset is None:
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            offset = exc.start
    at = f" at byte {offset}" if offset is not None else ""
    return InputError(f"{path}: not UTF-8{at}; convert the file to UTF-8 and retry")


def _read_text(item: Input, text_field: str) -> Iterator[RawDoc]:
    data = item.path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _not_utf8(item.path, exc.start) from None
    text = normalize_newlines(text.removeprefix("\ufeff"))
    title = title_from_text(text, markdown=item.kind is InputKind.MARKDOWN)
    yield RawDoc(text, item.source, title)


def _read_jsonl(item: Input, text_field: str) -> Iterator[RawDoc]:
    offset = 0
    with item.path.open("rb") as fh:
        for number, data in enumerate(fh, start=1):
            start, offset = offset, offset + len(data)
            if number == 1 and data.startswith(_BOM):
                data, start = data[len(_BOM) :], start + len(_BOM)
            try:
                line = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise _not_utf8(item.path, start + exc.start) from None
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(
                    f"{where(item.path, number)}: invalid JSON ({exc.msg}, column {exc.colno})"
                ) from None
            if not isinstance(record, dict):
                raise InputError(
                    f"{where(item.path, number)}: expected a JSON object, "
                    f"got {type(record).__name__}"
                )
            yield _from_record(
                record, text_field, where(item.path, number), f"{item.source}:{number}"
            )


def _read_csv(item: Input, text_field: str) -> Iterator[RawDoc]:
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)  # long articles exceed the 128 KiB default
    with item.path.open("r", encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        number = 0
        try:
            header = next(reader, None)
            if header is None:
                return
            if text_field not in header:
                raise InputError(
                    f"{item.path}: header has no column {text_field!r}; columns present: "
                    f"{_names(header)}; choose one with --text-field"
                )
            for row in reader:
                if not row:
                    continue
                number += 1
                place = f"{item.path}:row {number}"
                if len(row) < len(header) and header.index(text_field) >= len(row):
                    raise InputError(f"{place}: the row has no cell for column {text_field!r}")
                record = dict(zip(header, row, strict=False))
                yield _from_record(record, text_field, place, f"{item.source}:row {number}")
        except csv.Error as exc:
            raise InputError(f"{item.path}:row {number + 1}: invalid CSV ({exc})") from None


def _read_parquet(item: Input, text_field: str) -> Iterator[RawDoc]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(item.path)
    except (pa.ArrowException, ValueError) as exc:
        raise InputError(f"{item.path}: not a readable Parquet file ({exc})") from None
    names = parquet.schema_arrow.names
    if text_field not in names:
        raise InputError(
            f"{item.path}: no column {text_field!r}; columns present: {_names(names)}; "
            "choose one with --text-field"
        )
    columns = [c for c in dict.fromkeys((text_field, "title", "id")) if c in names]
    number = 0
    for batch in parquet.iter_batches(batch_size=_BATCH, columns=columns):
        for record in batch.to_pylist():
            number += 1
            place = f"{item.path}:row {number}"
            yield _from_record(record, text_field, place, f"{item.source}:row {number}")


def _read_dataset(item: Input, text_field: str) -> Iterator[RawDoc]:
    import datasets

    try:
        loaded = datasets.load_from_disk(str(item.path))
    except Exception as exc:  # datasets raises many types for a damaged folder
        raise InputError(f"{item.path}: cannot load the saved dataset ({exc})") from None
    if isinstance(loaded, datasets.DatasetDict):
        for split, dataset in loaded.items():
            yield from _dataset_rows(dataset, item, f"{item.source}/{split}", text_field)
    else:
        yield from _dataset_rows(loaded, item, item.source, text_field)


def _dataset_rows(dataset: Any, item: Input, source: str, text_field: str) -> Iterator[RawDoc]:
    names = list(dataset.column_names)
    if text_field not in names:
        raise InputError(
            f"{item.path} ({source}): no column {text_field!r}; columns present: "
            f"{_names(names)}; choose one with --text-field"
        )
    columns = [c for c in dict.fromkeys((text_field, "title", "id")) if c in names]
    number = 0
    for batch in dataset.select_columns(columns).iter(batch_size=_BATCH):
        for values in zip(*(batch[c] for c in columns), strict=True):
            number += 1
            record = dict(zip(columns, values, strict=True))
            place = f"{item.path} ({source}):row {number}"
            yield _from_record(record, text_field, place, f"{source}:row {number}")


def _from_record(record: Mapping[str, Any], text_field: str, place: str, source: str) -> RawDoc:
    if text_field not in record:
        raise InputError(
            f"{place}: no field {text_field!r}; fields present: {_names(record)}; "
            "choose one with --text-field"
        )
    text = record[text_field]
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise InputError(f"{place}: field {text_field!r} is a {type(text).__name__}, not a string")
    title = record.get("title") if text_field != "title" else None
    title = normalize_newlines(title).strip() if isinstance(title, str) else None
    source_id = record.get("id")
    source_id = None if source_id is None or source_id == "" else str(source_id)
    checked = {"id": source_id, "title": title, text_field: text}
    bad_unicode = surrogate_problem({k: v for k, v in checked.items() if v is not None})
    if bad_unicode is not None:
        raise InputError(f"{place}: {bad_unicode}")
    return RawDoc(normalize_newlines(text), source, title or None, source_id)


def _names(names: Any) -> str:
    listed = ", ".join(repr(str(n)) for n in names)
    return listed or "(none)"
