"""Hand-built spaCy docs for the entity rule tests (one helper for every entity test file).

A blank English tokenizer with hand-set entities, fine-grained tags and coarse parts of
speech, so each rule is tested on its own, whatever a statistical model would predict.
Imported by the test modules beside it (``from entity_docs import entity_doc``).
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from goldsmith.annotate.rules.entities import find_entities

_BLANK = spacy.blank("en")


def entity_doc(
    text: str,
    ents: list[tuple[str, str]],
    tags: dict[str, str] | None = None,
    pos: dict[str, str] | None = None,
    default_tag: str = "",
) -> Doc:
    """``text`` tokenized, with each (substring, label) set as a spaCy entity.

    The substrings are found left to right and must sit on token boundaries. A token's
    ``tag_`` comes from ``tags`` (else ``default_tag``, empty unless given) and its
    ``pos_`` from ``pos`` (else ``X``), both keyed by the token's text: no rule reads an
    empty tag or ``X`` as anything.
    """
    doc = _BLANK(text)
    spans = []
    cursor = 0
    for surface, label in ents:
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        span = doc.char_span(start, cursor, label=label)
        assert span is not None, f"{surface!r} is not on token boundaries"
        spans.append(span)
    doc.ents = spans
    for token in doc:
        token.tag_ = (tags or {}).get(token.text, default_tag)
        token.pos_ = (pos or {}).get(token.text, "X")
    return doc


def found_entities(doc: Doc) -> list[tuple[str, str]]:
    """What the pre-annotator finds in ``doc``, as (text, label) pairs in order."""
    return [(e.text, e.label) for e in find_entities(doc)]
