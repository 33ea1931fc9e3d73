"""``datasets.Features`` of the gold set and the conversion of records to and from rows.

Spans are lists of structs (``datasets.List`` of a dict), never ``Sequence`` of
dicts, so a column keeps its declared type even when every list in it is empty.
A quote without a speaker has ``speaker`` = ``None``; a claim without a range has
``value_high`` = ``None``. Every entity, quote and claim has ``annotators``: how many
annotators marked that region (``meta["region_annotators"]``, one list per layer in the
document's order, written by ``annotate pull``), ``None`` when not known.

Example:
    >>> from goldsmith.labels import AnnotatedDoc
    >>> ds = docs_to_dataset([AnnotatedDoc("d1", "No annotations.")])
    >>> ds.features["entities"] == gold_features()["entities"]
    True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import datasets

from goldsmith.labels.jsonl import doc_from_dict, doc_to_dict
from goldsmith.labels.records import AnnotatedDoc
from goldsmith.labels.schema import LAYERS

_INT = datasets.Value("int32")
_STR = datasets.Value("string")
_FLOAT = datasets.Value("float64")

#: The meta field holding, per layer, how many annotators marked each region.
REGION_ANNOTATORS = "region_annotators"


def _span(**extra: Any) -> dict[str, Any]:
    return {"start": _INT, "end": _INT, "text": _STR, **extra}


def layer_features() -> dict[str, datasets.List]:
    """The three layers as list-of-struct features."""
    speaker = _span(label=_STR)
    return {
        "entities": datasets.List(_span(label=_STR, annotators=_INT)),
        "quotes": datasets.List(_span(kind=_STR, speaker=speaker, annotators=_INT)),
        "claims": datasets.List(
            _span(value=_FLOAT, value_high=_FLOAT, unit=_STR, qualifier=_STR, annotators=_INT)
        ),
    }


def gold_features(extra: Mapping[str, datasets.Value] | None = None) -> datasets.Features:
    """Features of a gold split: ``doc_id``, ``text``, the layers, then ``extra`` columns.

    ``extra`` maps further column names (``source``, ``title``, ``task_id`` ...) to
    their feature types; those values travel in ``AnnotatedDoc.meta``.
    """
    features: dict[str, Any] = {"doc_id": _STR, "text": _STR, **layer_features()}
    features.update(extra or {})
    return datasets.Features(features)


def doc_to_row(doc: AnnotatedDoc, extra: Iterable[str] = ()) -> dict[str, Any]:
    """A dataset row: the spec record without region scores, plus the named meta fields."""
    record = doc_to_dict(doc)
    row: dict[str, Any] = {"doc_id": doc.doc_id, "text": doc.text}
    row["entities"] = [_strip(e, ("score",)) for e in record["entities"]]
    row["quotes"] = [
        {**_strip(q, ("score",)), "speaker": _strip(q["speaker"], ("score",))}
        for q in record["quotes"]
    ]
    row["claims"] = [{"value_high": None, **_strip(c, ("score",))} for c in record["claims"]]
    votes = doc.meta.get(REGION_ANNOTATORS)
    for layer in LAYERS:
        counts = votes.get(layer) if isinstance(votes, Mapping) else None
        for i, region in enumerate(row[layer]):
            region["annotators"] = (
                counts[i] if isinstance(counts, list) and i < len(counts) else None
            )
    for key in extra:
        row[key] = doc.meta.get(key)
    return row


def row_to_doc(row: Mapping[str, Any], where: str = "<row>") -> AnnotatedDoc:
    """The validated record of a dataset row; columns beyond the spec's become ``meta``."""
    record = dict(row)
    votes: dict[str, list[Any]] = {}
    for layer in LAYERS:
        regions = [dict(r) for r in record.get(layer) or []]
        votes[layer] = [r.pop("annotators", None) for r in regions]
        record[layer] = regions
    if any(v is not None for counts in votes.values() for v in counts):
        record[REGION_ANNOTATORS] = votes
    record["claims"] = [
        {k: v for k, v in c.items() if not (k == "value_high" and v is None)}
        for c in record.get("claims") or []
    ]
    record["claims"] = [_intify(c) for c in record["claims"]]
    return doc_from_dict(record, where=where)


def docs_to_dataset(
    docs: Iterable[AnnotatedDoc],
    extra: Mapping[str, datasets.Value] | None = None,
) -> datasets.Dataset:
    """A ``datasets.Dataset`` with :func:`gold_features` (plus ``extra`` columns)."""
    features = gold_features(extra)
    rows = [doc_to_row(doc, (extra or {}).keys()) for doc in docs]
    columns = {name: [row[name] for row in rows] for name in features}
    return datasets.Dataset.from_dict(columns, features=features)


def dataset_to_docs(dataset: datasets.Dataset, name: str = "dataset") -> list[AnnotatedDoc]:
    """Every row of ``dataset`` as a validated record (``where`` names the row)."""
    return [row_to_doc(row, where=f"{name}[{i}]") for i, row in enumerate(dataset)]


def _strip(item: Mapping[str, Any] | None, keys: tuple[str, ...]) -> dict[str, Any] | None:
    if item is None:
        return None
    return {k: v for k, v in item.items() if k not in keys}


def _intify(claim: dict[str, Any]) -> dict[str, Any]:
    for key in ("value", "value_high"):
        value = claim.get(key)
        if isinstance(value, float) and value.is_integer():
            claim[key] = int(value)
    return claim
