"""Scoring the entity label corrector's cross-validation (``train_entities.py``): strict
counts, grouped folds, a paired bootstrap interval of a gain, and the printed table.

The rules:

- a :class:`Score` holds strict entity counts as ``eval score`` makes them
  (:func:`goldsmith.eval.entity_counter.entity_doc_counts`): correct, gold and predicted,
  for all labels and for ORG alone; F1 is twice the correct over gold plus predicted;
- folds hold out whole articles (:func:`cv_folds`);
- a gain's interval resamples articles with replacement, the same draw for both
  systems (:func:`gain_interval`).

Example:
    >>> cv_folds(["b", "a", "c", "e", "d", "f"])
    [[1, 5], [0], [2], [4], [3]]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from goldsmith.labels.records import Entity

FOLDS = 5
RESAMPLES = 1000
SEED = 23

#: The sets held out in turn by the leave-one-set-out estimate: no rule was fitted to them
#: (HELD-OUT-R6 and TRAIN), reported apart from the 60 articles the rules were tuned on.
HELD_SETS = ("heldout-r6", "train")


@dataclass(frozen=True)
class Score:
    """Strict entity counts: correct, gold and predicted, overall and for ORG."""

    correct: int = 0
    gold: int = 0
    pred: int = 0
    org_correct: int = 0
    org_gold: int = 0
    org_pred: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(*(a + b for a, b in zip(self.row(), other.row(), strict=True)))

    def row(self) -> tuple[int, ...]:
        return (self.correct, self.gold, self.pred, self.org_correct, self.org_gold, self.org_pred)

    @property
    def f1(self) -> float:
        """Strict F1 in percent: correct twice over gold plus predicted."""
        return 200 * self.correct / max(self.gold + self.pred, 1)

    @property
    def org_f1(self) -> float:
        return 200 * self.org_correct / max(self.org_gold + self.org_pred, 1)


def score(gold: Sequence[Entity], pred: Sequence[Entity]) -> Score:
    """Strict counts as ``eval score`` makes them (overall, and ORG alone)."""
    from goldsmith.eval.entity_counter import entity_doc_counts

    strict = entity_doc_counts(gold, pred).strict
    org = strict.per_label.get("ORG")
    overall = strict.overall
    return Score(
        overall.correct,
        overall.possible,
        overall.actual,
        org.correct if org else 0,
        org.possible if org else 0,
        org.actual if org else 0,
    )


def cv_folds(ids: Sequence[str]) -> list[list[int]]:
    """5 folds of positions in ``ids``: sorted by id, fold = position modulo 5."""
    order = sorted(range(len(ids)), key=ids.__getitem__)
    return [[n for k, n in enumerate(order) if k % FOLDS == f] for f in range(FOLDS)]


def gain_interval(
    rules: Sequence[Score], other: Sequence[Score], org: bool = False
) -> tuple[float, float]:
    """95 % paired bootstrap interval over articles of ``other``'s F1 minus the rules'."""
    pick = np.random.default_rng(SEED).integers(0, len(rules), (RESAMPLES, len(rules)))
    cols = (3, 4, 5) if org else (0, 1, 2)

    def f1(scores: Sequence[Score]) -> np.ndarray:
        rows = np.array([s.row() for s in scores])[:, cols]
        total = rows[pick].sum(axis=1)
        return 200 * total[:, 0] / np.maximum(total[:, 1] + total[:, 2], 1)

    diffs = np.sort(f1(other) - f1(rules))
    return float(diffs[int(0.025 * RESAMPLES)]), float(diffs[int(0.975 * RESAMPLES) - 1])


def report(title: str, roles: Sequence[str], scores: dict[str, list[Score]]) -> list[str]:
    """The lines of one cross-validation table: each row per part of the articles."""
    parts = {
        "old 60": [n for n, r in enumerate(roles) if r not in HELD_SETS],
        **{role: [n for n, r in enumerate(roles) if r == role] for role in HELD_SETS},
    }
    parts["all"] = sorted(n for ns in parts.values() for n in ns)
    held_any = {n for n, s in enumerate(scores["rules"]) if s != Score()}
    shown: list[list[int]] = []
    lines = [f"{title} (entities strict F1 / ORG F1; gain over the rules, 95% bootstrap)"]
    for part, ns in parts.items():
        held = [n for n in ns if n in held_any]
        if not held or held in shown:
            continue
        shown.append(held)
        lines.append(f"  {part} ({len(held)} articles)")
        base = [scores["rules"][n] for n in held]
        for key, per in scores.items():
            got = [per[n] for n in held]
            total = sum(got, Score())
            line = f"    {key:16s} {total.f1:5.1f} / {total.org_f1:5.1f}"
            if key != "rules":
                lo, hi = gain_interval(base, got)
                olo, ohi = gain_interval(base, got, org=True)
                line += f"   gain [{lo:+.1f}, {hi:+.1f}] / [{olo:+.1f}, {ohi:+.1f}]"
            lines.append(line)
    return lines
