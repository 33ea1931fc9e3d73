"""The manifest of the real-news set: which PolNeAR articles, their role, and a text hash.

``manifest.tsv`` has one row per article: ``article_id``, ``split`` (PolNeAR's train or
dev), ``publisher``, ``role`` (``tune``; ``heldout-r1``: held out in rounds 1-2, tuned on
from round 3; ``heldout-r3``: held out in round 3, tuned on from round 4; ``heldout-r4``:
held out in rounds 4-5, tuned on from round 6; ``heldout-r6``: the HELD-OUT of rounds 6-7,
measured three times as aggregate figures, tuned on from round 8; ``heldout-2``: HELD-OUT-2,
drawn and annotated in round 7 while that round's work used other sets, never tuned on;
``heldout-3``: HELD-OUT-3, drawn and annotated in round 8 while that round's work used other
sets, never tuned on; ``train``: annotated in round 7 for learning and tuning, open),
``sha256`` (of the UTF-8 bytes of the normalised text) and ``chars`` (its length in code
points). No text is stored.
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
#: role -> the name figures print for it, and when it was held out (the order of ROLES)
ROLE_NAMES = {
    "tune": "TUNE (in-sample)",
    "heldout-r1": "HELD-OUT-R1 (held out in rounds 1-2, tuned on from round 3)",
    "heldout-r3": "HELD-OUT-R3 (held out in round 3, tuned on from round 4)",
    "heldout-r4": "HELD-OUT-R4 (held out in rounds 4-5, tuned on from round 6)",
    "heldout-r6": "HELD-OUT-R6 (held out in rounds 6-7, tuned on from round 8)",
    "heldout-2": "HELD-OUT-2 (rounds 8-9 draws, annotated in round 7, never tuned on)",
    "heldout-3": "HELD-OUT-3 (rounds 10-11 draws, annotated in round 8, never tuned on)",
    "train": "TRAIN (annotated in round 7 for learning, open)",
}
ROLES = tuple(ROLE_NAMES)
#: the roles that are never tuned on: never read their errors, report aggregate figures only
UNSEEN_ROLES = ("heldout-2", "heldout-3")
#: the roles a rule or a learner may be fitted to
OPEN_ROLES = tuple(r for r in ROLES if r not in UNSEEN_ROLES)
#: the roles of the claims-only set (``gold/claims/manifest.tsv``): ``tune`` = VAL and VAL-B,
#: ``heldout`` = CHECK and CHECK-2, both open since round 4
CLAIMS_ROLES = ("tune", "heldout")


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


def read_manifest(path: Path = MANIFEST, roles: Iterable[str] = ROLES) -> list[Entry]:
    """The rows of a manifest file; raises InputError on a bad header or a role not in
    ``roles`` (``CLAIMS_ROLES`` for the claims-only set)."""
    roles = tuple(roles)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    if not rows or tuple(rows[0]) != FIELDS:
        raise InputError(f"{path}: header must be the fields {', '.join(FIELDS)}, tab-separated")
    entries = []
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != len(FIELDS) or row[3] not in roles:
            raise InputError(f"{path}:{line}: expected {len(FIELDS)} fields and role in {roles}")
        entries.append(Entry(row[0], row[1], row[2], row[3], row[4], int(row[5])))
    return entries


def duplicate_texts(entries: Iterable[Entry]) -> dict[str, str]:
    """Article id -> the id of an earlier article (in id order) with the same text hash.

    PolNeAR holds some stories twice under two ids (a wire story filed on two days); both can
    be drawn. Scoring both would count one text twice, so figures keep the first only."""
    first: dict[str, str] = {}
    later: dict[str, str] = {}
    for e in sorted(entries, key=lambda e: e.article_id):
        if e.sha256 in first:
            later[e.article_id] = first[e.sha256]
        else:
            first[e.sha256] = e.article_id
    return later


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
