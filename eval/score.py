"""Scoring systems against the gold set: align predictions, count, bootstrap, report.

Predictions are aligned to the gold documents by ``doc_id`` (:func:`align`):

- a prediction whose text differs from its gold document's text is an error naming the
  ``doc_id`` (offsets would not mean the same thing);
- a gold document without a prediction is scored as an empty prediction, and listed in
  the system's ``docs_missing`` with a warning;
- prediction documents that are not in the gold set are ignored and counted.

:func:`score` then counts every layer per document once, draws the bootstrap
replicates over documents (the same draws for every system, so comparisons are
paired) and returns a :class:`~goldsmith.eval.report.Report`. With fewer than
:data:`MIN_BOOTSTRAP_DOCS` documents the report carries a warning that its intervals and
paired tests are rough.

Example:
    >>> from goldsmith.labels import AnnotatedDoc, Entity
    >>> gold = [AnnotatedDoc("d1", "Austin spoke.", entities=(Entity(0, 6, "Austin", "PERSON"),))]
    >>> report = score(gold, [SystemInput("copy", "gold", gold)], resamples=50)
    >>> report.system("copy").headline["entities.strict.f1"].value
    1.0
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from goldsmith.errors import InputError
from goldsmith.eval.bootstrap import FigureTable, Replicated, paired_p_value
from goldsmith.eval.claims import ClaimCounts, claim_doc_counts, claim_pairs, claim_scores
from goldsmith.eval.entity_counter import entity_doc_counts, sum_entity_counts
from goldsmith.eval.entity_scores import EntityCounts, entity_scores
from goldsmith.eval.matching import Pair
from goldsmith.eval.quotes import QuoteCounts, quote_doc_counts, quote_pairs, quote_scores
from goldsmith.eval.report import (
    Comparison,
    Figure,
    PairedResult,
    Report,
    SystemScores,
)
from goldsmith.labels.records import AnnotatedDoc, Claim, Quote
from goldsmith.labels.schema import LAYERS
from goldsmith.wording import plural

#: Fewer gold documents than this make bootstrap intervals and paired tests unreliable:
#: resampling a handful of documents shows little of how the figures would vary (with 2,
#: a replicate is one of 3 document mixes), so the report warns.
MIN_BOOTSTRAP_DOCS = 10


#: The headline figure of the entities' macro F1 (strict; mean of the per-label F1s),
#: with its interval from the same replicates as the per-label figures it averages.
MACRO_F1 = "entities.strict.macro_f1"
ENTITY_LABEL_F1 = "entities.strict.f1."


@dataclass(frozen=True)
class SystemInput:
    """A system to score: its name, where its predictions came from, the predictions."""

    name: str
    source: str
    predictions: Iterable[AnnotatedDoc]
    #: The layers the system predicts; the others are not scored (their figures are absent).
    layers: tuple[str, ...] = LAYERS


@dataclass(frozen=True)
class Alignment:
    """A system's predictions in gold order, one per gold document."""

    predictions: tuple[AnnotatedDoc, ...]
    missing: tuple[str, ...]
    ignored: tuple[str, ...]


def align(
    gold: Sequence[AnnotatedDoc], predictions: Iterable[AnnotatedDoc], system: str = "system"
) -> Alignment:
    """Line up predictions with the gold documents by ``doc_id`` (rules: module docstring).

    Raises :class:`InputError` for a text mismatch or a repeated ``doc_id``.
    """
    by_id: dict[str, AnnotatedDoc] = {}
    for doc in predictions:
        if doc.doc_id in by_id:
            raise InputError(f"system {system!r}: doc_id {doc.doc_id!r} appears twice")
        by_id[doc.doc_id] = doc
    gold_ids = {doc.doc_id for doc in gold}
    aligned: list[AnnotatedDoc] = []
    missing: list[str] = []
    for g in gold:
        pred = by_id.get(g.doc_id)
        if pred is None:
            missing.append(g.doc_id)
            aligned.append(g.without_layers())
            continue
        if pred.text != g.text:
            raise InputError(
                f"system {system!r}: doc_id {g.doc_id!r} has a different text than the gold "
                "document; predictions must be made on the gold text"
            )
        aligned.append(pred)
    ignored = tuple(doc_id for doc_id in by_id if doc_id not in gold_ids)
    return Alignment(tuple(aligned), tuple(missing), ignored)


@dataclass(frozen=True)
class DocPairs:
    """One document's judged quote and claim pairs (empty for a layer not scored).

    Judged once by :func:`doc_pairs`, then counted (:func:`doc_counts`) and, by
    :func:`goldsmith.eval.evaluation.evaluate`, listed as errors from the same objects.
    """

    quotes: tuple[Pair[Quote], ...] = ()
    claims: tuple[Pair[Claim], ...] = ()


def doc_pairs(
    gold: AnnotatedDoc,
    pred: AnnotatedDoc,
    value_tolerance: float = 0.0,
    layers: Sequence[str] = LAYERS,
) -> DocPairs:
    """Judge the quote and claim pairs of one aligned (gold, prediction) document."""
    return DocPairs(
        quote_pairs(gold.quotes, pred.quotes) if "quotes" in layers else (),
        claim_pairs(gold.claims, pred.claims, value_tolerance) if "claims" in layers else (),
    )


@dataclass(frozen=True)
class DocCounts:
    """Every layer's counts for one document."""

    entities: EntityCounts
    quotes: QuoteCounts
    claims: ClaimCounts

    def figures(self) -> dict:
        return self.entities.figures() | self.quotes.figures() | self.claims.figures()


def doc_counts(
    gold: AnnotatedDoc,
    pred: AnnotatedDoc,
    value_tolerance: float = 0.0,
    layers: Sequence[str] = LAYERS,
    pairs: DocPairs | None = None,
) -> DocCounts:
    """Count the chosen layers of one aligned (gold, prediction) pair; others stay empty.

    ``pairs`` is :func:`doc_pairs` of the same document, layers and tolerance when the
    pairs were already judged.
    """
    if pairs is None:
        pairs = doc_pairs(gold, pred, value_tolerance, layers)
    return DocCounts(
        entity_doc_counts(gold.entities, pred.entities) if "entities" in layers else EntityCounts(),
        quote_doc_counts(gold.quotes, pred.quotes, pairs.quotes)
        if "quotes" in layers
        else QuoteCounts(),
        claim_doc_counts(gold.claims, pred.claims, value_tolerance, pairs.claims)
        if "claims" in layers
        else ClaimCounts(),
    )


def _check_gold(gold: Sequence[AnnotatedDoc]) -> None:
    seen: set[str] = set()
    for doc in gold:
        if doc.doc_id in seen:
            raise InputError(f"gold: doc_id {doc.doc_id!r} appears twice")
        seen.add(doc.doc_id)


def score(
    gold: Sequence[AnnotatedDoc],
    systems: Sequence[SystemInput],
    *,
    resamples: int = 1000,
    seed: int = 0,
    value_tolerance: float = 0.0,
    confidence: float = 0.95,
    gold_source: str = "",
    pairs: Mapping[str, Sequence[DocPairs]] | None = None,
) -> Report:
    """Score each system against ``gold``, with bootstrap intervals and paired tests.

    ``pairs`` maps a system's name to its documents' :func:`doc_pairs` (in gold order,
    same tolerance) when they were already judged; they are judged here otherwise.

    Example: see the module docstring.
    """
    if value_tolerance < 0:
        raise InputError(f"value tolerance must be >= 0, got {value_tolerance}")
    if resamples < 0:
        raise InputError(f"resamples must be >= 0, got {resamples}")
    names = [s.name for s in systems]
    if len(set(names)) != len(names):
        raise InputError(f"system names must be unique, got {', '.join(names)}")
    _check_gold(gold)
    scored: list[SystemScores] = []
    replicated: dict[str, Replicated] = {}
    for system in systems:
        alignment = align(gold, system.predictions, system.name)
        judged = (pairs or {}).get(system.name) or [None] * len(gold)
        per_doc = [
            doc_counts(g, p, value_tolerance, system.layers, j)
            for g, p, j in zip(gold, alignment.predictions, judged, strict=True)
        ]
        total_e = sum_entity_counts(c.entities for c in per_doc)
        total_q, total_c = QuoteCounts(), ClaimCounts()
        for c in per_doc:
            total_q, total_c = total_q + c.quotes, total_c + c.claims
        figures = total_e.figures() | total_q.figures() | total_c.figures()
        table = FigureTable.from_docs([c.figures() for c in per_doc], names=list(figures))
        labels = [name for name in table.names if name.startswith(ENTITY_LABEL_F1)]
        rep = Replicated.of(table, resamples, seed).with_mean(MACRO_F1, labels)
        cis = rep.intervals(confidence)
        replicated[system.name] = rep
        warnings = []
        skipped = [layer for layer in LAYERS if layer not in system.layers]
        if skipped:
            warnings.append(f"{system.name!r} does not predict {', '.join(skipped)}: not scored")
        if alignment.missing:
            n = len(alignment.missing)
            warnings.append(
                f"{plural(n, 'gold document')} {'has' if n == 1 else 'have'} no prediction "
                f"from {system.name!r} and {'was' if n == 1 else 'were'} scored as empty"
            )
        if alignment.ignored:
            n = len(alignment.ignored)
            warnings.append(
                f"{plural(n, 'prediction document')} of {system.name!r} {'is' if n == 1 else 'are'}"
                f" not in the gold set and {'was' if n == 1 else 'were'} ignored"
            )
        scored.append(
            SystemScores(
                name=system.name,
                source=system.source,
                docs_scored=len(gold) - len(alignment.missing),
                entities=entity_scores(total_e, cis),
                quotes=quote_scores(total_q, cis),
                claims=claim_scores(total_c, value_tolerance, cis),
                headline={
                    name: Figure(None if np.isnan(v) else float(v), cis[name])
                    for name, v in zip(rep.names, rep.values, strict=True)
                },
                docs_missing=alignment.missing,
                docs_ignored=len(alignment.ignored),
                warnings=tuple(warnings),
                layers=tuple(layer for layer in LAYERS if layer in system.layers),
            )
        )
    comparisons = tuple(
        _compare(a.name, b.name, replicated[a.name], replicated[b.name])
        for a, b in combinations(systems, 2)
    )
    warnings = []
    if resamples and 0 < len(gold) < MIN_BOOTSTRAP_DOCS:
        warnings.append(
            f"bootstrap over {plural(len(gold), 'document')} only (fewer than "
            f"{MIN_BOOTSTRAP_DOCS}): the intervals and paired tests are rough indications"
        )
    return Report(
        gold=gold_source,
        n_docs=len(gold),
        resamples=resamples,
        seed=seed,
        confidence=confidence,
        value_tolerance=value_tolerance,
        systems=tuple(scored),
        comparisons=comparisons,
        warnings=tuple(warnings),
    )


def _compare(a: str, b: str, ra: Replicated, rb: Replicated) -> Comparison:
    index_b = {name: j for j, name in enumerate(rb.names)}
    results = []
    for i, name in enumerate(ra.names):
        j = index_b.get(name)
        if j is None:
            continue
        x, y = float(ra.values[i]), float(rb.values[j])
        sa, sb = ra.samples[:, i], rb.samples[:, j]
        p = paired_p_value(sa, sb, x, y) if len(sa) else None
        results.append(
            PairedResult(
                figure=name,
                a=None if np.isnan(x) else x,
                b=None if np.isnan(y) else y,
                difference=None if np.isnan(x) or np.isnan(y) else x - y,
                p_value=p,
            )
        )
    return Comparison(a, b, tuple(results))
