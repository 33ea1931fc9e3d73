"""Long documents: cut at paragraph boundaries, parsed in pieces, never lost."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from goldsmith.annotate.pieces import local_ignore, pieces, shifted
from goldsmith.annotate.predict import predict
from goldsmith.corpus.documents import Document, doc_id_for
from goldsmith.labels.records import Entity, Quote
from goldsmith.labels.validate import problems

PARAGRAPHS = [
    "Harbor pilots in Valmora stopped work on Tuesday, union leader Petra Lind said.",
    "\u201cWe will stay out until the port listens,\u201d Lind said. About 1,200 workers joined.",
    "The Pentagon said on Friday that 400 engineers had reached eastern Poland.",
    "Mayor Rui Sousa of Lisbon said more than 90 homes were flooded last week.",
]


def _long_text(chars: int) -> str:
    parts, size, i = [], 0, 0
    while size < chars:
        parts.append(PARAGRAPHS[i % len(PARAGRAPHS)])
        size += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)


def test_a_text_within_the_limit_is_one_piece():
    assert pieces("short text", limit=100) == [(0, 10)]


def test_pieces_cover_the_text_and_cut_after_blank_lines():
    text = _long_text(5_000)
    cuts = pieces(text, limit=1_000)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:], strict=False))
    assert all(end - start <= 1_000 for start, end in cuts)
    assert all(text[end - 2 : end] == "\n\n" for _, end in cuts[:-1])


def test_a_paragraph_too_long_is_cut_at_a_line_then_a_sentence_then_a_space():
    assert pieces("aaaa\nbbbb\ncc", limit=8) == [(0, 5), (5, 12)]
    assert pieces("Aa aa. Bb bb. Cc", limit=9) == [(0, 7), (7, 16)]
    assert pieces("aaaa bbbb cccc", limit=6) == [(0, 5), (5, 10), (10, 14)]


def test_a_stretch_without_whitespace_over_the_limit_cannot_be_cut():
    assert pieces("x" * 20 + " y", limit=10) is None


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab .\n"), min_size=1, max_size=200),
    limit=st.integers(3, 40),
)
def test_pieces_are_consecutive_and_within_the_limit(text, limit):
    cuts = pieces(text, limit=limit)
    if cuts is None:
        return
    assert "".join(text[a:b] for a, b in cuts) == text
    assert all(b - a <= limit and b > a for a, b in cuts)


def test_ignore_ranges_are_clipped_and_counted_from_the_piece():
    assert local_ignore(((0, 5), (8, 12), (20, 30)), 10, 25) == ((0, 2), (10, 15))


def test_shifted_moves_a_quote_and_its_speaker():
    quote = Quote(0, 2, "ab", "direct", speaker=Entity(3, 5, "cd", "PERSON"))
    moved = shifted(quote, 10)
    assert (moved.start, moved.end, moved.speaker.start, moved.speaker.end) == (10, 12, 13, 15)


def test_a_document_over_max_length_is_annotated_in_pieces(nlp, monkeypatch):
    text = _long_text(12_000)
    monkeypatch.setattr(nlp, "max_length", 3_000)
    doc = Document(doc_id=doc_id_for(text), text=text)
    out = next(predict([doc], nlp=nlp))
    assert problems(out) == []
    cuts = pieces(text, limit=3_000)
    assert len(cuts) > 3
    regions = [*out.entities, *out.quotes, *out.claims]
    for region in regions:  # no region crosses a cut
        assert any(a <= region.start and region.end <= b for a, b in cuts), region
    # the last piece is annotated like the first: its offsets were shifted back
    last = [e for e in out.entities if e.start >= cuts[-1][0]]
    assert {e.text for e in last} & {"Petra Lind", "Lisbon", "Rui Sousa", "Pentagon", "Poland"}
    # each piece gets what it gets alone, at document offsets
    alone = next(predict([Document("p", text[cuts[1][0] : cuts[1][1]])], nlp=nlp))
    in_second = [(e.start - cuts[1][0], e.text, e.label) for e in out.entities]
    assert {(e.start, e.text, e.label) for e in alone.entities} <= set(in_second)


def test_a_document_that_cannot_be_cut_is_skipped_and_the_run_goes_on(nlp, monkeypatch):
    monkeypatch.setattr(nlp, "max_length", 3_000)
    blob = "x" * 4_000 + "\n\n" + PARAGRAPHS[0]
    docs = [Document("d0", PARAGRAPHS[2]), Document("d1", blob), Document("d2", PARAGRAPHS[3])]
    out = list(predict(docs, nlp=nlp))
    assert [d.doc_id for d in out] == ["d0", "d1", "d2"]
    assert out[1].entities == () and "max_length" in out[1].meta["skipped"]
    assert out[0].entities and out[2].entities
    assert "skipped" not in out[0].meta and "skipped" not in out[2].meta


def test_pieces_give_the_same_output_with_two_processes(nlp, monkeypatch):
    monkeypatch.setattr(nlp, "max_length", 2_000)
    docs = [Document("a", _long_text(5_000)), Document("b", PARAGRAPHS[1])]
    docs.append(Document("c", "y" * 2_500))
    one = list(predict(docs, nlp=nlp, batch_size=2))
    two = list(predict(docs, nlp=nlp, batch_size=2, n_process=2))
    assert two == one


@pytest.mark.timeout(120)
def test_a_1_2_million_character_document_at_spacys_real_limit():
    """A blank pipeline (tokenizer only) keeps the default max_length of 1,000,000 and is
    fast enough to run a 1.2M-character document whole; the real model was checked once
    by hand (see the README)."""
    nlp = spacy.blank("en")
    assert nlp.max_length == 1_000_000
    text = _long_text(1_200_000)
    docs = [Document("long", text), Document("short", PARAGRAPHS[0])]
    out = list(predict(docs, nlp=nlp, layers=("entities",)))
    assert [d.doc_id for d in out] == ["long", "short"]
    assert len(out[0].text) >= 1_200_000 and "skipped" not in out[0].meta
