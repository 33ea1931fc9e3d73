"""Train the claim verifier's weights on claims gold.

    python corpus/realnews/train_claims.py --polnear PATH [--open-gold FILE] [--out FILE]
        [--cv] [--docs-cache FILE]

Articles (all open; nothing of an unseen role is read): the 120 open articles of the
manifest (``manifest.OPEN_ROLES``: ``tune``, ``heldout-r1``, ``heldout-r3``, ``heldout-r4``,
``heldout-r6``, ``train``) from ``--open-gold`` (default
``/work/realnews/open120-gold.jsonl``, gold with text), and the 31 claims-only articles of
``corpus/realnews/gold/claims/`` (texts rebuilt from the PolNeAR checkout). A record of
``--open-gold`` whose text hash is not one of those open manifest rows is refused.
``--docs-cache`` keeps the parsed documents (a spaCy DocBin) between runs; a cache whose
texts differ from the articles' is parsed again.

Examples: each article is parsed, every claim candidate of the rules is listed
(:func:`goldsmith.annotate.rules.claims.find_candidates`, minus those in the article's
ignore ranges, as ``annotate predict`` does), and a candidate is positive when some gold
claim overlaps it by >= 50 % of the longer span (the scorer's ``overlap_50``).

Model: logistic regression over the binary features of
:mod:`goldsmith.annotate.rules.claim_features` without the rules' ``drop=`` features,
L2 penalty ``L2`` (the bias is not penalised), fitted by Newton's method from zero weights
for ``NEWTON_STEPS`` steps: the same data give the same weights. A feature seen in fewer
than ``MIN_ARTICLES`` articles is left out (a word that ties to one article, such as
``prev2=fight``, is no rule), and so is one seen fewer than ``MIN_COUNT`` times.

``--cv`` prints the cross-validation of :mod:`goldsmith.corpus.realnews.claims_cv`
(grouped by article: 5 folds, and leave-one-set-out with HELD-OUT-R6 and TRAIN, the sets no
rule was fitted to, as the honest estimate) before writing the weights. The thresholds
written to the weights file are ``DROP_BELOW`` and ``KEEP_ABOVE``, chosen on those figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from goldsmith.annotate.rules.claim_verifier import WEIGHTS, ClaimVerifier
from goldsmith.corpus.realnews.manifest import (
    CLAIMS_ROLES,
    OPEN_ROLES,
    read_manifest,
    rebuild,
    text_sha256,
)
from goldsmith.errors import GoldsmithError, InputError
from goldsmith.labels.records import Claim

OPEN_GOLD = Path("/work/realnews/open120-gold.jsonl")
CLAIMS_DIR = Path(__file__).with_name("gold") / "claims"
FOLDS = 5
L2 = 1.0
MIN_COUNT = 2
MIN_ARTICLES = 5
NEWTON_STEPS = 12
DROP_BELOW = 0.05
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
    features: Sequence[Sequence[str]],
    labels: Sequence[bool],
    l2: float = L2,
    allowed: frozenset[str] | None = None,
) -> dict[str, float]:
    """Weights by name (module rules: logistic regression, L2 but on ``bias``, Newton;
    a feature seen fewer than ``MIN_COUNT`` times, or not in ``allowed`` when given, is
    left out)."""
    seen: dict[str, int] = {}
    for f in features:
        for n in f:
            seen[n] = seen.get(n, 0) + 1
    names = sorted(
        n
        for n, c in seen.items()
        if n == "bias" or (c >= MIN_COUNT and (allowed is None or n in allowed))
    )
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


def spread_features(articles: Sequence[Article], least: int) -> frozenset[str]:
    """The feature names found in at least ``least`` different articles."""
    found: dict[str, int] = {}
    for a in articles:
        for n in {n for f in a.features for n in f}:
            found[n] = found.get(n, 0) + 1
    return frozenset(n for n, c in found.items() if c >= least)


def train(
    articles: Sequence[Article], exclude: str = "drop=", least: int = MIN_ARTICLES
) -> dict[str, float]:
    """The verifier's weights from ``articles``' candidates: features starting with
    ``exclude`` left out, and those in fewer than ``least`` articles."""
    allowed = spread_features(articles, least) if least > 1 else None
    return fit(
        [without(f, exclude) for a in articles for f in a.features],
        [p for a in articles for p in a.positive],
        allowed=allowed,
    )


def verifier_of(weights: dict[str, float], drop_below: float, keep_above: float = 1.0):
    """The :class:`ClaimVerifier` of ``weights`` and thresholds."""
    return ClaimVerifier(weights, drop_below, keep_above)


def without(names: Sequence[str], prefix: str) -> tuple[str, ...]:
    """``names`` without those starting with ``prefix`` (none left out when empty)."""
    return tuple(n for n in names if not (prefix and n.startswith(prefix)))


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


def load_articles(
    polnear: Path, open_gold: Path, nlp, docs_cache: Path | None = None
) -> list[Article]:
    """The open articles and the claims-only ones with their candidates (module rules)."""
    from goldsmith.corpus.realnews.gold import load_gold
    from goldsmith.corpus.realnews.polnear import PolnearSource
    from goldsmith.labels.jsonl import read_jsonl

    roles = {e.sha256: e.role for e in read_manifest()}
    items: list[tuple[str, str, str, tuple[Claim, ...]]] = []
    for doc in read_jsonl(open_gold):
        role = roles.get(text_sha256(doc.text))
        if role not in OPEN_ROLES:
            raise InputError(
                f"{open_gold}: document {doc.doc_id} is not one of the open manifest "
                "articles; pass the open gold (open120-gold.jsonl) with --open-gold"
            )
        items.append((text_sha256(doc.text), role, doc.text, doc.claims))
    entries = read_manifest(CLAIMS_DIR / "manifest.tsv", CLAIMS_ROLES)
    texts = {e.article_id: t for e, t in rebuild(PolnearSource.open(polnear), entries)}
    for g in load_gold(CLAIMS_DIR / "claims.jsonl", texts):
        items.append((text_sha256(g.text), "claims-only", g.text, g.claims))
    docs = _parsed([text for _, _, text, _ in items], nlp, docs_cache)
    return [
        article_from(doc, key, group, gold)
        for (key, group, _, gold), doc in zip(items, docs, strict=True)
    ]


def _parsed(texts: list[str], nlp, cache: Path | None) -> list:
    """``texts`` parsed by ``nlp``, read from ``cache`` (a DocBin) when it holds them."""
    from spacy.tokens import DocBin

    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(nlp.pipe(texts))
    if cache is not None:
        DocBin(docs=docs).to_disk(cache)
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", required=True, type=Path)
    parser.add_argument("--open-gold", type=Path, default=OPEN_GOLD)
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--cv", action="store_true", help="print the cross-validation first")
    parser.add_argument("--docs-cache", type=Path, help="keep the parsed articles here")
    args = parser.parse_args(argv)
    try:
        from goldsmith.annotate.model import load_model
        from goldsmith.corpus.realnews.claims_cv import evaluate

        nlp = load_model()
        articles = load_articles(args.polnear, args.open_gold, nlp, args.docs_cache)
        n = sum(len(a.positive) for a in articles)
        pos = sum(sum(a.positive) for a in articles)
        print(f"{len(articles)} articles, {n} candidates, {pos} positive")
        if args.cv:
            for line in evaluate(articles):
                print(line, flush=True)
        weights = train(articles)
        verifier = ClaimVerifier(weights, DROP_BELOW, KEEP_ABOVE)
        args.out.write_text(json.dumps(verifier.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    except GoldsmithError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
