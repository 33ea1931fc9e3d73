"""Scoring extraction systems against the gold set: matching, metrics, intervals, reports.

``goldsmith.eval`` depends only on ``goldsmith.labels``. The scorer's modules, one
concept each:

- ``matching``: the pairs of a matching with their verdicts (``Pair``), overlap matching
  for quotes and claims, the same-speaker rule;
- ``metrics``: summable counts and the P/R/F1 and accuracies derived from them;
- ``entities`` / ``quotes`` / ``claims``: each layer judges its pairs once (the SemEval
  entity schemes and their fast counter; quote kind and speaker; claim value, unit and
  qualifier) and counts them; ``entity_scores`` holds the entity layer's records;
- ``errors``: the error listing, read off the same pairs as the counts;
- ``bootstrap``: confidence intervals and paired tests by resampling documents;
- ``score``: aligning predictions to the gold by ``doc_id`` and scoring systems;
- ``report``: the typed result with ``to_dict()`` and JSON reading/writing;
- ``evaluation``: one run of ``eval score`` (report and error listings over the same
  predictions) and its output files.

``eval`` never imports ``annotate``: systems that run a model are run by
``goldsmith.annotate.systems`` and reach the scorer as ``AnnotatedDoc`` streams.

Example:
    >>> from goldsmith.eval.score import SystemInput, score   # doctest: +SKIP
    >>> report = score(gold_docs, [SystemInput("mine", "pred.jsonl", pred_docs)])  # doctest: +SKIP
"""
