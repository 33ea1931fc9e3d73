"""Krippendorff's alpha (nominal) on token labels, one layer at a time.

Units are the tokens of tasks with at least two annotators
(:mod:`goldsmith.eval.tokens`); an annotator who did not annotate a task is a missing
value. Alpha is ``None`` when it is undefined (no units, or one label everywhere).
Part of the report of ``goldsmith eval agree`` (:mod:`goldsmith.eval.agreement`).

Example:
    >>> from goldsmith.labels import AnnotatedDoc
    >>> doc = AnnotatedDoc("d", "Ann Roe spoke.")
    >>> token_alpha({"1": {"x": doc, "y": doc}}, "entities").alpha is None  # all "O"
    True
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import krippendorff
import numpy as np

from goldsmith.eval.tokens import OUTSIDE, token_labels
from goldsmith.labels.records import AnnotatedDoc


@dataclass(frozen=True)
class AlphaScore:
    """Krippendorff's alpha (nominal) on the token labels of one layer."""

    layer: str
    alpha: float | None
    units: int
    tasks: int
    annotators: int
    labels: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "layer": self.layer,
            "alpha": self.alpha,
            "units": self.units,
            "tasks": self.tasks,
            "annotators": self.annotators,
            "labels": list(self.labels),
        }


def token_alpha(shared: Mapping[str, Mapping[str, AnnotatedDoc]], layer: str) -> AlphaScore:
    """Krippendorff's alpha (nominal) on the token labels of ``layer`` over ``shared`` tasks."""
    annotators = sorted({name for docs in shared.values() for name in docs})
    columns: list[list[str | None]] = []
    for _, docs in sorted(shared.items()):
        labels = {name: token_labels(doc, layer) for name, doc in docs.items()}
        n_tokens = len(next(iter(labels.values())))
        for t in range(n_tokens):
            columns.append([labels[name][t] if name in labels else None for name in annotators])
    values = sorted({v for col in columns for v in col if v is not None})
    alpha: float | None = None
    if columns and len(values) >= 2:
        code = {v: float(i) for i, v in enumerate(values)}
        matrix = np.array(
            [[math.nan if v is None else code[v] for v in col] for col in columns],
            dtype=float,
        ).T
        value = float(krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal"))
        alpha = None if math.isnan(value) else value
    elif columns:
        # one label everywhere (usually all "O"): perfect but undefined agreement
        alpha = None
    return AlphaScore(
        layer=layer,
        alpha=alpha,
        units=len(columns),
        tasks=len(shared),
        annotators=len(annotators),
        labels=tuple(v for v in values if v != OUTSIDE),
    )
