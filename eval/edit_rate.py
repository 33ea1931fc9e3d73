"""How much annotators changed the pre-annotations: kept, changed, deleted, added regions.

For one annotation and the prediction its task carried, per layer:

- a predicted region is **kept** when the annotation has an identical region: same
  offsets, same label and same attributes (a quote's ``kind`` and speaker offsets and
  label; a claim's ``value``, ``value_high``, ``unit`` and ``qualifier``; scores are
  ignored);
- otherwise it is **changed** when some annotation region overlaps it (the annotator
  moved a boundary, relabelled it or edited an attribute);
- otherwise it is **deleted** (no annotation region overlaps it);
- an annotation region is **added** when it is identical to no predicted region and
  overlaps none.

So ``kept + changed + deleted == predicted`` for every layer, and counts are summed
over annotations.

Example:
    >>> from goldsmith.labels import AnnotatedDoc, Entity
    >>> pred = AnnotatedDoc("d", "Ann met Bob.", entities=(Entity(0, 3, "Ann", "PERSON"),))
    >>> ann = AnnotatedDoc("d", "Ann met Bob.", entities=(Entity(8, 11, "Bob", "PERSON"),))
    >>> counts = edit_counts(pred, ann)["entities"]
    >>> (counts.kept, counts.changed, counts.deleted, counts.added)
    (0, 0, 1, 1)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from goldsmith.eval.tokens import layer_regions, region_label
from goldsmith.labels.records import AnnotatedDoc, Claim, Quote, Span
from goldsmith.labels.schema import LAYERS


@dataclass(frozen=True)
class EditCounts:
    """Summable counts of what annotators did to the predicted regions of one layer."""

    layer: str
    predicted: int = 0
    kept: int = 0
    changed: int = 0
    deleted: int = 0
    added: int = 0
    annotated: int = 0
    annotations: int = 0

    def __add__(self, other: EditCounts) -> EditCounts:
        if other.layer != self.layer:
            raise ValueError(f"cannot add counts of {self.layer!r} and {other.layer!r}")
        return EditCounts(
            layer=self.layer,
            predicted=self.predicted + other.predicted,
            kept=self.kept + other.kept,
            changed=self.changed + other.changed,
            deleted=self.deleted + other.deleted,
            added=self.added + other.added,
            annotated=self.annotated + other.annotated,
            annotations=self.annotations + other.annotations,
        )

    @property
    def kept_rate(self) -> float | None:
        """Share of predicted regions kept unchanged (None without predictions)."""
        return _ratio(self.kept, self.predicted)

    @property
    def changed_rate(self) -> float | None:
        """Share of predicted regions changed."""
        return _ratio(self.changed, self.predicted)

    @property
    def deleted_rate(self) -> float | None:
        """Share of predicted regions deleted."""
        return _ratio(self.deleted, self.predicted)

    @property
    def added_rate(self) -> float | None:
        """Share of the annotators' final regions that they added themselves."""
        return _ratio(self.added, self.annotated)

    def to_dict(self) -> dict[str, Any]:
        return {
            "layer": self.layer,
            "annotations": self.annotations,
            "predicted": self.predicted,
            "annotated": self.annotated,
            "kept": self.kept,
            "changed": self.changed,
            "deleted": self.deleted,
            "added": self.added,
            "kept_rate": self.kept_rate,
            "changed_rate": self.changed_rate,
            "deleted_rate": self.deleted_rate,
            "added_rate": self.added_rate,
        }


def edit_counts(prediction: AnnotatedDoc, annotation: AnnotatedDoc) -> dict[str, EditCounts]:
    """The edit counts, per layer, of one annotation against the prediction it started from."""
    out: dict[str, EditCounts] = {}
    for layer in LAYERS:
        predicted = layer_regions(prediction, layer)
        annotated = layer_regions(annotation, layer)
        annotated_keys = {region_key(r) for r in annotated}
        predicted_keys = {region_key(r) for r in predicted}
        kept = changed = deleted = 0
        for region in predicted:
            if region_key(region) in annotated_keys:
                kept += 1
            elif any(region.overlap(other) > 0 for other in annotated):
                changed += 1
            else:
                deleted += 1
        added = sum(
            1
            for region in annotated
            if region_key(region) not in predicted_keys
            and not any(region.overlap(other) > 0 for other in predicted)
        )
        out[layer] = EditCounts(
            layer=layer,
            predicted=len(predicted),
            kept=kept,
            changed=changed,
            deleted=deleted,
            added=added,
            annotated=len(annotated),
            annotations=1,
        )
    return out


def summed_edit_counts(
    pairs: Iterable[tuple[AnnotatedDoc, AnnotatedDoc]],
) -> dict[str, EditCounts]:
    """Edit counts per layer summed over ``(prediction, annotation)`` pairs."""
    total = {layer: EditCounts(layer=layer) for layer in LAYERS}
    for prediction, annotation in pairs:
        for layer, counts in edit_counts(prediction, annotation).items():
            total[layer] = total[layer] + counts
    return total


def region_key(region: Span) -> tuple:
    """Everything that makes two regions identical: offsets, label and attributes."""
    key: tuple = (region.start, region.end, region_label(region))
    if isinstance(region, Quote):
        speaker = region.speaker
        key += (
            region.kind,
            None if speaker is None else (speaker.start, speaker.end, speaker.label),
        )
    elif isinstance(region, Claim):
        key += (region.value, region.value_high, region.unit, region.qualifier)
    return key


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None
