"""Fixtures shared by every test package: paths, and a small hand-made gold set."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from studio_session import StudioInstance, acquire, release

from goldsmith.labels import AnnotatedDoc, Claim, Entity, Quote, write_jsonl

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DIR = REPO / "corpus" / "sample"


@pytest.fixture(autouse=True)
def _no_user_studio_pointer(tmp_path_factory, monkeypatch) -> None:
    """Keep every test off the user's own "last server started" pointer and settings.

    ``goldsmith studio up`` records its data dir under ``$XDG_STATE_HOME``; a test
    that expects no local server must not find a server the user started.
    """
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
    monkeypatch.delenv("GOLDSMITH_STUDIO_DIR", raising=False)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE_DIR


@pytest.fixture(scope="session")
def sample_gold_path() -> Path:
    return SAMPLE_DIR / "gold.jsonl"


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline the pre-annotators use (the installed default), loaded once.

    Without a model the tests that need it skip, unless ``CI=true``: there a missing
    model is a packaging regression, so they fail.
    """
    from goldsmith.annotate.model import load_model
    from goldsmith.errors import ModelError

    try:
        return load_model()
    except ModelError as exc:
        if os.environ.get("CI", "").lower() == "true":
            raise
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def studio() -> Iterator[StudioInstance]:
    """The one real Label Studio server of the test session (started on first use).

    ``url``, ``api_key``, ``data_dir``, ``client`` (a ready SDK client as the admin) and
    ``annotator(email)`` for more users; see ``tests/studio_session.py``.
    """
    instance = acquire()
    try:
        yield instance
    finally:
        release()


# -- a small gold set (our own text), written as a gold directory -----------------------

_STORIES = [
    ("flood", "Mayor Ines Rook said about 300 homes in Dunmore were flooded."),
    ("flood", "Engineers from Halvard Works said the levee held for 20 hours."),
    ("budget", "The council approved more than $4 million for buses 🚌 on Tuesday."),
    ("budget", "“We cannot wait,” said Osei Brandt, who chairs the transit board."),
    ("strike", "Dock workers in Calloway walked out over pay, union leaders said."),
    ("strike", "Up to 1,200 containers sat idle at the port, officials said."),
    ("storm", "Forecasters said winds of 90 kilometers an hour would hit Tarrow."),
    ("storm", "Nearly 40 schools closed across Vell County."),
    ("rail", "The new line will carry 12,000 passengers a day, Rook said."),
    ("rail", "Construction will take between 18 and 24 months."),
]


def _doc(i: int, event: str, text: str) -> AnnotatedDoc:
    entities, quotes, claims = [], [], []
    for name, label in (
        ("Ines Rook", "PERSON"),
        ("Dunmore", "GPE"),
        ("Osei Brandt", "PERSON"),
        ("Calloway", "GPE"),
        ("Tarrow", "GPE"),
        ("Rook", "PERSON"),
    ):
        at = text.find(name)
        if at >= 0 and not any(e.start <= at < e.end for e in entities):
            entities.append(Entity(at, at + len(name), name, label))
    if "“" in text:
        s, e = text.index("“") + 1, text.index("”") - 1
        speaker = next(x for x in entities if x.text == "Osei Brandt")
        quotes.append(Quote(s, e, text[s:e], "direct", speaker))
    for phrase, value, unit, qual, high in (
        ("about 300 homes", 300, "home", "approx", None),
        ("more than $4 million", 4_000_000, "dollar", "more_than", None),
        ("Up to 1,200 containers", 1200, "container", "at_most", None),
        ("between 18 and 24 months", 18, "month", "range", 24),
    ):
        at = text.find(phrase)
        if at >= 0:
            claims.append(Claim(at, at + len(phrase), phrase, value, unit, qual, high))
    meta = {
        "source": f"story_{i:02d}.txt",
        "annotator": f"annotator-{i % 2}",
        "event": event,
        "task_id": 100 + i,
    }
    return AnnotatedDoc(f"doc-{i:04d}", text, tuple(entities), tuple(quotes), tuple(claims), meta)


@pytest.fixture
def gold_docs() -> list[AnnotatedDoc]:
    return [_doc(i, event, text) for i, (event, text) in enumerate(_STORIES)]


@pytest.fixture
def gold_dir(tmp_path, gold_docs):
    path = tmp_path / "gold"
    write_jsonl(gold_docs, path / "gold.jsonl")
    return path
