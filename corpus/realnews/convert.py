"""Check annotator files, or convert a folder of them to offset-only gold.

    python corpus/realnews/convert.py check FILE.json [FILE.json ...] --texts DIR
    python corpus/realnews/convert.py build ANNOTATOR_DIR --texts DIR --out GOLD.jsonl

A file's article id is its name without ``.json``; its text is ``DIR/<article_id>.txt``
(rebuilt by ``rebuild.py``; the hash is checked against ``manifest.tsv``). ``check``
prints every problem with the file and entry and exits 1 if there is any; ``build``
refuses to write while any file has a problem.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from goldsmith.corpus.realnews.annotations import Conversion, convert
from goldsmith.corpus.realnews.gold import write_gold
from goldsmith.corpus.realnews.manifest import MANIFEST, read_manifest, read_texts
from goldsmith.errors import GoldsmithError


def convert_file(path: Path, texts_dir: Path, manifest: Path = MANIFEST) -> Conversion:
    """The conversion of one annotator file against its hash-checked text."""
    entries = {e.article_id: e for e in read_manifest(manifest)}
    article_id = path.name.removesuffix(".json")
    if article_id not in entries:
        raise GoldsmithError(f"{path}: {article_id!r} is not an article of {manifest}")
    text = read_texts(texts_dir, [entries[article_id]])[article_id]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldsmithError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    return convert(text, data, {"article_id": article_id, "annotator": path.parent.name})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check")
    check.add_argument("files", nargs="+", type=Path)
    build = sub.add_parser("build")
    build.add_argument("folder", type=Path)
    build.add_argument("--out", type=Path, required=True)
    for p in (check, build):
        p.add_argument("--texts", type=Path, required=True)
        p.add_argument("--manifest", type=Path, default=MANIFEST)
    args = parser.parse_args(argv)
    files = args.files if args.command == "check" else sorted(args.folder.glob("*.json"))
    bad = 0
    docs = []
    for path in files:
        try:
            result = convert_file(path, args.texts, args.manifest)
        except GoldsmithError as exc:
            print(f"{path}: {exc}")
            bad += 1
            continue
        for problem in result.problems:
            print(f"{path}: {problem}")
        bad += bool(result.problems)
        d = result.doc
        print(
            f"{path}: {len(d.entities)} entities, {len(d.quotes)} quotes, {len(d.claims)} "
            f"claims, {len(result.problems)} problem(s)",
            file=sys.stderr,
        )
        docs.append(d)
    if bad:
        print(f"{bad} file(s) with problems", file=sys.stderr)
        return 1
    if args.command == "build":
        write_gold(docs, args.out, read_manifest(args.manifest))
        print(f"wrote {len(docs)} documents to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
