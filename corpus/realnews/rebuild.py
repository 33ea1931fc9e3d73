"""Rebuild the real-news texts from a local PolNeAR checkout and check their hashes.

    python corpus/realnews/rebuild.py --polnear PATH --out DIR

PATH is a clone of networkdynamics/PolNeAR or a bare mirror of it. Writes
``DIR/<article_id>.txt`` (UTF-8, LF newlines: the text goldsmith's ingest sees) for every
article of ``manifest.tsv``; exits 1 naming the first article whose sha256 differs.
``--select`` recomputes the selection from the rules in ``selection.py`` (the first 30 and
the fresh held-out rounds) and rewrites the manifest (only needed once; the committed
manifest is the record).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from goldsmith.corpus.realnews.manifest import (
    CLAIMS_ROLES,
    MANIFEST,
    Entry,
    read_manifest,
    rebuild,
    text_sha256,
    write_manifest,
)
from goldsmith.corpus.realnews.polnear import PolnearSource
from goldsmith.corpus.realnews.selection import (
    Candidate,
    polnear_sample,
    select,
    select_rounds,
    select_training,
)
from goldsmith.corpus.realnews.train_speakers import is_validation
from goldsmith.errors import GoldsmithError

CLAIMS_MANIFEST = MANIFEST.parent / "gold" / "claims" / "manifest.tsv"
ATTRIBUTION_SEEDS = (11, 23)
ATTRIBUTION_SAMPLE = 168


def _select(source: PolnearSource) -> list[Entry]:
    metas = source.metadata()
    texts = {m.article_id: source.read_text(m.split, m.article_id) for m in metas}
    candidates = [Candidate(m.article_id, m.split, m.publisher, texts[m.article_id]) for m in metas]
    chosen = select(candidates)
    first = {c.article_id for c in chosen}
    seen = first | {e.article_id for e in read_manifest(CLAIMS_MANIFEST, CLAIMS_ROLES)}
    for seed in ATTRIBUTION_SEEDS:
        seen |= {m.article_id for m in polnear_sample(metas, first, ATTRIBUTION_SAMPLE, seed)}
    chosen += select_rounds(candidates, seen)
    seen |= {c.article_id for c in chosen} | {
        m.article_id for m in metas if is_validation(m.article_id)
    }
    chosen += select_training(candidates, seen)
    return [
        Entry(
            c.article_id,
            c.split,
            c.publisher,
            c.role,
            text_sha256(texts[c.article_id]),
            len(texts[c.article_id]),
        )
        for c in chosen
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    parser.add_argument("--select", action="store_true")
    args = parser.parse_args(argv)
    try:
        source = PolnearSource.open(args.polnear)
        if args.select:
            write_manifest(_select(source), args.manifest)
            print(f"wrote {args.manifest}")
        args.out.mkdir(parents=True, exist_ok=True)
        n = 0
        for entry, text in rebuild(source, read_manifest(args.manifest)):
            (args.out / f"{entry.article_id}.txt").write_text(text, encoding="utf-8")
            n += 1
    except GoldsmithError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {n} texts to {args.out} (sha256 checked)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
