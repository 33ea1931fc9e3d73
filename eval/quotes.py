"""Quote layer scores: span matching at three overlap levels, kinds, speakers, end to end.

For each document, gold and predicted quotes are put in a canonical order (position,
kind, speaker, so quotes with identical spans pair the same way whatever the input
order) and paired with :func:`~goldsmith.eval.matching.match_spans` (overlap = shared
code points over the LONGER span, one to one, greatest overlap first):

- ``span["exact"]``, ``span["overlap_80"]``, ``span["overlap_30"]``: span counts with
  identical boundaries, >= 80 % and >= 30 % overlap;
- ``per_kind[K]``: the quotes of kind ``K`` on both sides matched on their own at 30 %;
- the pairs matched at 30 % are judged once (:func:`quote_pairs`, a :class:`QuoteVerdict`
  each): ``kind`` (same kind) and ``speaker`` (the speakers agree by
  :func:`~goldsmith.eval.matching.same_source`: both absent is right, one absent is
  wrong). ``kind`` and ``speaker`` accuracy count those verdicts, and the error listing
  reads the same pairs;
- ``end_to_end``: the 30 % pairs with the right speaker are correct, those with a wrong
  speaker ``incorrect`` (a wrong prediction and a missed quote at once).

Example:
    >>> from goldsmith.labels import Entity, Quote
    >>> text = "Austin said it was over."
    >>> gold = [Quote(12, 23, text[12:23], "indirect", Entity(0, 6, "Austin", "PERSON"))]
    >>> pred = [Quote(12, 24, text[12:24], "indirect", None)]
    >>> c = quote_doc_counts(gold, pred)
    >>> c.span["exact"].correct, c.span["overlap_80"].correct, c.speaker.accuracy
    (0, 1, 0.0)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from goldsmith.eval.matching import Outcome, Pair, count_pairs, match_spans, same_source
from goldsmith.eval.metrics import (
    AccuracyCounts,
    AccuracyScore,
    Interval,
    SpanCounts,
    SpanScore,
    add_fields,
)
from goldsmith.labels.records import Quote
from goldsmith.labels.schema import QUOTE_KINDS

#: Span matching levels: name -> minimum overlap (over the longer span).
QUOTE_LEVELS: dict[str, float] = {"exact": 1.0, "overlap_80": 0.8, "overlap_30": 0.3}
#: The level whose pairs are checked for kind and speaker.
ATTRIBUTE_LEVEL = "overlap_30"


@dataclass(frozen=True)
class QuoteCounts:
    """Quote counts of one document or, summed, of a corpus."""

    span: dict[str, SpanCounts] = field(default_factory=dict)
    per_kind: dict[str, SpanCounts] = field(default_factory=dict)
    kind: AccuracyCounts = AccuracyCounts()
    speaker: AccuracyCounts = AccuracyCounts()
    end_to_end: SpanCounts = SpanCounts()

    __add__ = add_fields

    def figures(self) -> dict[str, SpanCounts | AccuracyCounts]:
        """Headline figures: span F1 at each level, speaker accuracy, end-to-end F1, and
        the F1 of each kind (``quotes.per_kind.KIND.f1``)."""
        out: dict[str, SpanCounts | AccuracyCounts] = {
            f"quotes.span.{level}.f1": self.span.get(level, SpanCounts()) for level in QUOTE_LEVELS
        }
        out["quotes.kind_accuracy"] = self.kind
        out["quotes.speaker_accuracy"] = self.speaker
        out["quotes.end_to_end.f1"] = self.end_to_end
        for kind, counts in self.per_kind.items():
            out[f"quotes.per_kind.{kind}.f1"] = counts
        return out


@dataclass(frozen=True)
class QuoteVerdict:
    """The attribute checks of a matched quote pair."""

    kind: bool  #: same kind
    speaker: bool  #: the speakers name the same source (:func:`same_source`)


def quote_pairs(gold: Sequence[Quote], pred: Sequence[Quote]) -> tuple[Pair[Quote], ...]:
    """Every quote of one document judged once, at the attribute level (30 % overlap).

    A matched pair carries its :class:`QuoteVerdict` and is ``correct`` when the speaker
    is right, else ``incorrect``; the rest are ``missed`` or ``spurious``. Quotes are
    paired in canonical order (module docstring), so the pairs do not depend on the
    order of the inputs.

    Example:
        >>> from goldsmith.labels import Quote
        >>> [p.verdict for p in quote_pairs([Quote(0, 4, "Stop", "direct", None)],
        ...                                 [Quote(0, 4, "Stop", "indirect", None)])]
        [QuoteVerdict(kind=False, speaker=True)]
    """
    gold, pred = sorted(gold, key=_canonical), sorted(pred, key=_canonical)
    pairs = match_spans(gold, pred, QUOTE_LEVELS[ATTRIBUTE_LEVEL]).pairs(gold, pred)
    return tuple(_judge(pair) for pair in pairs)


def _judge(pair: Pair[Quote]) -> Pair[Quote]:
    g, p = pair.gold, pair.pred
    if g is None or p is None:
        return pair
    verdict = QuoteVerdict(kind=g.kind == p.kind, speaker=same_source(g.speaker, p.speaker))
    outcome = Outcome.CORRECT if verdict.speaker else Outcome.INCORRECT
    return Pair(g, p, outcome, pair.overlap, verdict)


def quote_doc_counts(
    gold: Sequence[Quote], pred: Sequence[Quote], pairs: Sequence[Pair[Quote]] | None = None
) -> QuoteCounts:
    """Quote counts of one document (rules in the module docstring).

    ``pairs`` are :func:`quote_pairs` of the same quotes when already judged.
    """
    if pairs is None:
        pairs = quote_pairs(gold, pred)
    end_to_end = count_pairs(pairs)
    verdicts = [p.verdict for p in pairs if p.verdict is not None]
    n = len(verdicts)
    gold, pred = sorted(gold, key=_canonical), sorted(pred, key=_canonical)
    span = {}
    for level, threshold in QUOTE_LEVELS.items():
        if level == ATTRIBUTE_LEVEL:  # the judged pairs, every match counted correct
            span[level] = SpanCounts(n, 0, 0, end_to_end.missed, end_to_end.spurious)
        else:
            span[level] = match_spans(gold, pred, threshold).counts()
    kind_ok = sum(v.kind for v in verdicts)
    speaker_ok = sum(v.speaker for v in verdicts)
    per_kind = {}
    for kind in _kinds(gold, pred):
        gk = [q for q in gold if q.kind == kind]
        pk = [q for q in pred if q.kind == kind]
        per_kind[kind] = match_spans(gk, pk, QUOTE_LEVELS[ATTRIBUTE_LEVEL]).counts()
    return QuoteCounts(
        span=span,
        per_kind=per_kind,
        kind=AccuracyCounts(kind_ok, n),
        speaker=AccuracyCounts(speaker_ok, n),
        end_to_end=end_to_end,
    )


def _canonical(q: Quote) -> tuple:
    s = q.speaker
    speaker = () if s is None else (s.start, s.end, s.label, s.text)
    return (q.start, q.end, q.kind, speaker)


def _kinds(gold: Sequence[Quote], pred: Sequence[Quote]) -> list[str]:
    seen = {q.kind for q in gold} | {q.kind for q in pred}
    return [k for k in QUOTE_KINDS if k in seen] + sorted(seen - set(QUOTE_KINDS))


@dataclass(frozen=True)
class QuoteScores:
    """The quote layer of a system's report."""

    span: dict[str, SpanScore]
    per_kind: dict[str, SpanScore]
    kind_accuracy: AccuracyScore
    speaker_accuracy: AccuracyScore
    end_to_end: SpanScore

    def to_dict(self) -> dict[str, Any]:
        return {
            "span": {k: v.to_dict() for k, v in self.span.items()},
            "per_kind": {k: v.to_dict() for k, v in self.per_kind.items()},
            "kind_accuracy": self.kind_accuracy.to_dict(),
            "speaker_accuracy": self.speaker_accuracy.to_dict(),
            "end_to_end": self.end_to_end.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QuoteScores:
        return cls(
            span={k: SpanScore.from_dict(v) for k, v in data["span"].items()},
            per_kind={k: SpanScore.from_dict(v) for k, v in data["per_kind"].items()},
            kind_accuracy=AccuracyScore.from_dict(data["kind_accuracy"]),
            speaker_accuracy=AccuracyScore.from_dict(data["speaker_accuracy"]),
            end_to_end=SpanScore.from_dict(data["end_to_end"]),
        )


def quote_scores(
    total: QuoteCounts, intervals: Mapping[str, Interval | None] | None = None
) -> QuoteScores:
    """Attach confidence intervals (by figure name, see :meth:`QuoteCounts.figures`)."""
    cis = intervals or {}
    kinds = [k for k in QUOTE_KINDS if k in total.per_kind]
    kinds += sorted(set(total.per_kind) - set(kinds))
    return QuoteScores(
        span={
            level: SpanScore(
                total.span.get(level, SpanCounts()), cis.get(f"quotes.span.{level}.f1")
            )
            for level in QUOTE_LEVELS
        },
        per_kind={
            k: SpanScore(total.per_kind[k], cis.get(f"quotes.per_kind.{k}.f1")) for k in kinds
        },
        kind_accuracy=AccuracyScore(total.kind, cis.get("quotes.kind_accuracy")),
        speaker_accuracy=AccuracyScore(total.speaker, cis.get("quotes.speaker_accuracy")),
        end_to_end=SpanScore(total.end_to_end, cis.get("quotes.end_to_end.f1")),
    )
