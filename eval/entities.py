"""Entity matching by the SemEval-2013 task 9.1 schemes: the pairs and their verdicts.

- :func:`match_entities` / :func:`entity_pairs` apply one of the four schemes
  (``strict``, ``exact``, ``partial``, ``type``, :class:`~goldsmith.eval.matching.Scheme`)
  the way nervaluate 1.2.1 does on sorted input: its counts equal nervaluate's whenever
  neither side has overlapping spans (with overlaps, nervaluate's own results depend on
  input order) and no gold entity is longer than 100 code points (nervaluate needs an
  overlap of 1 % of the gold span; here one shared code point is enough). Remember
  nervaluate's ends are inclusive. The error listing reads these pairs.
- The counts of that same sweep, for all four schemes at once and without the pairs,
  come from the fast counter beside it, :mod:`goldsmith.eval.entity_counter`.

Example:
    >>> from goldsmith.labels import Entity
    >>> gold = [Entity(0, 6, "Austin", "PERSON")]
    >>> pred = [Entity(0, 6, "Austin", "GPE")]
    >>> [(p.gold.label, p.pred.label, p.outcome.value) for p in entity_pairs(gold, pred, "strict")]
    [('PERSON', 'GPE', 'incorrect')]
"""

from __future__ import annotations

from collections.abc import Sequence

from goldsmith.eval.matching import (
    LabelledSpan,
    Match,
    Matching,
    Outcome,
    Pair,
    Scheme,
)
from goldsmith.labels.records import Entity

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
    (:func:`goldsmith.eval.entity_counter.entity_doc_counts` computes the same counts for all
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


def entity_pairs(
    gold: Sequence[Entity], pred: Sequence[Entity], scheme: Scheme | str
) -> tuple[Pair[Entity], ...]:
    """The pairs of :func:`match_entities` (matched in gold order, then missed, then spurious)."""
    return match_entities(gold, pred, scheme).pairs(gold, pred)
