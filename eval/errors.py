"""Every error a system made against the gold set, each with its context in the text.

:func:`list_errors` lines predictions up with the gold documents by ``doc_id``
(:func:`goldsmith.eval.score.align`: a gold document without a prediction counts as an
empty prediction, prediction documents not in the gold set are ignored) and reads the
errors off the very pairs the scorer counts, each layer judged once by its own module:

- **entities**: :func:`~goldsmith.eval.entities.entity_pairs` under one SemEval scheme
  (``type`` by default: a prediction claims the overlapping gold entity of its label with
  the closest boundaries, else the first overlapping one). A pair with different labels
  is a ``label`` error (whatever the offsets), a pair with the same label and different
  offsets a ``boundary`` error.
- **quotes**: :func:`~goldsmith.eval.quotes.quote_pairs` (30 % overlap). On a pair, other
  offsets are a ``boundary`` error (it still counts as matched), a verdict of another
  kind a ``kind`` error, of another source a ``speaker`` error.
- **claims**: :func:`~goldsmith.eval.claims.claim_pairs` (50 % overlap). Other offsets
  are a ``boundary`` error; a wrong value (or ``value_high`` of a range) beyond
  ``value_tolerance`` a ``value`` error, a wrong unit a ``unit`` error, a wrong qualifier
  a ``qualifier`` error.
- what no pair holds is ``missed`` (gold) or ``spurious`` (predicted). For quotes and
  claims, a missed and a spurious span that overlap below the threshold are shown
  together as one ``boundary`` error with ``matched=False`` (most overlap first): the
  scorer counts it as a miss plus a spurious span, and so does :attr:`ErrorItem.missed`
  / :attr:`ErrorItem.spurious`.

So per layer the listing agrees with the counts: the items with ``missed`` set number
the layer's missed count, those with ``spurious`` set its spurious count.

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
from goldsmith.eval.claims import CLAIM_LEVELS
from goldsmith.eval.context import mark_context
from goldsmith.eval.entities import entity_pairs
from goldsmith.eval.matching import Pair, Scheme, match_spans
from goldsmith.eval.quotes import ATTRIBUTE_LEVEL as QUOTE_LEVEL
from goldsmith.eval.quotes import QUOTE_LEVELS
from goldsmith.eval.score import DocPairs, align, doc_pairs
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


def list_errors(
    gold: Sequence[AnnotatedDoc],
    predicted: Sequence[AnnotatedDoc],
    *,
    layers: Sequence[str] = LAYERS,
    value_tolerance: float = 0.0,
    system: str = "system",
    scheme: Scheme | str = Scheme.TYPE,
) -> list[ErrorItem]:
    """Every error of ``predicted`` against ``gold`` (rules in the module docstring).

    ``scheme`` is the SemEval scheme that pairs entities.
    """
    aligned = align(gold, predicted, system).predictions
    out: list[ErrorItem] = []
    for g, p in zip(gold, aligned, strict=True):
        out.extend(doc_errors(g, p, layers=layers, value_tolerance=value_tolerance, scheme=scheme))
    return out


def doc_errors(
    gold: AnnotatedDoc,
    predicted: AnnotatedDoc,
    *,
    layers: Sequence[str] = LAYERS,
    value_tolerance: float = 0.0,
    scheme: Scheme | str = Scheme.TYPE,
    pairs: DocPairs | None = None,
) -> list[ErrorItem]:
    """The errors of one prediction document against its gold document, sorted by position.

    ``pairs`` is :func:`~goldsmith.eval.score.doc_pairs` of the same document, layers and
    tolerance when the scorer already judged them (so the very same pairs are listed).
    """
    if pairs is None:
        pairs = doc_pairs(gold, predicted, value_tolerance, layers)
    found: _Found = []
    if "entities" in layers:
        found += _entity_errors(gold.entities, predicted.entities, Scheme(scheme))
    if "quotes" in layers:
        found += _quote_errors(pairs.quotes)
    if "claims" in layers:
        found += _claim_errors(pairs.claims)
    items = [
        ErrorItem(
            doc_id=gold.doc_id,
            layer=layer,
            kind=kind,
            gold=g,
            predicted=p,
            detail=detail,
            context=mark_context(gold.text, g, p, CONTEXT_CHARS),
            matched=matched,
        )
        for layer, kind, g, p, detail, matched in found
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

_Found = list[tuple[str, ErrorKind, Span | None, Span | None, str, bool]]


def _entity_errors(gold: Sequence[Entity], pred: Sequence[Entity], scheme: Scheme) -> _Found:
    out: _Found = []
    pairs = entity_pairs(gold, pred, scheme)
    for pair in pairs:
        g, p = pair.gold, pair.pred
        if g is None or p is None:
            continue
        if g.label != p.label:
            where = "" if _same_offsets(g, p) else f" ({_offsets(g)} vs {_offsets(p)})"
            detail = f"label {g.label} != {p.label}{where}"
            out.append(("entities", ErrorKind.LABEL, g, p, detail, True))
        elif not _same_offsets(g, p):
            detail = _boundary_detail(g, p, g.label)
            out.append(("entities", ErrorKind.BOUNDARY, g, p, detail, True))
    return out + _leftovers("entities", pairs, None)


def _quote_errors(pairs: Sequence[Pair[Quote]]) -> _Found:
    out: _Found = []
    for pair in pairs:
        g, p, verdict = pair.gold, pair.pred, pair.verdict
        if g is None or p is None:
            continue
        if not _same_offsets(g, p):
            detail = _boundary_detail(g, p, "QUOTE") + f" (matched: overlap {pair.overlap:.0%})"
            out.append(("quotes", ErrorKind.BOUNDARY, g, p, detail, True))
        if not verdict.kind:
            out.append(("quotes", ErrorKind.KIND, g, p, f"kind {g.kind} != {p.kind}", True))
        if not verdict.speaker:
            detail = f"speaker {_speaker(g.speaker)} != {_speaker(p.speaker)}"
            out.append(("quotes", ErrorKind.SPEAKER, g, p, detail, True))
    return out + _leftovers("quotes", pairs, QUOTE_LEVELS[QUOTE_LEVEL])


def _claim_errors(pairs: Sequence[Pair[Claim]]) -> _Found:
    out: _Found = []
    for pair in pairs:
        g, p, verdict = pair.gold, pair.pred, pair.verdict
        if g is None or p is None:
            continue
        if not _same_offsets(g, p):
            detail = _boundary_detail(g, p, "CLAIM") + f" (matched: overlap {pair.overlap:.0%})"
            out.append(("claims", ErrorKind.BOUNDARY, g, p, detail, True))
        if not verdict.value:
            detail = f"value {_num(g.value)} != {_num(p.value)}"
            out.append(("claims", ErrorKind.VALUE, g, p, detail, True))
        elif verdict.value_high is False:
            detail = f"value_high {_num(g.value_high)} != {_num(p.value_high)}"
            out.append(("claims", ErrorKind.VALUE, g, p, detail, True))
        if not verdict.unit:
            out.append(("claims", ErrorKind.UNIT, g, p, f"unit {g.unit!r} != {p.unit!r}", True))
        if not verdict.qualifier:
            detail = f"qualifier {g.qualifier} != {p.qualifier}"
            out.append(("claims", ErrorKind.QUALIFIER, g, p, detail, True))
    return out + _leftovers("claims", pairs, CLAIM_LEVELS[CLAIM_LEVEL])


def _leftovers(layer: str, pairs: Sequence[Pair[Any]], threshold: float | None) -> _Found:
    """Missed and spurious spans; for quotes and claims, overlapping ones shown as one boundary.

    Showing a missed and a spurious span together changes no count: the item is both.
    """
    missed = [p.gold for p in pairs if p.pred is None]
    spurious = [p.pred for p in pairs if p.gold is None]
    out: _Found = []
    if threshold is not None:
        near = match_spans(missed, spurious, 0.0)
        for m in near.matches:
            g, p = missed[m.gold], spurious[m.pred]
            detail = (
                _boundary_detail(g, p, layer[:-1].upper())
                + f" (not matched: overlap {m.overlap:.0%} < {threshold:.0%})"
            )
            out.append((layer, ErrorKind.BOUNDARY, g, p, detail, False))
        missed = [missed[i] for i in near.missed]
        spurious = [spurious[j] for j in near.spurious]
    for g in missed:
        out.append((layer, ErrorKind.MISSED, g, None, f"missed {_describe(g)}", False))
    for p in spurious:
        out.append((layer, ErrorKind.SPURIOUS, None, p, f"spurious {_describe(p)}", False))
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
