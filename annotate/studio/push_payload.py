"""What a push sends for one document: the task's data and its prediction.

Rules: a task's ``data`` holds ``text``, ``doc_id``, ``source`` and ``title``; a
prediction carries the record's ``model_version``, a ``score`` (the record's ``score``
field, else the mean of its region scores, else none) and the converted regions
(:func:`goldsmith.annotate.studio.convert.to_studio_results`).

Example:
    >>> task_payload(Document("d1", "Hi."), None)["data"]["doc_id"]
    'd1'
"""

from __future__ import annotations

from typing import Any

from goldsmith.annotate.studio.convert import to_studio_results
from goldsmith.corpus.documents import Document
from goldsmith.labels.records import AnnotatedDoc


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
