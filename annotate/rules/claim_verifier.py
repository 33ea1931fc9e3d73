"""The learned claim verifier: keep or drop each claim candidate the rules read.

The rules:

- the claim rules list every candidate, kept or dropped, with the filter that dropped
  it (:func:`~goldsmith.annotate.rules.claims.find_candidates`);
- each candidate's features (:mod:`~goldsmith.annotate.rules.claim_features`) give a
  probability that it is a claim: the logistic function of the sum of their weights (a
  logistic regression with an L2 penalty trained on claims gold by
  ``corpus/realnews/train_claims.py``; weights in ``claim_weights.json``, feature names
  and numbers only);
- a candidate the rules keep is dropped when its probability is below ``drop_below``;
  a candidate they dropped is kept when its probability is above ``keep_above`` (1.0
  turns rescuing off); everything else follows the rules.

Example:
    >>> verifier = ClaimVerifier.load()                   # doctest: +SKIP
    >>> [c.text for c in verified_claims(doc, verifier)]  # doctest: +SKIP
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.claim_features import candidate_features
from goldsmith.errors import InputError

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from goldsmith.annotate.rules.claim_candidates import ClaimCandidate
    from goldsmith.labels.records import Claim

WEIGHTS = Path(__file__).with_name("claim_weights.json")


@dataclass(frozen=True)
class ClaimVerifier:
    """Feature weights and the two probability thresholds of the module rules."""

    weights: Mapping[str, float]
    drop_below: float = 0.0
    keep_above: float = 1.0

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> ClaimVerifier:
        """The verifier stored at ``path`` (the packaged weights by default)."""
        if path == WEIGHTS:
            return _packaged()
        return _read(path)

    def probability(self, names: Sequence[str]) -> float:
        """The logistic function of the sum of the weights of ``names`` (unknown names
        weigh nothing)."""
        get = self.weights.get
        z = sum(get(n, 0.0) for n in names)
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))

    def keeps(self, candidate: ClaimCandidate, names: Sequence[str]) -> bool:
        """Whether ``candidate`` is a claim (module rules)."""
        p = self.probability(names)
        if candidate.kept:
            return p >= self.drop_below
        return p > self.keep_above

    def to_json(self) -> dict[str, object]:
        """The data file's content: thresholds and weights sorted by name."""
        return {
            "drop_below": self.drop_below,
            "keep_above": self.keep_above,
            "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if round(v, 4)},
        }


def verify(doc: Doc, candidates: Sequence[ClaimCandidate], verifier: ClaimVerifier) -> list[Claim]:
    """The claims of ``candidates`` (read from ``doc``) that ``verifier`` keeps, in order."""
    names = candidate_features(doc, candidates)
    return [c.claim for c, n in zip(candidates, names, strict=True) if verifier.keeps(c, n)]


def _read(path: Path) -> ClaimVerifier:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ClaimVerifier(
            {str(k): float(v) for k, v in data["weights"].items()},
            float(data["drop_below"]),
            float(data["keep_above"]),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(
            f"{path}: not a claim verifier weights file ({exc}); rebuild it with "
            "python corpus/realnews/train_claims.py --polnear PATH"
        ) from exc


@lru_cache(maxsize=1)
def _packaged() -> ClaimVerifier:
    return _read(WEIGHTS)
