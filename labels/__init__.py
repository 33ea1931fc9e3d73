"""The annotation schema in one place: label sets, records, JSONL I/O, features, LS config."""

from goldsmith.labels.jsonl import doc_from_dict, doc_to_dict, read_jsonl, write_jsonl
from goldsmith.labels.records import AnnotatedDoc, Claim, Entity, Quote, Span
from goldsmith.labels.schema import (
    ENTITY_LABELS,
    LAYERS,
    QUALIFIERS,
    QUOTE_KINDS,
    SPEAKER_LABELS,
    SPEC_VERSION,
)

__all__ = [
    "ENTITY_LABELS",
    "LAYERS",
    "QUALIFIERS",
    "QUOTE_KINDS",
    "SPEAKER_LABELS",
    "SPEC_VERSION",
    "AnnotatedDoc",
    "Claim",
    "Entity",
    "Quote",
    "Span",
    "doc_from_dict",
    "doc_to_dict",
    "read_jsonl",
    "write_jsonl",
]
