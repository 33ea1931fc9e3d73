"""One error of a system against the gold set: the record and its plain-text line.

:func:`goldsmith.eval.errors.list_errors` finds them; the CLI, the HTML report and the
``--errors-out`` file show them.

Example:
    >>> from goldsmith.labels import Entity
    >>> e = ErrorItem("d1", "entities", ErrorKind.MISSED, Entity(0, 3, "Ann", "PERSON"), None,
    ...               "missed PERSON 'Ann'", "«Ann» spoke")
    >>> format_errors([e])
    ["d1 entities missed: missed PERSON 'Ann' | «Ann» spoke"]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from goldsmith.labels.records import Span

#: Code points of context shown on each side of an error.
CONTEXT_CHARS = 60


class ErrorKind(str, Enum):
    """What went wrong."""

    SPURIOUS = "spurious"  #: predicted, matches no gold span
    MISSED = "missed"  #: gold, matched by no prediction
    BOUNDARY = "boundary"  #: overlapping spans of the same label, different offsets
    LABEL = "label"  #: same or overlapping entity span, different label
    SPEAKER = "speaker"  #: matched quote, speaker not the same source
    KIND = "kind"  #: matched quote, different kind
    VALUE = "value"  #: matched claim, different value (or value_high)
    UNIT = "unit"  #: matched claim, different unit
    QUALIFIER = "qualifier"  #: matched claim, different qualifier


@dataclass(frozen=True)
class ErrorItem:
    """One error of a system on one document: the spans involved and their context.

    ``context`` is about :data:`CONTEXT_CHARS` code points either side with the gold
    span marked ``«…»`` and the predicted span ``⟦…⟧`` (only ``«…»`` when both have the
    same offsets); newlines show as ``⏎``. ``matched`` says whether ``gold`` and
    ``predicted`` are a pair the scorer matched (``False`` for a lone span and for a
    missed and a spurious span shown together).
    """

    doc_id: str
    layer: str
    kind: ErrorKind
    gold: Span | None
    predicted: Span | None
    detail: str
    context: str
    matched: bool = False

    @property
    def missed(self) -> bool:
        """Whether this item holds a gold span the scorer counts as missed."""
        return self.gold is not None and not self.matched

    @property
    def spurious(self) -> bool:
        """Whether this item holds a prediction the scorer counts as spurious."""
        return self.predicted is not None and not self.matched

    @property
    def start(self) -> int:
        """The first code point of the spans involved."""
        return min(s.start for s in (self.gold, self.predicted) if s is not None)

    @property
    def end(self) -> int:
        """The end of the spans involved."""
        return max(s.end for s in (self.gold, self.predicted) if s is not None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "layer": self.layer,
            "kind": self.kind.value,
            "gold": _span_dict(self.gold),
            "predicted": _span_dict(self.predicted),
            "detail": self.detail,
            "context": self.context,
            "matched": self.matched,
        }


def format_errors(items: Sequence[ErrorItem], limit: int | None = None) -> list[str]:
    """One plain-text line per error (at most ``limit``), then ``… and N more`` if cut.

    Example line: ``d1 claims value: value 3000 != 300 | …at least «3,000» troops…``
    """
    shown = items if limit is None else items[: max(limit, 0)]
    lines = [f"{e.doc_id} {e.layer} {e.kind.value}: {e.detail} | {e.context}" for e in shown]
    if len(items) > len(shown):
        lines.append(f"… and {len(items) - len(shown)} more")
    return lines


def _span_dict(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    out: dict[str, Any] = {"start": span.start, "end": span.end, "text": span.text}
    for name in ("label", "kind", "value", "value_high", "unit", "qualifier"):
        if hasattr(span, name):
            out[name] = getattr(span, name)
    speaker = getattr(span, "speaker", None)
    if speaker is not None:
        out["speaker"] = _span_dict(speaker)
    return out
