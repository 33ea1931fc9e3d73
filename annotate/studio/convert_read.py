"""Reading a Label Studio result list back into a document's layers.

The mapping and the defaults are stated in :mod:`goldsmith.annotate.studio.convert`
(import from there). Offsets: Label Studio 1.23 stores text offsets in code points, like
the spec, so :func:`to_studio_offset` / :func:`from_studio_offset` are the identity;
they are the one place a conversion would go if that changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from goldsmith.errors import OffsetMismatchError, StudioResultError
from goldsmith.labels.records import AnnotatedDoc, Claim, Entity, Quote
from goldsmith.labels.schema import (
    CLAIM_LABEL,
    QUALIFIERS,
    QUOTE_KINDS,
    QUOTE_LABEL,
    SPEAKER_LABELS,
)
from goldsmith.labels.studio_config import (
    CONTROL_LABELS,
    ENTITY_CONTROL,
    KIND_CONTROL,
    QUALIFIER_CONTROL,
    SPEAKER_RELATION,
    UNIT_CONTROL,
    VALUE_CONTROL,
    VALUE_HIGH_CONTROL,
)

_VALUE_CONTROLS = (KIND_CONTROL, VALUE_CONTROL, VALUE_HIGH_CONTROL, UNIT_CONTROL, QUALIFIER_CONTROL)
DEFAULT_KIND = "direct"
DEFAULT_QUALIFIER = "exact"


@dataclass(frozen=True)
class StudioLayers:
    """The three layers read from one result list, plus problems fixed by a default."""

    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    problems: tuple[str, ...] = field(default=())

    def to_doc(self, doc_id: str, text: str, meta: dict[str, Any] | None = None) -> AnnotatedDoc:
        """The annotated document with these layers."""
        return AnnotatedDoc(
            doc_id=doc_id,
            text=text,
            entities=self.entities,
            quotes=self.quotes,
            claims=self.claims,
            meta=dict(meta or {}),
        )


def to_studio_offset(text: str, index: int) -> int:
    """A spec offset (code points) as Label Studio stores it: also code points in 1.23."""
    return index


def from_studio_offset(text: str, index: int) -> int:
    """A Label Studio offset as a spec offset (code points): the identity in 1.23."""
    return index


def from_studio_results(text: str, results: Any, task_id: int | str | None = None) -> StudioLayers:
    """The layers of a Label Studio result list over ``text`` (rules in the module docstring).

    Raises :class:`StudioResultError` naming ``task_id`` and the region for a malformed result.
    """
    where = f"task {task_id}" if task_id is not None else "result"
    reader = _Reader(text, where)
    reader.read(results)
    return reader.layers()


@dataclass
class _Region:
    rid: str
    control: str
    label: str
    start: int
    end: int
    text: str
    score: float | None
    values: dict[str, dict[str, Any]] = field(default_factory=dict)


class _Reader:
    """Collects regions, per-region values and relations, then builds the layers."""

    def __init__(self, text: str, where: str) -> None:
        self.text = text
        self.where = where
        self.regions: dict[str, _Region] = {}
        self.values: list[tuple[str, str, dict[str, Any]]] = []
        self.relations: list[dict[str, Any]] = []
        self.problems: list[str] = []
        self._speaker_ids: set[str] = set()

    def fail(self, message: str, error: type[StudioResultError] = StudioResultError) -> None:
        raise error(f"{self.where}: {message}")

    def read(self, results: Any) -> None:
        if not isinstance(results, list):
            self.fail(f"result must be a list, got {type(results).__name__}")
        for n, item in enumerate(results):
            if not isinstance(item, dict):
                self.fail(f"result[{n}] must be an object, got {type(item).__name__}")
            if item.get("type") == "relation":
                self.relations.append(item)
                continue
            rid, control, value = item.get("id"), item.get("from_name"), item.get("value")
            if not isinstance(rid, str) or not rid:
                self.fail(f"result[{n}] has no region id")
            if not isinstance(value, dict):
                self.fail(f"region {rid}: 'value' must be an object")
            if control in CONTROL_LABELS:
                self._region(rid, control, value, item.get("score"))
            elif control in _VALUE_CONTROLS:
                self.values.append((rid, control, value))
            else:
                self.fail(f"region {rid}: unknown control {control!r}")
        for rid, control, value in self.values:
            region = self.regions.get(rid)
            if region is None:
                self.fail(f"a {control!r} value refers to region {rid}, which has no label")
            region.values[control] = value

    def _region(self, rid: str, control: str, value: dict[str, Any], score: Any) -> None:
        if rid in self.regions:
            self.fail(f"region {rid} is labelled twice")
        labels = value.get("labels")
        if not isinstance(labels, list) or len(labels) != 1:
            self.fail(f"region {rid}: expected exactly one label, got {labels!r}")
        label = labels[0]
        if label not in CONTROL_LABELS[control]:
            valid = ", ".join(CONTROL_LABELS[control])
            self.fail(f"region {rid}: label {label!r} is not one of {control} ({valid})")
        start, end = value.get("start"), value.get("end")
        if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
            self.fail(f"region {rid}: offsets must be integers, got {start!r}-{end!r}")
        start, end = from_studio_offset(self.text, start), from_studio_offset(self.text, end)
        if not 0 <= start < end <= len(self.text):
            self.fail(
                f"region {rid} ({label}): offsets {start}-{end} out of range for a text "
                f"of {len(self.text)} code points",
                OffsetMismatchError,
            )
        actual = self.text[start:end]
        stored = value.get("text", actual)
        if stored != actual:
            self.fail(
                f"region {rid} ({label}): text {stored!r} != text[{start}:{end}] {actual!r}",
                OffsetMismatchError,
            )
        if score is not None and not _is_number(score):
            score = None
        self.regions[rid] = _Region(rid, control, label, start, end, actual, score)

    def layers(self) -> StudioLayers:
        speakers = self._speakers()
        entities, quotes, claims = [], [], []
        for region in self.regions.values():
            self._check_unused_values(region)
            if region.control == ENTITY_CONTROL:
                entities.append(
                    Entity(region.start, region.end, region.text, region.label, region.score)
                )
            elif region.label == QUOTE_LABEL:
                quotes.append(
                    Quote(
                        region.start,
                        region.end,
                        region.text,
                        self._kind(region),
                        speakers.get(region.rid),
                        region.score,
                    )
                )
            elif region.label == CLAIM_LABEL:
                claims.append(self._claim(region))
            elif region.rid not in self._speaker_ids:
                self.problems.append(
                    f"{self.where}: SOURCE region {region.rid} "
                    f"({region.text!r}) is no quote's speaker; dropped"
                )
        doc = AnnotatedDoc("x", self.text, tuple(entities), tuple(quotes), tuple(claims)).sorted()
        return StudioLayers(doc.entities, doc.quotes, doc.claims, tuple(self.problems))

    def _speakers(self) -> dict[str, Entity]:
        found: dict[str, Entity] = {}
        for rel in self.relations:
            a, b = rel.get("from_id"), rel.get("to_id")
            for rid in (a, b):
                if rid not in self.regions:
                    self.fail(f"relation {a} -> {b} refers to a missing region {rid!r}")
            labels = rel.get("labels") or []
            if any(label != SPEAKER_RELATION for label in labels):
                self.fail(
                    f"relation {a} -> {b}: unknown relation label(s) {labels!r} "
                    f"(valid: {SPEAKER_RELATION})"
                )
            quote, speaker = self.regions[a], self.regions[b]
            if speaker.label == QUOTE_LABEL and quote.label != QUOTE_LABEL:
                quote, speaker = speaker, quote
            if quote.label != QUOTE_LABEL or speaker.label not in SPEAKER_LABELS:
                self.fail(
                    f"relation {a} -> {b}: a speaker relation links a QUOTE to one of "
                    f"{', '.join(SPEAKER_LABELS)}, not {quote.label} to {speaker.label}"
                )
            if quote.rid in found:
                self.fail(f"quote region {quote.rid} has more than one speaker")
            found[quote.rid] = Entity(speaker.start, speaker.end, speaker.text, speaker.label)
            self._speaker_ids.add(speaker.rid)
        return found

    def _check_unused_values(self, region: _Region) -> None:
        used = {
            QUOTE_LABEL: {KIND_CONTROL},
            CLAIM_LABEL: {VALUE_CONTROL, VALUE_HIGH_CONTROL, UNIT_CONTROL, QUALIFIER_CONTROL},
        }
        for control in region.values:
            if control not in used.get(region.label, set()):
                self.problems.append(
                    f"{self.where}: region {region.rid} ({region.label}) "
                    f"carries a {control!r} value; ignored"
                )

    def _choice(self, region: _Region, control: str, valid: tuple[str, ...]) -> str | None:
        value = region.values.get(control)
        if value is None:
            return None
        choices = value.get("choices")
        if not isinstance(choices, list) or len(choices) != 1 or choices[0] not in valid:
            self.fail(
                f"region {region.rid} ({region.label}): {control} must be one of "
                f"{', '.join(valid)}, got {choices!r}"
            )
        return choices[0]

    def _kind(self, region: _Region) -> str:
        kind = self._choice(region, KIND_CONTROL, QUOTE_KINDS)
        if kind is None:
            self.problems.append(
                f"{self.where}: quote region {region.rid} has no kind; '{DEFAULT_KIND}' assumed"
            )
            return DEFAULT_KIND
        return kind

    def _number(self, region: _Region, control: str) -> float | None:
        value = region.values.get(control)
        if value is None:
            return None
        number = value.get("number")
        if not _is_number(number):
            self.fail(f"region {region.rid} (CLAIM): {control} must be a number, got {number!r}")
        return number

    def _claim(self, region: _Region) -> Claim:
        value = self._number(region, VALUE_CONTROL)
        if value is None:
            self.fail(f"claim region {region.rid} ({region.text!r}) has no value")
        qualifier = self._choice(region, QUALIFIER_CONTROL, QUALIFIERS)
        if qualifier is None:
            self.problems.append(
                f"{self.where}: claim region {region.rid} ({region.text!r}) "
                f"has no qualifier; '{DEFAULT_QUALIFIER}' assumed"
            )
            qualifier = DEFAULT_QUALIFIER
        high = self._number(region, VALUE_HIGH_CONTROL)
        if qualifier == "range" and high is None:
            self.fail(f"claim region {region.rid} ({region.text!r}) is a range without value_high")
        if qualifier != "range" and high is not None:
            self.problems.append(
                f"{self.where}: claim region {region.rid} has value_high but "
                f"qualifier {qualifier!r}; value_high dropped"
            )
            high = None
        return Claim(
            region.start,
            region.end,
            region.text,
            value,
            self._unit(region),
            qualifier,
            high,
            region.score,
        )

    def _unit(self, region: _Region) -> str:
        value = region.values.get(UNIT_CONTROL)
        strings = value.get("text") if value is not None else None
        if isinstance(strings, str):
            strings = [strings]
        if not strings or not all(isinstance(s, str) for s in strings):
            self.problems.append(
                f"{self.where}: claim region {region.rid} ({region.text!r}) has no unit; '' assumed"
            )
            return ""
        if len(strings) > 1:
            self.problems.append(
                f"{self.where}: claim region {region.rid} has several units "
                f"{strings!r}; the last is kept"
            )
        return strings[-1].strip()


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
