"""Span matching: which predicted span answers which gold span, one to one, and the verdicts.

The records every layer's matching returns, and the layer-independent matchers:

- :class:`Matching` (indices into the inputs) and :class:`Pair` (the spans themselves with
  their verdict): a layer pairs its spans once (:func:`goldsmith.eval.entities.entity_pairs`,
  :func:`goldsmith.eval.quotes.quote_pairs`, :func:`goldsmith.eval.claims.claim_pairs`) and
  both its counts and the error listing (:mod:`goldsmith.eval.errors`) are read off those
  pairs, so the two can never disagree;
- :func:`match_spans` pairs quotes or claims whose overlap (intersection over the
  longer span) reaches a threshold: exact matches first, then greatest overlap. Entities
  are matched by the SemEval schemes in :mod:`goldsmith.eval.entities`;
- :func:`same_source` is the spec's rule for "two speaker mentions name the same source".

Example:
    >>> from goldsmith.labels import Span
    >>> m = match_spans([Span(0, 10, "a" * 10)], [Span(0, 8, "a" * 8)], 0.5)
    >>> [(p.gold.end, p.pred.end, p.outcome.value) for p in m.pairs([Span(0, 10, "a" * 10)],
    ...                                                           [Span(0, 8, "a" * 8)])]
    [(10, 8, 'correct')]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, Protocol, TypeVar

from goldsmith.eval.metrics import SpanCounts
from goldsmith.labels.names import last_word
from goldsmith.labels.records import Entity

S = TypeVar("S")


class SpanLike(Protocol):
    """Anything with code-point offsets ``start`` and ``end`` (end exclusive)."""

    start: int
    end: int


class LabelledSpan(SpanLike, Protocol):
    label: str


class Scheme(str, Enum):
    """The SemEval-2013 task 9.1 entity evaluation schemes."""

    STRICT = "strict"  #: same boundaries and same label
    EXACT = "exact"  #: same boundaries, any label
    PARTIAL = "partial"  #: overlapping boundaries (half credit unless exact), any label
    TYPE = "type"  #: overlapping boundaries and same label


SCHEMES: tuple[Scheme, ...] = (Scheme.STRICT, Scheme.EXACT, Scheme.PARTIAL, Scheme.TYPE)


class Outcome(str, Enum):
    """What happened to a gold span or a predicted span under a matching rule."""

    CORRECT = "correct"
    INCORRECT = "incorrect"
    PARTIAL = "partial"
    MISSED = "missed"
    SPURIOUS = "spurious"


@dataclass(frozen=True)
class Match:
    """A gold span paired with a predicted span; indices point into the inputs as given."""

    gold: int
    pred: int
    outcome: Outcome
    #: Shared code points over the length of the longer span (1.0 for identical boundaries).
    overlap: float


@dataclass(frozen=True)
class Matching:
    """The one-to-one pairing of a gold sequence with a predicted sequence.

    ``matches`` is sorted by gold index; ``missed`` holds the indices of unpaired gold spans
    and ``spurious`` those of unpaired predictions, both ascending.
    """

    matches: tuple[Match, ...]
    missed: tuple[int, ...]
    spurious: tuple[int, ...]

    def counts(self) -> SpanCounts:
        """The SemEval counts of this matching."""
        c = i = p = 0
        for m in self.matches:
            if m.outcome is Outcome.CORRECT:
                c += 1
            elif m.outcome is Outcome.INCORRECT:
                i += 1
            else:
                p += 1
        return SpanCounts(c, i, p, len(self.missed), len(self.spurious))

    def pairs(self, gold: Sequence[S], pred: Sequence[S]) -> tuple[Pair[S], ...]:
        """The matching as :class:`Pair` records over the spans it was computed on.

        Matched pairs first (in gold order), then the missed gold spans, then the
        spurious predictions. No verdict is attached; the layers add theirs.
        """
        out: list[Pair[S]] = [
            Pair(gold[m.gold], pred[m.pred], m.outcome, m.overlap) for m in self.matches
        ]
        out += [Pair(gold[i], None, Outcome.MISSED) for i in self.missed]
        out += [Pair(None, pred[j], Outcome.SPURIOUS) for j in self.spurious]
        return tuple(out)


@dataclass(frozen=True)
class Pair(Generic[S]):
    """One judgement of a layer: a gold span and its prediction, or one of them alone.

    ``outcome`` is ``correct``, ``incorrect`` or ``partial`` for a matched pair (the
    layer's rule: a scheme for entities, the attribute check for quotes and claims),
    ``missed`` for a gold span alone and ``spurious`` for a prediction alone.
    ``overlap`` is the shared code points over the longer span (0 when alone);
    ``verdict`` holds the layer's attribute checks of a matched pair (``None`` otherwise).
    """

    gold: S | None
    pred: S | None
    outcome: Outcome
    overlap: float = 0.0
    verdict: Any = None

    @property
    def matched(self) -> bool:
        """Whether both a gold span and a prediction are in the pair."""
        return self.gold is not None and self.pred is not None


def count_pairs(pairs: Iterable[Pair[Any]]) -> SpanCounts:
    """The SemEval counts of a layer's pairs: one count per outcome."""
    n = dict.fromkeys(Outcome, 0)
    for pair in pairs:
        n[pair.outcome] += 1
    return SpanCounts(
        n[Outcome.CORRECT],
        n[Outcome.INCORRECT],
        n[Outcome.PARTIAL],
        n[Outcome.MISSED],
        n[Outcome.SPURIOUS],
    )


def overlap(a: SpanLike, b: SpanLike) -> int:
    """Number of code points two spans share (0 when disjoint)."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def overlap_ratio(a: SpanLike, b: SpanLike) -> float:
    """Shared code points over the length of the LONGER span, in [0, 1].

    Example: ``[0, 10)`` and ``[5, 10)`` share 5 of the longer span's 10 code points: 0.5.
    """
    longer = max(a.end - a.start, b.end - b.start)
    return overlap(a, b) / longer if longer > 0 else 0.0


# --------------------------------------------------------------------------- quotes, claims


def match_spans(gold: Sequence[SpanLike], pred: Sequence[SpanLike], min_overlap: float) -> Matching:
    """Pair gold and predicted spans one to one when they overlap enough.

    The rule: a pair is a candidate when its overlap ratio (shared code points over the
    length of the LONGER span, :func:`overlap_ratio`) is at least ``min_overlap`` (and
    they share at least one code point). Candidates are taken greatest ratio first
    (so identical boundaries, ratio 1, come first), ties broken by position
    (gold ``(start, end)``, then prediction ``(start, end)``); a candidate is kept when
    neither of its spans is already paired. Every kept pair is ``correct``; the rest of
    the gold is missed and the rest of the predictions spurious. Labels and attributes
    are ignored here; the layer scorers compare them on the pairs.

    Example:
        >>> from goldsmith.labels import Span
        >>> g = [Span(0, 10, "a" * 10)]
        >>> match_spans(g, [Span(0, 8, "a" * 8)], 0.8).counts().correct
        1
        >>> match_spans(g, [Span(0, 7, "a" * 7)], 0.8).counts().correct
        0
    """
    candidates: list[tuple[float, int, int, int, int, int, int]] = []
    for gi, g in enumerate(gold):
        glen = g.end - g.start
        for pi, p in enumerate(pred):
            shared = min(g.end, p.end) - max(g.start, p.start)
            if shared <= 0:
                continue
            longer = max(glen, p.end - p.start)
            if shared < min_overlap * longer - 1e-9:
                continue
            candidates.append((-shared / longer, g.start, g.end, p.start, p.end, gi, pi))
    candidates.sort(key=lambda c: c[:5])
    used_g: set[int] = set()
    used_p: set[int] = set()
    matches: list[Match] = []
    for neg_ratio, *_, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matches.append(Match(gi, pi, Outcome.CORRECT, -neg_ratio))
    matches.sort(key=lambda m: m.gold)
    missed = tuple(i for i in range(len(gold)) if i not in used_g)
    spurious = tuple(i for i in range(len(pred)) if i not in used_p)
    return Matching(tuple(matches), missed, spurious)


# --------------------------------------------------------------------------- speakers


def same_source(gold: Entity | None, pred: Entity | None) -> bool:
    """Whether two speaker mentions name the same source (ANNOTATION_SPEC.md section 2).

    The rule: both absent -> same; exactly one absent -> different; otherwise same when
    the spans share a code point or their last words
    (:func:`goldsmith.labels.names.last_word`) match
    case-insensitively ("Austin" and "Lloyd J. Austin III" do). Labels are ignored.
    """
    if gold is None or pred is None:
        return gold is None and pred is None
    if overlap(gold, pred) > 0:
        return True
    g, p = last_word(gold.text).lower(), last_word(pred.text).lower()
    return bool(g) and g == p
