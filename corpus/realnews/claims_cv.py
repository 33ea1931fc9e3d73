"""Cross-validation of the claim verifier (``train_claims.py --cv``), grouped by article.

Three estimates, each judging an article by a verifier trained without it:

- ``FOLDS``-fold CV (an article's fold is its key's sha256 modulo ``FOLDS``);
- leave-one-set-out: each manifest role (and the claims-only set) is judged by a verifier
  trained on every other set. On HELD-OUT-R6 and TRAIN, the sets no rule was fitted to,
  this is the honest estimate of what the verifier adds on unseen text; on the other sets
  the rules were fitted to the very articles, so the rules start near their ceiling;
- a filter the rules never had (:func:`ablation`): each rule filter's candidates are kept
  and the verifier, trained without them, must drop them.

Claims span F1 (>= 50 %) and unit accuracy are summed over the judged articles for the
rules alone and for the rules with the verifier at each ``(drop_below, keep_above)``, with
a paired bootstrap interval (articles resampled) of the F1 difference.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from goldsmith.corpus.realnews.train_claims import (
    BOOTSTRAP,
    FOLDS,
    Article,
    counts,
    decisions,
    f1,
    positives,
    train,
    verifier_of,
    without,
)

#: the sets no claim rule was fitted to (their figures are the honest ones)
UNTUNED = ("heldout-r6", "train")
GRID = tuple((d, k) for d in (0.05, 0.1, 0.2, 0.3, 0.5) for k in (1.0, 0.9, 0.7))


def _judge(
    per: dict[str, np.ndarray],
    i: int,
    article: Article,
    weights: dict[str, float],
    grid: Sequence[tuple[float, float]],
    exclude: str,
) -> None:
    held = replace(article, features=tuple(without(f, exclude) for f in article.features))
    for t in grid:
        per[_key(t)][i] = counts(held, decisions(held, verifier_of(weights, *t)))


def _key(t: tuple[float, float]) -> str:
    return f"{t[0]:.2f}/{t[1]:.2f}"


def _empty(articles: Sequence[Article], grid: Sequence[tuple[float, float]]):
    out = {"rules": np.array([counts(a, a.kept) for a in articles])}
    for t in grid:
        out[_key(t)] = np.zeros((len(articles), 5))
    return out


def _held_out(
    articles: Sequence[Article],
    folds: Sequence[object],
    grid: Sequence[tuple[float, float]],
    exclude: str,
    least: int,
) -> dict[str, np.ndarray]:
    """Per-article counts, each article judged by a verifier trained on the articles of the
    other folds (``folds[i]`` is article i's fold)."""
    out = _empty(articles, grid)
    for fold in sorted(set(folds), key=str):
        weights = train(
            [a for a, f in zip(articles, folds, strict=True) if f != fold], exclude, least
        )
        for i, a in enumerate(articles):
            if folds[i] == fold:
                _judge(out, i, a, weights, grid, exclude)
    return out


def cross_validate(
    articles: Sequence[Article],
    grid: Sequence[tuple[float, float]] = GRID,
    exclude: str = "drop=",
    least: int = 1,
) -> dict[str, np.ndarray]:
    """Per-article counts (articles x 5) for the rules (``"rules"``) and for the verifier
    at each threshold pair of ``grid``, each fold judged by a model trained on the other
    folds (features starting with ``exclude`` left out, and those in fewer than ``least``
    training articles)."""
    return _held_out(articles, [a.fold() for a in articles], grid, exclude, least)


def leave_set_out(
    articles: Sequence[Article],
    grid: Sequence[tuple[float, float]] = GRID,
    exclude: str = "drop=",
    least: int = 1,
) -> dict[str, np.ndarray]:
    """Like :func:`cross_validate`, the folds being the articles' sets (``group``)."""
    return _held_out(articles, [a.group for a in articles], grid, exclude, least)


def subset(results: dict[str, np.ndarray], rows: Sequence[bool]) -> dict[str, np.ndarray]:
    """The rows of every configuration of ``results`` where ``rows`` is true."""
    mask = np.array(rows, dtype=bool)
    return {k: v[mask] for k, v in results.items()}


def ablation(
    articles: Sequence[Article], thresholds: Sequence[float], least: int = 1, at_least: int = 10
) -> list[tuple[str, int, np.ndarray, dict[float, np.ndarray]]]:
    """The verifier against a class the rules have never seen: for each rule filter that
    dropped at least ``at_least`` candidates, the rules without it (its candidates kept)
    and the same followed by the verifier dropping kept candidates below each threshold,
    trained on the other folds without that filter's candidates. Per filter: (name,
    candidates it dropped, summed counts of the rules without it, summed counts with the
    verifier by threshold)."""
    dropped: dict[str, int] = {}
    for a in articles:
        for f in a.features:
            name = next((n[5:] for n in f if n.startswith("drop=")), "none")
            if name != "none":
                dropped[name] = dropped.get(name, 0) + 1
    out = []
    for name, n in sorted(dropped.items(), key=lambda kv: (-kv[1], kv[0])):
        if n < at_least:
            continue
        mark = f"drop={name}"
        base = np.zeros(5)
        verified = {t: np.zeros(5) for t in thresholds}
        for k in range(FOLDS):
            rest = []
            for a in articles:
                if a.fold() == k:
                    continue
                rows = [j for j, f in enumerate(a.features) if mark not in f]
                rest.append(
                    replace(
                        a,
                        features=tuple(a.features[j] for j in rows),
                        positive=tuple(a.positive[j] for j in rows),
                    )
                )
            v = verifier_of(train(rest, "drop=", least), 0.0)
            for a in articles:
                if a.fold() != k:
                    continue
                kept = [kp or mark in f for f, kp in zip(a.features, a.kept, strict=True)]
                base += counts(a, kept)
                probs = [v.probability(without(f, "drop=")) for f in a.features]
                for t in thresholds:
                    keep = [kp and p >= t for p, kp in zip(probs, kept, strict=True)]
                    verified[t] += counts(a, keep)
        out.append((name, n, base, verified))
    return out


def paired_interval(
    base: np.ndarray, other: np.ndarray, resamples: int = BOOTSTRAP
) -> tuple[float, float]:
    """95 % bootstrap interval (articles resampled, seed 0) of F1(other) - F1(base)."""
    rng = np.random.default_rng(0)
    n = len(base)
    diffs = []
    for _ in range(resamples):
        idx = rng.integers(0, n, n)
        diffs.append(f1(other[idx].sum(0)) - f1(base[idx].sum(0)))
    lo, hi = np.percentile(diffs, [2.5, 97.5])
    return float(lo), float(hi)


def report(results: dict[str, np.ndarray], base: str = "rules") -> list[str]:
    """One line per configuration: F1, unit accuracy, counts, the F1 difference to
    ``base`` with its paired interval."""
    lines = []
    for name, per in results.items():
        total = per.sum(0)
        unit = 100 * total[3] / max(total[4], 1)
        line = (
            f"{name:>12}  F1 {f1(total):5.1f}  unit {unit:5.1f}  tp/fp/fn {total[:3].astype(int)}"
        )
        if name != base:
            lo, hi = paired_interval(results[base], per)
            line += f"  diff {f1(total) - f1(results[base].sum(0)):+.2f} [{lo:+.2f}, {hi:+.2f}]"
        lines.append(line)
    return lines


def candidate_recall(articles: Sequence[Article]) -> tuple[int, int, int]:
    """(gold claims, overlapped >= 50 % by some candidate, by some kept candidate)."""
    total = anyone = kept = 0
    for a in articles:
        for g in a.gold:
            hits = positives(a.claims, [g])
            total += 1
            anyone += any(hits)
            kept += any(h and k for h, k in zip(hits, a.kept, strict=True))
    return total, anyone, kept


def evaluate(articles: Sequence[Article], least_grid: Sequence[int] = (1, 3, 5)) -> list[str]:
    """The ``--cv`` report (module rules), for each minimum article count of a feature."""
    total, anyone, kept = candidate_recall(articles)
    lines = [
        f"candidate recall: {anyone}/{total} = {100 * anyone / total:.1f} % of gold claims "
        f"overlapped >= 50 % by a candidate ({kept} = {100 * kept / total:.1f} % by a kept one)"
    ]
    untuned = [a.group in UNTUNED for a in articles]
    for least in least_grid:
        lines.append(f"== features in >= {least} articles; without the rules' drop features")
        lines.append(f"{FOLDS}-fold CV by article, all {len(articles)} articles:")
        lines += report(cross_validate(articles, GRID, "drop=", least))
        held = leave_set_out(articles, GRID, "drop=", least)
        lines.append("leave-one-set-out, HELD-OUT-R6 + TRAIN (no rule fitted to them):")
        lines += report(subset(held, untuned))
        for group in UNTUNED:
            lines.append(f"leave-one-set-out, {group} alone:")
            lines += report(subset(held, [a.group == group for a in articles]))
        lines.append("leave-one-set-out, the other sets (the rules' own):")
        lines += report(subset(held, [not u for u in untuned]))
    thresholds = (0.05, 0.1, 0.2, 0.3)
    lines.append("a filter the rules never had (its candidates kept, and not trained on):")
    summed = np.zeros(5)
    verified = {t: np.zeros(5) for t in thresholds}
    for name, n, base, ver in ablation(articles, thresholds, least_grid[-1]):
        summed += base
        cells = " ".join(f"{t}: {f1(c):5.1f} ({int(c[1])}/{int(c[2])})" for t, c in ver.items())
        lines.append(
            f"{name:>12} {n:4d}  rules {f1(base):5.1f} ({int(base[1])}/{int(base[2])})  {cells}"
        )
        verified = {t: verified[t] + c for t, c in ver.items()}
    cells = " ".join(f"{t}: {f1(c):5.1f}" for t, c in verified.items())
    lines.append(f"{'all summed':>17}  rules {f1(summed):5.1f}  {cells}  (F1, fp/fn)")
    return lines
