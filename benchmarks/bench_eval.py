"""Benchmark: goldsmith's entity scorer against nervaluate on millions of tokens.

Synthesises (seeded) documents of about 500 tokens with an entity every ~8 tokens, and
predictions perturbed from the gold (boundary shifts by a token, label swaps, drops,
spurious entities; predictions never overlap one another, so nervaluate's results are
well defined). Scores the entities with both tools in the same run — all four SemEval
schemes, overall and per label — checks that every count is identical, and prints
both times and the ratio.

Only spans are needed, not real text: token ``i`` occupies code points
``[6 * i, 6 * i + 5)``.

Usage::

    python benchmarks/bench_eval.py                 # 6,100 docs, ~3.05 million tokens
    python benchmarks/bench_eval.py --docs 500      # quicker
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from nervaluate import Evaluator

from goldsmith.eval.bootstrap import FigureTable, intervals, replicates
from goldsmith.eval.entity_counter import EntityCounts, entity_doc_counts, sum_entity_counts
from goldsmith.eval.matching import SCHEMES
from goldsmith.labels.records import Entity
from goldsmith.labels.schema import ENTITY_LABELS

TOKEN = 6  # code points per token, space included
NERVALUATE_NAME = {"strict": "strict", "exact": "exact", "partial": "partial", "type": "ent_type"}


def _entity(first: int, last: int, label: str) -> Entity:
    """An entity over tokens ``first..last`` (inclusive); its text is not needed here."""
    return Entity(first * TOKEN, last * TOKEN + TOKEN - 1, "", label)


def synthesise(n_docs: int, tokens_per_doc: int, seed: int):
    """Gold and predicted entities per document, plus the number of tokens."""
    rng = random.Random(seed)
    gold_docs, pred_docs = [], []
    total_tokens = 0
    for _ in range(n_docs):
        n_tokens = rng.randint(tokens_per_doc - 50, tokens_per_doc + 50)
        total_tokens += n_tokens
        gold: list[tuple[int, int, str]] = []
        pos = rng.randint(0, 8)
        while True:
            length = rng.choice((1, 1, 2, 2, 3))
            if pos + length > n_tokens:
                break
            gold.append((pos, pos + length - 1, rng.choice(ENTITY_LABELS)))
            pos += length + rng.randint(3, 10)
        pred: list[tuple[int, int, str]] = []
        for first, last, label in gold:
            r = rng.random()
            if r < 0.07:
                continue  # dropped
            if r < 0.17:  # boundary shift by one token
                if rng.random() < 0.5:
                    first = max(0, first + rng.choice((-1, 1)))
                else:
                    last = min(n_tokens - 1, last + rng.choice((-1, 1)))
                if first > last:
                    first, last = last, first
            elif r < 0.25:
                label = rng.choice(ENTITY_LABELS)
            pred.append((first, last, label))
        for _ in range(rng.randint(0, 4)):  # spurious
            first = rng.randrange(n_tokens)
            last = min(n_tokens - 1, first + rng.randint(0, 2))
            pred.append((first, last, rng.choice(ENTITY_LABELS)))
        pred.sort()
        kept: list[tuple[int, int, str]] = []
        for span in pred:  # no overlapping predictions
            if not kept or span[0] > kept[-1][1]:
                kept.append(span)
        gold_docs.append([_entity(*g) for g in gold])
        pred_docs.append([_entity(*p) for p in kept])
    return gold_docs, pred_docs, total_tokens


def score_goldsmith(gold_docs, pred_docs) -> list[EntityCounts]:
    """Per-document counts (as ``eval score`` keeps them for the bootstrap)."""
    return [entity_doc_counts(g, p) for g, p in zip(gold_docs, pred_docs, strict=True)]


def bootstrap(per_doc: list[EntityCounts], resamples: int) -> int:
    """Intervals of every entity figure from the per-document counts; how many figures."""
    names = list(sum_entity_counts(per_doc).figures())
    table = FigureTable.from_docs([c.figures() for c in per_doc], names=names)
    cis = intervals(table, replicates(table, resamples, seed=0))
    return sum(ci is not None for ci in cis.values())


def score_nervaluate(gold_docs, pred_docs) -> dict:
    # nervaluate's end offsets are inclusive.
    true = [[{"label": e.label, "start": e.start, "end": e.end - 1} for e in d] for d in gold_docs]
    pred = [[{"label": e.label, "start": e.start, "end": e.end - 1} for e in d] for d in pred_docs]
    return Evaluator(true, pred, tags=list(ENTITY_LABELS), loader="dict").evaluate()


def timed(func, *args):
    """``func(*args)`` with its wall-clock and CPU (this process) times in seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = func(*args)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def compare(ours: EntityCounts, theirs: dict) -> list[str]:
    """Every count that differs, as readable lines (empty when all are identical)."""
    problems = []

    def check(where: str, mine, result) -> None:
        a = (mine.correct, mine.incorrect, mine.partial, mine.missed, mine.spurious)
        b = (result.correct, result.incorrect, result.partial, result.missed, result.spurious)
        if a != b:
            problems.append(f"{where}: goldsmith {a} != nervaluate {b}")

    for scheme in SCHEMES:
        name = NERVALUATE_NAME[scheme.value]
        check(f"overall {scheme.value}", ours.scheme(scheme).overall, theirs["overall"][name])
        labels = set(theirs["entities"]) | set(ours.scheme(scheme).per_label)
        for label in sorted(labels):
            mine = ours.scheme(scheme).per_label.get(label)
            result = theirs["entities"].get(label, {}).get(name)
            if mine is None or result is None:
                problems.append(f"{label} {scheme.value}: missing on one side")
                continue
            check(f"{label} {scheme.value}", mine, result)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=6100)
    parser.add_argument("--tokens-per-doc", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--resamples", type=int, default=1000)
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    gold_docs, pred_docs, tokens = synthesise(args.docs, args.tokens_per_doc, args.seed)
    n_gold = sum(map(len, gold_docs))
    n_pred = sum(map(len, pred_docs))
    print(
        f"synthesised {args.docs:,} docs, {tokens:,} tokens, {n_gold:,} gold and "
        f"{n_pred:,} predicted entities in {time.perf_counter() - t0:.1f} s"
    )

    per_doc, t_ours, cpu_ours = timed(score_goldsmith, gold_docs, pred_docs)
    ours, t_sum, cpu_sum = timed(sum_entity_counts, per_doc)
    t_ours, cpu_ours = t_ours + t_sum, cpu_ours + cpu_sum
    print(f"goldsmith:  {t_ours:8.2f} s wall, {cpu_ours:8.2f} s CPU")
    theirs, t_theirs, cpu_theirs = timed(score_nervaluate, gold_docs, pred_docs)
    print(f"nervaluate: {t_theirs:8.2f} s wall, {cpu_theirs:8.2f} s CPU")

    problems = compare(ours, theirs)
    for scheme in SCHEMES:
        c = ours.scheme(scheme).overall
        print(
            f"  {scheme.value:8s} COR {c.correct:7,} INC {c.incorrect:6,} PAR {c.partial:6,} "
            f"MIS {c.missed:6,} SPU {c.spurious:6,}  F1 {c.f1:.4f}"
        )
    if problems:
        print(f"COUNTS DIFFER in {len(problems)} places:")
        for line in problems[:20]:
            print("  " + line)
        return 1
    n_checked = len(SCHEMES) * (1 + len(theirs["entities"]))
    print(f"identical counts: {n_checked} (scheme, overall/label) cells, 5 counts each")
    ratio, cpu_ratio = t_theirs / t_ours, cpu_theirs / cpu_ours
    print(
        f"speed-up: goldsmith is {ratio:.1f}x faster than nervaluate in wall time, "
        f"{cpu_ratio:.1f}x in CPU time (bar: 5x)"
    )
    n_figures, t_boot, cpu_boot = timed(bootstrap, per_doc, args.resamples)
    print(
        f"bootstrap (not part of the comparison): {n_figures} entity figures, "
        f"{args.resamples} resamples of {len(per_doc):,} documents in {t_boot:.2f} s wall, "
        f"{cpu_boot:.2f} s CPU"
    )
    return 0 if min(ratio, cpu_ratio) >= 5 else 2


if __name__ == "__main__":
    sys.exit(main())
