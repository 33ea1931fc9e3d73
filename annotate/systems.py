"""Systems to score with ``goldsmith eval score``: ``NAME=SOURCE`` and the predictions it names.

A SOURCE is one of:

- ``spacy:MODEL``: an installed spaCy pipeline run over the gold texts; its entity
  labels are kept when they are among the spec's eight (``PERSON``, ``NORP``, ``FAC``,
  ``ORG``, ``GPE``, ``LOC``, ``EVENT``, ``DATE``) and dropped otherwise (``CARDINAL``,
  ``MONEY`` ...); it predicts no quotes or claims. ``spacy:`` alone uses the default
  model setting;
- ``goldsmith``: goldsmith's own pre-annotator (all three layers) over the gold texts,
  with the ``model`` setting as its spaCy model;
- anything else: a prediction file in the spec's JSONL format (or a gold directory
  of ``annotate pull``, e.g. another annotator's, whose ``gold.jsonl`` is read).

Why this lives in ``annotate``: running a spaCy pipeline or the pre-annotator over texts
is annotation, and dependencies point one way (``labels`` <- ``corpus`` <- ``annotate``,
``labels`` <- ``eval``). ``eval`` never imports ``annotate``: it only receives the
:class:`~goldsmith.labels.records.AnnotatedDoc` stream :func:`system_predictions` yields,
and the CLI (which imports everything) joins the two.

Example:
    >>> spec = parse_system("sm=spacy:en_core_web_sm")
    >>> spec.kind, spec.layers
    ('spacy', ('entities',))
    >>> docs = system_predictions(spec, gold_docs)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from goldsmith.errors import InputError
from goldsmith.labels.gold import read_gold
from goldsmith.labels.records import AnnotatedDoc, Entity
from goldsmith.labels.schema import ENTITY_LABELS, LAYERS

SPACY_PREFIX = "spacy:"
GOLDSMITH_SOURCE = "goldsmith"
#: Components of the stock pipelines that named entities do not need.
_NOT_NER = frozenset(
    {"parser", "tagger", "morphologizer", "lemmatizer", "attribute_ruler", "senter"}
)


@dataclass(frozen=True)
class SystemSpec:
    """A parsed ``NAME=SOURCE``."""

    name: str
    source: str

    @property
    def kind(self) -> str:
        """``spacy``, ``goldsmith`` or ``file``."""
        if self.source.startswith(SPACY_PREFIX):
            return "spacy"
        if self.source == GOLDSMITH_SOURCE:
            return "goldsmith"
        return "file"

    @property
    def runs_model(self) -> bool:
        """Whether predicting means running a model over the gold texts (not reading a file)."""
        return self.kind != "file"

    @property
    def layers(self) -> tuple[str, ...]:
        """The layers this system predicts (a spaCy pipeline only predicts entities)."""
        return ("entities",) if self.kind == "spacy" else LAYERS


def parse_system(text: str) -> SystemSpec:
    """Parse ``NAME=SOURCE``; raises :class:`InputError` on bad syntax or a missing file.

    Example: ``parse_system("sm=spacy:en_core_web_sm")`` is
    ``SystemSpec("sm", "spacy:en_core_web_sm")``.
    """
    name, sep, source = text.partition("=")
    name, source = name.strip(), source.strip()
    if not sep or not name or not source:
        raise InputError(
            f"--system {text!r}: expected NAME=SOURCE, e.g. mine=predictions.jsonl, "
            "sm=spacy:en_core_web_sm or pre=goldsmith"
        )
    spec = SystemSpec(name, source)
    if spec.kind == "file" and not Path(source).exists():
        raise InputError(f"--system {text!r}: no such prediction file {source!r}")
    return spec


def parse_systems(texts: Sequence[str]) -> list[SystemSpec]:
    """Parse every ``--system``; at least one, and names must be unique."""
    if not texts:
        raise InputError("give at least one --system NAME=SOURCE")
    specs = [parse_system(t) for t in texts]
    names = [s.name for s in specs]
    for name in names:
        if names.count(name) > 1:
            raise InputError(f"--system: the name {name!r} is used twice; names must be unique")
    return specs


def system_predictions(
    spec: SystemSpec, gold: Sequence[AnnotatedDoc], model: str | None = None
) -> Iterator[AnnotatedDoc]:
    """The predictions of a system over the gold documents, one document at a time.

    A file is read as it is; a model yields one prediction per gold document, in gold
    order (so a caller can count them for a progress bar). ``model`` is the spaCy model
    of the ``goldsmith`` system.
    """
    if spec.kind == "file":
        yield from read_gold(spec.source)
    elif spec.kind == "spacy":
        yield from spacy_predictions(gold, spec.source[len(SPACY_PREFIX) :] or None)
    else:
        yield from goldsmith_predictions(gold, model)


def spacy_predictions(gold: Sequence[AnnotatedDoc], model: str | None) -> Iterator[AnnotatedDoc]:
    """Run a spaCy pipeline's NER over the gold texts, keeping the spec's eight labels."""
    from goldsmith.annotate.model import load_model

    nlp = load_model(model)
    disable = [name for name in nlp.pipe_names if name in _NOT_NER]
    texts = (doc.text for doc in gold)
    for g, parsed in zip(gold, nlp.pipe(texts, disable=disable), strict=True):
        entities = tuple(
            Entity(ent.start_char, ent.end_char, ent.text, ent.label_)
            for ent in parsed.ents
            if ent.label_ in ENTITY_LABELS
        )
        yield AnnotatedDoc(g.doc_id, g.text, entities=entities)


def goldsmith_predictions(
    gold: Sequence[AnnotatedDoc], model: str | None
) -> Iterator[AnnotatedDoc]:
    """Run goldsmith's pre-annotator (entities, quotes, claims) over the gold texts."""
    from goldsmith.annotate.predict import predict
    from goldsmith.corpus.boilerplate import ignore_ranges
    from goldsmith.corpus.documents import Document

    documents = (Document(doc_id=g.doc_id, text=g.text, ignore=ignore_ranges(g.text)) for g in gold)
    yield from predict(documents, model=model)
