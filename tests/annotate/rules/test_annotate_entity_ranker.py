"""The learned entity label corrector: its features (entity_features.py) and its inference
(entity_ranker.py), on invented sentences."""

from __future__ import annotations

import json

import pytest

from goldsmith.annotate.rules.entities import find_entities
from goldsmith.annotate.rules.entity_features import base_features, crossed, entity_features
from goldsmith.annotate.rules.entity_ranker import NONE, EntityCorrector
from goldsmith.errors import InputError
from goldsmith.labels.records import Entity


def _entity(text: str, name: str, label: str, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Entity(start, start + len(name), name, label)


def _features(nlp, text: str, entities: list[Entity], **kw) -> list[list[str]]:
    return base_features(nlp(text), entities, **kw)


def test_a_surname_after_an_honorific_in_a_story_naming_the_person(nlp):
    text = "Dana Halvorsen runs the port. Later Mr. Halvorsen left the meeting."
    ents = [_entity(text, "Dana Halvorsen", "PERSON"), _entity(text, "Halvorsen", "ORG", 1)]
    feats = _features(nlp, text, ents)[1]
    assert "prev=honorific" in feats
    assert "in_last=PERSON" in feats  # a longer name of the document ends with it
    assert "ntok=1" in feats


def test_a_title_or_role_word_before_a_name(nlp):
    text = "The panel heard from moderator Kellan Ostrow about the vote."
    feats = _features(nlp, text, [_entity(text, "Kellan Ostrow", "ORG")])[0]
    assert "prev=title" in feats or "prev=role" in feats


def test_a_name_on_a_title_case_line_and_one_in_running_text(nlp):
    text = "Senators Reject The Brandvik Harbor Plan\n\nThe Brandvik council met on Friday."
    ents = [_entity(text, "Brandvik", "GPE"), _entity(text, "Brandvik", "GPE", 1)]
    head, body = _features(nlp, text, ents)
    assert "titleline" in head
    assert "titleline" not in body


def test_a_name_inside_quotation_marks(nlp):
    text = "“We never trusted Orvando with the money,” the treasurer said. Orvando left."
    ents = [_entity(text, "Orvando", "ORG"), _entity(text, "Orvando", "ORG", 1)]
    inside, outside = _features(nlp, text, ents)
    assert "in_quote" in inside
    assert "in_quote" not in outside
    assert "repeated" not in inside  # two mentions only


def test_shape_and_suffix_classes(nlp):
    text = "Officials in Kellington met the FRB and the Marlow Dock Committee."
    ents = [
        _entity(text, "Kellington", "GPE"),
        _entity(text, "FRB", "ORG"),
        _entity(text, "Marlow Dock Committee", "ORG"),
    ]
    town, acronym, body = _features(nlp, text, ents)
    assert "suf=ington" in town and "prev=place_prep" in town
    assert "caps" in acronym
    assert "head=org" in body and "ntok=3" in body


def test_names_are_features_only_when_asked(nlp):
    text = "Orvando said the talks failed."
    ents = [_entity(text, "Orvando", "PERSON")]
    assert not any(f.startswith("w=") for f in _features(nlp, text, ents)[0])
    assert "w=orvando" in _features(nlp, text, ents, names=True)[0]


def test_every_feature_is_crossed_with_the_rules_label(nlp):
    text = "Mr. Halvorsen left."
    rows = entity_features(nlp(text), [_entity(text, "Halvorsen", "ORG")])
    row = rows[0]
    assert row[0] == "rule=ORG"
    assert "rule=ORG|prev=honorific" in row and "prev=honorific" in row
    assert crossed(["a", "b"], "k") == ["k", "a", "b", "k|a", "k|b"]


_WEIGHTS = {
    "PERSON": {"prev=honorific": 2.0},
    "ORG": {"rule=ORG": 1.0},
    "GPE": {},
    NONE: {"caps": 3.0},
}


def test_the_best_label_replaces_the_rules_label_by_more_than_the_margin():
    names = ["rule=ORG", "prev=honorific"]
    assert EntityCorrector(_WEIGHTS).decide("ORG", names) == "PERSON"
    # p(PERSON) - p(ORG) is about 0.42 here: a margin of 0.5 keeps the rules' label
    assert EntityCorrector(_WEIGHTS, margin=0.5).decide("ORG", names) == "ORG"
    assert EntityCorrector(_WEIGHTS).decide("ORG", ["rule=ORG"]) == "ORG"


def test_none_removes_an_entity_only_with_drop():
    names = ["rule=ORG", "caps"]
    assert EntityCorrector(_WEIGHTS).decide("ORG", names) == "ORG"
    assert EntityCorrector(_WEIGHTS, drop=True).decide("ORG", names) == NONE


def test_probabilities_are_a_softmax_over_the_labels():
    probs = EntityCorrector(_WEIGHTS).probabilities(["rule=ORG", "unknown feature"])
    assert set(probs) == {"PERSON", "ORG", "GPE", NONE}
    assert sum(probs.values()) == pytest.approx(1.0)
    assert max(probs, key=probs.get) == "ORG"


def test_correct_relabels_and_drops_without_moving_boundaries(nlp):
    text = "Mr. Halvorsen met the FRB in Kellington."
    doc = nlp(text)
    ents = [
        _entity(text, "Halvorsen", "ORG"),
        _entity(text, "FRB", "ORG"),
        _entity(text, "Kellington", "GPE"),
    ]
    weights = {
        "PERSON": {"rule=ORG|prev=honorific": 4.0},
        "ORG": {"rule=ORG": 1.0},
        "GPE": {"rule=GPE": 1.0},
        NONE: {"rule=ORG|caps": 5.0},
    }
    out = EntityCorrector(weights, drop=True).correct(doc, ents)
    assert [(e.start, e.end, e.text, e.label) for e in out] == [
        (ents[0].start, ents[0].end, "Halvorsen", "PERSON"),
        (ents[2].start, ents[2].end, "Kellington", "GPE"),
    ]


def test_find_entities_applies_a_corrector_it_is_given_and_none_by_default(nlp):
    doc = nlp("Dana Halvorsen said on Monday that Kellington would vote in May.")
    plain = find_entities(doc)
    assert plain == find_entities(doc, None)
    everything_gpe = EntityCorrector({"GPE": {"bias": 5.0}, "PERSON": {}, "DATE": {}})
    relabelled = find_entities(doc, everything_gpe)
    assert [(e.start, e.end) for e in relabelled] == [(e.start, e.end) for e in plain]
    assert {e.label for e in relabelled} == {"GPE"}


def test_weights_survive_the_file_and_a_bad_file_names_the_command(tmp_path):
    corrector = EntityCorrector(_WEIGHTS, margin=0.25, drop=True)
    path = tmp_path / "w.json"
    path.write_text(json.dumps(corrector.to_json()), encoding="utf-8")
    loaded = EntityCorrector.load(path)
    assert loaded.margin == 0.25 and loaded.drop
    assert loaded.decide("ORG", ["rule=ORG", "caps"]) == NONE
    bad = tmp_path / "bad.json"
    bad.write_text('{"margin": 0}', encoding="utf-8")
    with pytest.raises(InputError, match="bad.json.*train_entities.py"):
        EntityCorrector.load(bad)
