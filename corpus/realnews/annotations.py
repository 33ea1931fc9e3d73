"""Annotator files (surface strings + occurrence) to spec records with offsets.

An annotator writes one JSON file per article, ``<annotator>/<article_id>.json``::

    {"entities": [["Hillary Clinton", 0, "PERSON"], ["Clinton", "*", "PERSON"]],
     "quotes":   [["We will win.", null, "direct", "Clinton", 3, "PERSON"],
                  ["it was over", null, "indirect", "aides", null, "SOURCE"],
                  ["a refrain", null, "partial", null, null, null]],
     "claims":   [["$3.2 million", null, 3200000, "dollar", "exact"],
                  ["between 3 and 5 points", null, 3, "point", "range", 5]]}

Each entry may also be an object with the same names (``surface``/``quote``, ``occ``,
``label``, ``kind``, ``speaker``, ``speaker_occ``, ``speaker_label``, ``value``, ``unit``,
``qualifier``, ``value_high``). The rules that place a string:

- an occurrence is a match of the exact string that is not part of a longer word (no
  letter or digit glued to an alphanumeric edge); ``occ`` is its 0-based index in text
  order; ``null`` means the string must occur exactly once; ``"*"`` (entities only)
  means every occurrence not already covered by another entity (one lying inside a
  longer entity is skipped; one that would hold or cross an entity placed by number is
  a problem, never dropped in silence);
- a quote must not start or end with a quotation mark, end with a comma, have outer
  whitespace or cross a newline; a final ``'`` or ``’`` glued to a letter is an apostrophe
  of elision ("Lyin'"), not a mark, unless the span opens right after a single quotation
  mark (then it is the closing one);
- a named speaker (label other than ``SOURCE``) must also be an entity with the same
  offsets and label; a ``SOURCE`` speaker is any span;
- entities may not overlap each other.

:func:`convert` collects every problem instead of stopping at the first, so an annotator
sees them all; the document is then checked with :func:`goldsmith.labels.validate.problems`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from goldsmith.corpus.documents import doc_id_for
from goldsmith.labels import AnnotatedDoc, Claim, Entity, Quote
from goldsmith.labels.validate import problems as spec_problems

ALL = "*"
QUOTE_MARKS = "\"'“”‘’«»"
_ENTITY_KEYS = ("surface", "occ", "label")
_QUOTE_KEYS = ("quote", "occ", "kind", "speaker", "speaker_occ", "speaker_label")
_CLAIM_KEYS = ("surface", "occ", "value", "unit", "qualifier", "value_high")


@dataclass(frozen=True)
class Conversion:
    """The document built from a file and every problem found (empty when it is clean)."""

    doc: AnnotatedDoc
    problems: tuple[str, ...]


def occurrences(text: str, sub: str) -> list[int]:
    """Start offsets of ``sub`` in ``text`` where it is not part of a longer word."""
    starts: list[int] = []
    if not sub:
        return starts
    i = text.find(sub)
    while i != -1:
        end = i + len(sub)
        left_ok = i == 0 or not (sub[0].isalnum() and text[i - 1].isalnum())
        right_ok = end == len(text) or not (sub[-1].isalnum() and text[end].isalnum())
        if left_ok and right_ok:
            starts.append(i)
        i = text.find(sub, i + 1)
    return starts


def locate(text: str, sub: str, occ: Any) -> tuple[int, int] | str:
    """The span of occurrence ``occ`` of ``sub``, or a message saying why there is none."""
    if not isinstance(sub, str) or not sub:
        return f"{sub!r} is not a non-empty string"
    found = occurrences(text, sub)
    if not found:
        return f"{sub!r} not found"
    if occ is None:
        if len(found) > 1:
            return f"{sub!r} occurs {len(found)} times; give an occurrence index 0-{len(found) - 1}"
        occ = 0
    if not isinstance(occ, int) or isinstance(occ, bool) or occ < 0:
        return f"{sub!r}: occurrence must be null or an integer >= 0, got {occ!r}"
    if occ >= len(found):
        return f"{sub!r} has only {len(found)} occurrence(s), not #{occ}"
    return found[occ], found[occ] + len(sub)


def _fields(item: Any, keys: Sequence[str], required: int) -> tuple | str:
    if isinstance(item, dict):
        alias = {"text": keys[0], "surface": keys[0], "quote": keys[0]}
        values = {alias.get(k, k): v for k, v in item.items()}
        unknown = set(values) - set(keys)
        if unknown:
            return f"unknown field(s) {sorted(unknown)} (valid: {', '.join(keys)})"
        return tuple(values.get(k) for k in keys)
    if isinstance(item, (list, tuple)) and required <= len(item) <= len(keys):
        return tuple(item) + (None,) * (len(keys) - len(item))
    return f"expected a list of {required}-{len(keys)} values or an object, got {item!r}"


def _entities(text: str, items: list, found: list[str]) -> list[Entity]:
    placed: list[Entity] = []

    def overlapping(s: int, e: int) -> Entity | None:
        return next((p for p in placed if s < p.end and p.start < e), None)

    parsed = []
    for i, item in enumerate(items):
        fields = _fields(item, _ENTITY_KEYS, 3)
        if isinstance(fields, str):
            found.append(f"entities[{i}]: {fields}")
        else:
            parsed.append((i, *fields))
    for i, surface, occ, label in (p for p in parsed if p[2] != ALL):
        span = locate(text, surface, occ)
        if isinstance(span, str):
            found.append(f"entities[{i}] {label}: {span}")
            continue
        other = overlapping(*span)
        if other is not None:
            found.append(
                f"entities[{i}]: {surface!r} at {span[0]} overlaps {other.text!r} at {other.start}"
            )
            continue
        placed.append(Entity(span[0], span[1], surface, label))
    for i, surface, _, label in sorted(
        (p for p in parsed if p[2] == ALL), key=lambda p: -len(p[1] or "")
    ):
        starts = occurrences(text, surface) if isinstance(surface, str) else []
        if not starts:
            found.append(f"entities[{i}] {label}: {surface!r} not found")
        for s in starts:
            other = overlapping(s, s + len(surface))
            if other is None:
                placed.append(Entity(s, s + len(surface), surface, label))
            elif not other.start <= s < s + len(surface) <= other.end:
                found.append(
                    f'entities[{i}] {label}: {surface!r} at {s} (from "*") overlaps '
                    f"{other.text!r} at {other.start} without lying inside it; give the "
                    "occurrences explicitly"
                )
    return sorted(placed, key=lambda e: (e.start, e.end))


def _marked_end(text: str, start: int, body: str) -> bool:
    """True when the quote ends with a quotation mark (see the module docstring)."""
    if body[-1] not in QUOTE_MARKS:
        return False
    elision = body[-1] in "'’" and len(body) > 1 and body[-2].isalpha()
    opened_single = start > 0 and text[start - 1] in "'‘"
    return not elision or opened_single


def _quotes(text: str, items: list, entities: list[Entity], found: list[str]) -> list[Quote]:
    by_span = {(e.start, e.end): e for e in entities}
    quotes = []
    for i, item in enumerate(items):
        fields = _fields(item, _QUOTE_KEYS, 6)
        if isinstance(fields, str):
            found.append(f"quotes[{i}]: {fields}")
            continue
        body, occ, kind, speaker, s_occ, s_label = fields
        span = locate(text, body, occ)
        if isinstance(span, str):
            found.append(f"quotes[{i}]: {span}")
            continue
        if body[0] in QUOTE_MARKS or _marked_end(text, span[0], body) or body[-1] == ",":
            found.append(f"quotes[{i}]: {body[:40]!r}… has a quotation mark or comma at its edge")
        if body != body.strip() or "\n" in body:
            found.append(f"quotes[{i}]: {body[:40]!r}… has outer whitespace or crosses a paragraph")
        spk = None
        if speaker is not None:
            s_span = locate(text, speaker, s_occ)
            if isinstance(s_span, str):
                found.append(f"quotes[{i}] speaker: {s_span}")
            else:
                spk = Entity(s_span[0], s_span[1], speaker, s_label)
                ent = by_span.get(s_span)
                if s_label != "SOURCE" and (ent is None or ent.label != s_label):
                    found.append(
                        f"quotes[{i}] speaker: {speaker!r} ({s_label}) at {s_span[0]} is not "
                        "an entity with that label (add it to entities, or use SOURCE)"
                    )
        elif s_occ is not None or s_label is not None:
            found.append(f"quotes[{i}]: no speaker but speaker_occ/speaker_label given")
        quotes.append(Quote(span[0], span[1], body, kind, spk))
    return sorted(quotes, key=lambda q: (q.start, q.end))


def _claims(text: str, items: list, found: list[str]) -> list[Claim]:
    claims = []
    for i, item in enumerate(items):
        fields = _fields(item, _CLAIM_KEYS, 5)
        if isinstance(fields, str):
            found.append(f"claims[{i}]: {fields}")
            continue
        surface, occ, value, unit, qualifier, high = fields
        span = locate(text, surface, occ)
        if isinstance(span, str):
            found.append(f"claims[{i}]: {span}")
            continue
        if not isinstance(unit, str) or not unit or unit != unit.lower():
            found.append(f"claims[{i}]: unit {unit!r} must be a non-empty lower-case lemma")
        claims.append(Claim(span[0], span[1], surface, value, unit, qualifier, high))
    return sorted(claims, key=lambda c: (c.start, c.end))


def convert(text: str, data: Any, meta: dict[str, Any] | None = None) -> Conversion:
    """The annotator's file ``data`` placed in ``text``, with every problem found.

    Entries that cannot be placed are left out of the document and reported.
    """
    found: list[str] = []
    if not isinstance(data, dict):
        data = {}
        found.append("the file must hold a JSON object with entities, quotes and claims")
    for layer in ("entities", "quotes", "claims"):
        if not isinstance(data.get(layer, []), list):
            found.append(f"{layer} must be a list")
            data = {**data, layer: []}
    entities = _entities(text, data.get("entities", []), found)
    quotes = _quotes(text, data.get("quotes", []), entities, found)
    claims = _claims(text, data.get("claims", []), found)
    doc = AnnotatedDoc(
        doc_id=doc_id_for(text),
        text=text,
        entities=tuple(entities),
        quotes=tuple(quotes),
        claims=tuple(claims),
        meta=dict(meta or {}),
    )
    return Conversion(doc, tuple(found + spec_problems(doc)))
