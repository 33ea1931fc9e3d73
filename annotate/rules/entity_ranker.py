"""The learned entity label corrector: a second look at the label of every entity.

The rules (ANNOTATION_SPEC.md section 1, the labels; how it was trained and measured:
``corpus/realnews/train_entities.py``):

- it runs after every entity rule (:func:`~goldsmith.annotate.rules.entities.find_entities`)
  and never moves a boundary;
- each entity gets a score for every label of the spec and for ``NONE`` (no entity): the
  sum of that label's weights of the entity's features
  (:mod:`~goldsmith.annotate.rules.entity_features`: shape, context, syntax and how the
  rest of the document labels the same name, never the name itself); the scores are a
  multinomial logistic regression, so their softmax is a probability per label;
- the best label replaces the rules' label when its probability is higher than the
  rules' label's by more than ``margin``; ``NONE`` removes the entity only when
  ``drop`` is set (the shipped weights say whether cross-validation supported it);
- weights are a JSON file of labels, feature names and numbers only, written by the
  training script (``--out``).

No weights ship with the package and :func:`~goldsmith.annotate.rules.entities.find_entities`
runs no corrector unless given one: grouped cross-validation by article on the 60 open
real-news articles showed no gain over the rules (BENCHMARKS.md, "Round 7: learned entity
labels"), so the rules keep the last word.

Example:
    >>> corrector = EntityCorrector.load(Path("/tmp/entity_weights.json"))  # doctest: +SKIP
    >>> find_entities(doc, corrector=corrector)                            # doctest: +SKIP
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.entity_features import entity_features
from goldsmith.errors import InputError
from goldsmith.labels.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

NONE = "NONE"


@dataclass(frozen=True)
class EntityCorrector:
    """Weights by label and feature name, the margin a change needs, and whether
    ``NONE`` may remove an entity."""

    weights: Mapping[str, Mapping[str, float]]
    margin: float = 0.0
    drop: bool = False

    @classmethod
    def load(cls, path: Path) -> EntityCorrector:
        """The corrector stored at ``path`` (written by ``to_json``)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            weights = {
                str(label): {str(k): float(v) for k, v in table.items()}
                for label, table in data["weights"].items()
            }
            return cls(weights, float(data["margin"]), bool(data["drop"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise InputError(
                f"{path}: not an entity corrector weights file ({exc}); write one with "
                "python corpus/realnews/train_entities.py --gold GOLD.jsonl --out FILE"
            ) from exc

    def probabilities(self, names: Sequence[str]) -> dict[str, float]:
        """The softmax over the labels of the summed weights of ``names``."""
        scores = {}
        for label, table in self.weights.items():
            get = table.get
            scores[label] = sum(get(n, 0.0) for n in names)
        top = max(scores.values())
        exp = {k: math.exp(v - top) for k, v in scores.items()}
        total = sum(exp.values())
        return {k: v / total for k, v in exp.items()}

    def decide(self, rule: str, names: Sequence[str]) -> str:
        """The label to use for an entity the rules labelled ``rule`` (module rules);
        ``NONE`` means remove it."""
        probs = self.probabilities(names)
        if not self.drop:
            probs.pop(NONE, None)
        best = max(probs, key=probs.__getitem__)
        if best != rule and probs[best] - probs.get(rule, 0.0) > self.margin:
            return best
        return rule

    def correct(self, doc: Doc, entities: Sequence[Entity]) -> list[Entity]:
        """``entities`` with the labels this corrector decides (module rules)."""
        rows = entity_features(doc, entities)
        out = []
        for entity, names in zip(entities, rows, strict=True):
            label = self.decide(entity.label, names)
            if label == NONE:
                continue
            out.append(entity if label == entity.label else replace(entity, label=label))
        return out

    def to_json(self) -> dict[str, object]:
        """The data file's content: margin, drop and weights sorted by label and name."""
        return {
            "margin": self.margin,
            "drop": self.drop,
            "weights": {
                label: {k: round(v, 4) for k, v in sorted(table.items()) if round(v, 4)}
                for label, table in sorted(self.weights.items())
            },
        }
