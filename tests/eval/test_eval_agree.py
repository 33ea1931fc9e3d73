"""Agreement between annotators: tokens, pairwise span F1, Krippendorff's alpha, edit rate."""

from __future__ import annotations

import json
import math
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from goldsmith.errors import InputError, SchemaError
from goldsmith.eval.agreement import agreement_report
from goldsmith.eval.alpha import token_alpha
from goldsmith.eval.annotations import read_annotation_table
from goldsmith.eval.edit_rate import edit_counts
from goldsmith.eval.pair_agreement import ALL_LABELS, pair_scores
from goldsmith.eval.tokens import token_labels, tokenize
from goldsmith.labels import AnnotatedDoc, Claim, Entity, Quote, write_jsonl

TEXT = "Mara Voss met Ilo Brandt in Kestrel . She said 40 new buses arrive soon ."
TEXT2 = "The Harbor Guild hired 12 divers, Voss said on Tuesday ."


def ent(phrase: str, label: str, text: str = TEXT) -> Entity:
    start = text.index(phrase)
    return Entity(start, start + len(phrase), phrase, label)


def quote(phrase: str, kind: str = "indirect", text: str = TEXT) -> Quote:
    start = text.index(phrase)
    return Quote(start, start + len(phrase), phrase, kind, None)


def claim(phrase: str, value: float, unit: str, text: str = TEXT, qualifier="exact") -> Claim:
    start = text.index(phrase)
    return Claim(start, start + len(phrase), phrase, value, unit, qualifier)


def ann(task: int, annotator: str, text: str = TEXT, status="submitted", aid=None, **layers):
    meta = {
        "task_id": task,
        "annotation_id": aid if aid is not None else task * 100 + len(annotator),
        "annotator": annotator,
        "status": status,
        "ground_truth": False,
    }
    return AnnotatedDoc(doc_id=f"doc-{task}", text=text, meta=meta, **layers)


def pred(task: int, text: str = TEXT, **layers) -> AnnotatedDoc:
    meta = {"task_id": task, "model_version": "goldsmith-test"}
    return AnnotatedDoc(doc_id=f"doc-{task}", text=text, meta=meta, **layers)


def gold_dir(tmp_path: Path, annotations, predictions=None) -> Path:
    write_jsonl(annotations, tmp_path / "annotations.jsonl")
    if predictions is not None:
        write_jsonl(predictions, tmp_path / "predictions.jsonl")
    return tmp_path


FULL = {
    "entities": (ent("Mara Voss", "PERSON"), ent("Ilo Brandt", "PERSON"), ent("Kestrel", "GPE")),
    "quotes": (quote("40 new buses arrive soon"),),
    "claims": (claim("40 new buses", 40, "bus"),),
}


# --------------------------------------------------------------------------- tokens


def test_tokenize_counts_code_points_after_emoji():
    text = "🙂🙂 Ann, hi"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["🙂", "🙂", "Ann", ",", "hi"]
    assert [(t.start, t.end) for t in tokens] == [(0, 1), (1, 2), (3, 6), (6, 7), (8, 10)]
    assert all(text[t.start : t.end] == t.text for t in tokens)


@pytest.mark.parametrize(
    "entities, expected",
    [
        ((), ("O", "O", "O", "O")),
        ((Entity(0, 7, "Ann Lee", "PERSON"),), ("PERSON", "PERSON", "O", "O")),
        ((Entity(4, 7, "Lee", "ORG"),), ("O", "ORG", "O", "O")),
        # a region covering part of a token labels the token
        ((Entity(5, 7, "ee", "ORG"),), ("O", "ORG", "O", "O")),
        # overlapping regions: the one starting first wins, whatever the stored order
        (
            (Entity(4, 7, "Lee", "ORG"), Entity(0, 7, "Ann Lee", "PERSON")),
            ("PERSON", "PERSON", "O", "O"),
        ),
    ],
)
def test_token_labels(entities, expected):
    doc = AnnotatedDoc("d", "Ann Lee spoke.", entities=entities)
    assert token_labels(doc, "entities") == expected


def test_token_labels_of_quotes_and_claims():
    doc = AnnotatedDoc("d", TEXT, quotes=FULL["quotes"], claims=FULL["claims"])
    words = [t.text for t in tokenize(TEXT)]
    quotes = token_labels(doc, "quotes")
    assert [w for w, lab in zip(words, quotes, strict=True) if lab == "QUOTE"] == [
        "40",
        "new",
        "buses",
        "arrive",
        "soon",
    ]
    claims = token_labels(doc, "claims")
    assert [w for w, lab in zip(words, claims, strict=True) if lab == "CLAIM"] == [
        "40",
        "new",
        "buses",
    ]


# --------------------------------------------------------------------------- agreement


def test_identical_annotators_agree_perfectly(tmp_path):
    rows = [ann(1, "ann-a", **FULL), ann(1, "ann-b", **FULL)]
    report = agreement_report(gold_dir(tmp_path, rows))
    for layer, loose in (("entities", "exact"), ("quotes", "overlap_30"), ("claims", "overlap_50")):
        assert report.summed(layer).f1 == 1.0
        assert report.summed(layer, ALL_LABELS, loose).f1 == 1.0
        assert report.alpha[layer].alpha == pytest.approx(1.0)
    assert report.shared_tasks == 1
    assert report.annotators == ("ann-a", "ann-b")


def test_known_disagreement_hand_computed_alpha(tmp_path):
    # tokens: Mara Voss met Ilo Brandt in Kestrel . She said 40 new buses arrive soon .
    a = ann(1, "ann-a", entities=FULL["entities"])
    b = ann(
        1,
        "ann-b",
        entities=(ent("Mara Voss", "PERSON"), ent("Ilo Brandt", "ORG"), ent("Kestrel", "GPE")),
    )
    report = agreement_report(gold_dir(tmp_path, [a, b]))
    # 16 tokens, 2 coders: PERSON on 4 tokens by a, of which b labels 2 ORG; GPE on 1 each.
    # n = 32 values; n_PERSON = 6, n_ORG = 2, n_GPE = 2, n_O = 22; disagreeing pairs o = 4
    # alpha = 1 - (n - 1) * o / (n^2 - sum n_c^2)
    expected = 1 - 31 * 4 / (32**2 - 6**2 - 2**2 - 2**2 - 22**2)
    assert report.alpha["entities"].alpha == pytest.approx(expected)
    assert report.alpha["entities"].units == 16
    # the same figure from the krippendorff package on our own token matrix
    codes = {"O": 0, "PERSON": 1, "ORG": 2, "GPE": 3}
    row_a = [1, 1, 0, 1, 1, 0, 3] + [0] * 9
    row_b = [1, 1, 0, 2, 2, 0, 3] + [0] * 9
    assert [codes[x] for x in token_labels(a, "entities")] == row_a
    direct = krippendorff.alpha(
        reliability_data=np.array([row_a, row_b], dtype=float), level_of_measurement="nominal"
    )
    assert report.alpha["entities"].alpha == pytest.approx(direct)


def test_alpha_counts_missing_annotator_as_missing_value():
    a1, b1 = ann(1, "a", **FULL), ann(1, "b", **FULL)
    c2 = ann(2, "c", TEXT2, entities=(ent("Harbor Guild", "ORG", TEXT2),))
    a2 = ann(2, "a", TEXT2, entities=(ent("Harbor Guild", "ORG", TEXT2),))
    shared = {"1": {"a": a1, "b": b1}, "2": {"a": a2, "c": c2}}
    score = token_alpha(shared, "entities")
    assert score.annotators == 3
    assert score.units == len(tokenize(TEXT)) + len(tokenize(TEXT2))
    assert score.alpha == pytest.approx(1.0)


def test_alpha_is_none_when_only_one_label_occurs():
    shared = {"1": {"a": ann(1, "a"), "b": ann(1, "b")}}
    score = token_alpha(shared, "claims")
    assert score.alpha is None
    assert score.units == len(tokenize(TEXT))


def test_pairwise_f1_per_label():
    a = ann(1, "a", entities=FULL["entities"])
    b = ann(
        1,
        "b",
        entities=(ent("Mara Voss", "PERSON"), ent("Ilo Brandt", "ORG"), ent("Kestrel", "GPE")),
    )
    scores = {(p.layer, p.label, p.criterion): p for p in pair_scores({"1": {"a": a, "b": b}})}
    total = scores[("entities", ALL_LABELS, "exact")]
    assert (total.matched, total.only_a, total.only_b) == (2, 1, 1)
    assert total.f1 == pytest.approx(4 / 6)
    assert scores[("entities", "PERSON", "exact")].f1 == pytest.approx(2 / 3)
    assert scores[("entities", "ORG", "exact")].f1 == 0.0
    assert scores[("entities", "GPE", "exact")].f1 == 1.0
    assert scores[("quotes", ALL_LABELS, "exact")].f1 is None
    assert scores[("quotes", ALL_LABELS, "overlap_30")].f1 is None


@pytest.mark.parametrize(
    "phrase_b, agree",
    [
        ("40 new buses arrive soon", True),
        ("40 new buses", True),  # 12 of 24 code points: 50 % >= 30 %
        ("soon", False),  # 4 of 24: below 30 %
    ],
)
def test_quotes_agree_at_30_percent_overlap(phrase_b, agree):
    a = ann(1, "a", quotes=(quote("40 new buses arrive soon"),))
    b = ann(1, "b", quotes=(quote(phrase_b),))
    scores = {(p.layer, p.label, p.criterion): p for p in pair_scores({"1": {"a": a, "b": b}})}
    assert scores[("quotes", ALL_LABELS, "overlap_30")].matched == int(agree)
    assert scores[("quotes", "indirect", "overlap_30")].matched == int(agree)
    assert scores[("quotes", ALL_LABELS, "exact")].matched == int(
        phrase_b == "40 new buses arrive soon"
    )


@pytest.mark.parametrize(
    "phrase_b, agree",
    [("40 new buses", True), ("40 new", True), ("40", False)],  # 6/12 = 50 %, 2/12 < 50 %
)
def test_claims_agree_at_50_percent_overlap(phrase_b, agree):
    a = ann(1, "a", claims=(claim("40 new buses", 40, "bus"),))
    b = ann(1, "b", claims=(claim(phrase_b, 40, "bus"),))
    scores = {(p.layer, p.label, p.criterion): p for p in pair_scores({"1": {"a": a, "b": b}})}
    assert scores[("claims", ALL_LABELS, "overlap_50")].matched == int(agree)
    assert scores[("claims", ALL_LABELS, "exact")].matched == int(phrase_b == "40 new buses")


def test_pairs_only_compare_tasks_both_annotated():
    rows = {
        "1": {"a": ann(1, "a", **FULL), "b": ann(1, "b", **FULL)},
        "2": {"a": ann(2, "a", TEXT2), "c": ann(2, "c", TEXT2)},
        "3": {"b": ann(3, "b", TEXT2)},
    }
    pairs = {(p.annotator_a, p.annotator_b) for p in pair_scores(rows)}
    assert pairs == {("a", "b"), ("a", "c")}


# --------------------------------------------------------------------------- edit rate


PRED_ENT = ent("Ilo Brandt", "PERSON")
PRED_CLAIM = claim("40 new buses", 40, "bus")


@pytest.mark.parametrize(
    "entities, claims, expected_entities, expected_claims",
    [
        # kept, changed, deleted, added
        ((PRED_ENT,), (PRED_CLAIM,), (1, 0, 0, 0), (1, 0, 0, 0)),
        ((ent("Brandt", "PERSON"),), (), (0, 1, 0, 0), (0, 0, 1, 0)),
        (
            (ent("Ilo Brandt", "ORG"),),
            (claim("40 new buses", 4, "bus"),),
            (0, 1, 0, 0),
            (0, 1, 0, 0),
        ),
        ((), (claim("40 new buses", 40, "bus", qualifier="approx"),), (0, 0, 1, 0), (0, 1, 0, 0)),
        ((PRED_ENT, ent("Kestrel", "GPE")), (PRED_CLAIM,), (1, 0, 0, 1), (1, 0, 0, 0)),
        ((ent("Mara Voss", "PERSON"),), (PRED_CLAIM,), (0, 0, 1, 1), (1, 0, 0, 0)),
    ],
    ids=[
        "kept",
        "boundary-changed",
        "label-or-value-changed",
        "deleted",
        "added",
        "deleted-and-added",
    ],
)
def test_edit_counts_truth_table(entities, claims, expected_entities, expected_claims):
    prediction = pred(1, entities=(PRED_ENT,), claims=(PRED_CLAIM,))
    annotation = ann(1, "a", entities=entities, claims=claims)
    counts = edit_counts(prediction, annotation)
    for layer, expected in (("entities", expected_entities), ("claims", expected_claims)):
        c = counts[layer]
        assert (c.kept, c.changed, c.deleted, c.added) == expected
        assert c.kept + c.changed + c.deleted == c.predicted == 1


def test_edit_counts_see_speaker_changes():
    speaker = ent("Mara Voss", "PERSON")
    q = quote("40 new buses arrive soon")
    with_speaker = Quote(q.start, q.end, q.text, q.kind, speaker)
    counts = edit_counts(pred(1, quotes=(q,)), ann(1, "a", quotes=(with_speaker,)))["quotes"]
    assert (counts.kept, counts.changed) == (0, 1)


def test_edit_rate_sums_submitted_annotations_with_rates(tmp_path):
    rows = [
        ann(1, "a", entities=(PRED_ENT,)),
        ann(1, "b", entities=(PRED_ENT, ent("Kestrel", "GPE"))),
        ann(1, "c", entities=(), status="skipped"),
    ]
    report = agreement_report(gold_dir(tmp_path, rows, [pred(1, entities=(PRED_ENT,))]))
    e = report.edits["entities"]
    assert (e.annotations, e.predicted, e.kept, e.added, e.annotated) == (2, 2, 2, 1, 3)
    assert e.kept_rate == 1.0
    assert e.added_rate == pytest.approx(1 / 3)
    assert report.skipped == 1


def test_edit_rate_leaves_out_predictions_on_other_text(tmp_path):
    rows = [ann(1, "a", entities=(PRED_ENT,)), ann(2, "a", TEXT2)]
    other = AnnotatedDoc("doc-1", TEXT + " More.", entities=(PRED_ENT,), meta={"task_id": 1})
    report = agreement_report(gold_dir(tmp_path, rows, [other]))
    assert report.edits["entities"].annotations == 0
    assert "1 annotation of tasks without a prediction: no edit rate" in report.notes
    assert any("text differs" in note for note in report.notes)


def test_no_predictions_file_means_no_edit_rate(tmp_path):
    report = agreement_report(gold_dir(tmp_path, [ann(1, "a", **FULL)]))
    assert report.edits is None
    assert any("predictions.jsonl" in note for note in report.notes)


# --------------------------------------------------------------------------- the table


def test_only_submitted_and_latest_annotations_count(tmp_path):
    old = ann(1, "a", aid=1)
    new = ann(1, "a", aid=2, entities=(PRED_ENT,))
    draft = ann(1, "b", status="draft", entities=(PRED_ENT,))
    table = read_annotation_table(gold_dir(tmp_path, [old, new, draft]))
    assert [a.doc.meta["annotation_id"] for a in table.annotations] == [2]
    assert (table.drafts, table.superseded) == (1, 1)


def test_updated_at_decides_the_latest(tmp_path):
    newer = ann(1, "a", aid=1)
    newer.meta["updated_at"] = "2026-01-02T00:00:00Z"
    older = ann(1, "a", aid=2)
    older.meta["updated_at"] = "2026-01-01T00:00:00Z"
    table = read_annotation_table(gold_dir(tmp_path, [newer, older]))
    assert [a.doc.meta["annotation_id"] for a in table.annotations] == [1]


def test_directory_without_annotations_gives_an_empty_report(tmp_path):
    table = read_annotation_table(tmp_path)
    assert table.missing == "annotations.jsonl" and table.annotations == ()
    report = agreement_report(tmp_path)
    assert report.annotations == 0 and report.edits is None
    assert report.notes == (
        "no annotations.jsonl in the gold directory: nothing to compare; "
        "make one with 'goldsmith annotate pull'",
    )


def test_not_a_directory_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="not a directory"):
        read_annotation_table(tmp_path / "nothing")


def test_unreadable_annotations_file_is_an_input_error(tmp_path):
    (tmp_path / "annotations.jsonl").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(InputError, match="annotations.jsonl: not UTF-8"):
        read_annotation_table(tmp_path)


def test_missing_annotator_names_the_line(tmp_path):
    row = ann(1, "a")
    del row.meta["annotator"]
    gold_dir(tmp_path, [ann(1, "b"), row])
    with pytest.raises(SchemaError, match=r"annotations\.jsonl:2: missing meta field 'annotator'"):
        read_annotation_table(tmp_path)


def test_empty_annotations_file_gives_an_empty_report(tmp_path):
    (tmp_path / "annotations.jsonl").write_text("", encoding="utf-8")
    report = agreement_report(tmp_path)
    assert report.annotations == 0
    assert report.notes[0] == "no submitted annotations"
    assert all(a.alpha is None for a in report.alpha.values())


def test_report_to_dict_is_json(tmp_path):
    rows = [ann(1, "a", **FULL), ann(1, "b", **FULL)]
    data = agreement_report(gold_dir(tmp_path, rows, [pred(1, **FULL)])).to_dict()
    text = json.dumps(data)
    back = json.loads(text)
    assert back["alpha"]["entities"]["alpha"] == pytest.approx(1.0)
    assert back["edits"]["claims"]["kept"] == 2
    assert any(s["label"] == "PERSON" and s["f1"] == 1.0 for s in back["summed"])
    assert {s["criterion"] for s in back["summed"]} == {"exact", "overlap_30", "overlap_50"}
    assert not any(isinstance(v, float) and math.isnan(v) for v in back["alpha"].values())


# --------------------------------------------------------------------------- invariants

_WORDS = "Ada Brook met Cai Dunn and Eve Fane in Gort and Hale on Monday ."


@st.composite
def _entity_sets(draw) -> tuple[Entity, ...]:
    tokens = tokenize(_WORDS)
    picks = draw(
        st.lists(
            st.tuples(
                st.integers(0, len(tokens) - 1),
                st.integers(1, 3),
                st.sampled_from(["PERSON", "GPE", "DATE"]),
            ),
            max_size=6,
        )
    )
    out = []
    for first, length, label in picks:
        last = tokens[min(first + length, len(tokens)) - 1]
        start = tokens[first].start
        out.append(Entity(start, last.end, _WORDS[start : last.end], label))
    return tuple(out)


@given(_entity_sets(), _entity_sets())
def test_edit_counts_partition_the_predictions(predicted, annotated):
    counts = edit_counts(
        AnnotatedDoc("d", _WORDS, entities=predicted), AnnotatedDoc("d", _WORDS, entities=annotated)
    )["entities"]
    assert counts.kept + counts.changed + counts.deleted == counts.predicted == len(predicted)
    assert 0 <= counts.added <= counts.annotated == len(annotated)


@given(_entity_sets())
def test_annotator_against_a_copy_of_itself_agrees_fully(entities):
    a = AnnotatedDoc("d", _WORDS, entities=entities)
    b = AnnotatedDoc("d", _WORDS, entities=tuple(reversed(entities)))
    [total] = [
        p
        for p in pair_scores({"1": {"a": a, "b": b}})
        if p.layer == "entities" and p.label == ALL_LABELS and p.criterion == "exact"
    ]
    assert total.f1 == (1.0 if entities else None)
    score = token_alpha({"1": {"a": a, "b": b}}, "entities")
    assert score.alpha == (pytest.approx(1.0) if score.labels else None)
