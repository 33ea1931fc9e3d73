"""Every error a system made against the gold set, each with its context in the text.

:func:`list_errors` lines predictions up with the gold documents by ``doc_id``
(:func:`goldsmith.eval.score.align`: a gold document without a prediction counts as an
empty prediction, prediction documents not in the gold set are ignored) and compares
each layer with the scorer's own matching rules:

- **entities**: paired with the SemEval ``type`` rule
  (:func:`~goldsmith.eval.matching.match_entities`: a prediction claims the overlapping
  gold entity of its label with the closest boundaries, else the first overlapping one).
  A pair with the same label and different offsets is a ``boundary`` error; a pair with
  different labels a ``label`` error (whatever the offsets).
- **quotes** (30 % overlap) and **claims** (50 % overlap) are paired with
  :func:`~goldsmith.eval.matching.match_spans`, the thresholds of the layer scorers.
  A pair with different offsets is a ``boundary`` error (it still counts as matched);
  leftover gold and predicted spans that overlap below the threshold are paired, most
  overlap first, into ``boundary`` errors too (the scorer counts them as a miss plus a
  spurious span). On the matched pairs: a quote whose ``kind`` differs is a ``kind``
  error, one whose speaker is not the same source
  (:func:`~goldsmith.eval.matching.same_source`: spans overlap or last words match
  case-insensitively) a ``speaker`` error; a claim whose ``value`` (or ``value_high``)
  differs beyond ``value_tolerance`` is a ``value`` error, one whose unit differs
  (after case folding) a ``unit`` error, one whose qualifier differs a ``qualifier``
  error.
- anything else left over is ``missed`` (gold) or ``spurious`` (predicted).

Errors come in document order (gold order), then by position, then layer.

Example:
    >>> from goldsmith.labels import AnnotatedDoc, Entity
    >>> text = "Ann Lee met Bo."
    >>> gold = [AnnotatedDoc("d", text, entities=(Entity(0, 7, "Ann Lee", "PERSON"),))]
    >>> pred = [AnnotatedDoc("d", text, entities=(Entity(4, 7, "Lee", "PERSON"),))]
    >>> [e.kind.value for e in list_errors(gold, pred)]
    ['boundary']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from goldsmith.eval.claims import ATTRIBUTE_LEVEL as CLAIM_LEVEL
from goldsmith.eval.claims import CLAIM_LEVELS, values_close
from goldsmith.eval.context import mark_context
from goldsmith.eval.matching import Matching, Scheme, match_entities, match_spans, same_source
from goldsmith.eval.quotes import ATTRIBUTE_LEVEL as QUOTE_LEVEL
from goldsmith.eval.quotes import QUOTE_LEVELS
from goldsmith.eval.score import align
from goldsmith.labels.records import AnnotatedDoc, Claim, Entity, Quote, Span
from goldsmith.labels.schema import LAYERS

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
    same offsets); newlines show as ``⏎``.
    """

    doc_id: str
    layer: str
    kind: ErrorKind
    gold: Span | None
    predicted: Span | None
    detail: str
    context: str

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
        }


def list_errors(
    gold: Sequence[AnnotatedDoc],
    predicted: Sequence[AnnotatedDoc],
    *,
    layers: Sequence[str] = LAYERS,
    value_tolerance: float = 0.0,
    system: str = "system",
) -> list[ErrorItem]:
    """Every error of ``predicted`` against ``gold`` (rules in the module docstring)."""
    aligned = align(gold, predicted, system).predictions
    out: list[ErrorItem] = []
    for g, p in zip(gold, aligned, strict=True):
        out.extend(doc_errors(g, p, layers=layers, value_tolerance=value_tolerance))
    return out


def doc_errors(
    gold: AnnotatedDoc,
    predicted: AnnotatedDoc,
    *,
    layers: Sequence[str] = LAYERS,
    value_tolerance: float = 0.0,
) -> list[ErrorItem]:
    """The errors of one prediction document against its gold document, sorted by position."""
    found: list[tuple[str, ErrorKind, Span | None, Span | None, str]] = []
    if "entities" in layers:
        found += _entity_errors(gold.entities, predicted.entities)
    if "quotes" in layers:
        found += _quote_errors(gold.quotes, predicted.quotes)
    if "claims" in layers:
        found += _claim_errors(gold.claims, predicted.claims, value_tolerance)
    items = [
        ErrorItem(
            doc_id=gold.doc_id,
            layer=layer,
            kind=kind,
            gold=g,
            predicted=p,
            detail=detail,
            context=mark_context(gold.text, g, p, CONTEXT_CHARS),
        )
        for layer, kind, g, p, detail in found
    ]
    kinds = list(ErrorKind)
    items.sort(key=lambda e: (e.start, e.end, LAYERS.index(e.layer), kinds.index(e.kind), e.detail))
    return items


def format_errors(items: Sequence[ErrorItem], limit: int | None = None) -> list[str]:
    """One plain-text line per error (at most ``limit``), then ``… and N more`` if cut.

    Example line: ``d1 claims value: value 3000 != 300 | …at least «3,000» troops…``
    """
    shown = items if limit is None else items[: max(limit, 0)]
    lines = [f"{e.doc_id} {e.layer} {e.kind.value}: {e.detail} | {e.context}" for e in shown]
    if len(items) > len(shown):
        lines.append(f"… and {len(items) - len(shown)} more")
    return lines


# --------------------------------------------------------------------------- layers

_Found = list[tuple[str, ErrorKind, Span | None, Span | None, str]]


def _entity_errors(gold: Sequence[Entity], pred: Sequence[Entity]) -> _Found:
    matching = match_entities(gold, pred, Scheme.TYPE)
    out: _Found = []
    for m in matching.matches:
        g, p = gold[m.gold], pred[m.pred]
        if g.label != p.label:
            where = "" if _same_offsets(g, p) else f" ({_offsets(g)} vs {_offsets(p)})"
            out.append(("entities", ErrorKind.LABEL, g, p, f"label {g.label} != {p.label}{where}"))
        elif not _same_offsets(g, p):
            out.append(("entities", ErrorKind.BOUNDARY, g, p, _boundary_detail(g, p, g.label)))
    out += _leftovers("entities", gold, pred, matching, None)
    return out


def _quote_errors(gold: Sequence[Quote], pred: Sequence[Quote]) -> _Found:
    threshold = QUOTE_LEVELS[QUOTE_LEVEL]
    matching = match_spans(gold, pred, threshold)
    out: _Found = []
    for m in matching.matches:
        g, p = gold[m.gold], pred[m.pred]
        if not _same_offsets(g, p):
            detail = _boundary_detail(g, p, "QUOTE") + f" (matched: overlap {m.overlap:.0%})"
            out.append(("quotes", ErrorKind.BOUNDARY, g, p, detail))
        if g.kind != p.kind:
            out.append(("quotes", ErrorKind.KIND, g, p, f"kind {g.kind} != {p.kind}"))
        if not same_source(g.speaker, p.speaker):
            detail = f"speaker {_speaker(g.speaker)} != {_speaker(p.speaker)}"
            out.append(("quotes", ErrorKind.SPEAKER, g, p, detail))
    out += _leftovers("quotes", gold, pred, matching, threshold)
    return out


def _claim_errors(gold: Sequence[Claim], pred: Sequence[Claim], tolerance: float) -> _Found:
    threshold = CLAIM_LEVELS[CLAIM_LEVEL]
    matching = match_spans(gold, pred, threshold)
    out: _Found = []
    for m in matching.matches:
        g, p = gold[m.gold], pred[m.pred]
        if not _same_offsets(g, p):
            detail = _boundary_detail(g, p, "CLAIM") + f" (matched: overlap {m.overlap:.0%})"
            out.append(("claims", ErrorKind.BOUNDARY, g, p, detail))
        if not values_close(g.value, p.value, tolerance):
            detail = f"value {_num(g.value)} != {_num(p.value)}"
            out.append(("claims", ErrorKind.VALUE, g, p, detail))
        elif g.qualifier == "range" and not values_close(g.value_high, p.value_high, tolerance):
            detail = f"value_high {_num(g.value_high)} != {_num(p.value_high)}"
            out.append(("claims", ErrorKind.VALUE, g, p, detail))
        if g.unit.strip().casefold() != p.unit.strip().casefold():
            out.append(("claims", ErrorKind.UNIT, g, p, f"unit {g.unit!r} != {p.unit!r}"))
        if g.qualifier != p.qualifier:
            detail = f"qualifier {g.qualifier} != {p.qualifier}"
            out.append(("claims", ErrorKind.QUALIFIER, g, p, detail))
    out += _leftovers("claims", gold, pred, matching, threshold)
    return out


def _leftovers(
    layer: str,
    gold: Sequence[Span],
    pred: Sequence[Span],
    matching: Matching,
    threshold: float | None,
) -> _Found:
    """Missed and spurious spans; for quotes and claims, overlapping ones pair as boundary."""
    missed, spurious = list(matching.missed), list(matching.spurious)
    out: _Found = []
    if threshold is not None:
        near = match_spans([gold[i] for i in missed], [pred[j] for j in spurious], 0.0)
        for m in near.matches:
            g, p = gold[missed[m.gold]], pred[spurious[m.pred]]
            name = layer[:-1].upper()
            detail = (
                _boundary_detail(g, p, name)
                + f" (not matched: overlap {m.overlap:.0%} < {threshold:.0%})"
            )
            out.append((layer, ErrorKind.BOUNDARY, g, p, detail))
        missed = [missed[i] for i in near.missed]
        spurious = [spurious[j] for j in near.spurious]
    for i in missed:
        out.append((layer, ErrorKind.MISSED, gold[i], None, f"missed {_describe(gold[i])}"))
    for j in spurious:
        out.append((layer, ErrorKind.SPURIOUS, None, pred[j], f"spurious {_describe(pred[j])}"))
    return out


# --------------------------------------------------------------------------- wording


def _describe(span: Span) -> str:
    if isinstance(span, Entity):
        return f"{span.label} {span.text!r}"
    if isinstance(span, Quote):
        return f"{span.kind} quote {_short(span.text)!r}, speaker {_speaker(span.speaker)}"
    if isinstance(span, Claim):
        high = f"-{_num(span.value_high)}" if span.value_high is not None else ""
        return f"claim {_num(span.value)}{high} {span.unit} ({span.qualifier}) {span.text!r}"
    return repr(span.text)


def _boundary_detail(gold: Span, pred: Span, name: str) -> str:
    return (
        f"{name} gold {_offsets(gold)} {_short(gold.text)!r} "
        f"vs predicted {_offsets(pred)} {_short(pred.text)!r}"
    )


def _speaker(speaker: Entity | None) -> str:
    return "none" if speaker is None else repr(speaker.text)


def _offsets(span: Span) -> str:
    return f"{span.start}-{span.end}"


def _same_offsets(a: Span, b: Span) -> bool:
    return a.start == b.start and a.end == b.end


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _num(value: float | None) -> str:
    if value is None:
        return "none"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


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
