"""Fixtures of the corpus tests: small inputs of every kind, written in ``tmp_path``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

ARTICLE = (
    "Ferry Service to Varne Island Resumes\n"
    "\n"
    "The ferry to Varne Island runs again after a two-week pause, the operator said.\n"
    "ADVERTISEMENT\n"
    "About 240 islanders rely on the crossing each day.\n"
)


@pytest.fixture
def article() -> str:
    """A short article with one advertising line (at 119-132)."""
    return ARTICLE


@pytest.fixture
def write_jsonl(tmp_path: Path) -> Callable[..., Path]:
    """Write records (dicts, or raw strings written as they are) to a JSONL file."""

    def write(records: list[object], name: str = "news.jsonl") -> Path:
        path = tmp_path / name
        lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        return path

    return write


@pytest.fixture
def text_folder(tmp_path: Path) -> Path:
    """A folder of two articles, one nested, plus files that must not be read."""
    folder = tmp_path / "articles"
    (folder / "nested").mkdir(parents=True)
    (folder / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "nested" / "a.md").write_text(
        "# Library Extends Opening Hours\n\nThe town library opens until nine.\n",
        encoding="utf-8",
    )
    (folder / "README.md").write_text("How this folder was made.\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text("A hidden editor file.\n", encoding="utf-8")
    (folder / "notes.csv").write_text("text\nnot read by the default glob\n", encoding="utf-8")
    return folder
