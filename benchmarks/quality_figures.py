"""The figures of ``quality_realnews.py``: per-document counts, bootstrap intervals, tables.

Each figure is a summable count per document (:func:`doc_figures`), so a document
bootstrap gives its interval (:func:`figure_table`); :func:`print_table` prints one
column a system, in % with the 95 % interval.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from goldsmith.eval.bootstrap import FigureTable, intervals, replicates
from goldsmith.eval.claims import claim_doc_counts
from goldsmith.eval.entity_counter import entity_doc_counts
from goldsmith.eval.matching import match_spans
from goldsmith.eval.metrics import AccuracyCounts, SpanCounts
from goldsmith.eval.quotes import quote_doc_counts
from goldsmith.labels import AnnotatedDoc

#: The figures of issue 11 on the annotated articles: (name, label).
FIGURES = (
    ("quotes.speaker_accuracy", "quote speaker accuracy (matched quotes)"),
    ("quotes.span_f1_30", "quotes span F1, >= 30 % overlap"),
    ("quotes.indirect_recall_30", "indirect quote recall, >= 30 % overlap"),
    ("claims.span_f1_50", "claims span F1, >= 50 % overlap"),
    ("claims.unit_accuracy", "claim unit accuracy"),
    ("entities.strict_f1", "entities strict F1"),
    ("entities.strict_f1.ORG", "entities strict F1, ORG alone"),
)
#: The figures against PolNeAR's own attributions.
POLNEAR_FIGURES = (
    ("polnear.direct_recall", "direct quote recall"),
    ("polnear.indirect_speech_recall", "indirect recall, speech-verb cue"),
    ("polnear.named_speaker_agreement", "speaker agreement, named source"),
)


def doc_figures(gold: AnnotatedDoc, pred: AnnotatedDoc, layers: Iterable[str]) -> dict:
    """The issue's figures for one document, as summable counts."""
    out: dict[str, SpanCounts | AccuracyCounts] = {}
    layers = set(layers)
    if "quotes" in layers:
        q = quote_doc_counts(gold.quotes, pred.quotes)
        out["quotes.speaker_accuracy"] = q.speaker
        out["quotes.span_f1_30"] = q.span["overlap_30"]
        indirect = [g for g in gold.quotes if g.kind == "indirect"]
        m = match_spans(indirect, pred.quotes, 0.3)
        out["quotes.indirect_recall_30"] = AccuracyCounts(len(m.matches), len(indirect))
    if "claims" in layers:
        c = claim_doc_counts(gold.claims, pred.claims)
        out["claims.span_f1_50"] = c.span["overlap_50"]
        out["claims.unit_accuracy"] = c.unit
    if "entities" in layers:
        e = entity_doc_counts(gold.entities, pred.entities).figures()
        out["entities.strict_f1"] = e["entities.strict.f1"]
        out["entities.strict_f1.ORG"] = e.get("entities.strict.f1.ORG", SpanCounts())
    return out


def figure_table(per_doc: list[dict], names: Sequence[str], resamples: int) -> dict:
    """name -> (value, interval) with a document bootstrap (seed 0)."""
    if not per_doc:
        return {}
    table = FigureTable.from_docs(per_doc, names=list(names))
    cis = intervals(table, replicates(table, resamples, seed=0))
    values = table.values()
    present = {n for d in per_doc for n in d}
    return {
        n: (None if np.isnan(v) else float(v), cis[n])
        for n, v in zip(table.names, values, strict=True)
        if n in present
    }


def fmt(cell) -> str:
    if cell is None or cell[0] is None:
        return "-"
    value, ci = cell
    if ci is None:
        return f"{100 * value:.1f}"
    return f"{100 * value:.1f} [{100 * ci.low:.1f}, {100 * ci.high:.1f}]"


def print_table(title: str, rows, systems: dict[str, dict], extra: str = "") -> None:
    print(f"\n{title}{extra}")
    width = max(len(label) for _, label in rows)
    print(" " * (width + 2) + "".join(f"{s:>26}" for s in systems))
    for name, label in rows:
        cells = "".join(f"{fmt(res.get(name)):>26}" for res in systems.values())
        print(f"  {label:<{width}}{cells}")
