"""AnnotatedDoc <-> Label Studio results: round trip, speaker reuse, errors, defaults."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goldsmith.annotate.studio.convert import from_studio_results, to_studio_results
from goldsmith.errors import OffsetMismatchError, StudioResultError
from goldsmith.labels.records import AnnotatedDoc, Claim, Entity, Quote
from goldsmith.labels.schema import ENTITY_LABELS, QUALIFIERS, QUOTE_KINDS
from goldsmith.labels.validate import problems

TEXT = 'Hi 😀😀 Austin said "we will win" and officials said 3,000 troops came.'


def _at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def _entity(word: str, label: str) -> Entity:
    return Entity(*_at(word), word, label)


AUSTIN = _entity("Austin", "PERSON")
OFFICIALS = _entity("officials", "SOURCE")
QUOTE = Quote(*_at("we will win"), "we will win", "direct", AUSTIN)
CLAIM = Claim(*_at("3,000 troops"), "3,000 troops", 3000, "troop", "at_least")
DOC = AnnotatedDoc("d1", TEXT, entities=(AUSTIN,), quotes=(QUOTE,), claims=(CLAIM,))


def _layers(doc: AnnotatedDoc) -> tuple:
    back = from_studio_results(doc.text, to_studio_results(doc), task_id=1)
    return back.entities, back.quotes, back.claims


def test_round_trip_keeps_every_layer():
    assert _layers(DOC) == (DOC.entities, DOC.quotes, DOC.claims)


def test_offsets_are_code_points_after_emoji():
    item = next(r for r in to_studio_results(DOC) if r.get("from_name") == "entities")
    assert (item["value"]["start"], item["value"]["end"]) == (6, 12)
    assert TEXT[6:12] == "Austin"


def test_speaker_that_is_an_entity_reuses_its_region():
    results = to_studio_results(DOC)
    regions = [r for r in results if r.get("type") == "labels"]
    relation = next(r for r in results if r.get("type") == "relation")
    assert [r["id"] for r in regions if r["value"]["labels"] == ["PERSON"]] == ["e0"]
    assert (relation["from_id"], relation["to_id"], relation["labels"]) == ("q0", "e0", ["speaker"])


def test_source_speaker_is_a_region_of_the_quotes_control():
    doc = AnnotatedDoc(
        "d1",
        TEXT,
        quotes=(Quote(*_at("3,000 troops came"), "3,000 troops came", "indirect", OFFICIALS),),
    )
    results = to_studio_results(doc)
    source = next(r for r in results if r.get("value", {}).get("labels") == ["SOURCE"])
    assert source["from_name"] == "quotes"
    assert _layers(doc) == ((), doc.quotes, ())


def test_region_ids_are_unique_per_region():
    results = to_studio_results(DOC)
    label_ids = [r["id"] for r in results if r.get("type") == "labels"]
    assert len(label_ids) == len(set(label_ids))


def test_per_region_values_share_the_region_id_and_offsets():
    claim_items = [r for r in to_studio_results(DOC) if r.get("id") == "c0"]
    assert {r["from_name"] for r in claim_items} == {"claims", "value", "unit", "qualifier"}
    assert {(r["value"]["start"], r["value"]["end"]) for r in claim_items} == {_at("3,000 troops")}
    unit = next(r for r in claim_items if r["from_name"] == "unit")
    assert unit["value"]["text"] == ["troop"]


def test_reversed_speaker_relation_is_read_as_quote_to_speaker():
    results = to_studio_results(DOC)
    for item in results:
        if item.get("type") == "relation":
            item["from_id"], item["to_id"] = item["to_id"], item["from_id"]
    assert from_studio_results(TEXT, results).quotes == DOC.quotes


def _without(results: list[dict], from_name: str) -> list[dict]:
    return [r for r in results if r.get("from_name") != from_name]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda rs: (
                rs + [{"type": "relation", "from_id": "q0", "to_id": "zz", "labels": ["speaker"]}]
            ),
            "missing region 'zz'",
        ),
        (lambda rs: _without(rs, "value"), "has no value"),
        (
            lambda rs: [
                {**r, "from_name": "mood"} if r.get("from_name") == "kind" else r for r in rs
            ],
            "unknown control 'mood'",
        ),
        (lambda rs: _without(rs, "entities"), "missing region 'e0'"),
        (lambda rs: [r for r in rs if r.get("from_name") != "quotes"], "region q0, which has"),
        (lambda rs: "not a list", "must be a list"),
    ],
)
def test_malformed_results_raise_naming_the_task(mutate, message):
    with pytest.raises(StudioResultError, match=message) as info:
        from_studio_results(TEXT, mutate(to_studio_results(DOC)), task_id=42)
    assert "task 42" in str(info.value)


def test_region_text_not_matching_offsets_is_a_mismatch():
    results = to_studio_results(DOC)
    results[0]["value"]["start"] += 1
    with pytest.raises(OffsetMismatchError, match="task 7: region e0"):
        from_studio_results(TEXT, results, task_id=7)


def test_claim_without_qualifier_defaults_to_exact_and_says_so():
    back = from_studio_results(TEXT, _without(to_studio_results(DOC), "qualifier"), task_id=3)
    assert back.claims[0].qualifier == "exact"
    assert len(back.problems) == 1 and "no qualifier" in back.problems[0]


def test_quote_without_kind_defaults_to_direct_and_says_so():
    back = from_studio_results(TEXT, _without(to_studio_results(DOC), "kind"), task_id=3)
    assert back.quotes[0].kind == "direct"
    assert "no kind" in back.problems[0]


def test_range_without_value_high_is_an_error():
    doc = AnnotatedDoc(
        "d1", TEXT, claims=(Claim(*CLAIM_SPAN, "3,000 troops", 3000, "troop", "range", 4000),)
    )
    with pytest.raises(StudioResultError, match="range without value_high"):
        from_studio_results(TEXT, _without(to_studio_results(doc), "value_high"))


CLAIM_SPAN = _at("3,000 troops")


def test_unlinked_source_region_is_dropped_with_a_problem():
    doc = AnnotatedDoc(
        "d1", TEXT, quotes=(Quote(*_at("we will win"), "we will win", "direct", OFFICIALS),)
    )
    results = [r for r in to_studio_results(doc) if r.get("type") != "relation"]
    back = from_studio_results(TEXT, results)
    assert back.quotes[0].speaker is None
    assert "is no quote's speaker" in back.problems[0]


# --- property: any valid document survives the trip -------------------------------------

_ALPHABET = st.sampled_from(list("abc XYZ,.\n\"'") + ["😀", "🇺", "🇸", "é", "中", "\u200d"])


@st.composite
def documents(draw) -> AnnotatedDoc:
    text = draw(st.text(_ALPHABET, min_size=1, max_size=40))

    def span() -> tuple[int, int, str]:
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        return start, end, text[start:end]

    entities = tuple(
        Entity(*span(), draw(st.sampled_from(ENTITY_LABELS)), draw(st.none() | st.floats(0, 1)))
        for _ in range(draw(st.integers(0, 4)))
    )
    speakers = [e for e in entities if e.label in ("PERSON", "ORG", "GPE", "NORP")]

    def speaker() -> Entity | None:
        choice = draw(st.integers(0, 2))
        if choice == 1 and speakers:
            ent = draw(st.sampled_from(speakers))
            return Entity(ent.start, ent.end, ent.text, ent.label)
        if choice == 2:
            return Entity(*span(), "SOURCE")
        return None

    quotes = tuple(
        Quote(
            *span(),
            draw(st.sampled_from(QUOTE_KINDS)),
            speaker(),
            draw(st.none() | st.floats(0, 1)),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    claims = []
    for _ in range(draw(st.integers(0, 3))):
        qualifier = draw(st.sampled_from(QUALIFIERS))
        value = draw(st.integers(0, 10**9) | st.floats(0, 1e9, allow_nan=False))
        high = draw(st.integers(0, 10**9)) if qualifier == "range" else None
        claims.append(
            Claim(
                *span(),
                value,
                draw(st.sampled_from(["troop", "percent", ""])),
                qualifier,
                high,
                draw(st.none() | st.floats(0, 1)),
            )
        )
    return AnnotatedDoc("d", text, entities, quotes, tuple(claims)).sorted()


@settings(max_examples=300, deadline=None)
@given(documents())
def test_any_valid_document_survives_the_round_trip(doc):
    assert problems(doc) == []
    back = from_studio_results(doc.text, to_studio_results(doc), task_id=1)
    assert (back.entities, back.quotes, back.claims) == (doc.entities, doc.quotes, doc.claims)
