"""Systems for ``goldsmith eval score``: ``NAME=SOURCE`` specs and the predictions they name.

A SOURCE is one of:

- ``spacy:MODEL``: an installed spaCy pipeline run over the gold texts; its entity
  labels are kept when they are among the spec's eight (``PERSON``, ``NORP``, ``FAC``,
  ``ORG``, ``GPE``, ``LOC``, ``EVENT``, ``DATE``) and dropped otherwise (``CARDINAL``,
  ``MONEY`` ...); it predicts no quotes or claims. ``spacy:`` alone uses the default
  model setting;
- ``goldsmith``: goldsmith's own pre-annotator (all three layers) over the gold texts,
  with ``--model`` as its spaCy model;
- anything else: a prediction file in the spec's JSONL format (or a gold directory
  of ``annotate pull``, e.g. another annotator's, whose ``gold.jsonl`` is read).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
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
    def layers(self) -> tuple[str, ...]:
        """The layers this system predicts (a spaCy pipeline only predicts entities)."""
        return ("entities",) if self.kind == "spacy" else LAYERS


def parse_system(text: str) -> SystemSpec:
    """Parse ``NAME=SOURCE``; raises :class:`InputError` on bad syntax.

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
    """Parse every ``--system``; names must be unique."""
    specs = [parse_system(t) for t in texts]
    names = [s.name for s in specs]
    for name in names:
        if names.count(name) > 1:
            raise InputError(f"--system: the name {name!r} is used twice; names must be unique")
    return specs


def predictions(
    spec: SystemSpec,
    gold: Sequence[AnnotatedDoc],
    model: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[AnnotatedDoc]:
    """The predictions of a system over the gold documents (files are read as they are).

    ``progress`` is called with the number of documents done after each one, for the
    systems that run a model.
    """
    if spec.kind == "file":
        return read_gold(spec.source)
    if spec.kind == "spacy":
        produced = spacy_predictions(gold, spec.source[len(SPACY_PREFIX) :] or None)
    else:
        produced = goldsmith_predictions(gold, model)
    out = []
    for doc in produced:
        out.append(doc)
        if progress is not None:
            progress(len(out))
    return out


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
