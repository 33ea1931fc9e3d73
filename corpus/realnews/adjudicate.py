"""Compare two annotators' files: disagreements per layer, pairwise F1 and Krippendorff's alpha.

    python corpus/realnews/adjudicate.py A_DIR B_DIR --texts DIR [--manifest TSV] [--json OUT.json]

Every article with a clean file in both folders is compared (files with problems are named
and left out; ``--manifest`` names the manifest of a draw not yet in the repository's, as
``convert.py check`` does). Disagreements are listed with goldsmith's own error listing
(:func:`goldsmith.eval.errors.list_errors`, annotator A on the gold side), grouped by layer;
agreement is :func:`goldsmith.eval.pair_agreement.pair_scores` (pairwise span F1 per layer,
label and criterion) and :func:`goldsmith.eval.alpha.token_alpha` (nominal alpha on
token labels), the figures of ``goldsmith eval agree``; attribute agreement (quote kind and
speaker, claim value, unit, qualifier) on the matched pairs uses the scorer's counts.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from goldsmith.corpus.realnews.manifest import MANIFEST
from goldsmith.eval.alpha import AlphaScore, token_alpha
from goldsmith.eval.claims import ClaimCounts, claim_doc_counts
from goldsmith.eval.error_items import ErrorItem, format_errors
from goldsmith.eval.errors import list_errors
from goldsmith.eval.metrics import AccuracyCounts
from goldsmith.eval.pair_agreement import PairScore, pair_scores
from goldsmith.eval.quotes import QuoteCounts, quote_doc_counts
from goldsmith.labels import LAYERS, AnnotatedDoc


@dataclass(frozen=True)
class Comparison:
    """Two annotators compared on the articles both annotated."""

    annotators: tuple[str, str]
    articles: tuple[str, ...]
    pairs: tuple[PairScore, ...]
    alpha: dict[str, AlphaScore]
    disagreements: tuple[ErrorItem, ...]
    #: Attribute agreement on matched pairs: quote kind and speaker (30 % overlap), claim
    #: value, unit and qualifier (50 % overlap), with A's pairs as the gold side.
    attributes: dict[str, AccuracyCounts]

    def to_dict(self) -> dict:
        return {
            "annotators": list(self.annotators),
            "articles": list(self.articles),
            "pairs": [p.to_dict() for p in self.pairs],
            "alpha": {k: v.to_dict() for k, v in self.alpha.items()},
            "disagreements": [e.to_dict() for e in self.disagreements],
            "attributes": {k: v.to_dict() for k, v in self.attributes.items()},
        }


def compare(
    a_name: str,
    a_docs: Mapping[str, AnnotatedDoc],
    b_name: str,
    b_docs: Mapping[str, AnnotatedDoc],
) -> Comparison:
    """Compare two annotators' documents (article id -> doc) on the articles both have."""
    shared = sorted(set(a_docs) & set(b_docs))
    by_task = {aid: {a_name: a_docs[aid], b_name: b_docs[aid]} for aid in shared}
    gold = [a_docs[aid] for aid in shared]
    other = [b_docs[aid] for aid in shared]
    quotes, claims = QuoteCounts(), ClaimCounts()
    for g, o in zip(gold, other, strict=True):
        quotes = quotes + quote_doc_counts(g.quotes, o.quotes)
        claims = claims + claim_doc_counts(g.claims, o.claims)
    attributes = {
        "quote kind": quotes.kind,
        "quote speaker": quotes.speaker,
        "claim value": claims.value_exact,
        "claim unit": claims.unit,
        "claim qualifier": claims.qualifier,
    }
    return Comparison(
        annotators=(a_name, b_name),
        articles=tuple(shared),
        pairs=pair_scores(by_task),
        alpha={layer: token_alpha(by_task, layer) for layer in LAYERS},
        disagreements=tuple(list_errors(gold, other, system=b_name)),
        attributes=attributes,
    )


def _load(folder: Path, texts: Path, manifest: Path) -> tuple[dict[str, AnnotatedDoc], list[str]]:
    from goldsmith.corpus.realnews.convert import convert_file
    from goldsmith.errors import GoldsmithError

    docs, bad = {}, []
    for path in sorted(folder.glob("*.json")):
        try:
            result = convert_file(path, texts, manifest)
        except GoldsmithError as exc:
            bad.append(f"{path}: {exc}")
            continue
        if result.problems:
            bad.append(f"{path}: {len(result.problems)} problem(s); run convert.py check")
            continue
        docs[path.name.removesuffix(".json")] = result.doc
    return docs, bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--texts", type=Path, required=True)
    parser.add_argument(
        "--manifest",
        type=Path,
        default=MANIFEST,
        help="the manifest the texts' hashes are checked against (default: the repository's)",
    )
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    a_docs, a_bad = _load(args.a, args.texts, args.manifest)
    b_docs, b_bad = _load(args.b, args.texts, args.manifest)
    for line in a_bad + b_bad:
        print(f"left out: {line}", file=sys.stderr)
    result = compare(args.a.name, a_docs, args.b.name, b_docs)
    print(f"{len(result.articles)} article(s) annotated by both {args.a.name} and {args.b.name}")
    print("pairwise F1 (layer, label, criterion: matched / only A / only B):")
    for p in result.pairs:
        f1 = "-" if p.f1 is None else f"{100 * p.f1:.1f}"
        print(
            f"  {p.layer:8} {p.label:10} {p.criterion:10} F1 {f1:>5}  "
            f"{p.matched} / {p.only_a} / {p.only_b}"
        )
    print("Krippendorff's alpha (nominal, token labels):")
    for layer, a in result.alpha.items():
        alpha = "-" if a.alpha is None else f"{a.alpha:.3f}"
        print(f"  {layer:8} {alpha} over {a.units} tokens")
    print("attribute agreement on matched pairs (quotes >= 30 %, claims >= 50 % overlap):")
    for name, c in result.attributes.items():
        acc = "-" if c.accuracy is None else f"{100 * c.accuracy:.1f}"
        print(f"  {name:16} {acc:>5}  ({c.correct} / {c.total})")
    names = {doc.doc_id: aid for aid, doc in a_docs.items()}
    for layer in LAYERS:
        items = [e for e in result.disagreements if e.layer == layer]
        print(f"\n{layer}: {len(items)} disagreement(s) («A» ⟦B⟧)")
        for item, line in zip(items, format_errors(items), strict=True):
            print("  " + line.replace(item.doc_id, names.get(item.doc_id, item.doc_id), 1))
    if args.json:
        args.json.write_text(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
