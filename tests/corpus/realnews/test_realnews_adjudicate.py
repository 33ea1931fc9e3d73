"""Comparing two annotators: goldsmith's agreement figures and the disagreement list."""

from __future__ import annotations

from goldsmith.corpus.realnews.adjudicate import compare
from goldsmith.corpus.realnews.annotations import convert

TEXT = "Coach Ivo Brandt said on Sunday that 12 players were injured."


def _doc(data):
    result = convert(TEXT, data)
    assert result.problems == ()
    return result.doc


def test_identical_files_agree_fully_and_have_no_disagreement():
    data = {
        "entities": [["Ivo Brandt", None, "PERSON"], ["Sunday", None, "DATE"]],
        "claims": [["12 players", None, 12, "player", "exact"]],
    }
    result = compare("a1", {"x": _doc(data)}, "a2", {"x": _doc(data)})
    assert result.disagreements == ()
    f1 = {(p.layer, p.label, p.criterion): p.f1 for p in result.pairs}
    assert f1[("entities", "ALL", "exact")] == 1.0
    assert result.alpha["entities"].alpha == 1.0


def test_differences_are_listed_per_layer():
    a = {
        "entities": [["Ivo Brandt", None, "PERSON"], ["Sunday", None, "DATE"]],
        "quotes": [["12 players were injured", None, "indirect", "Ivo Brandt", None, "PERSON"]],
    }
    b = {
        "entities": [["Ivo Brandt", None, "PERSON"]],
        "quotes": [["12 players were injured", None, "indirect", None, None, None]],
    }
    result = compare("a1", {"x": _doc(a), "only_a": _doc(a)}, "a2", {"x": _doc(b)})
    assert result.articles == ("x",)
    kinds = sorted((e.layer, e.kind.value) for e in result.disagreements)
    assert kinds == [("entities", "missed"), ("quotes", "speaker")]
    f1 = {(p.layer, p.label, p.criterion): p.f1 for p in result.pairs}
    assert f1[("entities", "ALL", "exact")] == 2 / 3
    speaker = result.attributes["quote speaker"]
    assert (speaker.correct, speaker.total) == (0, 1)
