"""Scoring systems: alignment by doc_id, gold against itself, missing data, comparisons."""

from __future__ import annotations

import pytest
from eval_strategies import annotated_docs
from hypothesis import HealthCheck, given, settings

from goldsmith.errors import InputError
from goldsmith.eval.score import SystemInput, align, score
from goldsmith.labels.records import AnnotatedDoc, Claim, Entity, Quote

TEXT_A = "Vela Ortiz said 300 nurses walked out in Tarragona."
TEXT_B = "Nobody was hurt, police in Girona said on Friday."


def doc_a(**layers) -> AnnotatedDoc:
    defaults = dict(
        entities=(Entity(0, 10, "Vela Ortiz", "PERSON"), Entity(41, 50, "Tarragona", "GPE")),
        quotes=(Quote(16, 50, TEXT_A[16:50], "indirect", Entity(0, 10, "Vela Ortiz", "PERSON")),),
        claims=(Claim(16, 26, "300 nurses", 300, "nurse", "exact"),),
    )
    defaults.update(layers)
    return AnnotatedDoc("a", TEXT_A, **defaults)


DOC_B = AnnotatedDoc(
    "b", TEXT_B, entities=(Entity(27, 33, "Girona", "GPE"), Entity(42, 48, "Friday", "DATE"))
)
GOLD = [doc_a(), DOC_B]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(annotated_docs())
def test_gold_scored_against_itself_is_perfect(docs):
    report = score(docs, [SystemInput("self", "gold", docs)], resamples=20)
    for name, figure in report.system("self").headline.items():
        assert figure.value in (1.0, None), name
        if figure.value is not None:
            assert figure.ci.low == figure.ci.high == 1.0


def test_every_headline_figure_is_present_for_the_sample_gold():
    report = score(GOLD, [SystemInput("self", "gold", GOLD)], resamples=10)
    headline = report.system("self").headline
    assert headline["quotes.speaker_accuracy"].value == 1.0
    assert headline["claims.end_to_end.f1"].value == 1.0
    assert headline["claims.value_high_accuracy"].value is None  # no range claim
    assert headline["entities.strict.f1.DATE"].value == 1.0


def test_missing_prediction_counts_as_empty_with_a_warning():
    report = score(GOLD, [SystemInput("half", "x", [doc_a()])], resamples=10)
    scores = report.system("half")
    assert scores.docs_missing == ("b",)
    assert scores.docs_scored == 1
    assert scores.entities.strict.micro.counts.missed == 2
    assert any("no prediction" in w for w in scores.warnings)


def test_prediction_not_in_gold_is_ignored_and_counted():
    extra = AnnotatedDoc("zzz", "Other text.")
    report = score(GOLD, [SystemInput("x", "x", [*GOLD, extra])], resamples=10)
    assert report.system("x").docs_ignored == 1
    assert report.system("x").headline["entities.strict.f1"].value == 1.0


def test_prediction_with_another_text_is_an_error_naming_the_doc():
    changed = AnnotatedDoc("b", TEXT_B.upper())
    with pytest.raises(InputError, match="'b'"):
        align(GOLD, [changed], "mine")


def test_repeated_prediction_doc_id_is_an_error():
    with pytest.raises(InputError, match="twice"):
        align(GOLD, [DOC_B, DOC_B])


def test_alignment_follows_gold_order():
    alignment = align(GOLD, [DOC_B, doc_a()])
    assert [d.doc_id for d in alignment.predictions] == ["a", "b"]


def test_layers_a_system_does_not_predict_are_absent_not_zero():
    entities_only = [d.without_layers() for d in GOLD]
    report = score(
        GOLD, [SystemInput("ner", "spacy:x", entities_only, ("entities",))], resamples=10
    )
    headline = report.system("ner").headline
    assert headline["quotes.end_to_end.f1"].value is None
    assert headline["claims.span.exact.f1"].value is None
    assert headline["entities.strict.f1"].value == 0.0


def test_two_systems_get_paired_comparisons():
    worse = [doc_a(claims=()), DOC_B]
    report = score(
        GOLD,
        [SystemInput("good", "g", GOLD), SystemInput("worse", "w", worse)],
        resamples=200,
    )
    (comparison,) = report.comparisons
    assert (comparison.a, comparison.b) == ("good", "worse")
    claims = comparison.result("claims.end_to_end.f1")
    assert claims.difference == pytest.approx(1.0)
    assert comparison.result("entities.strict.f1").p_value == 1.0


def test_duplicate_system_names_are_refused():
    with pytest.raises(InputError, match="unique"):
        score(GOLD, [SystemInput("x", "1", GOLD), SystemInput("x", "2", GOLD)])


def test_empty_gold_gives_absent_figures():
    report = score([], [SystemInput("x", "x", [])], resamples=20)
    assert report.n_docs == 0
    assert all(f.value is None and f.ci is None for f in report.system("x").headline.values())


def test_zero_resamples_gives_no_intervals():
    report = score(GOLD, [SystemInput("a", "a", GOLD), SystemInput("b", "b", [])], resamples=0)
    assert report.system("a").headline["entities.strict.f1"].ci is None
    assert report.comparisons[0].result("entities.strict.f1").p_value is None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(annotated_docs(), annotated_docs())
def test_report_does_not_depend_on_the_order_of_spans(gold, other):
    from dataclasses import replace

    # Predictions on the gold texts: every other gold span plus spans of other documents
    # that fit (overlapping freely), then the same predictions in reverse order.
    preds = []
    for i, g in enumerate(gold):
        o = other[i % len(other)] if other else None
        extra_e = tuple(e for e in (o.entities if o else ()) if e.end <= len(g.text))
        preds.append(
            replace(
                g,
                entities=g.entities[::2]
                + tuple(Entity(e.start, e.end, g.text[e.start : e.end], e.label) for e in extra_e),
                quotes=g.quotes[1:],
                claims=g.claims[::2],
            )
        )
    backwards = [
        replace(p, entities=p.entities[::-1], quotes=p.quotes[::-1], claims=p.claims[::-1])
        for p in preds
    ]
    a = score(gold, [SystemInput("x", "x", preds)], resamples=10)
    b = score(gold, [SystemInput("x", "x", backwards)], resamples=10)
    assert a == b


def _docs(n: int) -> list[AnnotatedDoc]:
    return [
        AnnotatedDoc(f"d{i}", "Austin spoke.", entities=(Entity(0, 6, "Austin", "PERSON"),))
        for i in range(n)
    ]


@pytest.mark.parametrize(
    ("n", "resamples", "warned"), [(2, 50, True), (9, 50, True), (10, 50, False), (2, 0, False)]
)
def test_bootstrap_over_few_documents_is_flagged(n, resamples, warned):
    gold = _docs(n)
    report = score(gold, [SystemInput("copy", "gold", gold)], resamples=resamples)
    assert bool(report.warnings) is warned
    if warned:
        assert f"bootstrap over {n} documents only" in report.warnings[0]
        assert report.to_dict()["warnings"] == list(report.warnings)


def test_macro_f1_and_quote_kinds_have_intervals_and_paired_tests():
    spoke = Quote(0, 13, "Austin spoke.", "direct", None)
    gold = [
        AnnotatedDoc(
            f"d{i}",
            "Austin spoke.",
            entities=(Entity(0, 6, "Austin", "PERSON" if i % 2 else "GPE"),),
            quotes=(spoke,),
        )
        for i in range(12)
    ]
    half = [d if i % 3 else d.without_layers() for i, d in enumerate(gold)]
    report = score(gold, [SystemInput("half", "p", half), SystemInput("all", "g", gold)])
    strict = report.system("half").entities.strict
    assert strict.macro_f1_ci is not None
    assert strict.macro_f1_ci.low <= strict.macro_f1 <= strict.macro_f1_ci.high
    macro = report.system("half").headline["entities.strict.macro_f1"]
    assert macro.value == pytest.approx(strict.macro_f1) and macro.ci == strict.macro_f1_ci
    direct = report.system("half").quotes.per_kind["direct"]
    assert direct.f1_ci is not None and direct.f1_ci.low <= direct.f1 <= direct.f1_ci.high
    tests = {r.figure: r for r in report.comparisons[0].results}
    assert tests["entities.strict.macro_f1"].p_value is not None
    assert tests["quotes.per_kind.direct.f1"].difference < 0
