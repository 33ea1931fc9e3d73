"""The consensus rules: which regions are in, which tasks are settled, votes per region."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goldsmith.annotate.studio.consensus import (
    decide,
    disagreements,
    region_votes,
    starting_point,
)
from goldsmith.labels import AnnotatedDoc, Claim, Entity, Quote

TEXT = "Mayor Ines Rook said about 300 homes in Dunmore were flooded on Friday."


def _at(text: str) -> tuple[int, int, str]:
    at = TEXT.index(text)
    return at, at + len(text), text


ROOK = Entity(*_at("Ines Rook"), "PERSON")
DUNMORE = Entity(*_at("Dunmore"), "GPE")
DUNMORE_LOC = Entity(*_at("Dunmore"), "LOC")
FRIDAY = Entity(*_at("Friday"), "DATE")
CLAIM = Claim(*_at("about 300 homes"), 300, "home", "approx")
CLAIM_EXACT = Claim(*_at("about 300 homes"), 300, "home", "exact")
QUOTE = Quote(*_at("about 300 homes in Dunmore were flooded"), "indirect", ROOK)
QUOTE_NO_SPEAKER = Quote(*_at("about 300 homes in Dunmore were flooded"), "indirect", None)


def _doc(*regions) -> AnnotatedDoc:
    return AnnotatedDoc(
        "d",
        TEXT,
        tuple(r for r in regions if isinstance(r, Entity)),
        tuple(r for r in regions if isinstance(r, Quote)),
        tuple(r for r in regions if isinstance(r, Claim)),
    ).sorted()


@pytest.mark.parametrize(
    ("rule", "versions", "settled", "gold"),
    [
        ("unanimous", [_doc(ROOK, CLAIM), _doc(ROOK, CLAIM)], True, _doc(ROOK, CLAIM)),
        ("unanimous", [_doc(ROOK), _doc(ROOK, FRIDAY)], False, None),
        ("unanimous", [_doc(CLAIM), _doc(CLAIM_EXACT)], False, None),  # qualifier differs
        ("unanimous", [_doc(QUOTE), _doc(QUOTE_NO_SPEAKER)], False, None),  # speaker differs
        ("majority", [_doc(ROOK), _doc(ROOK, FRIDAY)], False, None),  # 1 of 2 is a tie
        ("majority", [_doc(ROOK), _doc(ROOK, FRIDAY), _doc(ROOK)], True, _doc(ROOK)),
        (
            "majority",
            [_doc(DUNMORE, QUOTE), _doc(DUNMORE_LOC, QUOTE), _doc(DUNMORE, QUOTE_NO_SPEAKER)],
            True,
            _doc(DUNMORE, QUOTE),
        ),
        ("majority", [_doc(ROOK), _doc(FRIDAY), _doc(DUNMORE)], True, _doc()),  # all 1 of 3
        ("majority", [_doc(ROOK), _doc(ROOK), _doc(FRIDAY), _doc(FRIDAY)], False, None),
        ("unanimous", [_doc()], True, _doc()),
    ],
)
def test_rules(rule, versions, settled, gold):
    found = decide(versions, rule)
    assert found.settled is settled
    assert found.doc == gold
    assert bool(found.disagreements) is (not settled)


def test_disagreements_name_the_region_and_the_count():
    found = disagreements([_doc(ROOK, CLAIM), _doc(ROOK, CLAIM_EXACT)])
    assert found == (
        "claims: 'about 300 homes' [21:36] 300 home approx marked by 1 of 2",
        "claims: 'about 300 homes' [21:36] 300 home exact marked by 1 of 2",
    )


def test_starting_point_keeps_what_more_than_half_marked():
    assert starting_point([_doc(ROOK, FRIDAY), _doc(ROOK), _doc(ROOK, FRIDAY)]) == _doc(
        ROOK, FRIDAY
    )
    assert starting_point([_doc(ROOK, FRIDAY), _doc(ROOK)]) == _doc(ROOK)


def test_region_votes_follow_the_documents_order():
    gold = _doc(ROOK, FRIDAY, CLAIM)
    votes = region_votes(gold, [_doc(ROOK, CLAIM), _doc(ROOK, FRIDAY, CLAIM), _doc(ROOK)])
    assert votes == {"entities": [3, 1], "quotes": [], "claims": [2]}


def test_scores_of_pre_annotations_do_not_reach_the_gold():
    scored = Entity(ROOK.start, ROOK.end, ROOK.text, "PERSON", score=0.9)
    found = decide([_doc(scored), _doc(scored)], "unanimous")
    assert found.doc == _doc(ROOK)


REGIONS = [ROOK, DUNMORE, DUNMORE_LOC, FRIDAY, CLAIM, CLAIM_EXACT, QUOTE, QUOTE_NO_SPEAKER]


@given(st.lists(st.sets(st.sampled_from(range(len(REGIONS)))), min_size=1, max_size=5))
def test_unanimous_gold_is_in_every_version_and_majority_contains_it(choices):
    versions = [_doc(*(REGIONS[i] for i in sorted(c))) for c in choices]
    unanimous = decide(versions, "unanimous")
    assert unanimous.settled == all(v == versions[0] for v in versions)
    if unanimous.settled:
        assert unanimous.doc == versions[0]
    majority = decide(versions, "majority")
    if majority.settled and unanimous.settled:
        assert majority.doc == unanimous.doc


@pytest.mark.parametrize(
    ("versions", "truth", "rule", "reviewed", "provenance", "source"),
    [
        ([_doc(ROOK)], [False], "ground-truth", None, "single", 0),
        ([_doc(ROOK), _doc(FRIDAY)], [False, True], "ground-truth", None, "adjudicated", 1),
        ([_doc(ROOK), _doc(FRIDAY)], [False, False], "ground-truth", None, None, None),
        ([_doc(ROOK), _doc(FRIDAY)], [True, True], "unanimous", None, None, None),
        ([_doc(ROOK), _doc(ROOK)], [False, False], "unanimous", None, "consensus", None),
        ([_doc(ROOK), _doc(FRIDAY)], [False, False], "unanimous", None, None, None),
        ([_doc(ROOK), _doc(FRIDAY)], [False, False], "majority", _doc(ROOK), "adjudicated", None),
        ([_doc(ROOK), None], [False, False], "unanimous", None, None, None),
    ],
)
def test_choose(versions, truth, rule, reviewed, provenance, source):
    from goldsmith.annotate.studio.consensus import choose

    found = choose(versions, truth, rule, reviewed)
    assert found.provenance == provenance and found.source == source
    assert (found.doc is None) is (provenance is None)
    assert bool(found.reason) is (provenance is None)


def test_an_adjudicated_gold_counts_the_annotators_who_marked_each_region():
    from goldsmith.annotate.studio.consensus import choose

    reviewed = _doc(ROOK, FRIDAY, DUNMORE)  # Dunmore: added by the reviewer alone
    found = choose([_doc(ROOK), _doc(ROOK, FRIDAY)], [False, False], "unanimous", reviewed)
    assert found.votes["entities"] == [2, 0, 1]  # Rook, Dunmore, Friday
