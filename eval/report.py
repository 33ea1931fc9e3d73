"""The typed result of ``goldsmith eval score``: a :class:`Report` of :class:`SystemScores`.

A report holds, per system, the three layers' scores (counts, derived P/R/F1 and
accuracies, each headline figure with its bootstrap confidence interval), a flat
``headline`` table of those figures by stable name (``entities.strict.f1``,
``quotes.speaker_accuracy``, ``claims.end_to_end.f1`` ...), and, for each pair of
systems, the paired test of every headline figure. ``to_dict()`` gives JSON-ready data
with stable keys; :meth:`Report.from_dict` / :func:`read_report` read it back.

Example:
    >>> r = Report(gold="gold.jsonl", n_docs=0, resamples=10, seed=0, confidence=0.95,
    ...            value_tolerance=0.0, systems=(), comparisons=())
    >>> Report.from_dict(r.to_dict()) == r
    True
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from goldsmith.errors import InputError
from goldsmith.eval.claims import ClaimScores
from goldsmith.eval.entity_scores import EntityScores
from goldsmith.eval.metrics import Interval
from goldsmith.eval.quotes import QuoteScores
from goldsmith.labels.schema import LAYERS

#: Written as ``format`` in every report; bumped when a key changes meaning or goes away
#: (a new key that readers may miss, like ``warnings``, keeps it: ``from_dict`` defaults it).
REPORT_FORMAT = "goldsmith-eval-report/1"


@dataclass(frozen=True)
class Figure:
    """A headline figure: its value (``None`` when absent) and confidence interval."""

    value: float | None
    ci: Interval | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "ci": self.ci.to_list() if self.ci else None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Figure:
        ci = data.get("ci")
        return cls(data.get("value"), Interval(*ci) if ci else None)


@dataclass(frozen=True)
class SystemScores:
    """One system's scores against the gold set.

    ``docs_missing`` are gold documents the system gave no prediction for (scored as
    empty predictions); ``docs_ignored`` counts prediction documents not in the gold set.
    """

    name: str
    source: str
    docs_scored: int
    entities: EntityScores
    quotes: QuoteScores
    claims: ClaimScores
    headline: dict[str, Figure] = field(default_factory=dict)
    docs_missing: tuple[str, ...] = ()
    docs_ignored: int = 0
    warnings: tuple[str, ...] = ()
    #: The layers the system predicts; the others were not scored.
    layers: tuple[str, ...] = LAYERS

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "source": self.source,
            "layers": list(self.layers),
            "docs_scored": self.docs_scored,
            "docs_missing": list(self.docs_missing),
            "docs_ignored": self.docs_ignored,
            "warnings": list(self.warnings),
            "headline": {k: v.to_dict() for k, v in self.headline.items()},
            "entities": self.entities.to_dict(),
            "quotes": self.quotes.to_dict(),
            "claims": self.claims.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SystemScores:
        return cls(
            name=data["name"],
            source=data["source"],
            docs_scored=int(data["docs_scored"]),
            entities=EntityScores.from_dict(data["entities"]),
            quotes=QuoteScores.from_dict(data["quotes"]),
            claims=ClaimScores.from_dict(data["claims"]),
            headline={k: Figure.from_dict(v) for k, v in data.get("headline", {}).items()},
            docs_missing=tuple(data.get("docs_missing", ())),
            docs_ignored=int(data.get("docs_ignored", 0)),
            warnings=tuple(data.get("warnings", ())),
            layers=tuple(data.get("layers", LAYERS)),
        )


@dataclass(frozen=True)
class PairedResult:
    """The paired test of one headline figure between two systems (``a - b``)."""

    figure: str
    a: float | None
    b: float | None
    difference: float | None
    p_value: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "figure": self.figure,
            "a": self.a,
            "b": self.b,
            "difference": self.difference,
            "p_value": self.p_value,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PairedResult:
        return cls(data["figure"], data["a"], data["b"], data["difference"], data["p_value"])


@dataclass(frozen=True)
class Comparison:
    """Paired bootstrap tests of system ``a`` against system ``b`` on the same gold."""

    a: str
    b: str
    results: tuple[PairedResult, ...]

    def result(self, figure: str) -> PairedResult | None:
        return next((r for r in self.results if r.figure == figure), None)

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "results": [r.to_dict() for r in self.results]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Comparison:
        return cls(data["a"], data["b"], tuple(PairedResult.from_dict(r) for r in data["results"]))


@dataclass(frozen=True)
class Report:
    """Everything ``goldsmith eval score`` computed, for every system."""

    gold: str
    n_docs: int
    resamples: int
    seed: int
    confidence: float
    value_tolerance: float
    systems: tuple[SystemScores, ...]
    comparisons: tuple[Comparison, ...] = ()
    #: Warnings about the whole report (e.g. too few documents for the bootstrap).
    warnings: tuple[str, ...] = ()

    def system(self, name: str) -> SystemScores:
        """The scores of the system called ``name``."""
        for scores in self.systems:
            if scores.name == name:
                return scores
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": REPORT_FORMAT,
            "gold": self.gold,
            "n_docs": self.n_docs,
            "resamples": self.resamples,
            "seed": self.seed,
            "confidence": self.confidence,
            "value_tolerance": self.value_tolerance,
            "systems": [s.to_dict() for s in self.systems],
            "comparisons": [c.to_dict() for c in self.comparisons],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        if data.get("format") != REPORT_FORMAT:
            raise InputError(
                f"not a goldsmith eval report (format {data.get('format')!r}, "
                f"expected {REPORT_FORMAT!r})"
            )
        return cls(
            gold=data["gold"],
            n_docs=int(data["n_docs"]),
            resamples=int(data["resamples"]),
            seed=int(data["seed"]),
            confidence=float(data["confidence"]),
            value_tolerance=float(data["value_tolerance"]),
            systems=tuple(SystemScores.from_dict(s) for s in data["systems"]),
            comparisons=tuple(Comparison.from_dict(c) for c in data.get("comparisons", ())),
            warnings=tuple(data.get("warnings", ())),
        )

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)


def write_report(report: Report, path: str | Path) -> None:
    """Write ``report.to_dict()`` as JSON (UTF-8, indented); :class:`InputError` if it cannot."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(report.to_json() + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None


def read_report(path: str | Path) -> Report:
    """Read a report written by :func:`write_report`."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: cannot read the report ({exc})") from exc
    try:
        return Report.from_dict(data)
    except (KeyError, TypeError) as exc:
        raise InputError(f"{path}: malformed report ({exc!r})") from exc
