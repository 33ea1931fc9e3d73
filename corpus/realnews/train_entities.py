"""Train and cross-validate the entity label corrector on the open real-news gold.

    python corpus/realnews/train_entities.py --gold /work/realnews/open120-gold.jsonl \
        [--variant rule|no-rule|names] [--out FILE]

Articles, by rule: every article of ``--gold`` (the 120 open articles of the manifest,
its roles ``manifest.OPEN_ROLES``: TUNE, HELD-OUT-R1, -R3, -R4, -R6 and TRAIN); the script
refuses a gold file with an article of any other role, so the unseen sets
(``manifest.UNSEEN_ROLES``) are never trained on.

Examples: each article's text is parsed, the entity rules run on it
(:func:`goldsmith.annotate.rules.entities.find_entities` without a corrector, entities in
boilerplate lines dropped as ``predict`` drops them), and every entity they find is one
example: its features and, as target, the label of the gold entity with the same
offsets, or ``NONE`` when no gold entity has them. Feature variants: ``rule`` (the
corrector's own, :func:`~goldsmith.annotate.rules.entity_features.entity_features`),
``names`` (those and the entity's words, to see what memorising names does) and
``no-rule`` (the rules' label left out, every feature crossed with spaCy's label instead:
a labeller of its own whose disagreements with the rules are then taken).

Model: a multinomial logistic regression over the spec's labels and ``NONE``, L2 penalty,
full-batch gradient descent with momentum from zero weights for a fixed number of steps:
the same data give the same weights. Features seen in fewer than ``MIN_COUNT`` training
examples are left out.

Estimate of unseen performance: grouped cross-validation by article, 5 folds (article ids
sorted, fold = position modulo 5), and leave-one-set-out with the two sets no rule was
fitted to as held sets (train on the other 100 articles, test on HELD-OUT-R6; train on
the other 80, test on TRAIN): entities strict F1 and ORG strict F1 of the held articles
summed over folds, for the rules alone and the rules + corrector at each margin of
``MARGINS``, with and without the ``NONE`` decision; printed for the 60 articles the rules
were tuned on, HELD-OUT-R6 and TRAIN apart, with a 95 % paired bootstrap interval over
articles (``RESAMPLES``, seed ``SEED``) of the corrector's gain over the rules, and the
ceilings: every label right, and every wrong-offset entity removed too.

Then the corrector is trained on all the articles of ``--gold`` and its in-sample figures
printed (margin ``--margin``, with and without ``NONE``); ``--out FILE`` writes those
weights (``--drop`` allows ``NONE``). No weights ship with the package.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from goldsmith.annotate.rules.entity_features import crossed
from goldsmith.annotate.rules.entity_ranker import NONE, EntityCorrector
from goldsmith.corpus.realnews.entity_cv import HELD_SETS, Score, cv_folds, report, score
from goldsmith.corpus.realnews.manifest import OPEN_ROLES, read_manifest
from goldsmith.errors import GoldsmithError, InputError
from goldsmith.labels.records import Entity
from goldsmith.labels.schema import ENTITY_LABELS

LABELS = (*ENTITY_LABELS, NONE)
VARIANTS = ("rule", "no-rule", "names")
L2 = 0.003
STEPS = 300
RATE = 0.5
MOMENTUM = 0.9
MIN_COUNT = 2
MARGINS = (0.0, 0.2, 0.4, 0.6, 0.8)


@dataclass(frozen=True)
class Article:
    """One article's rule entities, their base features, gold entities and its role."""

    article_id: str
    role: str
    entities: tuple[Entity, ...]
    base: tuple[tuple[str, ...], ...]
    gold: tuple[Entity, ...]

    def targets(self) -> list[str]:
        """The gold label of each rule entity: same offsets, else ``NONE``."""
        by_span = {(g.start, g.end): g.label for g in self.gold}
        return [by_span.get((e.start, e.end), NONE) for e in self.entities]

    def features(self, variant: str) -> list[list[str]]:
        """Each entity's features in one of :data:`VARIANTS` (module rules)."""
        rows = []
        for e, own in zip(self.entities, self.base, strict=True):
            own = [f for f in own if variant == "names" or not f.startswith("w=")]
            if variant == "no-rule":
                spacy = next((f for f in own if f.startswith("spacy=")), "spacy=O")
                rows.append(crossed(own, spacy)[1:])
                continue
            if f"spacy={e.label}" in own:
                own.append("spacy=rule")
            rows.append(crossed(own, f"rule={e.label}"))
        return rows


def load_articles(gold_path: Path) -> list[Article]:
    """Parse every article of the gold file and collect its examples (module rules)."""
    from goldsmith.annotate.model import load_model
    from goldsmith.annotate.rules.entities import find_entities
    from goldsmith.annotate.rules.entity_features import base_features
    from goldsmith.corpus.boilerplate import ignore_ranges

    roles = {e.article_id: e.role for e in read_manifest()}
    rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines()]
    for n, row in enumerate(rows, 1):
        role = roles.get(row.get("article_id"))
        if role not in OPEN_ROLES:
            raise InputError(
                f"{gold_path}:{n}: article {row.get('article_id')!r} has role {role!r}; only "
                f"the open roles {', '.join(OPEN_ROLES)} may be trained on"
            )
    nlp = load_model()
    out = []
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        ignore = ignore_ranges(row["text"])
        found = [
            e
            for e in find_entities(doc)
            if not any(e.start < stop and begin < e.end for begin, stop in ignore)
        ]
        gold = tuple(Entity(g["start"], g["end"], g["text"], g["label"]) for g in row["entities"])
        base = tuple(tuple(f) for f in base_features(doc, found, names=True))
        out.append(Article(row["article_id"], roles[row["article_id"]], tuple(found), base, gold))
    return out


def fit(
    features: Sequence[Sequence[str]], targets: Sequence[str], steps: int = STEPS
) -> dict[str, dict[str, float]]:
    """Weights by label and feature name (module rules)."""
    counts: dict[str, int] = {}
    for f in features:
        for n in set(f):
            counts[n] = counts.get(n, 0) + 1
    names = sorted(n for n, c in counts.items() if c >= MIN_COUNT)
    col = {n: i for i, n in enumerate(names)}
    pairs = [(r, col[n]) for r, f in enumerate(features) for n in set(f) if n in col]
    rows = np.array([r for r, _ in pairs], dtype=np.int64)
    cols = np.array([c for _, c in pairs], dtype=np.int64)
    n_rows, n_cols, n_labels = len(features), len(names), len(LABELS)
    y = np.zeros((n_rows, n_labels))
    y[np.arange(n_rows), [LABELS.index(t) for t in targets]] = 1.0
    w = np.zeros((n_cols, n_labels))
    velocity = np.zeros_like(w)
    for _ in range(steps):
        ahead = w + MOMENTUM * velocity
        part = ahead[cols]
        scores = np.stack([np.bincount(rows, part[:, k], n_rows) for k in range(n_labels)], axis=1)
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        diff = (p - y)[rows] / max(n_rows, 1)
        grad = np.stack([np.bincount(cols, diff[:, k], n_cols) for k in range(n_labels)], axis=1)
        grad += L2 * ahead
        velocity = MOMENTUM * velocity - RATE * grad
        w += velocity
    return {
        label: {name: float(w[i, k]) for i, name in enumerate(names)}
        for k, label in enumerate(LABELS)
    }


def corrected(
    article: Article, rows: Sequence[Sequence[str]], corrector: EntityCorrector | None
) -> list[Entity]:
    """The article's entities after ``corrector`` (the rules' when None)."""
    if corrector is None:
        return list(article.entities)
    out = []
    for e, f in zip(article.entities, rows, strict=True):
        label = corrector.decide(e.label, f)
        if label != NONE:
            out.append(e if label == e.label else Entity(e.start, e.end, e.text, label))
    return out


def trained(articles: Sequence[Article], variant: str) -> dict[str, dict[str, float]]:
    """Weights fitted on every entity of ``articles``."""
    feats = [f for a in articles for f in a.features(variant)]
    targets = [t for a in articles for t in a.targets()]
    return fit(feats, targets)


def cross_validate(
    articles: Sequence[Article], folds: Sequence[Sequence[int]], variant: str
) -> dict[str, list[Score]]:
    """Each held article's score (by position), for the rules (``"rules"``) and for each
    margin with and without ``NONE``, the corrector trained on the other folds."""
    out: dict[str, list[Score]] = {"rules": [Score()] * len(articles)}
    for held in folds:
        held_set = set(held)
        weights = trained([a for n, a in enumerate(articles) if n not in held_set], variant)
        for n in held:
            a = articles[n]
            rows = a.features(variant)
            out["rules"][n] = score(a.gold, a.entities)
            for margin in MARGINS:
                for drop in (False, True):
                    key = f"margin {margin:.1f}{' +drop' if drop else ''}"
                    c = EntityCorrector(weights, margin, drop)
                    out.setdefault(key, [Score()] * len(articles))[n] = score(
                        a.gold, corrected(a, rows, c)
                    )
    return out


def set_fold(articles: Sequence[Article], role: str) -> list[list[int]]:
    """Leave one set out: the articles of ``role`` held, trained on all the others."""
    return [[n for n, a in enumerate(articles) if a.role == role]]


def ceilings(articles: Sequence[Article]) -> tuple[Score, Score]:
    """Scores with every label right, and with every wrong-offset entity removed too."""
    labels = drops = Score()
    for a in articles:
        right = [
            e if t in (NONE, e.label) else Entity(e.start, e.end, e.text, t)
            for e, t in zip(a.entities, a.targets(), strict=True)
        ]
        labels += score(a.gold, right)
        kept = [e for e, t in zip(right, a.targets(), strict=True) if t != NONE]
        drops += score(a.gold, kept)
    return labels, drops


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", required=True, type=Path)
    parser.add_argument("--variant", choices=VARIANTS, default="rule")
    parser.add_argument("--out", type=Path, help="train on all of --gold, write weights here")
    parser.add_argument("--margin", type=float, default=0.2)
    parser.add_argument("--drop", action="store_true")
    args = parser.parse_args(argv)
    try:
        articles = load_articles(args.gold)
        n = sum(len(a.entities) for a in articles)
        print(f"{len(articles)} articles, {n} rule entities, variant {args.variant}")
        for part, sel in (
            ("old 60", [a for a in articles if a.role not in HELD_SETS]),
            *((role, [a for a in articles if a.role == role]) for role in HELD_SETS),
        ):
            labels, drops = ceilings(sel)
            print(
                f"ceiling {part}: every label right {labels.f1:.1f} / {labels.org_f1:.1f}, "
                f"and wrong offsets removed {drops.f1:.1f} / {drops.org_f1:.1f}"
            )
        for title, folds in (
            ("5-fold CV by article", cv_folds([a.article_id for a in articles])),
            *(
                (f"{role} left out (trained on the other sets)", set_fold(articles, role))
                for role in HELD_SETS
            ),
        ):
            scores = cross_validate(articles, folds, args.variant)
            print("\n".join(report(title, [a.role for a in articles], scores)))
        weights = trained(articles, args.variant)
        for drop in (False, True):
            inside = Score()
            for a in articles:
                c = EntityCorrector(weights, args.margin, drop)
                inside += score(a.gold, corrected(a, a.features(args.variant), c))
            print(
                f"in-sample (trained on all {len(articles)}), margin {args.margin:.1f}"
                f"{' +drop' if drop else ''}: {inside.f1:.1f} / {inside.org_f1:.1f}"
            )
        if args.out is not None:
            corrector = EntityCorrector(weights, args.margin, args.drop)
            args.out.write_text(json.dumps(corrector.to_json(), indent=1) + "\n", encoding="utf-8")
            print(f"wrote {args.out}")
    except GoldsmithError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
