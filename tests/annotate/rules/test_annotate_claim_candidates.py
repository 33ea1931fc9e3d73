"""Claim candidates (annotate/rules/claims.py ``find_candidates``) and their features
(annotate/rules/claim_features.py)."""

from __future__ import annotations

import pytest

from goldsmith.annotate.rules.claim_features import candidate_features
from goldsmith.annotate.rules.claims import find_candidates, find_claims

_TEXTS = [
    "The council spent $4.5 million on 12 new buses in 2019, and the two mayors agreed.",
    "Route 66 reopened on March 3 after 40 workers fixed it. One said it took three weeks.",
    "Mayor Opens 3 New Parks\n\nAbout 300 people came; the three parks cost 2 percent more.",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_kept_candidates_are_the_claims_of_the_rules(nlp, text: str) -> None:
    doc = nlp(text)
    kept = [c.claim for c in find_candidates(doc) if c.kept]
    assert kept == find_claims(doc)


@pytest.mark.parametrize(
    ("text", "number", "reason"),
    [
        ("The parade marched down Route 66 again.", "66", "name"),
        ("The bridge opened in 2019 after a long wait.", "2019", "year"),
        ("Ohio and Iowa voted. The two states agreed.", "two", "referential"),
        ("One said the vote was fair.", "One", "one"),
        ("The storm came four days ago and left.", "four", "when"),
    ],
)
def test_dropped_candidates_name_the_filter(nlp, text: str, number: str, reason: str) -> None:
    cands = find_candidates(nlp(text))
    found = [c for c in cands if c.claim.text.split()[0] == number or number in c.claim.text]
    assert found, [c.claim.text for c in cands]
    assert found[0].drop == reason
    assert not found[0].kept


def test_a_dropped_candidate_gets_the_span_and_unit_of_a_claim(nlp) -> None:
    cand = next(c for c in find_candidates(nlp("Ohio and Iowa voted. The two states agreed.")))
    assert (cand.claim.text, cand.claim.value, cand.claim.unit) == ("two states", 2, "state")


def _features(nlp, text: str, number: str) -> tuple[str, ...]:
    doc = nlp(text)
    cands = find_candidates(doc)
    feats = candidate_features(doc, cands)
    at = next(i for i, c in enumerate(cands) if number in c.claim.text)
    return feats[at]


def test_features_of_a_counted_noun(nlp) -> None:
    f = _features(nlp, "The town hired 40 new teachers last fall.", "40")
    assert {"bias", "drop=none", "shape=digits", "mag=11-100", "unit=count", "noun=teacher"} <= set(
        f
    )
    assert "prev=hired" in f and "elided" not in f and "quoted" not in f


def test_features_of_money_in_a_title_case_line(nlp) -> None:
    f = _features(nlp, "City Council Approves $9 Million Budget\n\nThe vote was close.", "9")
    assert {"shape=currency", "unit=money", "line_title", "line_short", "mag=>1m"} <= set(f)


def test_features_of_a_quoted_number_word_after_the(nlp) -> None:
    text = "Ohio and Iowa voted. “The two states agreed,” she said on Monday."
    f = _features(nlp, text, "two")
    assert {"shape=word", "det", "prev=the", "quoted", "drop=referential"} <= set(f)


def test_features_of_a_number_near_a_month_opening_its_line(nlp) -> None:
    f = _features(nlp, "12 inches fell by Jan. 3 in the valley.", "12")
    assert {"line_start", "sent_first", "month_near", "unit=measure"} <= set(f)
    assert not any(n.startswith("prev=") for n in f)


def test_no_candidates_no_features(nlp) -> None:
    doc = nlp("Nothing here is counted.")
    assert find_candidates(doc) == [] and candidate_features(doc, []) == []
