"""What a push sends for one document: the task's data and its prediction.

Rules: a task's ``data`` holds ``text``, ``doc_id``, ``source`` and ``title``; a
prediction carries the record's ``model_version``, a ``score`` (the record's ``score``
field, else the mean of its region scores, else none) and the converted regions
(:func:`goldsmith.annotate.studio.convert.to_studio_results`). :func:`built_ahead` makes
the next batch in a thread while the caller sends the current one (the conversion is
CPU work and the request is mostly waiting for the server), at most one batch ahead.
:func:`new_batches` cuts the documents a push imports into batches, each doc_id once
(:func:`unique`: its first document).

Example:
    >>> task_payload(Document("d1", "Hi."), None)["data"]["doc_id"]
    'd1'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from goldsmith.annotate.studio.convert import to_studio_results
from goldsmith.corpus.documents import Document
from goldsmith.labels.records import AnnotatedDoc

T = TypeVar("T")
_END = object()


def built_ahead(items: Iterator[T]) -> Iterator[T]:
    """The items of ``items``, each next one made in a worker thread while the caller
    works on the current one. An error raised making an item is raised here, when that
    item is asked for; when the caller stops early, at most one item is made in vain."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="goldsmith-batch") as pool:
        pending = pool.submit(next, items, _END)
        while True:
            item = pending.result()
            if item is _END:
                return
            pending = pool.submit(next, items, _END)
            yield item  # type: ignore[misc]


def task_payload(doc: Document, prediction: AnnotatedDoc | None) -> dict[str, Any]:
    """The import payload of one document, its prediction inline."""
    task: dict[str, Any] = {
        "data": {
            "text": doc.text,
            "doc_id": doc.doc_id,
            "source": doc.source or "",
            "title": doc.title or "",
        }
    }
    if prediction is not None:
        task["predictions"] = [prediction_payload(prediction)]
    return task


def prediction_payload(prediction: AnnotatedDoc) -> dict[str, Any]:
    """A Label Studio prediction: ``model_version``, ``score`` and the converted regions."""
    payload: dict[str, Any] = {
        "model_version": prediction.meta["model_version"],
        "result": to_studio_results(prediction),
    }
    score = _score(prediction)
    if score is not None:
        payload["score"] = score
    return payload


def _score(prediction: AnnotatedDoc) -> float | None:
    score = prediction.meta.get("score")
    if isinstance(score, int | float) and not isinstance(score, bool):
        return float(score)
    scores = [
        s.score
        for layer in (prediction.entities, prediction.quotes, prediction.claims)
        for s in layer
        if s.score is not None
    ]
    return round(sum(scores) / len(scores), 6) if scores else None


def new_batches(
    docs: Iterable[Document],
    known: set[str],
    predictions: Mapping[str, AnnotatedDoc],
    batch_size: int,
) -> Iterator[tuple[list[dict[str, Any]], int]]:
    """The import payloads of the documents not in ``known``, in batches, each with how
    many of its tasks carry a prediction."""
    batch: list[dict[str, Any]] = []
    inline = 0
    for doc in unique(docs):
        if doc.doc_id in known:
            continue
        pred = predictions.get(doc.doc_id)
        inline += pred is not None
        batch.append(task_payload(doc, pred))
        if len(batch) == batch_size:
            yield batch, inline
            batch, inline = [], 0
    if batch:
        yield batch, inline


def unique(documents: Iterable[Document]) -> Iterator[Document]:
    """Each doc_id once: its first document."""
    seen: set[str] = set()
    for doc in documents:
        if doc.doc_id not in seen:
            seen.add(doc.doc_id)
            yield doc
