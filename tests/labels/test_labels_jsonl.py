"""Reading and writing the spec JSONL: validation errors name file and line; round trip."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goldsmith.errors import InputError, SchemaError
from goldsmith.labels import (
    ENTITY_LABELS,
    QUALIFIERS,
    QUOTE_KINDS,
    SPEAKER_LABELS,
    AnnotatedDoc,
    Claim,
    Entity,
    Quote,
    read_jsonl,
    write_jsonl,
)
from goldsmith.labels.gold import read_gold
from goldsmith.labels.jsonl import AtomicJsonlWriter, kept_path, partial_path, write_jsonl_atomic

TEXT = "Mayor Ines Rook said at least 40 buses 🚌 would run."


def _record(**layers):
    base = {"doc_id": "d1", "text": TEXT, "entities": [], "quotes": [], "claims": []}
    base.update(layers)
    return base


def _write_lines(path, *records):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    return path


def test_reads_a_valid_document(tmp_path):
    rec = _record(
        entities=[{"start": 6, "end": 15, "label": "PERSON", "text": "Ines Rook"}],
        claims=[
            {
                "start": 21,
                "end": 38,
                "text": "at least 40 buses",
                "value": 40,
                "unit": "bus",
                "qualifier": "at_least",
            }
        ],
    )
    (doc,) = read_jsonl(_write_lines(tmp_path / "a.jsonl", rec))
    assert doc.entities == (Entity(6, 15, "Ines Rook", "PERSON"),)
    assert doc.claims[0].qualifier == "at_least"


@pytest.mark.parametrize(
    ("layers", "message"),
    [
        ({"entities": [{"start": 6, "end": 99, "label": "PERSON", "text": "x"}]}, "out of range"),
        (
            {"entities": [{"start": 6, "end": 10, "label": "PERSON", "text": "Rook"}]},
            "!= text[6:10]",
        ),
        (
            {"entities": [{"start": 6, "end": 15, "label": "HERO", "text": "Ines Rook"}]},
            "unknown label 'HERO'",
        ),
        (
            {"quotes": [{"start": 0, "end": 5, "text": "Mayor", "kind": "loud", "speaker": None}]},
            "unknown kind 'loud'",
        ),
        (
            {
                "claims": [
                    {
                        "start": 30,
                        "end": 38,
                        "text": "40 buses",
                        "value": 40,
                        "unit": "bus",
                        "qualifier": "lots",
                    }
                ]
            },
            "unknown qualifier 'lots'",
        ),
        (
            {
                "claims": [
                    {
                        "start": 30,
                        "end": 38,
                        "text": "40 buses",
                        "value": 40,
                        "unit": "bus",
                        "qualifier": "range",
                    }
                ]
            },
            "needs a numeric value_high",
        ),
        (
            {
                "claims": [
                    {
                        "start": 30,
                        "end": 38,
                        "text": "40 buses",
                        "value": 40,
                        "unit": "bus",
                        "qualifier": "exact",
                        "value_high": 50,
                    }
                ]
            },
            "only allowed with",
        ),
        (
            {
                "claims": [
                    {
                        "start": 30,
                        "end": 38,
                        "text": "40 buses",
                        "value": "40",
                        "unit": "bus",
                        "qualifier": "exact",
                    }
                ]
            },
            "value must be a number",
        ),
        (
            {
                "quotes": [
                    {
                        "start": 0,
                        "end": 5,
                        "text": "Mayor",
                        "kind": "direct",
                        "speaker": {"start": 6, "end": 15, "text": "Ines Rook", "label": "DATE"},
                    }
                ]
            },
            "unknown speaker label",
        ),
        ({"entities": [{"start": 6, "label": "PERSON", "text": "Ines Rook"}]}, "missing 'end'"),
    ],
)
def test_invalid_record_names_file_line_and_problem(tmp_path, layers, message):
    path = _write_lines(tmp_path / "bad.jsonl", _record(), _record(**layers))
    with pytest.raises(SchemaError) as err:
        list(read_jsonl(path))
    assert f"{path}:2" in str(err.value)
    assert message in str(err.value)


def test_invalid_json_names_line(tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text(json.dumps(_record()) + "\n{not json\n")
    with pytest.raises(SchemaError, match=r"broken\.jsonl:2: invalid JSON"):
        list(read_jsonl(path))


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="nope.jsonl"):
        list(read_jsonl(tmp_path / "nope.jsonl"))


def test_extra_fields_survive_a_round_trip(tmp_path):
    rec = _record(model_version="m-1", source="a.txt")
    (doc,) = read_jsonl(_write_lines(tmp_path / "a.jsonl", rec))
    write_jsonl([doc], tmp_path / "b.jsonl")
    assert json.loads((tmp_path / "b.jsonl").read_text()) == rec


def test_blank_lines_are_skipped(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("\n" + json.dumps(_record()) + "\n\n")
    assert [d.doc_id for d in read_jsonl(path)] == ["d1"]


# -- hypothesis: any valid document survives write-then-read unchanged -------------------

_texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=80
)
_numbers = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
)


@st.composite
def _span(draw, text):
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return start, end, text[start:end]


@st.composite
def valid_docs(draw):
    text = draw(_texts)
    entities = []
    for _ in range(draw(st.integers(0, 4))):
        s, e, t = draw(_span(text))
        entities.append(
            Entity(s, e, t, draw(st.sampled_from(ENTITY_LABELS)), draw(st.none() | st.floats(0, 1)))
        )
    quotes = []
    for _ in range(draw(st.integers(0, 3))):
        s, e, t = draw(_span(text))
        speaker = None
        if draw(st.booleans()):
            ss, se, st_ = draw(_span(text))
            speaker = Entity(ss, se, st_, draw(st.sampled_from(SPEAKER_LABELS)))
        quotes.append(Quote(s, e, t, draw(st.sampled_from(QUOTE_KINDS)), speaker))
    claims = []
    for _ in range(draw(st.integers(0, 3))):
        s, e, t = draw(_span(text))
        qualifier = draw(st.sampled_from(QUALIFIERS))
        high = draw(_numbers) if qualifier == "range" else None
        claims.append(Claim(s, e, t, draw(_numbers), draw(st.text(max_size=10)), qualifier, high))
    meta = draw(
        st.dictionaries(st.sampled_from(["title", "source", "model_version"]), st.text(max_size=10))
    )
    return AnnotatedDoc(
        draw(st.text(min_size=1, max_size=12)),
        text,
        tuple(entities),
        tuple(quotes),
        tuple(claims),
        meta,
    )


@settings(max_examples=200, deadline=None)
@given(docs=st.lists(valid_docs(), max_size=4))
def test_any_valid_document_survives_write_then_read(tmp_path_factory, docs):
    path = tmp_path_factory.mktemp("rt") / "docs.jsonl"
    write_jsonl(docs, path)
    assert list(read_jsonl(path)) == docs


# -- lone surrogates --------------------------------------------------------------------

_ENTITY = {"start": 0, "end": 3, "label": "ORG", "text": "B\\ud83d"}


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({"doc_id": "d1", "text": "Buses \\ud83d ran."}, "text"),
        ({"doc_id": "d1", "text": "Buses ran.", "title": "Bus \\udc00"}, "title"),
        ({"doc_id": "d1", "text": "Bus", "entities": [_ENTITY]}, "entities[0].text"),
    ],
)  # fmt: skip
def test_a_lone_surrogate_is_a_schema_error_naming_line_and_field(tmp_path, record, field):
    path = tmp_path / "p.jsonl"
    raw = json.dumps(record).replace("\\\\u", "\\u")  # a JSON escape, not a backslash
    path.write_text(json.dumps(_record()) + "\n" + raw + "\n", encoding="utf-8")
    with pytest.raises(
        SchemaError, match=rf"p\.jsonl:2: {re.escape(field)} holds a lone surrogate"
    ):
        list(read_jsonl(path))


def test_a_valid_surrogate_pair_is_one_emoji(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text('{"doc_id": "d1", "text": "bus \\ud83d\\ude8c"}\n', encoding="utf-8")
    assert [d.text for d in read_jsonl(path)] == ["bus \U0001f68c"]


def test_gold_with_a_lone_surrogate_is_refused(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "gold.jsonl").write_text(
        '{"doc_id": "d1", "text": "x \\ud83d"}\n', encoding="utf-8"
    )
    with pytest.raises(SchemaError, match=r"gold\.jsonl:1: text holds a lone surrogate U\+D83D"):
        read_gold(tmp_path / "gold")


# -- the atomic writer ------------------------------------------------------------------


def test_atomic_writer_replaces_the_file_only_at_the_end(tmp_path):
    out = tmp_path / "p.jsonl"
    out.write_text("old\n", encoding="utf-8")
    with AtomicJsonlWriter(out) as writer:
        writer.write(AnnotatedDoc("d1", "Hi."))
        assert out.read_text(encoding="utf-8") == "old\n"
        assert partial_path(out).exists()
    assert [d.doc_id for d in read_jsonl(out)] == ["d1"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.jsonl"]


def test_atomic_writer_leaves_nothing_on_an_error(tmp_path):
    out = tmp_path / "p.jsonl"
    with pytest.raises(RuntimeError), AtomicJsonlWriter(out) as writer:
        writer.write(AnnotatedDoc("d1", "Hi."))
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("keep", [True, False])
def test_atomic_writer_on_an_interruption_keeps_only_a_visible_partial(tmp_path, keep):
    out = tmp_path / "p.jsonl"
    with pytest.raises(KeyboardInterrupt), AtomicJsonlWriter(out, keep_on_interrupt=keep) as w:
        w.write(AnnotatedDoc("d1", "Hi."))
        raise KeyboardInterrupt
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == (["p.jsonl.partial"] if keep else [])
    if keep:
        assert [d.doc_id for d in read_jsonl(kept_path(out))] == ["d1"]


@pytest.mark.parametrize("where", ["folder", "under_a_file", "name_too_long", "proc"], ids=str)
def test_atomic_writer_unwritable_path_is_one_input_error(tmp_path, where):
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    out = {
        "folder": tmp_path,
        "under_a_file": tmp_path / "afile" / "p.jsonl",
        "name_too_long": tmp_path / ("n" * 300 + ".jsonl"),
        "proc": Path("/proc/goldsmith-test/p.jsonl"),
    }[where]
    with pytest.raises(InputError, match=re.escape(str(out)) + r": (cannot write|is a folder)"):
        write_jsonl_atomic([AnnotatedDoc("d1", "Hi.")], out)


_PERSON = {"start": 6, "end": 15, "label": "PERSON", "text": "Ines Rook"}
_QUOTE = {"start": 0, "end": 5, "text": "Mayor", "kind": "direct", "speaker": None}
_CLAIM = {
    "start": 21,
    "end": 38,
    "text": "at least 40 buses",
    "value": 40,
    "unit": "bus",
    "qualifier": "at_least",
}


def _scored(layer: str, score: object) -> dict:
    if layer == "speaker":
        return {"quotes": [{**_QUOTE, "speaker": {**_PERSON, "score": score}}]}
    item = {"entities": _PERSON, "quotes": _QUOTE, "claims": _CLAIM}[layer]
    return {layer: [{**item, "score": score}]}


@pytest.mark.parametrize("layer", ["entities", "quotes", "speaker", "claims"])
@pytest.mark.parametrize(
    "score", ["high", "0.5", True, None, float("nan"), float("inf"), 1.5, -0.1]
)
def test_a_region_score_must_be_a_number_from_0_to_1(tmp_path, layer, score):
    # json.dumps writes NaN and Infinity, which Python's json module reads back
    path = _write_lines(tmp_path / "p.jsonl", _record(), _record(**_scored(layer, score)))
    if score is None:
        assert len(list(read_jsonl(path))) == 2
        return
    with pytest.raises(SchemaError, match=r"p\.jsonl:2: .*score must be a number from 0 to 1"):
        list(read_jsonl(path))


@pytest.mark.parametrize("score", [0, 1, 0.25])
def test_scores_at_and_inside_the_bounds_are_kept(tmp_path, score):
    (doc,) = read_jsonl(_write_lines(tmp_path / "p.jsonl", _record(**_scored("claims", score))))
    assert doc.claims[0].score == score
