"""Scoring extraction systems against the gold set: matching, metrics, intervals, reports.

``goldsmith.eval`` depends only on ``goldsmith.labels``. The scorer's modules, one
concept each:

- ``matching``: which prediction answers which gold span (SemEval entity schemes,
  overlap matching for quotes and claims, the same-speaker rule);
- ``metrics``: summable counts and the P/R/F1 and accuracies derived from them;
- ``entities`` / ``quotes`` / ``claims``: each layer's per-document counts and scores;
- ``bootstrap``: confidence intervals and paired tests by resampling documents;
- ``score``: aligning predictions to the gold by ``doc_id`` and scoring systems;
- ``report``: the typed result with ``to_dict()`` and JSON reading/writing.

Example:
    >>> from goldsmith.eval.score import SystemInput, score   # doctest: +SKIP
    >>> report = score(gold_docs, [SystemInput("mine", "pred.jsonl", pred_docs)])  # doctest: +SKIP
"""
