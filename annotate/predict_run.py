"""A whole ``annotate predict`` run: corpus in, predictions file out, events on the way.

Rules:
- the predictions file appears only when every document is done; until then lines go to
  a hidden ``.NAME.partial`` (:class:`goldsmith.labels.jsonl.AtomicJsonlWriter`); an
  unwritable ``out`` is an :class:`InputError` naming it before the model runs;
- interrupted (Ctrl-C, or SIGTERM which the CLI turns into the same), the documents done
  so far are kept in ``NAME.partial`` and nothing hidden is left behind;
- a rerun resumes: the lines of ``NAME.partial`` (or of a hidden ``.NAME.partial`` left by
  a killed run) are kept, in order, as long as each parses as a spec record, has the
  ``doc_id`` of the next document of the corpus and the same ``model_version``, and has
  no region in a layer not asked for; the rest is predicted again. The file is removed
  once the run is complete. (A partial file made with *fewer* layers than asked now is
  not detected when its records have no regions of the missing layers.)
- :func:`predict_file` yields :class:`Started`, then a :class:`Done` per document (a
  :class:`Skipped` before it for a document that could not be parsed), and the
  :class:`PredictReport` last. The run holds none of them: a caller that keeps them all
  (``*_, report = predict_file(...)``) holds a ``Done`` per document (184 bytes each, 18 MB
  for 100,000 documents), so read them one at a time (as the CLI does) or keep the last.

Example:
    >>> from collections import deque
    >>> report = deque(predict_file("corpus.ds", "out.jsonl"), maxlen=1)[0]  # doctest: +SKIP
    >>> report.documents  # doctest: +SKIP
    15
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from goldsmith.annotate.model import load_model, model_version
from goldsmith.annotate.predict import check_layers, predict
from goldsmith.corpus import Document, count_documents, load_documents
from goldsmith.errors import InputError, SchemaError
from goldsmith.labels.jsonl import AtomicJsonlWriter, doc_from_dict, kept_path, partial_path
from goldsmith.labels.records import AnnotatedDoc
from goldsmith.labels.schema import LAYERS
from goldsmith.progress import Progress

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True)
class Started:
    """The run began: documents in the corpus (``None`` for raw input), lines resumed."""

    total: int | None
    model_version: str
    resumed: int = 0
    resumed_from: Path | None = None
    resumed_words: int = 0


@dataclass(frozen=True)
class Done(Progress):
    """Progress in documents (stage ``documents``), with the words done so far.

    Resumed documents and words are included.
    """

    words: int = 0

    @property
    def documents(self) -> int:
        """Documents done so far."""
        return self.done


@dataclass(frozen=True)
class Skipped:
    """A document that was not pre-annotated, and why (it is written with no regions)."""

    doc_id: str
    source: str
    reason: str


@dataclass(frozen=True)
class PredictReport:
    """What a finished run wrote."""

    out: Path
    layers: tuple[str, ...]
    model_version: str
    documents: int
    words: int
    regions: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    resumed: int = 0
    resumed_words: int = 0
    skipped: tuple[Skipped, ...] = ()

    @property
    def words_per_second(self) -> float:
        """Speed of this run: words predicted (not resumed) per second."""
        return (self.words - self.resumed_words) / self.seconds if self.seconds > 0 else 0.0


PredictEvent = Started | Done | Skipped | PredictReport


def predict_file(
    input_path: str | Path,
    out: str | Path,
    *,
    nlp: Language | None = None,
    model: str | None = None,
    layers: Iterable[str] = LAYERS,
    batch_size: int = 64,
    n_process: int = 1,
    text_field: str = "text",
) -> Iterator[PredictEvent]:
    """Pre-annotate the documents of ``input_path`` into ``out`` (module rules)."""
    chosen = check_layers(layers)
    input_path, out = Path(input_path), Path(out)
    if not input_path.exists():
        raise InputError(f"{input_path}: no such file or folder")
    started = time.perf_counter()
    resume_from = _leftover(out)
    tally = _Tally(chosen)
    skipped: list[Skipped] = []
    with AtomicJsonlWriter(out, keep_on_interrupt=True) as writer:
        nlp = nlp if nlp is not None else load_model(model)
        version = model_version(nlp)
        total = count_documents(input_path)
        documents: Iterator[Document] = iter(load_documents(input_path, text_field=text_field))
        if resume_from is not None:
            documents = _resume(resume_from, documents, writer, tally, version, chosen)
        yield Started(total, version, tally.resumed, resume_from, tally.resumed_words)
        for doc in predict(
            documents, nlp=nlp, layers=chosen, batch_size=batch_size, n_process=n_process
        ):
            writer.write(doc)
            tally.add(doc)
            if "skipped" in doc.meta:
                source = str(doc.meta.get("source", ""))
                skipped.append(Skipped(doc.doc_id, source, str(doc.meta["skipped"])))
                yield skipped[-1]
            yield Done("documents", tally.documents, total, words=tally.words)
    if resume_from is not None:
        resume_from.unlink(missing_ok=True)
    yield PredictReport(
        out=out,
        layers=chosen,
        model_version=version,
        documents=tally.documents,
        words=tally.words,
        regions=dict(tally.regions),
        seconds=time.perf_counter() - started,
        resumed=tally.resumed,
        resumed_words=tally.resumed_words,
        skipped=tuple(skipped),
    )


@dataclass
class _Tally:
    layers: tuple[str, ...]
    documents: int = 0
    words: int = 0
    resumed: int = 0
    resumed_words: int = 0
    regions: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LAYERS, 0))

    def add(self, doc: AnnotatedDoc) -> None:
        self.documents += 1
        self.words += len(doc.text.split())
        for layer in LAYERS:
            self.regions[layer] += len(getattr(doc, layer))


def _leftover(out: Path) -> Path | None:
    """The partial output of an earlier run of ``out``, moved to ``NAME.partial``."""
    kept, hidden = kept_path(out), partial_path(out)
    try:
        if hidden.is_file() and not kept.exists():
            os.replace(hidden, kept)  # left by a killed run; the writer will reuse the name
        return kept if kept.is_file() else None
    except OSError:
        return None  # an unwritable place: the writer reports it


def _resume(
    partial: Path,
    documents: Iterator[Document],
    writer: AtomicJsonlWriter,
    tally: _Tally,
    version: str,
    layers: tuple[str, ...],
) -> Iterator[Document]:
    """Copy the intact head of ``partial`` (module rules) into ``writer``; return the
    documents still to predict."""
    try:
        handle = partial.open(encoding="utf-8")
    except OSError:
        return documents
    with handle:
        for line in handle:
            document = next(documents, None)
            if document is None:
                break
            doc = _intact(line, document, version, layers)
            if doc is None:
                return chain([document], documents)
            writer.write_line(line.rstrip("\n"))
            tally.add(doc)
            tally.resumed += 1
            tally.resumed_words = tally.words
    return documents


def _intact(
    line: str, document: Document, version: str, layers: tuple[str, ...]
) -> AnnotatedDoc | None:
    """The record of ``line`` when it may stand for ``document`` in this run, else None."""
    if not line.endswith("\n"):
        return None  # cut short by the kill
    try:
        doc = doc_from_dict(json.loads(line))
    except (ValueError, SchemaError):
        return None
    if doc.doc_id != document.doc_id or doc.meta.get("model_version") != version:
        return None
    if any(getattr(doc, layer) for layer in LAYERS if layer not in layers):
        return None
    return doc
