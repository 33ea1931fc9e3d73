"""Every error a system made against the gold set, each with its context in the text.

:func:`list_errors` lines predictions up with the gold documents by ``doc_id``
(:func:`goldsmith.eval.score.align`: a gold document without a prediction counts as an
empty prediction, prediction documents not in the gold set are ignored) and reads the
errors off the very pairs the scorer counts, each layer judged once by its own module:

- **entities**: :func:`~goldsmith.eval.entities.entity_pairs` under one SemEval scheme
  (``type`` by default: a prediction claims the overlapping gold entity of its label with
  the closest boundaries, else the first overlapping one). A pair with different labels
  is a ``label`` error (whatever the offsets), a pair with the same label and different
  offsets a ``boundary`` error.
- **quotes**: :func:`~goldsmith.eval.quotes.quote_pairs` (30 % overlap). On a pair, other
  offsets are a ``boundary`` error (it still counts as matched), a verdict of another
  kind a ``kind`` error, of another source a ``speaker`` error.
- **claims**: :func:`~goldsmith.eval.claims.claim_pairs` (50 % overlap). Other offsets
  are a ``boundary`` error; a wrong value (or ``value_high`` of a range) beyond
  ``value_tolerance`` a ``value`` error, a wrong unit a ``unit`` error, a wrong qualifier
  a ``qualifier`` error.
- what no pair holds is ``missed`` (gold) or ``spurious`` (predicted). For quotes and
  claims, a missed and a spurious span that overlap below the threshold are shown
  together as one ``boundary`` error with ``matched=False`` (most overlap first): the
  scorer counts it as a miss plus a spurious span, and so does :attr:`ErrorItem.missed`
  / :attr:`ErrorItem.spurious`.

So per layer the listing agrees with the counts: the items with ``missed`` set number
the layer's missed count, those with ``spurious`` set its spurious count.

Errors come in document order (gold order), then by position, then layer.

Example:
    >>> from goldsmith.labels import AnnotatedDoc, Entity
    >>> text = "Ann Lee met Bo."
    >>> gold = [AnnotatedDoc("d", text, entities=(Entity(0, 7, "Ann Lee", "PERSON"),))]
    >>> pred = [AnnotatedDoc("d", text, entities=(Entity(4, 7, "Lee", "PERSON"),))]
    >>> [e.kind.value for e in list_errors(gold, pred)]
    ['boundary']
"""

from __future__ import annotations

from collections.abc import Sequence

from goldsmith.eval.context import mark_context
from goldsmith.eval.error_items import CONTEXT_CHARS, ErrorItem, ErrorKind
from goldsmith.eval.error_layers import Found, claim_errors, entity_errors, quote_errors
from goldsmith.eval.matching import Scheme
from goldsmith.eval.score import DocPairs, align, doc_pairs
from goldsmith.labels.records import AnnotatedDoc
from goldsmith.labels.schema import LAYERS


def list_errors(
    gold: Sequence[AnnotatedDoc],
    predicted: Sequence[AnnotatedDoc],
    *,
    layers: Sequence[str] = LAYERS,
    value_tolerance: float = 0.0,
    system: str = "system",
    scheme: Scheme | str = Scheme.TYPE,
) -> list[ErrorItem]:
    """Every error of ``predicted`` against ``gold`` (rules in the module docstring).

    ``scheme`` is the SemEval scheme that pairs entities.
    """
    aligned = align(gold, predicted, system).predictions
    out: list[ErrorItem] = []
    for g, p in zip(gold, aligned, strict=True):
        out.extend(doc_errors(g, p, layers=layers, value_tolerance=value_tolerance, scheme=scheme))
    return out


def doc_errors(
    gold: AnnotatedDoc,
    predicted: AnnotatedDoc,
    *,
    layers: Sequence[str] = LAYERS,
    value_tolerance: float = 0.0,
    scheme: Scheme | str = Scheme.TYPE,
    pairs: DocPairs | None = None,
) -> list[ErrorItem]:
    """The errors of one prediction document against its gold document, sorted by position.

    ``pairs`` is :func:`~goldsmith.eval.score.doc_pairs` of the same document, layers and
    tolerance when the scorer already judged them (so the very same pairs are listed).
    """
    if pairs is None:
        pairs = doc_pairs(gold, predicted, value_tolerance, layers)
    found: Found = []
    if "entities" in layers:
        found += entity_errors(gold.entities, predicted.entities, Scheme(scheme))
    if "quotes" in layers:
        found += quote_errors(pairs.quotes)
    if "claims" in layers:
        found += claim_errors(pairs.claims)
    items = [
        ErrorItem(
            doc_id=gold.doc_id,
            layer=layer,
            kind=kind,
            gold=g,
            predicted=p,
            detail=detail,
            context=mark_context(gold.text, g, p, CONTEXT_CHARS),
            matched=matched,
        )
        for layer, kind, g, p, detail, matched in found
    ]
    kinds = list(ErrorKind)
    items.sort(key=lambda e: (e.start, e.end, LAYERS.index(e.layer), kinds.index(e.kind), e.detail))
    return items
