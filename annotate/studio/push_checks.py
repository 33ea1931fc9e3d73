"""What a push checks before it sends anything to Label Studio.

Rules:

- a predictions file has every record validated first (:func:`read_predictions`, or
  :class:`goldsmith.annotate.studio.push_source.PredictionFile`, which keeps only
  offsets): the spec's checks (offsets, labels, attributes, region scores from 0 to 1),
  a ``model_version`` that is a string (or an integer), a record ``score`` from 0 to 1,
  no ``doc_id`` twice; the error names the file and line;
- predictions handed over in code are checked the same way against their documents
  (:func:`check_predictions`; :func:`scan_documents` in a push's first pass), so a push
  never fails halfway on a bad value and never leaves an empty project behind;
- an existing project must have goldsmith's labeling config in meaning
  (:func:`check_project_config`, :func:`goldsmith.labels.studio_config.config_differences`),
  or predictions would be added for controls the project does not have.

Example:
    >>> preds = read_predictions("predictions.jsonl")  # doctest: +SKIP
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from label_studio_sdk import LabelStudio

from goldsmith.annotate.studio.client import studio_errors
from goldsmith.corpus.documents import Document
from goldsmith.errors import InputError, ProjectConfigError, where
from goldsmith.labels.jsonl import read_jsonl_lines
from goldsmith.labels.records import AnnotatedDoc
from goldsmith.labels.studio_config import config_differences
from goldsmith.labels.validate import problems


def read_predictions(path: str | Path, model_version: str | None = None) -> dict[str, AnnotatedDoc]:
    """The predictions of a spec JSONL file by ``doc_id``, each with a ``model_version``.

    A record's own ``model_version`` field wins; ``model_version`` fills the others.
    Every record is validated as it is read (:func:`goldsmith.labels.jsonl.read_jsonl`:
    offsets, labels, region scores from 0 to 1), and its ``model_version`` must be a
    string or an integer and its ``score`` a number from 0 to 1. Raises
    :class:`InputError` naming the file and line for a bad record, a repeated ``doc_id``
    or a record without a version.
    """
    found: dict[str, AnnotatedDoc] = {}
    for line, doc in read_jsonl_lines(path):
        at = where(path, line)
        if doc.doc_id in found:
            raise InputError(f"{at}: doc_id {doc.doc_id!r} appears twice; keep one prediction")
        found[doc.doc_id] = with_version(doc, model_version, at)
    return found


def with_version(doc: AnnotatedDoc, model_version: str | None, at: str) -> AnnotatedDoc:
    """The record with its ``model_version`` (its own, else ``model_version``), its version
    and ``score`` checked; ``at`` (file:line) starts the message of the InputError."""
    version = doc.meta.get("model_version")
    if version is None or version == "":
        version = model_version
    if not version:
        raise InputError(f"{at}: doc {doc.doc_id!r} has no model_version; pass --model-version")
    if isinstance(version, bool) or not isinstance(version, str | int):
        raise InputError(
            f"{at}: doc {doc.doc_id!r}: model_version must be a string, got {version!r}"
        )
    score = doc.meta.get("score")
    if score is not None and not is_score(score):
        raise InputError(
            f"{at}: doc {doc.doc_id!r}: score must be a number from 0 to 1, got {score!r}"
        )
    return AnnotatedDoc(
        doc.doc_id,
        doc.text,
        doc.entities,
        doc.quotes,
        doc.claims,
        {**doc.meta, "model_version": str(version)},
    )


def check_predictions(docs: Iterable[Document], predictions: Mapping[str, AnnotatedDoc]) -> None:
    """Everything about the predictions that could fail later, checked before any request."""
    for doc in docs:
        pred = predictions.get(doc.doc_id)
        if pred is not None:
            check_prediction(doc, pred)


def check_prediction(doc: Document, pred: AnnotatedDoc) -> None:
    """One document's prediction, checked as :func:`check_predictions` says."""
    if pred.text != doc.text:
        raise InputError(
            f"prediction for doc {doc.doc_id!r}: its text differs from the corpus "
            "document's; predict again on this corpus"
        )
    found = problems(pred)
    if found:
        raise InputError(f"prediction for doc {doc.doc_id!r}: {found[0]}")
    if not isinstance(pred.meta.get("model_version"), str):
        raise InputError(f"prediction for doc {doc.doc_id!r} has no model_version")
    score = pred.meta.get("score")
    if score is not None and not is_score(score):
        raise InputError(
            f"prediction for doc {doc.doc_id!r}: score must be a number from 0 to 1, got {score!r}"
        )


@dataclass
class DocumentScan:
    """What the first pass over the documents found: their ids (each once), how many
    came twice, how many have no prediction, the model versions of the predictions."""

    doc_ids: set[str] = field(default_factory=set)
    duplicates: int = 0
    without_predictions: int = 0
    versions: Counter[str] = field(default_factory=Counter)


def scan_documents(
    docs: Iterable[Document], predictions: Mapping[str, AnnotatedDoc]
) -> DocumentScan:
    """Check every document's prediction (:func:`check_prediction`) before anything is
    sent, reading the documents once; a doc_id's first document is the one kept."""
    scan = DocumentScan()
    for doc in docs:
        if doc.doc_id in scan.doc_ids:
            scan.duplicates += 1
            continue
        scan.doc_ids.add(doc.doc_id)
        pred = predictions.get(doc.doc_id)
        if pred is None:
            scan.without_predictions += 1
            continue
        check_prediction(doc, pred)
        scan.versions[pred.meta["model_version"]] += 1
    return scan


def check_project_config(client: LabelStudio, project_id: int, title: str, url: str = "") -> None:
    """Refuse a project whose labeling config is not goldsmith's, naming what differs."""
    with studio_errors(url, f"reading the labeling config of project {project_id}"):
        config = client.projects.get(id=project_id).label_config or ""
    found = config_differences(config)
    if not found:
        return
    raise ProjectConfigError(
        f"project {title!r} (id {project_id}) at {url or 'the server'} has a labeling config "
        f"that is not goldsmith's: {'; '.join(found)}. Push into a new project "
        "(--project ANOTHER_NAME), or set the project's labeling interface to goldsmith's "
        "config (python -c 'from goldsmith.labels.studio_config import labeling_config; "
        "print(labeling_config())')"
    )


def is_score(value: object) -> bool:
    """True for a real number from 0 to 1 (not a boolean, NaN or infinity)."""
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and 0 <= value <= 1
    )
