"""Conversion between an :class:`AnnotatedDoc`'s layers and Label Studio result lists, both ways.

The mapping (control names from :mod:`goldsmith.labels.studio_config`):

- an entity is a region of the ``entities`` control; a quote a ``QUOTE`` region of the
  ``quotes`` control with its ``kind`` as a per-region choice; a claim a ``CLAIM``
  region of the ``claims`` control with per-region ``value`` / ``value_high``
  (numbers), ``unit`` (a text area, strings in a list) and ``qualifier`` (choice);
- a region's label and its per-region values are separate result items sharing the
  region ``id`` (each repeating ``start``/``end``);
- a quote's speaker is a ``speaker`` relation from the QUOTE region to the speaker
  region: the entity region with the same offsets and label when the document has one
  (never a duplicate), otherwise a new region (``SOURCE`` in the ``quotes`` control,
  other labels in the ``entities`` control, so on the way back that speaker also
  appears as an entity);
- region ids are ``e<i>``, ``q<i>``, ``c<i>`` and ``s<i>`` (extra speaker regions):
  unique within a task.

Offsets: Label Studio 1.23 stores text offsets in code points, like the spec, so
:func:`to_studio_offset` / :func:`from_studio_offset` are the identity; they are the one
place a conversion would go if that changed. Writing is here, reading (the rules below)
in :mod:`goldsmith.annotate.studio.convert_read`.

Reading back, malformed results raise :class:`StudioResultError` (subclass
:class:`OffsetMismatchError` when a region's offsets do not select its text), naming
the task and region. Missing attributes an annotator may forget get a default and a
problem line instead: quote ``kind`` -> ``direct``, claim ``qualifier`` -> ``exact``,
claim ``unit`` -> ``""``; a ``value_high`` outside a range is dropped; an unlinked SOURCE
region is dropped. A claim without ``value``, or a range without ``value_high``, is an error.

Example:
    >>> from goldsmith.labels.records import AnnotatedDoc, Entity
    >>> doc = AnnotatedDoc("d1", "Austin said so.", entities=(Entity(0, 6, "Austin", "PERSON"),))
    >>> back = from_studio_results(doc.text, to_studio_results(doc))
    >>> back.entities == doc.entities
    True
"""

from __future__ import annotations

from typing import Any

from goldsmith.annotate.studio.convert_read import (
    StudioLayers,
    from_studio_offset,
    from_studio_results,
    to_studio_offset,
)
from goldsmith.labels.records import AnnotatedDoc
from goldsmith.labels.schema import CLAIM_LABEL, QUOTE_LABEL, SOURCE_LABEL
from goldsmith.labels.studio_config import (
    CLAIM_CONTROL,
    ENTITY_CONTROL,
    KIND_CONTROL,
    QUALIFIER_CONTROL,
    QUOTE_CONTROL,
    SPEAKER_RELATION,
    TEXT_NAME,
    UNIT_CONTROL,
    VALUE_CONTROL,
    VALUE_HIGH_CONTROL,
)

__all__ = [  # both directions are imported from here; reading lives in convert_read
    "StudioLayers",
    "from_studio_offset",
    "from_studio_results",
    "to_studio_offset",
    "to_studio_results",
]


def to_studio_results(doc: AnnotatedDoc) -> list[dict[str, Any]]:
    """The Label Studio result list of a document's layers (mapping in the module docstring)."""
    out: list[dict[str, Any]] = []
    text = doc.text
    entity_ids: dict[tuple[int, int, str], str] = {}
    for i, ent in enumerate(doc.entities):
        rid = f"e{i}"
        entity_ids.setdefault((ent.start, ent.end, ent.label), rid)
        out.append(_label_item(rid, ENTITY_CONTROL, text, ent.start, ent.end, ent.label, ent.score))
    extra: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    for i, quote in enumerate(doc.quotes):
        rid = f"q{i}"
        out.append(
            _label_item(rid, QUOTE_CONTROL, text, quote.start, quote.end, QUOTE_LABEL, quote.score)
        )
        out.append(
            _value_item(
                rid,
                KIND_CONTROL,
                "choices",
                text,
                quote.start,
                quote.end,
                {"choices": [quote.kind]},
            )
        )
        speaker = quote.speaker
        if speaker is None:
            continue
        key = (speaker.start, speaker.end, speaker.label)
        target = entity_ids.get(key)
        if target is None:
            target = f"s{len(extra)}"
            entity_ids[key] = target
            control = QUOTE_CONTROL if speaker.label == SOURCE_LABEL else ENTITY_CONTROL
            extra.append(
                _label_item(
                    target, control, text, speaker.start, speaker.end, speaker.label, speaker.score
                )
            )
        relations.append(
            {
                "type": "relation",
                "from_id": rid,
                "to_id": target,
                "direction": "right",
                "labels": [SPEAKER_RELATION],
            }
        )
    out.extend(extra)
    for i, claim in enumerate(doc.claims):
        rid = f"c{i}"
        s, e = claim.start, claim.end
        out.append(_label_item(rid, CLAIM_CONTROL, text, s, e, CLAIM_LABEL, claim.score))
        out.append(_value_item(rid, VALUE_CONTROL, "number", text, s, e, {"number": claim.value}))
        if claim.value_high is not None:
            out.append(
                _value_item(
                    rid, VALUE_HIGH_CONTROL, "number", text, s, e, {"number": claim.value_high}
                )
            )
        out.append(_value_item(rid, UNIT_CONTROL, "textarea", text, s, e, {"text": [claim.unit]}))
        out.append(
            _value_item(
                rid, QUALIFIER_CONTROL, "choices", text, s, e, {"choices": [claim.qualifier]}
            )
        )
    return out + relations


def _label_item(
    rid: str, control: str, text: str, start: int, end: int, label: str, score: float | None
) -> dict[str, Any]:
    item = _value_item(
        rid, control, "labels", text, start, end, {"text": text[start:end], "labels": [label]}
    )
    if score is not None:
        item["score"] = score
    return item


def _value_item(
    rid: str, control: str, kind: str, text: str, start: int, end: int, value: dict[str, Any]
) -> dict[str, Any]:
    offsets = {"start": to_studio_offset(text, start), "end": to_studio_offset(text, end)}
    return {
        "id": rid,
        "from_name": control,
        "to_name": TEXT_NAME,
        "type": kind,
        "value": {**offsets, **value},
    }
