"""Span matching: which predicted span answers which gold span, one to one.

Two matchers, each a pure function of the *multiset* of spans it is given (the order of
the input sequences never changes the result), each returning a :class:`Matching` whose
indices point into the sequences exactly as passed, so error listings can show the spans.

- :func:`match_entities` applies one of the four SemEval-2013 task 9.1 schemes
  (``strict``, ``exact``, ``partial``, ``type``) the way nervaluate 1.2.1 does on
  sorted input: its counts equal nervaluate's whenever neither side has overlapping
  spans (with overlaps, nervaluate's own results depend on input order) and no gold entity is
  longer than 100 code points (nervaluate needs an overlap of 1 % of the gold span;
  here one shared code point is enough). Remember nervaluate's ends are inclusive.
- :func:`match_spans` pairs quotes or claims whose overlap (intersection over the
  longer span) reaches a threshold: exact matches first, then greatest overlap.

:func:`same_source` is the spec's rule for "two speaker mentions name the same source".

Example:
    >>> from goldsmith.labels import Entity
    >>> gold = [Entity(0, 6, "Austin", "PERSON")]
    >>> pred = [Entity(0, 6, "Austin", "GPE")]
    >>> m = match_entities(gold, pred, "strict")
    >>> [(x.gold, x.pred, x.outcome.value) for x in m.matches], m.missed, m.spurious
    ([(0, 0, 'incorrect')], (), ())
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from goldsmith.eval.metrics import SpanCounts
from goldsmith.labels.records import Entity


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


def overlap(a: SpanLike, b: SpanLike) -> int:
    """Number of code points two spans share (0 when disjoint)."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def overlap_ratio(a: SpanLike, b: SpanLike) -> float:
    """Shared code points over the length of the LONGER span, in [0, 1].

    Example: ``[0, 10)`` and ``[5, 10)`` share 5 of the longer span's 10 code points: 0.5.
    """
    longer = max(a.end - a.start, b.end - b.start)
    return overlap(a, b) / longer if longer > 0 else 0.0


# --------------------------------------------------------------------------- entities

_CORRECT, _INCORRECT, _PARTIAL, _SPURIOUS = 0, 1, 2, 3
_OUTCOMES = (Outcome.CORRECT, Outcome.INCORRECT, Outcome.PARTIAL, Outcome.SPURIOUS)


def match_entities(
    gold: Sequence[LabelledSpan], pred: Sequence[LabelledSpan], scheme: Scheme | str
) -> Matching:
    """Pair predicted entities with gold entities under one SemEval scheme.

    The rule (nervaluate 1.2.1's, made independent of input order): both sides are sorted
    by ``(start, end, label)``; each gold entity is claimed by at most one prediction.

    1. Identical boundaries first: every prediction claims a not yet claimed gold entity
       with the same boundaries (and the same label under ``strict`` and ``type``)
       -> correct.
    2. Then the other predictions, in sorted order, each claim the first (in sorted
       order) not yet claimed gold entity they overlap (share at least one code point
       with): ``strict`` and ``exact`` -> incorrect, ``partial`` -> partial; under
       ``type`` the overlapping gold entity of the same label with the smallest
       ``|start difference| + |end difference|`` (first on ties) -> correct, else the
       first overlapping one of another label -> incorrect.
    3. A prediction that claims nothing is spurious; an unclaimed gold entity is missed.

    When neither side has overlapping spans this is exactly nervaluate's result on the
    sorted lists (step 1 changes nothing then). When predictions overlap, step 1 keeps an
    exact prediction from losing its gold entity to an earlier overlapping one, and
    sorting makes the result the same for any order of the inputs.

    Example:
        >>> from goldsmith.labels import Entity
        >>> g = [Entity(0, 11, "North Korea", "GPE")]
        >>> p = [Entity(6, 11, "Korea", "GPE")]
        >>> match_entities(g, p, "partial").counts().partial
        1
    """
    scheme = Scheme(scheme)
    g_order = sorted(range(len(gold)), key=lambda i: (gold[i].start, gold[i].end, gold[i].label))
    p_order = sorted(range(len(pred)), key=lambda i: (pred[i].start, pred[i].end, pred[i].label))
    g_spans = [(gold[i].start, gold[i].end, gold[i].label) for i in g_order]
    p_spans = [(pred[i].start, pred[i].end, pred[i].label) for i in p_order]
    outcomes, claimed = assign_sorted(g_spans, p_spans, scheme)
    matches: list[Match] = []
    spurious: list[int] = []
    for k, (code, gk) in enumerate(zip(outcomes, claimed, strict=True)):
        if code == _SPURIOUS:
            spurious.append(p_order[k])
            continue
        gs, ps = g_spans[gk], p_spans[k]
        longer = max(gs[1] - gs[0], ps[1] - ps[0])
        shared = min(gs[1], ps[1]) - max(gs[0], ps[0])
        matches.append(Match(g_order[gk], p_order[k], _OUTCOMES[code], shared / longer))
    taken = {m.gold for m in matches}
    missed = tuple(i for i in range(len(gold)) if i not in taken)
    matches.sort(key=lambda m: m.gold)
    return Matching(tuple(matches), missed, tuple(sorted(spurious)))


def assign_sorted(
    gold: list[tuple[int, int, str]], pred: list[tuple[int, int, str]], scheme: Scheme
) -> tuple[list[int], list[int]]:
    """The core of :func:`match_entities` on ``(start, end, label)`` tuples sorted ascending.

    Returns, for each prediction, an outcome code (0 correct, 1 incorrect, 2 partial,
    3 spurious) and the index of the gold tuple it claimed (-1 when spurious).
    (:func:`goldsmith.eval.entities.entity_doc_counts` computes the same counts for all
    schemes at once without the pairs.)
    """
    n = len(gold)
    used = [False] * n
    outcomes = [_SPURIOUS] * len(pred)
    claimed = [-1] * len(pred)
    # Pass 1: identical boundaries (and label, for strict and type) are paired first.
    with_label = scheme is Scheme.STRICT or scheme is Scheme.TYPE
    exact: dict[tuple, list[int]] = {}
    for j in range(n - 1, -1, -1):
        gs, ge, gl = gold[j]
        exact.setdefault((gs, ge, gl) if with_label else (gs, ge), []).append(j)
    rest: list[int] = []
    for k, (ps, pe, pl) in enumerate(pred):
        stack = exact.get((ps, pe, pl) if with_label else (ps, pe))
        if stack:
            j = stack.pop()
            used[j] = True
            outcomes[k] = _CORRECT
            claimed[k] = j
        else:
            rest.append(k)
    if not rest:
        return outcomes, claimed
    # Pass 2: the other predictions, in order, claim the first overlapping gold left
    # (type: the closest one of the same label, else the first of another label).
    is_type = scheme is Scheme.TYPE
    miss_code = _PARTIAL if scheme is Scheme.PARTIAL else _INCORRECT
    lo = 0
    for k in rest:
        ps, pe, pl = pred[k]
        # Gold spans ending at or before this start can never overlap this or a later one.
        while lo < n and (used[lo] or gold[lo][1] <= ps):
            lo += 1
        first = hit = best = -1
        j = lo
        while j < n:
            gs, ge, gl = gold[j]
            if gs >= pe:
                break
            if not used[j] and ge > ps:
                if is_type and gl == pl:
                    dist = abs(ps - gs) + abs(pe - ge)
                    if hit < 0 or dist < best:
                        hit, best = j, dist
                elif first < 0:
                    first = j
                    if not is_type:
                        break
            j += 1
        if hit >= 0:
            used[hit] = True
            outcomes[k] = _CORRECT
            claimed[k] = hit
        elif first >= 0:
            used[first] = True
            outcomes[k] = miss_code
            claimed[k] = first
    return outcomes, claimed


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

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})
_WORD = re.compile(r"\w+(?:['’.-]\w+)*")


def last_word(text: str) -> str:
    """The last word of a name, lower-cased, ignoring generational suffixes and possessives.

    Example: ``last_word("Lloyd J. Austin III") == "austin"``.
    """
    words = [w.lower() for w in _WORD.findall(text)]
    while len(words) > 1 and words[-1].rstrip(".") in _SUFFIXES:
        words.pop()
    if not words:
        return ""
    word = words[-1]
    for tail in ("'s", "’s"):
        if word.endswith(tail) and len(word) > len(tail):
            word = word[: -len(tail)]
    return word


def same_source(gold: Entity | None, pred: Entity | None) -> bool:
    """Whether two speaker mentions name the same source (ANNOTATION_SPEC.md section 2).

    The rule: both absent -> same; exactly one absent -> different; otherwise same when
    the spans share a code point or their last words (:func:`last_word`) match
    case-insensitively ("Austin" and "Lloyd J. Austin III" do). Labels are ignored.
    """
    if gold is None or pred is None:
        return gold is None and pred is None
    if min(gold.end, pred.end) > max(gold.start, pred.start):
        return True
    g, p = last_word(gold.text), last_word(pred.text)
    return bool(g) and g == p
