"""Differential test: goldsmith's entity matching gives nervaluate 1.2.1's counts.

(Skipped without nervaluate, except under ``CI=true``: nervaluate is in the ``dev`` extra,
so there its absence is a packaging regression and fails. The fast counter is compared
with the pairs it mirrors in ``test_eval_entities.py``, which always runs.)
"""

from __future__ import annotations

import os

import pytest
from eval_strategies import LABELS, entity_corpus, fast_entity_counts, paired_entity_counts
from hypothesis import given, settings

from goldsmith.eval.matching import SCHEMES

try:
    import nervaluate
except ImportError:  # pragma: no cover - depends on the installed extras
    if os.environ.get("CI") == "true":
        raise RuntimeError("nervaluate (dev extra) is not installed; CI=true never skips") from None
    pytest.skip("nervaluate is missing (pip install 'goldsmith[dev]')", allow_module_level=True)

#: nervaluate's names of the four schemes.
NERVALUATE_NAME = {"strict": "strict", "exact": "exact", "partial": "partial", "type": "ent_type"}


def _nervaluate_dicts(entities) -> list[dict]:
    # nervaluate's offsets are inclusive at the end; ours are exclusive.
    return [{"label": e.label, "start": e.start, "end": e.end - 1} for e in entities]


def _counts(result) -> tuple[int, int, int, int, int]:
    return (result.correct, result.incorrect, result.partial, result.missed, result.spurious)


@settings(max_examples=300, deadline=None)
@given(entity_corpus())
def test_overall_counts_equal_nervaluate(docs):
    true = [_nervaluate_dicts(g) for g, _ in docs]
    pred = [_nervaluate_dicts(p) for _, p in docs]
    results = nervaluate.Evaluator(true, pred, tags=list(LABELS), loader="dict").evaluate()
    for scheme in SCHEMES:
        theirs = _counts(results["overall"][NERVALUATE_NAME[scheme.value]])
        assert paired_entity_counts(docs, scheme) == theirs, scheme
        assert fast_entity_counts(docs, scheme) == theirs, scheme


@settings(max_examples=200, deadline=None)
@given(entity_corpus())
def test_per_label_counts_equal_nervaluate(docs):
    true = [_nervaluate_dicts(g) for g, _ in docs]
    pred = [_nervaluate_dicts(p) for _, p in docs]
    results = nervaluate.Evaluator(true, pred, tags=list(LABELS), loader="dict").evaluate()
    for label, by_scheme in results["entities"].items():
        for scheme in SCHEMES:
            theirs = _counts(by_scheme[NERVALUATE_NAME[scheme.value]])
            assert paired_entity_counts(docs, scheme, label) == theirs, (label, scheme)
            assert fast_entity_counts(docs, scheme, label) == theirs, (label, scheme)
