"""Error listings: every kind of error, their order, their context in code points."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goldsmith.errors import InputError
from goldsmith.eval.claims import claim_doc_counts
from goldsmith.eval.context import mark_context
from goldsmith.eval.entity_counter import entity_doc_counts
from goldsmith.eval.error_items import ErrorKind, format_errors
from goldsmith.eval.errors import doc_errors, list_errors
from goldsmith.eval.matching import SCHEMES, Scheme
from goldsmith.eval.quotes import quote_doc_counts
from goldsmith.labels import AnnotatedDoc, Claim, Entity, Quote, Span

TEXT = (
    "Councillor Rhea Okafor said the ferry line would carry at least 3,000 riders a day. "
    '"We are not done," Okafor told the Dunmore Gazette on Friday.'
)


def ent(phrase: str, label: str, nth: int = 0) -> Entity:
    start = _find(phrase, nth)
    return Entity(start, start + len(phrase), phrase, label)


def quote(phrase: str, kind: str = "direct", speaker: Entity | None = None) -> Quote:
    start = _find(phrase)
    return Quote(start, start + len(phrase), phrase, kind, speaker)


def claim(phrase: str, value=3000, unit="rider", qualifier="at_least", value_high=None) -> Claim:
    start = _find(phrase)
    return Claim(start, start + len(phrase), phrase, value, unit, qualifier, value_high)


def _find(phrase: str, nth: int = 0) -> int:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return start


def doc(**layers) -> AnnotatedDoc:
    return AnnotatedDoc("d1", TEXT, **layers)


OKAFOR = ent("Rhea Okafor", "PERSON")
OKAFOR_2 = ent("Okafor", "PERSON", nth=1)
GAZETTE = ent("Dunmore Gazette", "ORG")
WE = quote("We are not done,", speaker=OKAFOR_2)
RIDERS = claim("at least 3,000 riders")


@pytest.mark.parametrize(
    "gold, pred, kind, detail",
    [
        (doc(), doc(entities=(GAZETTE,)), ErrorKind.SPURIOUS, "spurious ORG 'Dunmore Gazette'"),
        (doc(entities=(GAZETTE,)), doc(), ErrorKind.MISSED, "missed ORG 'Dunmore Gazette'"),
        (
            doc(entities=(OKAFOR,)),
            doc(entities=(ent("Councillor Rhea Okafor", "PERSON"),)),
            ErrorKind.BOUNDARY,
            "PERSON gold 11-22",
        ),
        (
            doc(entities=(GAZETTE,)),
            doc(entities=(ent("Dunmore Gazette", "GPE"),)),
            ErrorKind.LABEL,
            "label ORG != GPE",
        ),
        (
            doc(entities=(GAZETTE,)),
            doc(entities=(ent("Dunmore", "GPE"),)),
            ErrorKind.LABEL,
            "label ORG != GPE (",
        ),
        (
            doc(quotes=(WE,)),
            doc(quotes=(quote("We are not done,", speaker=GAZETTE),)),
            ErrorKind.SPEAKER,
            "speaker 'Okafor' != 'Dunmore Gazette'",
        ),
        (
            doc(quotes=(WE,)),
            doc(quotes=(quote("We are not done,", speaker=None),)),
            ErrorKind.SPEAKER,
            "speaker 'Okafor' != none",
        ),
        (
            doc(quotes=(WE,)),
            doc(quotes=(quote("We are not done,", kind="partial", speaker=OKAFOR_2),)),
            ErrorKind.KIND,
            "kind direct != partial",
        ),
        (
            doc(claims=(RIDERS,)),
            doc(claims=(claim("at least 3,000 riders", value=300),)),
            ErrorKind.VALUE,
            "value 3000 != 300",
        ),
        (
            doc(claims=(RIDERS,)),
            doc(claims=(claim("at least 3,000 riders", unit="passenger"),)),
            ErrorKind.UNIT,
            "unit 'rider' != 'passenger'",
        ),
        (
            doc(claims=(RIDERS,)),
            doc(claims=(claim("at least 3,000 riders", qualifier="exact"),)),
            ErrorKind.QUALIFIER,
            "qualifier at_least != exact",
        ),
        (
            doc(claims=(claim("3,000 riders", qualifier="range", value_high=4000),)),
            doc(claims=(claim("3,000 riders", qualifier="range", value_high=5000),)),
            ErrorKind.VALUE,
            "value_high 4000 != 5000",
        ),
    ],
    ids=[
        "spurious",
        "missed",
        "boundary",
        "label-same-span",
        "label-overlapping-span",
        "speaker-other-source",
        "speaker-missing",
        "kind",
        "value",
        "unit",
        "qualifier",
        "value-high",
    ],
)
def test_each_error_kind(gold, pred, kind, detail):
    errors = list_errors([gold], [pred])
    assert [e.kind for e in errors] == [kind]
    assert errors[0].detail.startswith(detail), errors[0].detail
    assert errors[0].doc_id == "d1"


def test_speaker_named_by_last_word_is_not_an_error():
    gold = doc(quotes=(WE,))
    pred = doc(quotes=(quote("We are not done,", speaker=OKAFOR),))
    assert list_errors([gold], [pred]) == []


def test_quote_matched_with_other_offsets_is_a_boundary_error_only():
    gold = doc(quotes=(WE,))
    pred = doc(quotes=(quote("We are not done", speaker=OKAFOR_2),))
    errors = list_errors([gold], [pred])
    assert [e.kind for e in errors] == [ErrorKind.BOUNDARY]
    assert "(matched: overlap 94%)" in errors[0].detail


def test_claims_overlapping_below_threshold_are_a_boundary_error():
    gold = doc(claims=(RIDERS,))
    pred = doc(claims=(claim("riders a day"),))
    errors = list_errors([gold], [pred])
    assert [e.kind for e in errors] == [ErrorKind.BOUNDARY]
    assert "not matched" in errors[0].detail
    assert errors[0].gold == RIDERS and errors[0].predicted is not None


def test_value_tolerance_forgives_close_values():
    gold = doc(claims=(RIDERS,))
    pred = doc(claims=(claim("at least 3,000 riders", value=3010),))
    assert list_errors([gold], [pred], value_tolerance=0.01) == []
    assert [e.kind for e in list_errors([gold], [pred])] == [ErrorKind.VALUE]


def test_identical_prediction_has_no_errors():
    gold = doc(entities=(OKAFOR, GAZETTE), quotes=(WE,), claims=(RIDERS,))
    assert list_errors([gold], [gold]) == []


def test_layers_not_predicted_are_not_listed():
    gold = doc(entities=(OKAFOR,), quotes=(WE,), claims=(RIDERS,))
    errors = list_errors([gold], [doc()], layers=("entities",))
    assert [(e.layer, e.kind) for e in errors] == [("entities", ErrorKind.MISSED)]


def test_missing_prediction_document_means_all_missed():
    gold = [
        doc(entities=(OKAFOR,)),
        AnnotatedDoc("d2", "Okafor.", entities=(Entity(0, 6, "Okafor", "PERSON"),)),
    ]
    errors = list_errors(gold, [gold[0]])
    assert [(e.doc_id, e.kind) for e in errors] == [("d2", ErrorKind.MISSED)]


def test_prediction_on_other_text_is_an_input_error():
    with pytest.raises(InputError, match="different text"):
        list_errors([doc()], [AnnotatedDoc("d1", "other text")])


def test_errors_come_in_document_then_position_order():
    gold = [
        AnnotatedDoc("b", TEXT, entities=(GAZETTE, OKAFOR)),
        AnnotatedDoc("a", TEXT, claims=(RIDERS,)),
    ]
    pred = [AnnotatedDoc("a", TEXT), AnnotatedDoc("b", TEXT, entities=(OKAFOR_2,))]
    errors = list_errors(gold, pred)
    assert [(e.doc_id, e.start) for e in errors] == [
        ("b", OKAFOR.start),
        ("b", OKAFOR_2.start),
        ("b", GAZETTE.start),
        ("a", RIDERS.start),
    ]


def test_context_marks_gold_and_prediction():
    errors = list_errors([doc(entities=(OKAFOR,))], [doc(entities=(ent("Okafor", "PERSON"),))])
    assert errors[0].context.startswith("Councillor «Rhea ⟦Okafor⟧» said")
    assert errors[0].context.endswith("…")


def test_context_counts_code_points_with_emoji():
    text = "🎉🎉 Big news 🚢 from Port Ellery 🌊 today"
    start = text.index("Port Ellery")
    gold = AnnotatedDoc("e", text, entities=(Entity(start, start + 11, "Port Ellery", "GPE"),))
    [error] = list_errors([gold], [AnnotatedDoc("e", text)])
    assert error.context == "🎉🎉 Big news 🚢 from «Port Ellery» 🌊 today"
    # three code points either side: the emoji counts as one
    assert mark_context(text, error.gold, None, 3) == "…om «Port Ellery» 🌊 …"
    assert error.gold.start == 19  # UTF-16 would say 22


@given(st.integers(0, 30), st.integers(1, 10), st.integers(0, 70))
def test_context_keeps_the_text_minus_markers(start, length, width):
    text = "ab🙂c\nde🎉fghij klmnop qrs 🚀 tuvw xyz 0123456789"
    end = min(start + length, len(text))
    span = Span(start, end, text[start:end])
    shown = mark_context(text, span, None, width)
    assert f"«{text[start:end]}»".replace("\n", "⏎") in shown
    plain = shown.replace("«", "").replace("»", "").replace("…", "").replace("⏎", "\n")
    assert plain == text[max(0, start - width) : min(len(text), end + width)]


def test_format_errors_caps_the_listing():
    gold = doc(entities=(OKAFOR, GAZETTE, OKAFOR_2))
    lines = format_errors(list_errors([gold], [doc()]), limit=2)
    assert len(lines) == 3
    assert lines[0].startswith("d1 entities missed: missed PERSON 'Rhea Okafor' | ")
    assert lines[-1] == "… and 1 more"
    assert len(format_errors(list_errors([gold], [doc()]))) == 3


def test_error_to_dict():
    [error] = doc_errors(
        doc(claims=(RIDERS,)), doc(claims=(claim("at least 3,000 riders", value=300),))
    )
    data = error.to_dict()
    assert data["kind"] == "value"
    assert data["gold"]["value"] == 3000 and data["predicted"]["value"] == 300
    assert data["context"].count("«") == 1


# --------------------------------------------------------------------------- same counts as scorer

_SHORT = "Ana Ruiz met the Kelp Council about 300 boats."
#: Few possible offsets, so identical and overlapping spans are common.
_CUTS = (0, 3, 4, 8, 13, 17, 21, 28, 34, 38, 42, 46)


@st.composite
def _spans(draw, make):
    out = []
    for _ in range(draw(st.integers(0, 5))):
        start, end = sorted(
            draw(st.lists(st.sampled_from(_CUTS), min_size=2, max_size=2, unique=True))
        )
        out.append(make(draw, start, end))
    return tuple(out)


def _entity(draw, start, end):
    return Entity(start, end, _SHORT[start:end], draw(st.sampled_from(["PERSON", "ORG"])))


def _quote(draw, start, end):
    speaker = draw(
        st.sampled_from(
            [None, Entity(0, 8, "Ana Ruiz", "PERSON"), Entity(17, 28, "Kelp Council", "ORG")]
        )
    )
    kind = draw(st.sampled_from(["direct", "indirect"]))
    return Quote(start, end, _SHORT[start:end], kind, speaker)


def _claim(draw, start, end):
    qualifier = draw(st.sampled_from(["exact", "approx", "range"]))
    return Claim(
        start,
        end,
        _SHORT[start:end],
        draw(st.sampled_from([300, 30])),
        draw(st.sampled_from(["boat", "ship"])),
        qualifier,
        draw(st.sampled_from([400, 500])) if qualifier == "range" else None,
    )


def _pairs_with(errors, *kinds):
    """The distinct scored pairs (by the spans' identity) that have an error of ``kinds``."""
    return {(id(e.gold), id(e.predicted)) for e in errors if e.matched and e.kind in kinds}


def _offsets_differ(e):
    return (e.gold.start, e.gold.end) != (e.predicted.start, e.predicted.end)


@settings(max_examples=300, deadline=None)
@given(_spans(_entity), _spans(_entity), st.sampled_from(SCHEMES))
def test_entity_error_listing_agrees_with_the_counts(ge, pe, scheme):
    gold = AnnotatedDoc("d", _SHORT, entities=ge)
    pred = AnnotatedDoc("d", _SHORT, entities=pe)
    errors = doc_errors(gold, pred, layers=("entities",), scheme=scheme)
    counts = entity_doc_counts(ge, pe).scheme(scheme).overall
    assert sum(e.missed for e in errors) == counts.missed
    assert sum(e.spurious for e in errors) == counts.spurious
    matched = [e for e in errors if e.matched]
    assert len(matched) == len(_pairs_with(errors, ErrorKind.LABEL, ErrorKind.BOUNDARY))
    if scheme is Scheme.STRICT:
        assert len(matched) == counts.incorrect
    elif scheme is Scheme.TYPE:
        assert sum(e.kind is ErrorKind.LABEL for e in matched) == counts.incorrect
    else:  # exact, partial: a pair on other boundaries is the only imperfect match
        assert sum(_offsets_differ(e) for e in matched) == counts.incorrect + counts.partial


@settings(max_examples=300, deadline=None)
@given(_spans(_quote), _spans(_quote))
def test_quote_error_listing_agrees_with_the_counts(gq, pq):
    gold = AnnotatedDoc("d", _SHORT, quotes=gq)
    errors = doc_errors(gold, AnnotatedDoc("d", _SHORT, quotes=pq), layers=("quotes",))
    counts = quote_doc_counts(gq, pq)
    assert sum(e.missed for e in errors) == counts.end_to_end.missed
    assert sum(e.spurious for e in errors) == counts.end_to_end.spurious
    assert len(_pairs_with(errors, ErrorKind.SPEAKER)) == counts.end_to_end.incorrect
    assert len(_pairs_with(errors, ErrorKind.KIND)) == counts.kind.total - counts.kind.correct


@settings(max_examples=300, deadline=None)
@given(_spans(_claim), _spans(_claim), st.sampled_from([0.0, 0.5]))
def test_claim_error_listing_agrees_with_the_counts(gc, pc, tolerance):
    gold = AnnotatedDoc("d", _SHORT, claims=gc)
    pred = AnnotatedDoc("d", _SHORT, claims=pc)
    errors = doc_errors(gold, pred, layers=("claims",), value_tolerance=tolerance)
    counts = claim_doc_counts(gc, pc, tolerance)
    assert sum(e.missed for e in errors) == counts.end_to_end.missed
    assert sum(e.spurious for e in errors) == counts.end_to_end.spurious
    wrong = _pairs_with(errors, ErrorKind.VALUE, ErrorKind.UNIT, ErrorKind.QUALIFIER)
    assert len(wrong) == counts.end_to_end.incorrect
    for kind, accuracy in (
        (ErrorKind.UNIT, counts.unit),
        (ErrorKind.QUALIFIER, counts.qualifier),
    ):
        assert len(_pairs_with(errors, kind)) == accuracy.total - accuracy.correct


def test_claims_on_identical_offsets_pair_as_the_scorer_pairs_them():
    """Two gold claims on one span, one prediction: listed and counted on the same pair."""
    gold = (claim("3,000 riders", value=3000), claim("3,000 riders", value=300))
    pred = (claim("3,000 riders", value=3000),)
    counts = claim_doc_counts(gold, pred).end_to_end
    errors = doc_errors(doc(claims=gold), doc(claims=pred), layers=("claims",))
    # the pairing is canonical (position, then attributes), whatever the input order
    assert (counts.incorrect, counts.missed) == (1, 1)
    assert sorted((e.kind.value, e.gold.value) for e in errors) == [
        ("missed", 3000),
        ("value", 300),
    ]
