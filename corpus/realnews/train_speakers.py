"""Train the speaker ranker's weights from PolNeAR's attributions, reproducibly.

    python corpus/realnews/train_speakers.py --polnear PATH [--out FILE] [--cache FILE] [--evaluate]

Articles, by rule (:func:`training_pool`, applied to PolNeAR's train and dev rows; the
test split is never read):

1. out: the seed-11 attribution sample (``polnear_sample(metas, first 30, 168, 11)``),
   the untuned check the lead measures;
2. out: every article eligible under rule 1 of ``selection.py`` whose manifest role is
   not one of the open roles (``manifest.OPEN_ROLES``: HELD-OUT-2, HELD-OUT-3 and every
   future held-out draw are drawn from the eligible articles);
3. the rest is the pool (the seed-23 sample included); the 80 tunable manifest articles
   (``tunable``: the open roles but TRAIN, whose articles count as outside the
   manifest) are not trained on either, so that TUNE, HELD-OUT-R1, -R3, -R4 and -R6
   stay unseen by the ranker (the rules are tuned on them); an article of the pool
   outside the manifest whose id hashes (sha256) to 0 modulo 5 is the validation split
   (:func:`is_validation`), never trained on; the others are trained on. On PolNeAR's
   checkout of 2026-11 that is 486 training and 135 validation articles.

Examples: each article is parsed, the quote rules run on it
(:func:`goldsmith.annotate.rules.quotes.quote_items`), and each rule quote the ranker may
change (:func:`~goldsmith.annotate.rules.speaker_ranker.reranked`: no speech verb) that
matches a PolNeAR direct or speech-cue indirect piece at >= 30 % overlap is one example: its
candidates (:mod:`goldsmith.annotate.rules.speaker_features`) with the ones inside
PolNeAR's source span as positives, and the "no speaker" option, positive when no
candidate is inside the source span or PolNeAR gives no source. One
annotator's file per article (the first code in sorted order).

Model: a linear score per candidate, trained with a softmax over each quote's candidates
(the positives' share maximised), L2 penalty, full-batch gradient descent from zero
weights for a fixed number of steps: the same data give the same weights. Written to
``annotate/rules/speaker_weights.json`` (feature names and weights only, no text).
``--evaluate`` prints speaker agreement on named sources of the validation split with
the rules alone and with the ranker.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from goldsmith.annotate.rules.speaker_ranker import (
    WEIGHTS,
    SpeakerRanker,
    reranked,
    scored_candidates,
)
from goldsmith.corpus.realnews.attributions import map_attributions
from goldsmith.corpus.realnews.manifest import OPEN_ROLES, read_manifest
from goldsmith.corpus.realnews.polnear import ArticleMeta, PolnearSource
from goldsmith.corpus.realnews.selection import eligible, polnear_sample
from goldsmith.errors import GoldsmithError

#: The manifest's open roles but TRAIN (:data:`~goldsmith.corpus.realnews.manifest.OPEN_ROLES`):
#: measured on, never trained on; TRAIN's articles are outside the manifest's sets here.
TUNABLE = tuple(r for r in OPEN_ROLES if r != "train")
CHECK_SEED = 11
CHECK_SIZE = 168
VALIDATION_MODULUS = 5
L2 = 0.01
STEPS = 1500
RATE = 0.5


def is_validation(article_id: str) -> bool:
    """Rule 3's validation split: the id's sha256, as a number, is 0 modulo 5."""
    digest = hashlib.sha256(article_id.encode("utf-8")).hexdigest()
    return int(digest, 16) % VALIDATION_MODULUS == 0


def training_pool(
    metas: Sequence[ArticleMeta], texts: Mapping[str, str], roles: Mapping[str, str]
) -> dict[str, str]:
    """Article id -> ``"train"``, ``"valid"`` or ``"tunable"`` for every article of the
    pool (module rules); ``roles`` are the manifest's roles by id."""
    first = {a for a, r in roles.items() if r in ("tune", "heldout-r1")}
    check = {m.article_id for m in polnear_sample(metas, first, CHECK_SIZE, CHECK_SEED)}
    pool: dict[str, str] = {}
    for meta in metas:
        aid = meta.article_id
        if aid in check:
            continue
        role = roles.get(aid)
        if role == "train":  # rule 5's articles: outside the manifest's sets for the ranker
            role = None
        if role not in TUNABLE and (role is not None or eligible(texts[aid])):
            continue
        if role is not None:
            pool[aid] = "tunable"
        else:
            pool[aid] = "valid" if is_validation(aid) else "train"
    return pool


def read_pool(source: PolnearSource) -> tuple[list[ArticleMeta], dict[str, str], dict[str, str]]:
    """PolNeAR's train/dev articles, their texts, and :func:`training_pool` over them with the
    committed manifest's roles (the one way every training script picks its articles)."""
    metas = source.metadata()
    texts = {m.article_id: source.read_text(m.split, m.article_id) for m in metas}
    roles = {e.article_id: e.role for e in read_manifest()}
    return metas, texts, training_pool(metas, texts, roles)


@dataclass(frozen=True)
class Example:
    """One quote: its candidates' feature names and which candidates are right."""

    features: tuple[tuple[str, ...], ...]
    positive: tuple[bool, ...]


def article_examples(nlp, text: str, ann: str) -> list[Example]:
    """The examples of one article (module rules)."""
    from goldsmith.annotate.rules.entities import find_entities
    from goldsmith.annotate.rules.quotes import quote_items
    from goldsmith.annotate.rules.speaker_features import CandidateIndex, none_features
    from goldsmith.eval.matching import match_spans

    doc = nlp(text)
    ctx, items = quote_items(doc, find_entities(doc))
    pieces = [(a, p) for a in map_attributions(text, ann) if a.kind != "other" for p in a.pieces]
    matching = match_spans([p for _, p in pieces], items, 0.3)
    index = CandidateIndex(ctx)
    out = []
    for m in matching.matches:
        source = pieces[m.gold][0].source
        item = items[m.pred]
        if not reranked(ctx, item):
            continue
        cands, feats, at = scored_candidates(ctx, index, item)
        if not cands:
            continue
        inside = [source is not None and source.start <= c.idx < source.end for c in cands]
        positive = (*inside, not any(inside))
        feats.append(none_features(ctx, item, at is not None))
        out.append(Example(tuple(tuple(f) for f in feats), positive))
    return out


def fit(examples: Sequence[Example], steps: int = STEPS) -> dict[str, float]:
    """Weights by name (module rules: softmax per quote, L2, gradient descent)."""
    names = sorted({n for e in examples for f in e.features for n in f})
    col = {n: i for i, n in enumerate(names)}
    rows, cols, group, pos = [], [], [], []
    r = 0
    for g, e in enumerate(examples):
        for f, p in zip(e.features, e.positive, strict=True):
            for n in f:
                rows.append(r)
                cols.append(col[n])
            group.append(g)
            pos.append(p)
            r += 1
    rows_a, cols_a = np.array(rows), np.array(cols)
    group_a, pos_a = np.array(group), np.array(pos, dtype=float)
    n_groups = len(examples)
    w = np.zeros(len(names))
    for _ in range(steps):
        scores = np.zeros(r)
        np.add.at(scores, rows_a, w[cols_a])
        top = np.full(n_groups, -np.inf)
        np.maximum.at(top, group_a, scores)
        e = np.exp(scores - top[group_a])
        total = np.bincount(group_a, e, n_groups)
        p = e / total[group_a]
        pos_total = np.bincount(group_a, p * pos_a, n_groups)
        q = p * pos_a / pos_total[group_a]
        grad_rows = (p - q) / n_groups
        grad = np.bincount(cols_a, grad_rows[rows_a], len(names)) + L2 * w
        w -= RATE * grad
    return {n: float(v) for n, v in zip(names, w, strict=True)}


def named_agreement(nlp, articles: Iterable[tuple[str, str]], ranker) -> tuple[int, int]:
    """(agreeing, judged) named-source speakers over ``(text, ann)`` articles, as
    ``quality_realnews.py`` counts them."""
    from goldsmith.annotate.rules.entities import find_entities
    from goldsmith.annotate.rules.quotes import find_quotes
    from goldsmith.corpus.realnews.attributions import attribution_doc_counts

    right = total = 0
    for text, ann in articles:
        doc = nlp(text)
        quotes = find_quotes(doc, find_entities(doc), ranker=ranker)
        counts = attribution_doc_counts(map_attributions(text, ann), quotes)
        right += counts.speaker.correct
        total += counts.speaker.total
    return right, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", required=True, type=Path)
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--cache", type=Path, help="examples file, written once, then read")
    parser.add_argument("--evaluate", action="store_true")
    args = parser.parse_args(argv)
    try:
        from goldsmith.annotate.model import load_model

        source = PolnearSource.open(args.polnear)
        metas, texts, pool = read_pool(source)
        annotated = {}
        for m in metas:
            codes = source.attribution_files(m.split, m.article_id) if m.article_id in pool else []
            if codes:
                annotated[m.article_id] = source.read_attributions(m.split, m.article_id, codes[0])
        train = sorted(a for a in annotated if pool[a] == "train")
        valid = sorted(a for a in annotated if pool[a] == "valid")
        print(f"pool: {len(train)} training and {len(valid)} validation articles")
        nlp = load_model()
        cached: dict[str, list] = {}
        if args.cache is not None and args.cache.is_file():
            cached = json.loads(args.cache.read_text(encoding="utf-8"))
        examples = []
        for a in train:
            if a not in cached:
                found = article_examples(nlp, texts[a], annotated[a])
                cached[a] = [[e.features, e.positive] for e in found]
            examples += [Example(tuple(map(tuple, f)), tuple(p)) for f, p in cached[a]]
        if args.cache is not None:
            args.cache.write_text(json.dumps(cached), encoding="utf-8")
        named = sum(not e.positive[-1] for e in examples)
        print(f"{len(examples)} quotes matched, {named} with PolNeAR's source among candidates")
        ranker = SpeakerRanker(fit(examples))
        args.out.write_text(json.dumps(ranker.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
        if args.evaluate:
            articles = [(texts[a], annotated[a]) for a in valid]
            for name, r in (("rules", None), ("ranker", ranker)):
                right, total = named_agreement(nlp, articles, r)
                print(f"validation {name}: {right}/{total} = {100 * right / max(total, 1):.1f}")
    except GoldsmithError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
