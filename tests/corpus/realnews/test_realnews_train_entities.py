"""The trainer and the cross-validation of the entity label corrector
(corpus/realnews/train_entities.py), on invented examples."""

from __future__ import annotations

import json

import pytest

from goldsmith.annotate.rules.entity_ranker import NONE, EntityCorrector
from goldsmith.corpus.realnews.entity_cv import score
from goldsmith.corpus.realnews.manifest import read_manifest
from goldsmith.corpus.realnews.train_entities import (
    Article,
    ceilings,
    corrected,
    fit,
    load_articles,
)
from goldsmith.errors import InputError
from goldsmith.labels.records import Entity


def _article(aid: str, role: str = "tune") -> Article:
    # "Mr. Vance" is a PERSON the rules called ORG; "Tuesday" has no gold entity there
    ents = (Entity(0, 9, "Mr. Vance", "ORG"), Entity(20, 27, "Tuesday", "DATE"))
    base = (("bias", "prev=honorific", "w=vance"), ("bias", "spacy=DATE"))
    gold = (Entity(0, 9, "Mr. Vance", "PERSON"), Entity(20, 28, "Tuesday.", "DATE"))
    return Article(aid, role, ents, base, gold)


def test_the_target_is_the_gold_label_at_the_same_offsets_else_none():
    assert _article("a").targets() == ["PERSON", NONE]


def test_feature_variants():
    a = _article("a")
    rule, no_rule, names = (a.features(v) for v in ("rule", "no-rule", "names"))
    assert rule[0][0] == "rule=ORG" and "rule=ORG|prev=honorific" in rule[0]
    assert not any("w=" in f for f in rule[0])
    assert "w=vance" in names[0]
    assert not any("rule=" in f for row in no_rule for f in row)
    assert "spacy=DATE|bias" in no_rule[1]


def test_fit_learns_a_separable_problem_the_same_way_twice():
    feats = [["bias", "a"]] * 20 + [["bias", "b"]] * 20
    targets = ["PERSON"] * 20 + ["ORG"] * 20
    w1, w2 = fit(feats, targets), fit(feats, targets)
    assert w1 == w2
    c = EntityCorrector(w1)
    assert c.decide("ORG", ["bias", "a"]) == "PERSON"
    assert c.decide("PERSON", ["bias", "b"]) == "ORG"


def test_features_seen_once_are_left_out():
    feats = [["bias", "a"]] * 5 + [["bias", "rare"]]
    weights = fit(feats, ["ORG"] * 6)
    assert "rare" not in weights["ORG"] and "a" in weights["ORG"]


def test_trained_weights_reproduce_a_decision_on_an_invented_sentence(nlp):
    from goldsmith.annotate.rules.entity_features import entity_features

    # invented documents where a one-word name after "Mr." is always a person
    texts = [f"Mr. {n} spoke. The {n} Group grew." for n in ("Vance", "Orlo", "Brisk", "Tamm")]
    feats, targets = [], []
    for t in texts:
        name = t.split()[1]
        ents = [Entity(4, 4 + len(name), name, "ORG"), Entity(17, 17 + len(name) + 6, "", "ORG")]
        ents[1] = Entity(ents[1].start, ents[1].end, t[ents[1].start : ents[1].end], "ORG")
        feats += entity_features(nlp(t), ents)
        targets += ["PERSON", "ORG"]
    corrector = EntityCorrector(fit(feats, targets))
    text = "Mr. Quell spoke. The Quell Group grew."
    ents = [Entity(4, 9, "Quell", "ORG"), Entity(21, 32, "Quell Group", "ORG")]
    out = corrector.correct(nlp(text), ents)
    assert [e.label for e in out] == ["PERSON", "ORG"]


def test_scores_are_strict_and_corrected_applies_the_corrector():
    a = _article("a")
    rows = a.features("rule")
    weights = {"PERSON": {"rule=ORG|prev=honorific": 5.0}, "ORG": {}, "DATE": {}, NONE: {}}

    rules = score(a.gold, corrected(a, rows, None))
    fixed = score(a.gold, corrected(a, rows, EntityCorrector(weights)))
    assert (rules.correct, rules.gold, rules.pred) == (0, 2, 2)
    assert (fixed.correct, fixed.gold, fixed.pred) == (1, 2, 2)
    assert fixed.f1 == pytest.approx(50.0)
    assert (rules.org_gold, rules.org_pred, fixed.org_pred) == (0, 1, 0)


def test_ceilings_fix_every_label_then_remove_wrong_offsets():
    labels, drops = ceilings([_article("a")])
    assert (labels.correct, labels.pred) == (1, 2)
    assert (drops.correct, drops.pred) == (1, 1)


def test_a_gold_file_with_an_article_outside_the_open_roles_is_refused(tmp_path):
    closed = next(e.article_id for e in read_manifest() if e.role == "heldout-2")
    path = tmp_path / "gold.jsonl"
    row = {"article_id": closed, "text": "Invented text.", "entities": []}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.jsonl:1: .*only the open roles"):
        load_articles(path)


def test_a_set_fold_holds_out_that_set_and_trains_on_every_other():
    from goldsmith.corpus.realnews.train_entities import set_fold

    roles = ["heldout-r6", "tune", "train", "heldout-r6", "heldout-r4", "train", "heldout-r6"]
    arts = [_article(f"id{n:02d}", role) for n, role in enumerate(roles)]
    assert set_fold(arts, "heldout-r6") == [[0, 3, 6]]
    assert set_fold(arts, "train") == [[2, 5]]


def test_the_script_trains_on_every_open_role_of_the_manifest():
    from goldsmith.corpus.realnews import manifest, train_entities

    assert train_entities.OPEN_ROLES == manifest.OPEN_ROLES
    assert {"heldout-r6", "train"} <= set(train_entities.OPEN_ROLES)
