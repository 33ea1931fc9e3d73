"""Confidence intervals and paired significance tests by resampling documents.

Every headline figure is a ratio of two sums over documents: an F1 is
``2 * credit / (actual + possible)`` and an accuracy ``correct / total``
(:mod:`goldsmith.eval.metrics`). So the per-document numerators and denominators are
computed once (:class:`FigureTable`); a bootstrap replicate draws ``n`` documents with
replacement, which is a vector of draw counts ``w`` (multinomial), and its figures are
``(w @ num) / (w @ den)``, all figures of all replicates in a few matrix products. No
matching is repeated.

- :func:`replicates`: the figures of each replicate; the same ``seed`` gives the same
  draws, so two systems scored on the same gold get *paired* replicates.
- :func:`interval`: the percentile interval (95 % by default) of one figure's
  replicates; replicates where the figure has no data (denominator 0) are left out,
  and when none has data the interval is ``None``.
- :class:`Replicated`: a system's figures with their replicates; :meth:`Replicated.with_mean`
  adds a figure that is the mean of others (a macro F1: the mean of the per-label F1s,
  labels without data left out), computed in every replicate too, so it gets an interval
  and paired tests like any figure.
- :func:`paired_p_value`: two-sided paired bootstrap test of "the two systems score the
  same": the share of replicate differences at least as far from the observed
  difference as the observed difference is from 0 (the bootstrap distribution shifted
  to the null), ``(hits + 1) / (replicates + 1)``.

Example:
    >>> from goldsmith.eval.metrics import SpanCounts
    >>> docs = [{"f1": SpanCounts(correct=1)}, {"f1": SpanCounts(missed=1)}] * 20
    >>> table = FigureTable.from_docs(docs)
    >>> reps = replicates(table, resamples=200, seed=0)
    >>> ci = interval(reps[:, 0])
    >>> 0.0 < ci.low < 0.5 < ci.high < 1.0
    True
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from goldsmith.eval.metrics import AccuracyCounts, Interval, SpanCounts

#: Replicates drawn per matrix product (bounds memory to ``_CHUNK * n_docs`` integers).
_CHUNK = 250


@dataclass(frozen=True)
class FigureTable:
    """Per-document numerators and denominators of named ratio figures.

    ``num`` and ``den`` have shape ``(n_docs, n_figures)``; figure ``j`` of a set of
    documents is ``num[docs, j].sum() / den[docs, j].sum()``.
    """

    names: tuple[str, ...]
    num: np.ndarray
    den: np.ndarray

    @classmethod
    def from_docs(
        cls,
        docs: Sequence[Mapping[str, SpanCounts | AccuracyCounts]],
        names: Sequence[str] | None = None,
    ) -> FigureTable:
        """Build from each document's figures (name -> counts); a missing name is 0/0.

        ``names`` defaults to every name seen, in first-seen order.
        """
        if names is None:
            names = list(dict.fromkeys(name for doc in docs for name in doc))
        index = {name: j for j, name in enumerate(names)}
        num = np.zeros((len(docs), len(names)))
        den = np.zeros((len(docs), len(names)))
        for i, doc in enumerate(docs):
            for name, counts in doc.items():
                j = index.get(name)
                if j is None:
                    continue
                num[i, j], den[i, j] = ratio_terms(counts)
        return cls(tuple(names), num, den)

    def values(self) -> np.ndarray:
        """The figures over all documents (NaN where a figure has no data)."""
        return _divide(self.num.sum(axis=0), self.den.sum(axis=0))

    @property
    def n_docs(self) -> int:
        return self.num.shape[0]


def ratio_terms(counts: SpanCounts | AccuracyCounts) -> tuple[float, float]:
    """The (numerator, denominator) of a counts' headline figure: F1 or accuracy."""
    if isinstance(counts, SpanCounts):
        return 2 * counts.credit, counts.actual + counts.possible
    return counts.correct, counts.total


def _divide(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    out = np.full(np.broadcast(num, den).shape, np.nan)
    np.divide(num, den, out=out, where=den != 0)
    return out


def _weights(n_docs: int, resamples: int, seed: int) -> Iterator[np.ndarray]:
    """Draw counts of each document in each replicate, in chunks of rows."""
    rng = np.random.default_rng(seed)
    pvals = np.full(n_docs, 1.0 / n_docs)
    done = 0
    while done < resamples:
        size = min(_CHUNK, resamples - done)
        yield rng.multinomial(n_docs, pvals, size=size).astype(np.float64)
        done += size


def replicates(table: FigureTable, resamples: int = 1000, seed: int = 0) -> np.ndarray:
    """Bootstrap replicates of every figure: shape ``(resamples, n_figures)``, NaN = no data.

    Deterministic for a given ``(n_docs, resamples, seed)``, whatever the figures, so
    tables of two systems over the same gold documents get the same document draws.
    """
    if resamples < 1 or table.n_docs == 0:
        return np.full((0, len(table.names)), np.nan)
    parts = [_divide(w @ table.num, w @ table.den) for w in _weights(table.n_docs, resamples, seed)]
    return np.vstack(parts)


@dataclass(frozen=True)
class Replicated:
    """Named figures of one system: values over all documents and bootstrap replicates.

    ``values`` has shape ``(n_figures,)`` and ``samples`` ``(resamples, n_figures)``;
    NaN means no data.
    """

    names: tuple[str, ...]
    values: np.ndarray
    samples: np.ndarray

    @classmethod
    def of(cls, table: FigureTable, resamples: int = 1000, seed: int = 0) -> Replicated:
        """The table's figures and their :func:`replicates`."""
        return cls(table.names, table.values(), replicates(table, resamples, seed))

    def with_mean(self, name: str, members: Sequence[str]) -> Replicated:
        """Add figure ``name``: the mean of the ``members`` present (not NaN), per replicate.

        Example: the macro F1 over labels is ``with_mean("macro", label_figures)``.
        """
        index = [self.names.index(m) for m in members]
        value = _mean_present(self.values[index])
        column = _mean_present(self.samples[:, index])
        return Replicated(
            (*self.names, name),
            np.append(self.values, value),
            np.column_stack([self.samples, column]),
        )

    def intervals(self, confidence: float = 0.95) -> dict[str, Interval | None]:
        """Interval of every figure, by name."""
        return {n: interval(self.samples[:, j], confidence) for j, n in enumerate(self.names)}


def _mean_present(x: np.ndarray) -> np.ndarray:
    """Mean over the last axis of the values that are not NaN; NaN where there are none."""
    present = ~np.isnan(x)
    return _divide(np.where(present, x, 0.0).sum(axis=-1), present.sum(axis=-1))


def interval(samples: np.ndarray, confidence: float = 0.95) -> Interval | None:
    """Percentile interval of one figure's replicates, ignoring replicates without data."""
    present = samples[~np.isnan(samples)]
    if present.size == 0:
        return None
    tail = (1.0 - confidence) / 2 * 100
    low, high = np.percentile(present, [tail, 100 - tail])
    return Interval(float(low), float(high))


def intervals(
    table: FigureTable, samples: np.ndarray, confidence: float = 0.95
) -> dict[str, Interval | None]:
    """Interval of every figure of a table, by name (``samples`` from :func:`replicates`)."""
    return {name: interval(samples[:, j], confidence) for j, name in enumerate(table.names)}


def paired_p_value(
    samples_a: np.ndarray, samples_b: np.ndarray, observed_a: float, observed_b: float
) -> float | None:
    """Two-sided paired bootstrap p-value for the difference ``a - b`` of one figure.

    ``samples_a`` and ``samples_b`` must come from :func:`replicates` with the same seed
    over the same documents. ``None`` when the figure has no data for either system.
    """
    if np.isnan(observed_a) or np.isnan(observed_b):
        return None
    diffs = samples_a - samples_b
    diffs = diffs[~np.isnan(diffs)]
    if diffs.size == 0:
        return None
    observed = observed_a - observed_b
    hits = int(np.count_nonzero(np.abs(diffs - observed) >= abs(observed) - 1e-12))
    return (hits + 1) / (diffs.size + 1)
