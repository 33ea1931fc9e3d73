"""Train the claim verifier's weights on claims gold, with a grouped cross-validation.

    python corpus/realnews/train_claims.py --polnear PATH [--open-gold FILE] [--out FILE]
        [--cv] [--docs-cache FILE]

Articles (all open; nothing of HELD-OUT is read): the 60 open articles of the manifest
(roles ``tune``, ``heldout-r1``, ``heldout-r3``, ``heldout-r4``) from ``--open-gold``
(default ``/work/realnews/open60-gold.jsonl``, gold with text), and the 31 claims-only
articles of ``corpus/realnews/gold/claims/`` (texts rebuilt from the PolNeAR checkout).
A record of ``--open-gold`` whose text hash is not one of those 60 manifest rows is
refused.

Examples: each article is parsed, every claim candidate of the rules is listed
(:func:`goldsmith.annotate.rules.claims.find_candidates`, minus those in the article's
ignore ranges, as ``annotate predict`` does), and a candidate is positive when some gold
claim overlaps it by >= 50 % of the longer span (the scorer's ``overlap_50``).

Model: logistic regression over the binary features of
:mod:`goldsmith.annotate.rules.claim_features`, L2 penalty ``L2`` (the bias is not
penalised), fitted by Newton's method from zero weights for ``NEWTON_STEPS`` steps: the
same data give the same weights.

``--cv``: grouped cross-validation by article (``FOLDS`` folds; an article's fold is its
sha256 modulo ``FOLDS``): each fold's candidates are judged by a model trained on the
other folds, and claims span F1 (>= 50 %) and unit accuracy are summed over the folds for
the rules alone and for the rules with the verifier at each threshold pair, with a paired
bootstrap interval (articles resampled) of the F1 difference. The thresholds written to
the weights file are ``DROP_BELOW`` and ``KEEP_ABOVE``, chosen on these CV figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from goldsmith.annotate.rules.claim_verifier import WEIGHTS, ClaimVerifier
from goldsmith.corpus.realnews.manifest import (
    CLAIMS_ROLES,
    read_manifest,
    rebuild,
    text_sha256,
)
from goldsmith.errors import GoldsmithError, InputError
from goldsmith.labels.records import Claim

OPEN_ROLES = ("tune", "heldout-r1", "heldout-r3", "heldout-r4")
OPEN_GOLD = Path("/work/realnews/open60-gold.jsonl")
CLAIMS_DIR = Path(__file__).with_name("gold") / "claims"
FOLDS = 5
L2 = 1.0
MIN_COUNT = 2
NEWTON_STEPS = 12
DROP_BELOW = 0.1
KEEP_ABOVE = 1.0
BOOTSTRAP = 1000


@dataclass(frozen=True)
class Article:
    """One article's candidates: feature names, labels, the rules' decision, the claims
    each candidate would write, and the article's gold claims."""

    key: str
    group: str
    features: tuple[tuple[str, ...], ...]
    positive: tuple[bool, ...]
    kept: tuple[bool, ...]
    claims: tuple[Claim, ...]
    gold: tuple[Claim, ...]

    def fold(self) -> int:
        """The article's CV fold: its key's sha256 modulo ``FOLDS``."""
        return int(hashlib.sha256(self.key.encode("utf-8")).hexdigest(), 16) % FOLDS


def positives(candidates: Sequence[Claim], gold: Sequence[Claim]) -> list[bool]:
    """Whether each candidate overlaps some gold claim by >= 50 % of the longer span."""
    out = []
    for c in candidates:
        hit = False
        for g in gold:
            shared = min(c.end, g.end) - max(c.start, g.start)
            if shared > 0 and shared >= 0.5 * max(c.end - c.start, g.end - g.start) - 1e-9:
                hit = True
                break
        out.append(hit)
    return out


def article_from(doc, key: str, group: str, gold: Sequence[Claim]) -> Article:
    """The :class:`Article` of a parsed ``doc`` and its gold claims (module rules)."""
    from goldsmith.annotate.rules.claim_features import candidate_features
    from goldsmith.annotate.rules.claims import find_candidates
    from goldsmith.corpus.boilerplate import ignore_ranges

    ignore = ignore_ranges(doc.text)
    cands = [
        c
        for c in find_candidates(doc)
        if not any(c.claim.start < b and a < c.claim.end for a, b in ignore)
    ]
    claims = [c.claim for c in cands]
    return Article(
        key=key,
        group=group,
        features=tuple(candidate_features(doc, cands)),
        positive=tuple(positives(claims, gold)),
        kept=tuple(c.kept for c in cands),
        claims=tuple(claims),
        gold=tuple(gold),
    )


def fit(
    features: Sequence[Sequence[str]], labels: Sequence[bool], l2: float = L2
) -> dict[str, float]:
    """Weights by name (module rules: logistic regression, L2 but on ``bias``, Newton;
    a feature seen fewer than ``MIN_COUNT`` times is left out)."""
    seen: dict[str, int] = {}
    for f in features:
        for n in f:
            seen[n] = seen.get(n, 0) + 1
    names = sorted(n for n, c in seen.items() if c >= MIN_COUNT or n == "bias")
    col = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(features), len(names)))
    for r, f in enumerate(features):
        for n in f:
            if n in col:
                x[r, col[n]] = 1.0
    y = np.array(labels, dtype=float)
    penalty = np.full(len(names), l2)
    if "bias" in col:
        penalty[col["bias"]] = 1e-6
    w = np.zeros(len(names))
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -40, 40)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x.T * (p * (1 - p))) @ x + np.diag(penalty)
        w -= np.linalg.solve(hess, grad)
    return {n: float(v) for n, v in zip(names, w, strict=True)}


def decisions(article: Article, verifier: ClaimVerifier | None) -> list[bool]:
    """Which candidates of ``article`` are claims: the rules', or the verifier's."""
    if verifier is None:
        return list(article.kept)
    out = []
    for f, kept in zip(article.features, article.kept, strict=True):
        p = verifier.probability(f)
        out.append(p >= verifier.drop_below if kept else p > verifier.keep_above)
    return out


def counts(article: Article, keep: Sequence[bool]) -> np.ndarray:
    """(correct, spurious, missed, unit right, unit judged) of one article's claims."""
    from goldsmith.eval.claims import claim_doc_counts

    pred = [c for c, k in zip(article.claims, keep, strict=True) if k]
    c = claim_doc_counts(list(article.gold), pred)
    span = c.span["overlap_50"]
    return np.array([span.correct, span.spurious, span.missed, c.unit.correct, c.unit.total])


def f1(total: np.ndarray) -> float:
    """Span F1 (percent) of summed counts."""
    tp, fp, fn = total[..., 0], total[..., 1], total[..., 2]
    return 100 * 2 * tp / np.maximum(2 * tp + fp + fn, 1)


def cross_validate(
    articles: Sequence[Article], grid: Sequence[tuple[float, float]], exclude: str = ""
) -> dict[str, np.ndarray]:
    """Per-article counts (articles x 5) for the rules (``"rules"``) and for the verifier
    at each ``(drop_below, keep_above)`` of ``grid``, each fold judged by a model trained
    on the other folds; features starting with ``exclude`` (when given) are left out."""
    out = {"rules": np.array([counts(a, a.kept) for a in articles])}
    for t in grid:
        out[f"{t[0]:.2f}/{t[1]:.2f}"] = np.zeros((len(articles), 5))
    for k in range(FOLDS):
        train = [a for a in articles if a.fold() != k]
        feats = [_without(f, exclude) for a in train for f in a.features]
        labels = [p for a in train for p in a.positive]
        weights = fit(feats, labels)
        for i, a in enumerate(articles):
            if a.fold() != k:
                continue
            held = replace(a, features=tuple(_without(f, exclude) for f in a.features))
            for t in grid:
                v = ClaimVerifier(weights, t[0], t[1])
                out[f"{t[0]:.2f}/{t[1]:.2f}"][i] = counts(held, decisions(held, v))
    return out


def ablation(
    articles: Sequence[Article],
    thresholds: Sequence[float],
    exclude: str = "drop=",
    least: int = 10,
) -> list[tuple[str, int, np.ndarray, dict[float, np.ndarray]]]:
    """The verifier against a class the rules have never seen: for each rule filter that
    dropped at least ``least`` candidates, the rules without it (its candidates kept) and
    the same followed by the verifier dropping kept candidates below each threshold, the
    verifier trained on the other folds without that filter's candidates and without
    features starting with ``exclude``. Per filter: (name, candidates it dropped, summed
    counts of the rules without it, summed counts with the verifier by threshold)."""
    dropped: dict[str, int] = {}
    for a in articles:
        for f in a.features:
            name = next((n[5:] for n in f if n.startswith("drop=")), "none")
            if name != "none":
                dropped[name] = dropped.get(name, 0) + 1
    out = []
    for name, n in sorted(dropped.items(), key=lambda kv: (-kv[1], kv[0])):
        if n < least:
            continue
        mark = f"drop={name}"
        base = np.zeros(5)
        verified = {t: np.zeros(5) for t in thresholds}
        for k in range(FOLDS):
            train = [
                (f, p)
                for a in articles
                if a.fold() != k
                for f, p in zip(a.features, a.positive, strict=True)
                if mark not in f
            ]
            weights = fit([_without(f, exclude) for f, _ in train], [p for _, p in train])
            for a in articles:
                if a.fold() != k:
                    continue
                kept = [kp or mark in f for f, kp in zip(a.features, a.kept, strict=True)]
                base += counts(a, kept)
                for t in thresholds:
                    v = ClaimVerifier(weights)
                    keep = [
                        kp and v.probability(_without(f, exclude)) >= t
                        for f, kp in zip(a.features, kept, strict=True)
                    ]
                    verified[t] += counts(a, keep)
        out.append((name, n, base, verified))
    return out


def _without(names: Sequence[str], prefix: str) -> tuple[str, ...]:
    return tuple(n for n in names if not (prefix and n.startswith(prefix)))


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


def load_articles(polnear: Path, open_gold: Path, nlp) -> list[Article]:
    """The 91 open articles with their candidates (module rules)."""
    from goldsmith.corpus.realnews.gold import load_gold
    from goldsmith.corpus.realnews.polnear import PolnearSource
    from goldsmith.labels.jsonl import read_jsonl

    roles = {e.sha256: e.role for e in read_manifest()}
    items: list[tuple[str, str, str, tuple[Claim, ...]]] = []
    for doc in read_jsonl(open_gold):
        role = roles.get(text_sha256(doc.text))
        if role not in OPEN_ROLES:
            raise InputError(
                f"{open_gold}: document {doc.doc_id} is not one of the 60 open manifest "
                "articles; pass the open gold (open60-gold.jsonl) with --open-gold"
            )
        items.append((text_sha256(doc.text), role, doc.text, doc.claims))
    entries = read_manifest(CLAIMS_DIR / "manifest.tsv", CLAIMS_ROLES)
    texts = {e.article_id: t for e, t in rebuild(PolnearSource.open(polnear), entries)}
    for g in load_gold(CLAIMS_DIR / "claims.jsonl", texts):
        items.append((text_sha256(g.text), "claims-only", g.text, g.claims))
    docs = nlp.pipe([text for _, _, text, _ in items])
    return [
        article_from(doc, key, group, gold)
        for (key, group, _, gold), doc in zip(items, docs, strict=True)
    ]


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


def leave_group_out(
    articles: Sequence[Article], group: str, thresholds: Sequence[float], exclude: str
) -> dict[str, np.ndarray]:
    """Per-article counts on ``group``'s articles: the rules, and the rules followed by a
    verifier trained on every other article dropping kept candidates below each
    threshold."""
    train = [a for a in articles if a.group != group]
    test = [a for a in articles if a.group == group]
    weights = fit(
        [_without(f, exclude) for a in train for f in a.features],
        [p for a in train for p in a.positive],
    )
    out = {"rules": np.array([counts(a, a.kept) for a in test])}
    for t in thresholds:
        v = ClaimVerifier(weights, t, 1.0)
        rows = []
        for a in test:
            held = replace(a, features=tuple(_without(f, exclude) for f in a.features))
            rows.append(counts(held, decisions(held, v)))
        out[f"{t:.2f}/1.00"] = np.array(rows)
    return out


def evaluate(articles: Sequence[Article]) -> list[str]:
    """The ``--cv`` report (module rules)."""
    total, anyone, kept = candidate_recall(articles)
    lines = [
        f"candidate recall: {anyone}/{total} = {100 * anyone / total:.1f} % of gold claims "
        f"overlapped >= 50 % by a candidate ({kept} = {100 * kept / total:.1f} % by a kept one)"
    ]
    grid = [(d, k) for d in (0.0, 0.05, 0.1, 0.2, 0.3, 0.5) for k in (1.0, 0.9, 0.7, 0.5)]
    for exclude, what in (("drop=", "without the rules' drop features"), ("", "all features")):
        lines.append(f"{FOLDS}-fold CV by article, {what} (drop_below/keep_above):")
        lines += report(cross_validate(articles, grid, exclude))
    thresholds = (0.05, 0.1, 0.2, 0.3)
    lines.append("HELD-OUT-R4 left out (trained on the other 71 articles), without drop features:")
    lines += report(leave_group_out(articles, "heldout-r4", thresholds, "drop="))
    lines.append("a filter the rules never had (its candidates kept, and not trained on):")
    summed = np.zeros(5)
    verified = dict.fromkeys(thresholds, np.zeros(5))
    for name, n, base, ver in ablation(articles, thresholds):
        summed += base
        cells = " ".join(f"{t}: {f1(c):5.1f} ({int(c[1])}/{int(c[2])})" for t, c in ver.items())
        lines.append(
            f"{name:>12} {n:4d}  rules {f1(base):5.1f} ({int(base[1])}/{int(base[2])})  {cells}"
        )
        verified = {t: verified[t] + c for t, c in ver.items()}
    cells = " ".join(f"{t}: {f1(c):5.1f}" for t, c in verified.items())
    lines.append(f"{'all summed':>17}  rules {f1(summed):5.1f}  {cells}  (F1, fp/fn)")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", required=True, type=Path)
    parser.add_argument("--open-gold", type=Path, default=OPEN_GOLD)
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--cv", action="store_true", help="print the cross-validation first")
    args = parser.parse_args(argv)
    try:
        from goldsmith.annotate.model import load_model

        articles = load_articles(args.polnear, args.open_gold, load_model())
        n = sum(len(a.positive) for a in articles)
        pos = sum(sum(a.positive) for a in articles)
        print(f"{len(articles)} articles, {n} candidates, {pos} positive")
        if args.cv:
            for line in evaluate(articles):
                print(line, flush=True)
        weights = fit(
            [_without(f, "drop=") for a in articles for f in a.features],
            [p for a in articles for p in a.positive],
        )
        verifier = ClaimVerifier(weights, DROP_BELOW, KEEP_ABOVE)
        args.out.write_text(json.dumps(verifier.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    except GoldsmithError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
