"""Reading and writing the spec's JSON Lines interchange format (one document a line).

Reading validates every record and raises :class:`SchemaError` naming the file,
the line and the problem; nothing is silently dropped. Top-level fields other
than the spec's (``title``, ``model_version`` ...) are kept in ``doc.meta`` and
written back, and a region may carry an optional ``score``.

Writing a whole file goes through :class:`AtomicJsonlWriter`: lines go to a hidden
``.NAME.partial`` beside the target and the file appears only when every line is
written, so a failure never leaves a half-written file under the target's name.

Example:
    >>> from goldsmith.labels import AnnotatedDoc, read_jsonl, write_jsonl
    >>> write_jsonl([AnnotatedDoc("d1", "Hi.")], "/tmp/x.jsonl")
    1
    >>> [d.doc_id for d in read_jsonl("/tmp/x.jsonl")]
    ['d1']
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from goldsmith.errors import InputError, SchemaError
from goldsmith.labels.records import AnnotatedDoc, Claim, Entity, Quote
from goldsmith.labels.validate import problems, surrogate_problem

_SPEC_KEYS = ("doc_id", "text", "entities", "quotes", "claims")


def read_jsonl(path: str | Path) -> Iterator[AnnotatedDoc]:
    """Yield the documents of a spec JSONL file, validating each; blank lines are skipped."""
    for _, doc in read_jsonl_lines(path):
        yield doc


def read_jsonl_lines(path: str | Path) -> Iterator[tuple[int, AnnotatedDoc]]:
    """Like :func:`read_jsonl`, with the line number of each document (for later checks)."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    with handle:
        line_no = 0
        try:
            for line_no, line in enumerate(handle, start=1):  # noqa: B007
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise SchemaError(
                        f"{path}:{line_no}: invalid JSON ({exc.msg} at column {exc.colno})"
                    ) from exc
                yield line_no, doc_from_dict(record, where=f"{path}:{line_no}")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{path}: not UTF-8 after line {line_no} ({exc.reason}); re-save the file as UTF-8"
            ) from exc


def write_jsonl(docs: Iterable[AnnotatedDoc], path: str | Path) -> int:
    """Write documents one a line (UTF-8, no ASCII escaping); return how many were written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for doc in docs:
            handle.write(json.dumps(doc_to_dict(doc), ensure_ascii=False))
            handle.write("\n")
            count += 1
    return count


def partial_path(path: str | Path) -> Path:
    """The hidden file an :class:`AtomicJsonlWriter` writes before renaming it to ``path``."""
    path = Path(path)
    return path.with_name(f".{path.name}.partial")


def kept_path(path: str | Path) -> Path:
    """Where an interrupted :class:`AtomicJsonlWriter` keeps what it wrote (``NAME.partial``)."""
    path = Path(path)
    return path.with_name(f"{path.name}.partial")


class AtomicJsonlWriter:
    """Writes JSON Lines to ``path`` all at once or not at all. Use as a context manager.

    Rules:
    - lines go to :func:`partial_path` (``.NAME.partial`` beside ``path``); on a clean
      exit it is renamed to ``path``, replacing any file there;
    - on an error the partial file is deleted and ``path`` is left as it was;
    - on an interruption (``KeyboardInterrupt``, which the CLI also raises on SIGTERM)
      with ``keep_on_interrupt``, the lines written so far are kept, visibly, in
      :func:`kept_path` (``NAME.partial``) so a rerun can resume; otherwise deleted;
    - a path that cannot be written (a folder, a read-only place, a parent that is a
      file) raises :class:`InputError` naming it, before anything is computed.

    Example:
        >>> with AtomicJsonlWriter("/tmp/y.jsonl") as out:  # doctest: +SKIP
        ...     out.write(AnnotatedDoc("d1", "Hi."))
    """

    def __init__(self, path: str | Path, *, keep_on_interrupt: bool = False) -> None:
        self.path = Path(path)
        self.partial = partial_path(self.path)
        self.keep_on_interrupt = keep_on_interrupt
        self.count = 0
        try:
            if self.path.is_dir():
                raise InputError(f"{self.path}: is a folder; choose a file name for --out")
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self.partial.open("w", encoding="utf-8", newline="\n")
        except OSError as exc:
            raise _cannot_write(self.path, exc) from None

    def write(self, doc: AnnotatedDoc) -> None:
        """Append one document as one line."""
        self.write_line(json.dumps(doc_to_dict(doc), ensure_ascii=False))

    def write_line(self, line: str) -> None:
        """Append one line that is already JSON (without its newline)."""
        try:
            self._handle.write(line)
            self._handle.write("\n")
        except OSError as exc:
            raise _cannot_write(self.path, exc) from None
        self.count += 1

    def __enter__(self) -> AtomicJsonlWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self._handle.close()
            if exc_type is None:
                os.replace(self.partial, self.path)
            elif issubclass(exc_type, KeyboardInterrupt) and self.keep_on_interrupt:
                os.replace(self.partial, kept_path(self.path))
        except OSError as error:
            if exc_type is None:
                raise _cannot_write(self.path, error) from None
        finally:
            self.partial.unlink(missing_ok=True)


def write_jsonl_atomic(docs: Iterable[AnnotatedDoc], path: str | Path) -> int:
    """Write documents one a line with :class:`AtomicJsonlWriter`; return how many."""
    with AtomicJsonlWriter(path) as out:
        for doc in docs:
            out.write(doc)
    return out.count


def _cannot_write(path: Path, exc: OSError) -> InputError:
    return InputError(f"{path}: cannot write ({exc.strerror or exc}); choose another --out")


def doc_to_dict(doc: AnnotatedDoc) -> dict[str, Any]:
    """The spec's JSON object for a document; ``meta`` fields follow the spec's fields."""
    record: dict[str, Any] = {
        "doc_id": doc.doc_id,
        "text": doc.text,
        "entities": [_entity_dict(e) for e in doc.entities],
        "quotes": [_quote_dict(q) for q in doc.quotes],
        "claims": [_claim_dict(c) for c in doc.claims],
    }
    for key, value in doc.meta.items():
        if key not in record:
            record[key] = value
    return record


def doc_from_dict(record: Any, where: str = "<record>") -> AnnotatedDoc:
    """Build and validate a document from a spec JSON object.

    Raises :class:`SchemaError` whose message starts with ``where`` (``file:line``).
    """
    if not isinstance(record, dict):
        raise SchemaError(f"{where}: expected a JSON object, got {type(record).__name__}")
    for key in ("doc_id", "text"):
        if key not in record:
            raise SchemaError(f"{where}: missing field {key!r}")
    bad_unicode = surrogate_problem(record)
    if bad_unicode is not None:
        raise SchemaError(f"{where}: {bad_unicode}")
    try:
        doc = AnnotatedDoc(
            doc_id=record["doc_id"],
            text=record["text"],
            entities=tuple(_entity(e) for e in _layer(record, "entities")),
            quotes=tuple(_quote(q) for q in _layer(record, "quotes")),
            claims=tuple(_claim(c) for c in _layer(record, "claims")),
            meta={k: v for k, v in record.items() if k not in _SPEC_KEYS},
        )
    except _FieldError as exc:
        raise SchemaError(f"{where}: {exc}") from None
    found = problems(doc)
    if found:
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise SchemaError(f"{where}: doc {doc.doc_id!r}: {found[0]}{more}")
    return doc


class _FieldError(ValueError):
    pass


def _layer(record: dict, name: str) -> list:
    value = record.get(name, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise _FieldError(f"{name!r} must be a list, got {type(value).__name__}")
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            raise _FieldError(f"{name}[{i}] must be an object, got {type(item).__name__}")
    return value


def _get(item: dict, key: str, kind: str) -> Any:
    if key not in item:
        raise _FieldError(f"{kind} {item!r} is missing {key!r}")
    return item[key]


def _entity(item: dict, kind: str = "entity") -> Entity:
    return Entity(
        start=_get(item, "start", kind),
        end=_get(item, "end", kind),
        text=_get(item, "text", kind),
        label=_get(item, "label", kind),
        score=item.get("score"),
    )


def _quote(item: dict) -> Quote:
    speaker = item.get("speaker")
    if speaker is not None and not isinstance(speaker, dict):
        raise _FieldError(f"quote speaker must be an object or null, got {speaker!r}")
    return Quote(
        start=_get(item, "start", "quote"),
        end=_get(item, "end", "quote"),
        text=_get(item, "text", "quote"),
        kind=_get(item, "kind", "quote"),
        speaker=_entity(speaker, "speaker") if speaker is not None else None,
        score=item.get("score"),
    )


def _claim(item: dict) -> Claim:
    return Claim(
        start=_get(item, "start", "claim"),
        end=_get(item, "end", "claim"),
        text=_get(item, "text", "claim"),
        value=_get(item, "value", "claim"),
        unit=_get(item, "unit", "claim"),
        qualifier=_get(item, "qualifier", "claim"),
        value_high=item.get("value_high"),
        score=item.get("score"),
    )


def _number(value: float) -> float | int:
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _entity_dict(ent: Entity) -> dict[str, Any]:
    out: dict[str, Any] = {"start": ent.start, "end": ent.end, "label": ent.label, "text": ent.text}
    if ent.score is not None:
        out["score"] = ent.score
    return out


def _quote_dict(quote: Quote) -> dict[str, Any]:
    out: dict[str, Any] = {
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "kind": quote.kind,
        "speaker": _entity_dict(quote.speaker) if quote.speaker is not None else None,
    }
    if quote.score is not None:
        out["score"] = quote.score
    return out


def _claim_dict(claim: Claim) -> dict[str, Any]:
    out: dict[str, Any] = {
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "value": _number(claim.value),
        "unit": claim.unit,
        "qualifier": claim.qualifier,
    }
    if claim.value_high is not None:
        out["value_high"] = _number(claim.value_high)
    if claim.score is not None:
        out["score"] = claim.score
    return out
