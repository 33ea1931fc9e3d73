"""Read a local PolNeAR checkout: article texts and brat attribution files, train and dev only.

The checkout is either a normal clone (a folder with ``data/``) or a bare git repository
(a folder with ``HEAD`` and ``objects/``), read through ``git show``/``git ls-tree`` at
``HEAD``. The test split is never read: :func:`read_text` and :func:`list_articles` refuse
it, and nothing here lists ``data/test``.

Texts are returned the way goldsmith's ingest sees a ``.txt`` file: UTF-8, a leading BOM
removed, CRLF and CR turned into LF (:func:`goldsmith.corpus.documents.normalize_newlines`).
PolNeAR's files hold no CR, so brat offsets stay valid on the normalised text.

Example:
    >>> src = PolnearSource.open("/path/to/PolNeAR")  # doctest: +SKIP
    >>> article = "nyt_2016-09-12_visa-program-up-for-renewal-amid"
    >>> text = src.read_text("dev", article)  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import io
import subprocess
from dataclasses import dataclass
from pathlib import Path

from goldsmith.corpus.documents import normalize_newlines
from goldsmith.errors import InputError

SPLITS = ("train", "dev")


@dataclass(frozen=True)
class ArticleMeta:
    """One train/dev row of PolNeAR's ``data/metadata.tsv``."""

    article_id: str
    split: str
    publisher: str
    annotators: tuple[str, ...]


def _check_split(split: str) -> None:
    if split not in SPLITS:
        raise InputError(
            f"PolNeAR split {split!r} is not allowed here; only {', '.join(SPLITS)} "
            "(the test split is never read)"
        )


@dataclass(frozen=True)
class PolnearSource:
    """A PolNeAR checkout on disk: ``root`` and whether it is a bare git repository."""

    root: Path
    bare: bool

    @classmethod
    def open(cls, path: str | Path) -> PolnearSource:
        """The checkout at ``path``; raises InputError when it is neither layout."""
        root = Path(path)
        if (root / "data" / "metadata.tsv").is_file():
            return cls(root, False)
        if (root / "HEAD").is_file() and (root / "objects").is_dir():
            return cls(root, True)
        raise InputError(
            f"{root}: not a PolNeAR checkout (no data/metadata.tsv, and not a bare git "
            "repository); pass the folder of a clone of networkdynamics/PolNeAR"
        )

    def _read(self, rel: str) -> bytes:
        if self.bare:
            proc = subprocess.run(
                ["git", f"--git-dir={self.root}", "show", f"HEAD:{rel}"],
                capture_output=True,
                check=False,
            )
            if proc.returncode != 0:
                raise InputError(f"{self.root}: cannot read {rel} at HEAD")
            return proc.stdout
        path = self.root / rel
        if not path.is_file():
            raise InputError(f"{path}: no such file in the PolNeAR checkout")
        return path.read_bytes()

    def _names(self, rel_dir: str) -> list[str]:
        if self.bare:
            proc = subprocess.run(
                ["git", f"--git-dir={self.root}", "ls-tree", "--name-only", f"HEAD:{rel_dir}"],
                capture_output=True,
                text=True,
                check=False,
            )
            if proc.returncode != 0:
                raise InputError(f"{self.root}: cannot list {rel_dir} at HEAD")
            return sorted(proc.stdout.split())
        return sorted(p.name for p in (self.root / rel_dir).iterdir())

    def metadata(self) -> list[ArticleMeta]:
        """The train and dev rows of ``data/metadata.tsv`` (other rows are skipped unread)."""
        raw = self._read("data/metadata.tsv").decode("utf-8")
        rows = csv.DictReader(io.StringIO(raw), delimiter="\t")
        return [
            ArticleMeta(
                r["filename"], r["compartment"], r["publisher"], tuple(r["annotators"].split("|"))
            )
            for r in rows
            if r["compartment"] in SPLITS
        ]

    def list_articles(self, split: str) -> list[str]:
        """Article ids with a text file in ``data/<split>/text`` (train or dev only)."""
        _check_split(split)
        return [
            n.removesuffix(".txt") for n in self._names(f"data/{split}/text") if n.endswith(".txt")
        ]

    def read_text(self, split: str, article_id: str) -> str:
        """The article's text as goldsmith's ingest sees it (see module docstring)."""
        _check_split(split)
        data = self._read(f"data/{split}/text/{article_id}.txt")
        return normalize_newlines(data.decode("utf-8").removeprefix("\ufeff"))

    def attribution_files(self, split: str, article_id: str) -> list[str]:
        """Annotator codes with an attribution file for the article, sorted."""
        _check_split(split)
        prefix = article_id + "_"
        return [
            n[len(prefix) :].removesuffix(".ann")
            for n in self._names(f"data/{split}/attributions")
            if n.startswith(prefix) and n.endswith(".ann") and "_" not in n[len(prefix) :]
        ]

    def read_attributions(self, split: str, article_id: str, annotator: str) -> str:
        """The raw brat ``.ann`` text of one annotator's attributions for the article."""
        _check_split(split)
        rel = f"data/{split}/attributions/{article_id}_{annotator}.ann"
        return self._read(rel).decode("utf-8")
