"""The claim verifier's trainer (corpus/realnews/train_claims.py)."""

from __future__ import annotations

import numpy as np
import pytest

from goldsmith.annotate.rules.claim_verifier import ClaimVerifier
from goldsmith.corpus.realnews.claims_cv import leave_set_out, paired_interval, subset
from goldsmith.corpus.realnews.train_claims import (
    FOLDS,
    Article,
    decisions,
    f1,
    fit,
    load_articles,
    positives,
    spread_features,
    train,
)
from goldsmith.errors import InputError
from goldsmith.labels import AnnotatedDoc
from goldsmith.labels.jsonl import write_jsonl
from goldsmith.labels.records import Claim


def _claim(start: int, end: int) -> Claim:
    return Claim(start, end, "x" * (end - start), 1, "thing", "exact")


def test_a_candidate_is_positive_at_half_the_longer_span() -> None:
    gold = [_claim(10, 20)]
    cands = [_claim(10, 20), _claim(15, 20), _claim(16, 20), _claim(0, 9), _claim(10, 30)]
    cands += [_claim(10, 31)]
    assert positives(cands, gold) == [True, True, False, False, True, False]


def test_fit_learns_the_sign_of_a_separating_feature_and_is_deterministic() -> None:
    feats = [("bias", "good")] * 20 + [("bias", "bad")] * 20 + [("bias",)] * 4
    labels = [True] * 20 + [False] * 20 + [True, False, True, False]
    w = fit(feats, labels)
    assert w["good"] > 1.0 > -1.0 > w["bad"]
    assert abs(w["bias"]) < 0.5
    assert fit(feats, labels) == w


def _article(key: str, kept: tuple[bool, ...]) -> Article:
    claims = (_claim(0, 5), _claim(10, 15))
    return Article(key, "tune", (("a",), ("b",)), (True, False), kept, claims, (claims[0],))


def test_folds_are_fixed_by_the_key() -> None:
    folds = {_article(f"art-{n}", (True, True)).fold() for n in range(40)}
    assert folds == set(range(FOLDS))
    assert _article("art-1", (True, True)).fold() == _article("art-1", (False, True)).fold()


def test_decisions_of_rules_and_verifier() -> None:
    art = _article("k", (True, True))
    assert decisions(art, None) == [True, True]
    v = ClaimVerifier({"b": -5.0}, drop_below=0.3)
    assert decisions(art, v) == [True, False]


def test_f1_and_a_paired_interval_of_no_difference() -> None:
    per = np.array([[3, 1, 0, 3, 3], [2, 0, 1, 2, 2]], dtype=float)
    assert f1(per.sum(0)) == pytest.approx(100 * 10 / 12)
    assert paired_interval(per, per, resamples=50) == (0.0, 0.0)


def test_a_document_outside_the_open_manifest_rows_is_refused(tmp_path) -> None:
    path = tmp_path / "gold.jsonl"
    write_jsonl([AnnotatedDoc(doc_id="d1", text="An invented text of 3 lines.")], path)
    with pytest.raises(InputError, match="not one of the open manifest"):
        load_articles(tmp_path / "no-polnear", path, nlp=None)


def _voting(key: str, group: str, word: str) -> Article:
    """An article of two candidates: one with ``word`` (a gold claim), one without (not)."""
    claims = (_claim(0, 5), _claim(10, 15))
    feats = (("bias", word, "shape=digits"), ("bias", "shape=word"))
    return Article(key, group, feats, (True, False), (True, True), claims, (claims[0],))


def test_a_feature_of_a_single_article_is_left_out_of_training() -> None:
    arts = [_voting(f"k{n}", "tune", "noun=delegate") for n in range(3)]
    claims = (_claim(0, 5), _claim(10, 15))
    feats = (("bias", "prev2=fight"), ("bias", "prev2=fight", "shape=word"))
    arts.append(Article("k9", "tune", feats, (True, False), (True, True), claims, claims[:1]))
    assert spread_features(arts, 2) >= {"noun=delegate", "shape=word", "bias"}
    assert "prev2=fight" not in spread_features(arts, 2)
    assert "prev2=fight" in train(arts, least=1)
    assert "prev2=fight" not in train(arts, least=2)
    assert train(arts, least=2)["noun=delegate"] > 0


def test_leave_set_out_judges_each_set_by_a_verifier_trained_on_the_others() -> None:
    arts = [_voting(f"t{n}", "tune", "shape=digits") for n in range(6)]
    arts += [_voting(f"r{n}", "heldout-r6", "shape=digits") for n in range(3)]
    grid = [(0.5, 1.0)]
    out = leave_set_out(arts, grid)
    assert set(out) == {"rules", "0.50/1.00"}
    held = subset(out, [a.group == "heldout-r6" for a in arts])
    # the rules keep both candidates (one spurious); the verifier drops the "word" one
    assert held["rules"].sum(0)[:3].tolist() == [3, 3, 0]
    assert held["0.50/1.00"].sum(0)[:3].tolist() == [3, 0, 0]
