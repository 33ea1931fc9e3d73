"""The manifest of the real-news set: which PolNeAR articles, their role, and a text hash.

``manifest.tsv`` has one row per article: ``article_id``, ``split`` (PolNeAR's train or
dev), ``publisher``, ``role`` (``tune``; ``heldout-r1``: held out in rounds 1-2, tuned on
from round 3; ``heldout-r3``: held out in round 3, tuned on from round 4; ``heldout-r4``:
held out in rounds 4-5, tuned on from round 6; ``heldout``: the HELD-OUT from round 6, never
tuned on; ``heldout-2``: HELD-OUT-2, drawn and annotated in round 7 while that round's work
used other sets, never tuned on; ``train``: annotated in round 7 for learning and tuning,
open), ``sha256`` (of the UTF-8 bytes of the normalised text) and ``chars`` (its length
in code points). No text is stored.
:func:`rebuild` reads the texts back from a local PolNeAR checkout and refuses any whose
hash differs.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from goldsmith.corpus.realnews.polnear import PolnearSource
from goldsmith.errors import InputError

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.tsv"
FIELDS = ("article_id", "split", "publisher", "role", "sha256", "chars")
ROLES = ("tune", "heldout-r1", "heldout-r3", "heldout-r4", "heldout", "heldout-2", "train")


@dataclass(frozen=True)
class Entry:
    """One manifest row."""

    article_id: str
    split: str
    publisher: str
    role: str
    sha256: str
    chars: int


def text_sha256(text: str) -> str:
    """The hex sha256 of the text's UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_manifest(entries: Iterable[Entry], path: Path = MANIFEST) -> None:
    """Write the rows, sorted by article id, as a tab-separated file with a header."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, delimiter="\t", lineterminator="\n")
        out.writerow(FIELDS)
        for e in sorted(entries, key=lambda e: e.article_id):
            out.writerow([e.article_id, e.split, e.publisher, e.role, e.sha256, e.chars])


def read_manifest(path: Path = MANIFEST) -> list[Entry]:
    """The rows of a manifest file; raises InputError on a bad header or role."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    if not rows or tuple(rows[0]) != FIELDS:
        raise InputError(f"{path}: header must be the fields {', '.join(FIELDS)}, tab-separated")
    entries = []
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != len(FIELDS) or row[3] not in ROLES:
            raise InputError(f"{path}:{line}: expected {len(FIELDS)} fields and role in {ROLES}")
        entries.append(Entry(row[0], row[1], row[2], row[3], row[4], int(row[5])))
    return entries


def checked_text(entry: Entry, text: str) -> str:
    """``text`` when its hash is the entry's; raises InputError naming the article otherwise."""
    digest = text_sha256(text)
    if digest != entry.sha256:
        raise InputError(
            f"{entry.article_id}: text sha256 {digest[:12]}… differs from the manifest's "
            f"{entry.sha256[:12]}…; rebuild the texts from an unmodified PolNeAR checkout "
            "(python corpus/realnews/rebuild.py --polnear PATH --out DIR)"
        )
    return text


def rebuild(source: PolnearSource, entries: Iterable[Entry]) -> Iterator[tuple[Entry, str]]:
    """Each entry with its text read from ``source``, hash-checked."""
    for entry in entries:
        yield entry, checked_text(entry, source.read_text(entry.split, entry.article_id))


def read_texts(directory: Path, entries: Iterable[Entry]) -> dict[str, str]:
    """Texts rebuilt into ``directory`` (``<article_id>.txt``), hash-checked, by article id."""
    texts = {}
    for entry in entries:
        path = Path(directory) / f"{entry.article_id}.txt"
        if not path.is_file():
            raise InputError(
                f"{path}: missing; run python corpus/realnews/rebuild.py --polnear PATH "
                f"--out {directory}"
            )
        raw = path.read_bytes().decode("utf-8")
        texts[entry.article_id] = checked_text(entry, raw)
    return texts
