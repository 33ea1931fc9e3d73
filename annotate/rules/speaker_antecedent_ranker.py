"""The learned antecedent ranker: which earlier person "he", "she" or "the senator" is.

The rules (ANNOTATION_SPEC.md section 2, "Speaker"):

- it is asked only where the rules resolve a person pronoun or a person description
  (:meth:`~goldsmith.annotate.rules.speaker_antecedents.Antecedents.resolve` with
  ``want="person"``) and found an answer;
- every option (:mod:`~goldsmith.annotate.rules.speaker_antecedent_features`) gets a
  score, the sum of the weights of its features (a linear model trained with a softmax
  over each pronoun's options on the open real-news gold:
  ``corpus/realnews/train_antecedents.py``; weights in ``speaker_antecedent_weights.json``,
  feature names and numbers only);
- the best option replaces the rules' answer only when its score is higher than the
  rules' answer's by more than ``margin``;
- :data:`ACTIVE` chooses the ranker in use (the shipped weights by default, ``None``
  for the rules alone, as the training script needs), :data:`TRACE` collects every
  decision for training when set to a list.

Example:
    >>> AntecedentRanker({"rule": 2.0}).choose([("rule",), ("srank=1",)], 0)
    0
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from goldsmith.errors import InputError

WEIGHTS = Path(__file__).with_name("speaker_antecedent_weights.json")
#: The shipped ranker is used when this holds the string "shipped".
SHIPPED = "shipped"


@dataclass(frozen=True)
class AntecedentRanker:
    """Feature weights, and by how much the best option must beat the rules' answer."""

    weights: Mapping[str, float]
    margin: float = 0.0

    def score(self, names: Sequence[str]) -> float:
        """The sum of the weights of ``names`` (an unknown name weighs 0)."""
        return sum(self.weights.get(n, 0.0) for n in names)

    def choose(self, options: Sequence[Sequence[str]], rule: int | None) -> int | None:
        """Index of the chosen option: the best one when it beats the rules' answer
        (index ``rule``) by more than ``margin``, else ``rule``."""
        if not options:
            return rule
        scores = [self.score(o) for o in options]
        best = max(range(len(options)), key=lambda i: (scores[i], -i))
        if rule is None or scores[best] > scores[rule] + self.margin:
            return best
        return rule

    def to_json(self) -> dict:
        return {"margin": self.margin, "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_json(cls, data: Mapping, source: str = "weights") -> AntecedentRanker:
        try:
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            return cls(weights, float(data.get("margin", 0.0)))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InputError(
                f"{source}: not antecedent ranker weights ({exc}); retrain with "
                "python corpus/realnews/train_antecedents.py"
            ) from exc

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> AntecedentRanker:
        """The weights in ``path`` (the shipped file by default)."""
        return _load(str(path))


@lru_cache(maxsize=4)
def _load(path: str) -> AntecedentRanker:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: cannot read antecedent ranker weights ({exc})") from exc
    return AntecedentRanker.from_json(data, path)


#: The ranker in use: the shipped one, another, or ``None`` (the rules alone).
ACTIVE: ContextVar[AntecedentRanker | str | None] = ContextVar(
    "goldsmith_antecedent_ranker", default=SHIPPED
)
#: When a list: every ranked decision is appended as ``(at, options, rule index, chosen)``.
TRACE: ContextVar[list | None] = ContextVar("goldsmith_antecedent_trace", default=None)


def active_ranker() -> AntecedentRanker | None:
    """The ranker :data:`ACTIVE` names (the shipped weights by default)."""
    value = ACTIVE.get()
    if value == SHIPPED:
        return AntecedentRanker.load() if WEIGHTS.is_file() else None
    return value if isinstance(value, AntecedentRanker) else None
