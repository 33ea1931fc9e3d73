"""A fake spaCy NER pipeline (an entity ruler on a blank English pipeline) standing in for a model.

:func:`use_fake_pipeline` makes ``goldsmith.annotate.model.load_model`` return it and
gives the list of the model names asked for.
"""

from __future__ import annotations

import pytest
import spacy

import goldsmith.annotate.model as model_module

TEXT = "Officials in Valparaiso paid 40 dollars to Ana Ruiz on Monday."


def fake_pipeline():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "GPE", "pattern": "Valparaiso"},
            {"label": "MONEY", "pattern": "40 dollars"},
            {"label": "PERSON", "pattern": "Ana Ruiz"},
            {"label": "DATE", "pattern": "Monday"},
        ]
    )
    return nlp


def use_fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    names: list[str | None] = []

    def load(name=None):
        names.append(name)
        return fake_pipeline()

    monkeypatch.setattr(model_module, "load_model", load)
    return names
