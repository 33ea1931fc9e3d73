"""Checks a record against ANNOTATION_SPEC.md: offsets, text, labels, attributes.

``problems(doc)`` returns every violation as a readable string (empty when the
document is valid). The rules:

- every span has integer offsets with ``0 <= start < end <= len(text)`` and its
  stored ``text`` equals ``doc.text[start:end]``;
- entity labels are in ``ENTITY_LABELS``, speaker labels in ``SPEAKER_LABELS``;
- quote kinds are in ``QUOTE_KINDS``, claim qualifiers in ``QUALIFIERS``;
- a claim's ``value`` is a number; ``value_high`` is a number exactly when the
  qualifier is ``range``, and absent otherwise;
- a region's optional ``score`` (entities, quotes, their speakers, claims) is a real
  number from 0 to 1: not a string, a boolean, NaN or infinity.

:func:`lone_surrogate` finds what no string of a record may hold: a UTF-16 surrogate
code point on its own (JSON's ``"\\ud83d"`` escape without its pair), which is not
Unicode text and cannot be written as UTF-8.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

from goldsmith.labels.records import AnnotatedDoc, Claim, Entity, Span
from goldsmith.labels.schema import ENTITY_LABELS, QUALIFIERS, QUOTE_KINDS, SPEAKER_LABELS

_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(text: str) -> int | None:
    """The offset of the first surrogate code point in ``text``, or ``None``.

    Python joins a valid JSON surrogate pair into one code point, so any surrogate left
    in a decoded string stands alone.

    Example:
        >>> lone_surrogate("fine"), lone_surrogate("ok " + chr(0xD83D))
        (None, 3)
    """
    found = _SURROGATE.search(text)
    return None if found is None else found.start()


def surrogate_problem(value: Any, name: str = "") -> str | None:
    """A message naming the first string field of ``value`` that holds a lone surrogate."""
    for path, text in _strings(value, name):
        offset = lone_surrogate(text)
        if offset is not None:
            code = f"U+{ord(text[offset]):04X}"
            return (
                f"{path or 'value'} holds a lone surrogate {code} at offset {offset}, "
                "which is not valid Unicode (a broken emoji?); fix the text and retry"
            )
    return None


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key, path) if isinstance(key, str) else iter(())
            yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")


def problems(doc: AnnotatedDoc) -> list[str]:
    """Every way ``doc`` breaks the spec, each naming the layer, index and value."""
    found: list[str] = []
    if not isinstance(doc.doc_id, str) or not doc.doc_id:
        found.append(f"doc_id must be a non-empty string, got {doc.doc_id!r}")
    if not isinstance(doc.text, str):
        return found + [f"text must be a string, got {type(doc.text).__name__}"]
    for i, ent in enumerate(doc.entities):
        where = f"entities[{i}]"
        found += _span_problems(doc.text, ent, where) + _score_problems(ent.score, where)
        if ent.label not in ENTITY_LABELS:
            valid = ", ".join(ENTITY_LABELS)
            found.append(f"{where}: unknown label {ent.label!r} (valid: {valid})")
    for i, quote in enumerate(doc.quotes):
        where = f"quotes[{i}]"
        found += _span_problems(doc.text, quote, where) + _score_problems(quote.score, where)
        if quote.kind not in QUOTE_KINDS:
            found.append(f"{where}: unknown kind {quote.kind!r} (valid: {', '.join(QUOTE_KINDS)})")
        if quote.speaker is not None:
            found += _speaker_problems(doc.text, quote.speaker, f"{where}.speaker")
    for i, claim in enumerate(doc.claims):
        found += _claim_problems(doc.text, claim, f"claims[{i}]")
    return found


def _span_problems(text: str, span: Span, where: str) -> list[str]:
    start, end = span.start, span.end
    if not (_is_int(start) and _is_int(end)):
        return [f"{where}: offsets must be integers, got start={start!r} end={end!r}"]
    if not 0 <= start < end <= len(text):
        return [
            f"{where}: offsets {start}-{end} out of range for a text of {len(text)} "
            "code points (need 0 <= start < end <= len(text))"
        ]
    actual = text[start:end]
    if span.text != actual:
        return [f"{where}: text {span.text!r} != text[{start}:{end}] {actual!r}"]
    return []


def _speaker_problems(text: str, speaker: Entity, where: str) -> list[str]:
    found = _span_problems(text, speaker, where) + _score_problems(speaker.score, where)
    if speaker.label not in SPEAKER_LABELS:
        found.append(
            f"{where}: unknown speaker label {speaker.label!r} (valid: {', '.join(SPEAKER_LABELS)})"
        )
    return found


def _claim_problems(text: str, claim: Claim, where: str) -> list[str]:
    found = _span_problems(text, claim, where) + _score_problems(claim.score, where)
    if not _is_number(claim.value):
        found.append(f"{where}: value must be a number, got {claim.value!r}")
    if not isinstance(claim.unit, str):
        found.append(f"{where}: unit must be a string, got {claim.unit!r}")
    if claim.qualifier not in QUALIFIERS:
        found.append(
            f"{where}: unknown qualifier {claim.qualifier!r} (valid: {', '.join(QUALIFIERS)})"
        )
    if claim.qualifier == "range" and not _is_number(claim.value_high):
        found.append(f"{where}: a range claim needs a numeric value_high, got {claim.value_high!r}")
    if claim.qualifier != "range" and claim.value_high is not None:
        found.append(f"{where}: value_high is only allowed with qualifier 'range'")
    return found


def _score_problems(score: object, where: str) -> list[str]:
    if score is None or (_is_number(score) and 0 <= score <= 1):
        return []
    return [f"{where}: score must be a number from 0 to 1, got {score!r}"]


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
