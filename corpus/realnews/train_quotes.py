"""Train the partial-quote classifier's weights from PolNeAR's attributions, reproducibly.

    python corpus/realnews/train_quotes.py --polnear PATH [--out FILE] [--cache FILE]
        [--gold open60-gold.jsonl]

Articles, by rule (PolNeAR's train and dev rows; the test split is never read): the pool
of :func:`corpus/realnews/train_speakers.training_pool` (out: the seed-11 check sample,
every eligible article outside the 40 tunable manifest articles, the manifest's 80
articles; the validation split by id hash is kept apart), and out as well: the seed-23
attribution sample that ``benchmarks/quality_realnews.py`` scores on. So no article of the
manifest (the open 60 included) and no scored PolNeAR sample is trained on. On PolNeAR's
checkout of 2026-11 that is 386 training articles (1,137 fragments, 973 of them speech)
and 111 validation articles (338 fragments); the shipped weights are trained on the 386.

Examples: each article is parsed, the quote rules run on it without the classifier
(:func:`goldsmith.annotate.rules.quotes.quote_items`), and every quoted fragment the rules
call partial outside headlines
(:func:`~goldsmith.annotate.rules.quote_classifier.is_judged`) is one example: its
features (:func:`~goldsmith.annotate.rules.quote_classifier.fragment_features`),
positive when at least half of its characters lie inside the content of one of PolNeAR's
attributions that has a source and a cue (:func:`polnear_label`). One annotator's file per
article (the first code in sorted order).

Model: logistic regression, L2 penalty on every weight but ``bias``, full-batch gradient
descent from zero weights for a fixed number of steps: the same data give the same
weights. ``L2`` = 0.01 was chosen among 0.001, 0.003, 0.01, 0.03 and 0.1 by the log loss
on the validation split; the threshold 0.5 (drop a fragment more likely not speech than
speech) was fixed beforehand, not tuned. Written to
``annotate/rules/quote_weights.json`` (feature names and weights only, no text).

``--gold FILE`` (the open 60, ``/work/realnews/open60-gold.jsonl``) then prints, on those
articles, the spec figures (partial precision, quotes span F1 at >= 30 %) for the rules
alone and with the classifier trained without them (an unseen-style estimate), how often
PolNeAR's label agrees with the gold's on their fragments, and a grouped 5-fold
cross-validation by article of a classifier trained on PolNeAR plus the other folds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from goldsmith.annotate.rules.quote_classifier import (
    WEIGHTS,
    FragmentClassifier,
    fragment_features,
    is_judged,
    repeated_fragments,
)
from goldsmith.corpus.realnews.attributions import parse_brat
from goldsmith.corpus.realnews.manifest import read_manifest
from goldsmith.corpus.realnews.polnear import PolnearSource
from goldsmith.corpus.realnews.selection import polnear_sample
from goldsmith.corpus.realnews.train_speakers import read_pool
from goldsmith.errors import GoldsmithError

SCORED_SEED = 23
SCORED_SIZE = 168
L2 = 0.01
STEPS = 2000
RATE = 0.5
THRESHOLD = 0.5
FOLDS = 5


def content_ranges(ann: str) -> list[tuple[int, int]]:
    """The character ranges of the contents of attributions with a source and a cue."""
    spans, events = parse_brat(ann)
    out = []
    for ev in events:
        if "Source" not in ev or "Cue" not in ev:
            continue
        for role in ("Content", "Content2"):
            span = spans.get(ev.get(role, ""))
            if span is not None:
                out += list(span.segments)
    return out


def polnear_label(start: int, end: int, contents: Sequence[tuple[int, int]]) -> bool:
    """Whether at least half of ``[start, end)`` lies inside one content range."""
    best = max((min(end, e) - max(start, s) for s, e in contents), default=0)
    return best * 2 >= end - start


def doc_examples(ctx, items) -> list[tuple[list[str], int, int]]:
    """(features, start, end) of every judged fragment of a document."""
    judged = [i for i in items if is_judged(ctx, i)]
    repeated = repeated_fragments(ctx, judged)
    out = []
    for item in judged:
        key = ctx.text[item.start : item.end].rstrip(",;:.!? ").lower()
        out.append((fragment_features(ctx, item, key in repeated), item.start, item.end))
    return out


def fit(
    features: Sequence[Sequence[str]], labels: Sequence[bool], l2: float = L2
) -> dict[str, float]:
    """Weights by name (logistic regression, L2 on every weight but ``bias``, gradient
    descent from zero)."""
    names = sorted({n for f in features for n in f})
    col = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(features), len(names)))
    for r, f in enumerate(features):
        for n in f:
            x[r, col[n]] = 1.0
    y = np.array(labels, dtype=float)
    penalty = np.full(len(names), l2)
    if "bias" in col:
        penalty[col["bias"]] = 0.0
    w = np.zeros(len(names))
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        w -= RATE * (x.T @ (p - y) / len(y) + penalty * w)
    return {n: float(v) for n, v in zip(names, w, strict=True)}


def _training_articles(source: PolnearSource) -> tuple[dict[str, str], dict[str, str], list, list]:
    """Texts and annotation files of the pool's training and validation articles."""
    metas, texts, pool = read_pool(source)
    roles = {e.article_id: e.role for e in read_manifest()}
    first = {a for a, r in roles.items() if r in ("tune", "heldout-r1")}
    scored = {m.article_id for m in polnear_sample(metas, first, SCORED_SIZE, SCORED_SEED)}
    annotated = {}
    for m in metas:
        if pool.get(m.article_id) in ("train", "valid") and m.article_id not in scored:
            codes = source.attribution_files(m.split, m.article_id)
            if codes:
                annotated[m.article_id] = source.read_attributions(m.split, m.article_id, codes[0])
    train = sorted(a for a in annotated if pool[a] == "train")
    valid = sorted(a for a in annotated if pool[a] == "valid")
    return texts, annotated, train, valid


def _figures(parsed, classifiers) -> str:
    """Partial precision, indirect recall and span F1 at >= 30 % over the parsed gold
    documents, each run with its own classifier (None: the rules alone)."""
    from goldsmith.annotate.rules.quotes import find_quotes
    from goldsmith.eval.quotes import quote_doc_counts

    total = None
    for (gold, doc, ents, _), classifier in zip(parsed, classifiers, strict=True):
        pred = find_quotes(doc, ents, classifier=classifier)
        counts = quote_doc_counts(gold.quotes, pred)
        total = counts if total is None else total + counts
    partial, span = total.per_kind["partial"], total.span["overlap_30"]
    indirect = total.per_kind["indirect"]
    return (
        f"partial {partial.correct} correct, {partial.spurious} spurious, precision "
        f"{100 * partial.precision:.1f}, recall {100 * partial.recall:.1f}; indirect recall "
        f"{100 * indirect.recall:.1f}; span F1 at 30 % {100 * span.f1:.1f}"
    )


def _ratio(s: int, e: int, gs: int, ge: int) -> float:
    """Shared characters over the longer span (the matching rule of the quote scores)."""
    return max(0, min(e, ge) - max(s, gs)) / max(e - s, ge - gs, 1)


def _fold(doc_id: str) -> int:
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % FOLDS


def estimate(nlp, gold_path: Path, source, shipped, feats, labels) -> list[str]:
    """The ``--gold`` report lines (module docstring)."""
    from goldsmith.annotate.rules.entities import find_entities
    from goldsmith.annotate.rules.quotes import quote_items
    from goldsmith.labels import read_jsonl

    by_doc = {"doc-" + e.sha256[:16]: e for e in read_manifest()}
    parsed = []
    agree = [[0, 0], [0, 0]]
    for gold in read_jsonl(gold_path):
        doc = nlp(gold.text)
        ents = find_entities(doc)
        ctx, items = quote_items(doc, ents)
        entry = by_doc[gold.doc_id]
        codes = source.attribution_files(entry.split, entry.article_id)
        ann = source.read_attributions(entry.split, entry.article_id, codes[0]) if codes else ""
        contents = content_ranges(ann)
        examples = []
        for f, s, e in doc_examples(ctx, items):
            right = any(_ratio(s, e, q.start, q.end) >= 0.3 for q in gold.quotes)
            agree[int(right)][int(polnear_label(s, e, contents))] += 1
            examples.append((f, right))
        parsed.append((gold, doc, ents, examples))
    lines = [
        f"open fragments: gold speech {agree[1][1]} PolNeAR speech, {agree[1][0]} PolNeAR not; "
        f"gold not speech {agree[0][1]} PolNeAR speech, {agree[0][0]} PolNeAR not",
        "rules alone:                " + _figures(parsed, [None] * len(parsed)),
        "rules + PolNeAR classifier: " + _figures(parsed, [shipped] * len(parsed)),
    ]
    for weight in (1, 3):
        per_doc = []
        for gold, *_ in parsed:
            fold = _fold(gold.doc_id)
            own = [
                (f, y)
                for g, _, _, ex in parsed
                if _fold(g.doc_id) != fold
                for f, y in ex
                for _ in range(weight)
            ]
            w = fit(list(feats) + [f for f, _ in own], list(labels) + [y for _, y in own])
            per_doc.append(FragmentClassifier(w, THRESHOLD))
        lines.append(f"CV PolNeAR + open (x{weight}):   " + _figures(parsed, per_doc))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", required=True, type=Path)
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--cache", type=Path, help="examples file, written once, then read")
    parser.add_argument("--gold", type=Path, help="gold JSONL to estimate the figures on")
    args = parser.parse_args(argv)
    try:
        from goldsmith.annotate.model import load_model
        from goldsmith.annotate.rules.entities import find_entities
        from goldsmith.annotate.rules.quotes import quote_items

        source = PolnearSource.open(args.polnear)
        texts, annotated, train, valid = _training_articles(source)
        print(f"pool: {len(train)} training and {len(valid)} validation articles")
        nlp = load_model()
        cached: dict[str, list] = {}
        if args.cache is not None and args.cache.is_file():
            cached = json.loads(args.cache.read_text(encoding="utf-8"))
        for a in train + valid:
            if a not in cached:
                doc = nlp(texts[a])
                ctx, items = quote_items(doc, find_entities(doc))
                contents = content_ranges(annotated[a])
                cached[a] = [
                    [f, polnear_label(s, e, contents)] for f, s, e in doc_examples(ctx, items)
                ]
        if args.cache is not None:
            args.cache.write_text(json.dumps(cached), encoding="utf-8")
        feats = [f for a in train for f, _ in cached[a]]
        labels = [y for a in train for _, y in cached[a]]
        print(f"{len(labels)} training fragments, {sum(labels)} inside an attribution")
        classifier = FragmentClassifier(fit(feats, labels), THRESHOLD)
        args.out.write_text(json.dumps(classifier.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
        vx = [(f, y) for a in valid for f, y in cached[a]]
        right = sum((classifier.probability(f) >= THRESHOLD) == y for f, y in vx)
        base = sum(y for _, y in vx)
        print(
            f"validation: {right}/{len(vx)} right = {100 * right / max(len(vx), 1):.1f} "
            f"(all kept: {100 * base / max(len(vx), 1):.1f})"
        )
        if args.gold is not None:
            for line in estimate(nlp, args.gold, source, classifier, feats, labels):
                print(line)
    except GoldsmithError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
