"""The claim verifier's inference (annotate/rules/claim_verifier.py)."""

from __future__ import annotations

import json
import math

import pytest

from goldsmith.annotate.rules.claim_candidates import ClaimCandidate
from goldsmith.annotate.rules.claim_features import candidate_features
from goldsmith.annotate.rules.claim_verifier import ClaimVerifier, verify
from goldsmith.annotate.rules.claims import find_candidates, find_claims
from goldsmith.errors import InputError
from goldsmith.labels.records import Claim

_CLAIM = Claim(0, 8, "40 tents", 40, "tent", "exact")


def _cand(drop: str | None) -> ClaimCandidate:
    return ClaimCandidate(_CLAIM, drop, 0, 0, 0, 1, False)


def test_probability_is_the_logistic_of_the_summed_weights() -> None:
    v = ClaimVerifier({"a": 1.0, "b": -0.5})
    assert v.probability(["a", "b", "unknown"]) == pytest.approx(1 / (1 + math.exp(-0.5)))
    assert v.probability([]) == 0.5


@pytest.mark.parametrize(
    ("drop", "names", "kept"),
    [
        (None, ["good"], True),  # kept by the rules, likely: kept
        (None, ["bad"], False),  # kept by the rules, unlikely: dropped
        ("name", ["good"], True),  # dropped by the rules, very likely: rescued
        ("name", ["fair"], False),  # dropped, not likely enough to rescue
    ],
)
def test_thresholds_drop_and_rescue(drop, names, kept) -> None:
    v = ClaimVerifier({"good": 4.0, "fair": 1.0, "bad": -4.0}, drop_below=0.2, keep_above=0.9)
    assert v.keeps(_cand(drop), names) is kept


def test_default_thresholds_follow_the_rules() -> None:
    v = ClaimVerifier({"x": -40.0, "y": 40.0})
    assert v.keeps(_cand(None), ["x"]) and not v.keeps(_cand("year"), ["y"])


def test_weights_file_round_trip(tmp_path) -> None:
    v = ClaimVerifier({"b": -0.25, "a": 1.5, "zero": 0.0}, 0.1, 0.95)
    path = tmp_path / "w.json"
    path.write_text(json.dumps(v.to_json()), encoding="utf-8")
    back = ClaimVerifier.load(path)
    assert back == ClaimVerifier({"a": 1.5, "b": -0.25}, 0.1, 0.95)


def test_a_bad_weights_file_names_the_file_and_the_command(tmp_path) -> None:
    path = tmp_path / "w.json"
    path.write_text('{"weights": {}}', encoding="utf-8")
    with pytest.raises(InputError, match=r"w\.json.*train_claims\.py"):
        ClaimVerifier.load(path)


def test_verify_drops_what_the_weights_reject(nlp) -> None:
    doc = nlp("The crew of 12 sailors sailed 300 miles to the island.")
    cands = find_candidates(doc)
    assert [c.claim.text for c in cands if c.kept] == ["12 sailors", "300 miles"]
    v = ClaimVerifier({"unit=measure": -10.0, "bias": 2.0}, drop_below=0.5)
    assert [c.text for c in verify(doc, cands, v)] == ["12 sailors"]


def test_shipped_weights_load_and_keep_a_plain_count(nlp) -> None:
    verifier = ClaimVerifier.load()
    assert (verifier.drop_below, verifier.keep_above) == (0.05, 1.0)
    assert "bias" in verifier.weights and not any(n.startswith("drop=") for n in verifier.weights)
    assert "prev2=fight" not in verifier.weights  # round 7's word of one article, pruned
    doc = nlp("The city hired 40 new teachers last fall.")
    cand = find_candidates(doc)[0]
    assert verifier.probability(candidate_features(doc, [cand])[0]) > 0.9
    assert [c.text for c in find_claims(doc, verifier)] == ["40 new teachers"]


def test_shipped_weights_doubt_a_year_the_rules_dropped(nlp) -> None:
    verifier = ClaimVerifier.load()
    doc = nlp("The bridge opened in 2019 after a long wait.")
    cand = find_candidates(doc)[0]
    assert cand.drop == "year"
    assert verifier.probability(candidate_features(doc, [cand])[0]) < 0.1
    assert find_claims(doc, verifier) == []
