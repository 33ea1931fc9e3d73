"""The fast entity counter: the counts of the entity pairs, computed without the pairs.

:func:`entity_doc_counts` computes the counts of the sweep in
:mod:`goldsmith.eval.entities` for all four schemes, overall and per label, in one go
(the scorer's hot path, several times faster than nervaluate;
``benchmarks/bench_eval.py``). It must always give the counts of the pairs;
``tests/eval/test_eval_entities.py`` checks that it does, so a change to the sweep there
is made here too.

Example:
    >>> from goldsmith.labels import Entity
    >>> gold = [Entity(0, 6, "Austin", "PERSON")]
    >>> pred = [Entity(0, 6, "Austin", "GPE")]
    >>> c = entity_doc_counts(gold, pred)
    >>> c.strict.overall.incorrect, c.exact.overall.correct, c.strict.per_label["GPE"].spurious
    (1, 1, 1)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from goldsmith.eval.entity_scores import EntityCounts, SchemeCounts, label_order
from goldsmith.eval.matching import SCHEMES, Scheme
from goldsmith.eval.metrics import SpanCounts
from goldsmith.labels.records import Entity


def entity_doc_counts(gold: Sequence[Entity], pred: Sequence[Entity]) -> EntityCounts:
    """The four schemes' counts for one document's gold and predicted entities.

    The counts are those of :func:`match_entities` (overall)
    and of ``match_entities`` on each label's entities alone (per label), computed
    together without building the pairs: identical ``(start, end, label)`` spans are
    paired once for every scheme, and only the remaining spans are swept per scheme.

    Example: see the module docstring.
    """
    g = sorted((e.start, e.end, e.label) for e in gold)
    p = sorted((e.start, e.end, e.label) for e in pred)
    n_gold, n_pred = Counter(x[2] for x in g), Counter(x[2] for x in p)
    full, g_rest, p_rest = _pair_identical(g, p)
    # exact / partial: identical boundaries, any label, among what is left.
    extra, b_rest, c_rest = _pair_identical([x[:2] for x in g_rest], [x[:2] for x in p_rest])
    strict_claims = _first_claims(g_rest, p_rest)
    exact_claims = _first_claims(b_rest, c_rest)
    same, other = _type_claims(g_rest, p_rest)
    ng, np_ = len(g), len(p)
    overall = {
        Scheme.STRICT: _counts(full, strict_claims, 0, ng, np_),
        Scheme.EXACT: _counts(full + extra, exact_claims, 0, ng, np_),
        Scheme.PARTIAL: _counts(full + extra, 0, exact_claims, ng, np_),
        Scheme.TYPE: _counts(full + same, other, 0, ng, np_),
    }
    per_label: dict[Scheme, dict[str, SpanCounts]] = {s: {} for s in SCHEMES}
    g_by, p_by = _by_label(g_rest), _by_label(p_rest)
    for label in sorted(n_gold.keys() | n_pred.keys(), key=label_order):
        gl, pl = g_by.get(label, []), p_by.get(label, [])
        n_g, n_p = n_gold[label], n_pred[label]
        correct = n_g - len(gl)
        claims = _first_claims(gl, pl)
        # With a single label, strict and exact apply the same rule, and partial differs
        # only in calling the overlapping matches partial.
        strict = _counts(correct, claims, 0, n_g, n_p)
        per_label[Scheme.STRICT][label] = strict
        per_label[Scheme.EXACT][label] = strict
        per_label[Scheme.PARTIAL][label] = _counts(correct, 0, claims, n_g, n_p)
        per_label[Scheme.TYPE][label] = _counts(correct + _type_claims(gl, pl)[0], 0, 0, n_g, n_p)
    return EntityCounts(**{s.value: SchemeCounts(overall[s], per_label[s]) for s in SCHEMES})


def _counts(correct: int, incorrect: int, partial: int, n_gold: int, n_pred: int) -> SpanCounts:
    matched = correct + incorrect + partial
    return SpanCounts(correct, incorrect, partial, n_gold - matched, n_pred - matched)


def _pair_identical(gold: list[tuple], pred: list[tuple]) -> tuple[int, list[tuple], list[tuple]]:
    """Pair equal tuples one to one: (pairs, gold left, predictions left), order kept."""
    gs, ps = set(gold), set(pred)
    if len(gs) == len(gold) and len(ps) == len(pred):
        common = gs & ps
        if not common:
            return 0, gold, pred
        return (
            len(common),
            [x for x in gold if x not in common],
            [x for x in pred if x not in common],
        )
    cg, cp = Counter(gold), Counter(pred)
    return (
        sum((cg & cp).values()),
        sorted((cg - cp).elements()),
        sorted((cp - cg).elements()),
    )


def _first_claims(gold: list[tuple], pred: list[tuple]) -> int:
    """How many predictions claim a gold span in step 2 of ``match_entities`` (not type).

    Both lists sorted; each prediction in order claims the first unclaimed gold span it
    overlaps.
    """
    if not gold or not pred:
        return 0
    n = len(gold)
    used = [False] * n
    lo = claims = 0
    for x in pred:
        ps, pe = x[0], x[1]
        while lo < n and (used[lo] or gold[lo][1] <= ps):
            lo += 1
        j = lo
        while j < n:
            g = gold[j]
            if g[0] >= pe:
                break
            if not used[j] and g[1] > ps:
                used[j] = True
                claims += 1
                break
            j += 1
    return claims


def _type_claims(gold: list[tuple], pred: list[tuple]) -> tuple[int, int]:
    """Step 2 of ``match_entities`` under ``type``: (same-label claims, other-label claims)."""
    if not gold or not pred:
        return 0, 0
    n = len(gold)
    used = [False] * n
    lo = same = other = 0
    for ps, pe, pl in pred:
        while lo < n and (used[lo] or gold[lo][1] <= ps):
            lo += 1
        first = hit = best = -1
        j = lo
        while j < n:
            gs, ge, gl = gold[j]
            if gs >= pe:
                break
            if not used[j] and ge > ps:
                if gl == pl:
                    dist = abs(ps - gs) + abs(pe - ge)
                    if hit < 0 or dist < best:
                        hit, best = j, dist
                elif first < 0:
                    first = j
            j += 1
        if hit >= 0:
            used[hit] = True
            same += 1
        elif first >= 0:
            used[first] = True
            other += 1
    return same, other


def _by_label(spans: list[tuple]) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = {}
    for x in spans:
        out.setdefault(x[2], []).append(x)
    return out


def sum_entity_counts(docs: Iterable[EntityCounts]) -> EntityCounts:
    """The total of many documents' counts (equal to adding them with ``+``, faster)."""
    overall = {s: [0] * 5 for s in SCHEMES}
    labels: dict[Scheme, dict[str, list[int]]] = {s: {} for s in SCHEMES}
    for doc in docs:
        for s in SCHEMES:
            sc = doc.scheme(s)
            _accumulate(overall[s], sc.overall)
            acc = labels[s]
            for label, c in sc.per_label.items():
                row = acc.get(label)
                if row is None:
                    row = acc[label] = [0] * 5
                _accumulate(row, c)
    return EntityCounts(
        **{
            s.value: SchemeCounts(
                SpanCounts(*overall[s]),
                {k: SpanCounts(*v) for k, v in sorted(labels[s].items(), key=_label_key)},
            )
            for s in SCHEMES
        }
    )


def _accumulate(row: list[int], c: SpanCounts) -> None:
    row[0] += c.correct
    row[1] += c.incorrect
    row[2] += c.partial
    row[3] += c.missed
    row[4] += c.spurious


def _label_key(item: tuple[str, object]) -> tuple[int, str]:
    return label_order(item[0])
