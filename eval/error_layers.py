"""Reading a layer's errors off its judged pairs, and wording each one for people.

The rules are in :mod:`goldsmith.eval.errors` (which calls these); each function returns
``(layer, kind, gold, predicted, detail, matched)`` rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from goldsmith.eval.claims import ATTRIBUTE_LEVEL as CLAIM_LEVEL
from goldsmith.eval.claims import CLAIM_LEVELS
from goldsmith.eval.entities import entity_pairs
from goldsmith.eval.error_items import ErrorKind
from goldsmith.eval.matching import Pair, Scheme, match_spans
from goldsmith.eval.quotes import ATTRIBUTE_LEVEL as QUOTE_LEVEL
from goldsmith.eval.quotes import QUOTE_LEVELS
from goldsmith.labels.records import Claim, Entity, Quote, Span

#: Rows ``(layer, kind, gold, predicted, detail, matched)`` of one document's errors.
Found = list[tuple[str, ErrorKind, Span | None, Span | None, str, bool]]


def entity_errors(gold: Sequence[Entity], pred: Sequence[Entity], scheme: Scheme) -> Found:
    out: Found = []
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
    return out + leftovers("entities", pairs, None)


def _matched_with_boundaries(
    layer: str, label: str, pairs: Sequence[Pair[Any]], out: Found
) -> Iterator[Pair[Any]]:
    """The matched pairs of a layer judged by overlap, each pair whose offsets differ
    first written to ``out`` as a boundary error."""
    for pair in pairs:
        g, p = pair.gold, pair.pred
        if g is None or p is None:
            continue
        if not _same_offsets(g, p):
            detail = _boundary_detail(g, p, label) + f" (matched: overlap {pair.overlap:.0%})"
            out.append((layer, ErrorKind.BOUNDARY, g, p, detail, True))
        yield pair


def quote_errors(pairs: Sequence[Pair[Quote]]) -> Found:
    out: Found = []
    for pair in _matched_with_boundaries("quotes", "QUOTE", pairs, out):
        g, p, verdict = pair.gold, pair.pred, pair.verdict
        if not verdict.kind:
            out.append(("quotes", ErrorKind.KIND, g, p, f"kind {g.kind} != {p.kind}", True))
        if not verdict.speaker:
            detail = f"speaker {_speaker(g.speaker)} != {_speaker(p.speaker)}"
            out.append(("quotes", ErrorKind.SPEAKER, g, p, detail, True))
    return out + leftovers("quotes", pairs, QUOTE_LEVELS[QUOTE_LEVEL])


def claim_errors(pairs: Sequence[Pair[Claim]]) -> Found:
    out: Found = []
    for pair in _matched_with_boundaries("claims", "CLAIM", pairs, out):
        g, p, verdict = pair.gold, pair.pred, pair.verdict
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
    return out + leftovers("claims", pairs, CLAIM_LEVELS[CLAIM_LEVEL])


def leftovers(layer: str, pairs: Sequence[Pair[Any]], threshold: float | None) -> Found:
    """Missed and spurious spans; for quotes and claims, overlapping ones shown as one boundary.

    Showing a missed and a spurious span together changes no count: the item is both.
    """
    missed = [p.gold for p in pairs if p.pred is None]
    spurious = [p.pred for p in pairs if p.gold is None]
    out: Found = []
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
