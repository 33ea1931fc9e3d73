"""Run the pre-annotators over a stream of documents: parse, extract, filter, yield in order.

Rules:
- one output :class:`AnnotatedDoc` per input :class:`Document`, in input order, with the
  document's ``doc_id`` and ``text`` and the meta fields ``source``, ``title`` (when set)
  and ``model_version``;
- ``layers`` chooses what is produced; work a layer does not need is skipped (the parser
  does not run for entities alone), but quotes always get the entities to find speakers;
- nothing is predicted inside a document's ignore ranges: regions overlapping one are
  dropped, and a quote whose speaker overlaps one keeps the quote with no speaker;
- a document longer than the model's ``max_length`` is parsed in pieces cut at paragraph
  boundaries (:mod:`goldsmith.annotate.pieces`), one piece at a time; one that cannot be
  cut is not parsed: it is yielded with no regions and ``meta["skipped"]`` saying why,
  and the run goes on;
- no region starts or ends inside a grapheme cluster: each is snapped to cluster
  boundaries or dropped (:func:`goldsmith.annotate.graphemes.snap`), here, once, on output;
- streaming: documents are read, parsed and yielded in batches of ``batch_size``, so
  memory does not grow with the corpus;
- ``n_process > 1`` runs the whole per-document work (parse and extraction) in worker
  processes that each hold the model once; the main process only sends texts and gets
  back plain records, so the speed-up is close to the number of cores.

Example:
    >>> from goldsmith.corpus import Document
    >>> docs = [Document(doc_id="d1", text="Austin flew to Rome on Monday.")]
    >>> [e.text for e in next(predict(docs, layers=("entities",))).entities]  # doctest: +SKIP
    ['Austin', 'Rome', 'Monday']
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from itertools import groupby, islice
from typing import TYPE_CHECKING, TypeVar

from goldsmith.annotate.graphemes import snap_spans, snap_speaker
from goldsmith.annotate.model import load_model, model_version
from goldsmith.annotate.pieces import local_ignore, pieces, shifted
from goldsmith.annotate.rules.entities import find_entities
from goldsmith.corpus.documents import Document
from goldsmith.errors import GoldsmithError, InputError
from goldsmith.labels.records import AnnotatedDoc, Claim, Entity, Quote, Span
from goldsmith.labels.schema import LAYERS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Pipeline components that entities alone do not need.
_NOT_FOR_ENTITIES = ("parser", "lemmatizer", "attribute_ruler", "senter")

Ranges = tuple[tuple[int, int], ...]
Layers = tuple[Sequence[Entity], Sequence[Quote], Sequence[Claim]]
K = TypeVar("K")
# documents parsed inside one spaCy memory zone (their new vocabulary strings are dropped
# after it); big enough that the zone costs nothing measurable, small enough to bound memory
ZONE_DOCS = 1000


def predict(
    documents: Iterable[Document],
    *,
    nlp: Language | None = None,
    model: str | None = None,
    layers: Iterable[str] = LAYERS,
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[AnnotatedDoc]:
    """Yield each document annotated with the chosen ``layers``, in input order.

    ``nlp`` is a loaded spaCy pipeline; without it the model named by ``model`` (or the
    default setting, see :mod:`goldsmith.annotate.model`) is loaded. Raises
    :class:`InputError` for an unknown layer or a non-positive ``batch_size`` /
    ``n_process``, and :class:`ModelError` when the model is missing.
    """
    chosen = check_layers(layers)
    if batch_size < 1:
        raise InputError(f"batch size must be at least 1, got {batch_size}")
    if n_process < 1:
        raise InputError(f"number of processes must be at least 1, got {n_process}")
    if nlp is None:
        nlp = load_model(model)
    extractor = Extractor(chosen)
    extractor.check_available()
    meta_version = model_version(nlp)
    disable = disabled_pipes(nlp, chosen)
    if n_process == 1:
        results = _run_here(nlp, extractor, documents, batch_size, disable)
    else:
        results = _run_pool(nlp, extractor, documents, batch_size, disable, n_process)
    for document, found, skipped in results:
        yield _annotated(document, found, meta_version, skipped)


def check_layers(layers: Iterable[str]) -> tuple[str, ...]:
    """The requested layers in spec order; raises :class:`InputError` for an unknown one."""
    requested = [layers] if isinstance(layers, str) else list(layers)
    unknown = [name for name in requested if name not in LAYERS]
    if unknown:
        raise InputError(f"unknown layer {unknown[0]!r} (valid layers: {', '.join(LAYERS)})")
    if not requested:
        raise InputError(f"no layer chosen (valid layers: {', '.join(LAYERS)})")
    return tuple(name for name in LAYERS if name in requested)


def disabled_pipes(nlp: Language, layers: Sequence[str]) -> tuple[str, ...]:
    """Components of ``nlp`` the chosen layers do not need (only for entities alone)."""
    if set(layers) == {"entities"}:
        return tuple(name for name in nlp.pipe_names if name in _NOT_FOR_ENTITIES)
    return ()


@dataclass(frozen=True)
class Extractor:
    """The per-document work after parsing: find each needed layer, drop ignored regions."""

    layers: tuple[str, ...]

    def check_available(self) -> None:
        """Import the extractors of the chosen layers now, so a missing one fails early."""
        for layer in self.layers:
            if layer != "entities":
                _finder(layer)

    def __call__(self, doc: Doc, ignore: Ranges) -> Layers:
        entities: list[Entity] = []
        quotes: list[Quote] = []
        claims: list[Claim] = []
        if "entities" in self.layers or "quotes" in self.layers:
            entities = [e for e in find_entities(doc) if not _ignored(e, ignore)]
        if "quotes" in self.layers:
            quotes = [_without_ignored_speaker(q, ignore) for q in _finder("quotes")(doc, entities)]
            quotes = [q for q in quotes if not _ignored(q, ignore)]
        if "claims" in self.layers:
            claims = [c for c in _finder("claims")(doc) if not _ignored(c, ignore)]
        if "entities" not in self.layers:
            entities = []
        return entities, quotes, claims


def _finder(layer: str) -> Callable:
    """``find_quotes`` / ``find_claims``, imported on first use."""
    try:
        if layer == "quotes":
            from goldsmith.annotate.rules.quotes import find_quotes

            return find_quotes
        from goldsmith.annotate.rules.claims import find_claims

        return find_claims
    except ImportError as exc:
        raise GoldsmithError(
            f"the {layer} pre-annotator is not available ({exc}); choose other layers with --layers"
        ) from exc


def _ignored(span: Span, ignore: Ranges) -> bool:
    return any(span.start < stop and begin < span.end for begin, stop in ignore)


def _without_ignored_speaker(quote: Quote, ignore: Ranges) -> Quote:
    if quote.speaker is not None and _ignored(quote.speaker, ignore):
        return replace(quote, speaker=None)
    return quote


def _annotated(
    document: Document, found: Layers, version: str, skipped: str | None = None
) -> AnnotatedDoc:
    text = document.text
    entities, quotes, claims = found
    meta: dict[str, object] = {"source": document.source}
    if document.title is not None:
        meta["title"] = document.title
    meta["model_version"] = version
    if skipped is not None:
        meta["skipped"] = skipped
    return AnnotatedDoc(
        doc_id=document.doc_id,
        text=text,
        entities=snap_spans(entities, text),
        quotes=snap_spans([snap_speaker(q, text) for q in quotes], text),
        claims=snap_spans(claims, text),
        meta=meta,
    )


def _key(span: Span) -> tuple[int, int]:
    return (span.start, span.end)


def _too_long(text: str, limit: int) -> str:
    return (
        f"{len(text):,} characters, with a stretch of more than {limit:,} characters "
        "without whitespace that the model cannot parse (its max_length); not pre-annotated"
    )


def _annotate_texts(
    nlp: Language,
    extractor: Extractor,
    items: Iterable[tuple[K, str, Ranges]],
    batch_size: int,
    disable: Sequence[str],
) -> Iterator[tuple[K, Layers, str | None]]:
    """Parse and extract ``(key, text, ignore)`` items in order: ``(key, layers, skipped)``.

    Runs of texts within ``nlp.max_length`` stream through ``nlp.pipe`` in groups of
    ``ZONE_DOCS``, each inside a spaCy memory zone, so the strings a group adds to the
    vocabulary are dropped after it and memory stays flat over millions of documents (the
    regions are plain records by then, holding no spaCy object); a longer text
    is parsed alone, one piece at a time (so its memory is that of one piece, not of the
    whole text), its regions shifted back and joined; one that cannot be cut comes back
    with no regions and the reason it was skipped.
    """
    limit = nlp.max_length
    for too_long, run in groupby(items, key=lambda item: len(item[1]) > limit):
        if too_long:
            for key, text, ignore in run:
                with nlp.memory_zone():
                    found = _annotate_long(nlp, extractor, text, ignore, disable)
                yield (key, *found)
            continue
        while zone := list(islice(run, max(batch_size, ZONE_DOCS))):
            with nlp.memory_zone():
                pairs = ((text, (key, ignore)) for key, text, ignore in zone)
                done = [
                    (key, extractor(doc, ignore), None)
                    for doc, (key, ignore) in nlp.pipe(
                        pairs, as_tuples=True, batch_size=batch_size, disable=disable
                    )
                ]
            yield from done


def _annotate_long(
    nlp: Language, extractor: Extractor, text: str, ignore: Ranges, disable: Sequence[str]
) -> tuple[Layers, str | None]:
    """The regions of a text over the model's limit, found piece by piece (module rules)."""
    cuts = pieces(text, nlp.max_length)
    if cuts is None:
        return ([], [], []), _too_long(text, nlp.max_length)
    found: Layers = ([], [], [])
    texts = (text[start:end] for start, end in cuts)
    for doc, (start, end) in zip(nlp.pipe(texts, batch_size=1, disable=disable), cuts, strict=True):
        layers = extractor(doc, local_ignore(ignore, start, end))
        for into, layer in zip(found, layers, strict=True):
            into.extend(shifted(span, start) for span in layer)  # type: ignore[attr-defined]
    return found, None


def _run_here(
    nlp: Language,
    extractor: Extractor,
    documents: Iterable[Document],
    batch_size: int,
    disable: Sequence[str],
) -> Iterator[tuple[Document, Layers, str | None]]:
    items = ((document, document.text, document.ignore) for document in documents)
    yield from _annotate_texts(nlp, extractor, items, batch_size, disable)


# --- worker processes ---------------------------------------------------------------

_worker: dict[str, object] = {}


def _init_worker(nlp: Language, extractor: Extractor, batch_size: int, disable: tuple) -> None:
    _worker.update(nlp=nlp, extractor=extractor, batch_size=batch_size, disable=disable)


def _work(chunk: list[tuple[str, Ranges]]) -> list[tuple[Layers, str | None]]:
    """Parse and extract one chunk inside a worker; return plain records in chunk order."""
    items = ((None, text, ignore) for text, ignore in chunk)
    done = _annotate_texts(
        _worker["nlp"],  # type: ignore[arg-type]
        _worker["extractor"],  # type: ignore[arg-type]
        items,
        _worker["batch_size"],  # type: ignore[arg-type]
        _worker["disable"],  # type: ignore[arg-type]
    )
    return [(found, skipped) for _, found, skipped in done]


def _run_pool(
    nlp: Language,
    extractor: Extractor,
    documents: Iterable[Document],
    batch_size: int,
    disable: Sequence[str],
    n_process: int,
) -> Iterator[tuple[Document, Layers, str | None]]:
    """Chunks of ``batch_size`` documents go to ``n_process`` workers; results come back
    in order. At most ``2 * n_process`` chunks are in flight, so memory stays flat."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    pool = ProcessPoolExecutor(
        max_workers=n_process,
        mp_context=context,
        initializer=_init_worker,
        initargs=(nlp, extractor, batch_size, tuple(disable)),
    )
    pending: deque[tuple[list[Document], Future]] = deque()
    window = 2 * n_process
    try:
        iterator = iter(documents)
        while chunk := list(islice(iterator, batch_size)):
            work = [(document.text, document.ignore) for document in chunk]
            pending.append((chunk, pool.submit(_work, work)))
            if len(pending) >= window:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(
    chunk: list[Document], future: Future
) -> Iterator[tuple[Document, Layers, str | None]]:
    for document, (found, skipped) in zip(chunk, future.result(), strict=True):
        yield document, found, skipped
