"""The predict orchestrator: order, layers, ignore ranges, meta, processes, offsets."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goldsmith.annotate import predict as predict_module
from goldsmith.annotate.model import load_model, model_version
from goldsmith.annotate.predict import predict
from goldsmith.corpus.documents import Document, doc_id_for, normalize_newlines
from goldsmith.errors import InputError
from goldsmith.labels.jsonl import read_jsonl, write_jsonl
from goldsmith.labels.records import Entity, Quote
from goldsmith.labels.schema import SPEAKER_LABELS
from goldsmith.labels.validate import problems

TEXTS = [
    "Harbor pilots in Valmora stopped work on Tuesday. \u201cWe will stay out until the port "
    "listens,\u201d union leader Petra Lind said. About 1,200 workers joined the strike.",
    "The Pentagon said on Friday that 400 engineers had reached eastern Poland. Defense "
    "Secretary Lloyd Austin said the move was temporary.",
    "Rain fell on Lisbon for three days. Mayor Rui Sousa said more than 90 homes were flooded.",
    "Tessa Quill of the Northfield Rowing Club won again. \u201cIt was hard,\u201d Quill said.",
]


def _docs(texts=TEXTS, **kwargs) -> list[Document]:
    return [
        Document(doc_id=doc_id_for(t), text=t, source=f"n{i}.txt", **kwargs)
        for i, t in enumerate(texts)
    ]


def test_yields_one_doc_per_input_in_order(nlp):
    docs = _docs(TEXTS * 3)
    out = list(predict(docs, nlp=nlp, batch_size=2))
    assert [d.doc_id for d in out] == [d.doc_id for d in docs]
    assert [d.text for d in out] == [d.text for d in docs]


def test_is_a_lazy_stream(nlp):
    endless = (Document(doc_id=f"d{i}", text=TEXTS[i % 4]) for i in itertools.count())
    first = list(itertools.islice(predict(endless, nlp=nlp, batch_size=2), 3))
    assert [d.doc_id for d in first] == ["d0", "d1", "d2"]


def test_meta_has_model_version_source_and_title(nlp):
    doc = Document(doc_id="d1", text=TEXTS[0], source="a.txt", title="Strike")
    out = next(predict([doc], nlp=nlp))
    assert out.meta == {"source": "a.txt", "title": "Strike", "model_version": model_version(nlp)}


def test_title_left_out_when_the_document_has_none(nlp):
    out = next(predict(_docs()[:1], nlp=nlp))
    assert "title" not in out.meta


@pytest.mark.parametrize(
    ("layers", "filled"),
    [
        (("entities",), {"entities"}),
        (("claims",), {"claims"}),
        (("quotes",), {"quotes"}),
        (("entities", "claims"), {"entities", "claims"}),
        (("entities", "quotes", "claims"), {"entities", "quotes", "claims"}),
    ],
)
def test_only_the_chosen_layers_are_filled(nlp, layers, filled):
    out = list(predict(_docs(), nlp=nlp, layers=layers))
    for layer in ("entities", "quotes", "claims"):
        total = sum(len(getattr(d, layer)) for d in out)
        assert (total > 0) == (layer in filled), layer


def test_entities_alone_skip_the_parser(nlp):
    assert "parser" in predict_module.disabled_pipes(nlp, ("entities",))
    assert predict_module.disabled_pipes(nlp, ("entities", "quotes")) == ()


def test_entities_alone_match_entities_of_all_layers(nlp):
    alone = [d.entities for d in predict(_docs(), nlp=nlp, layers=("entities",))]
    full = [d.entities for d in predict(_docs(), nlp=nlp)]
    assert alone == full


@pytest.mark.parametrize("layers", [("people",), (), "entities,quotes"])
def test_unknown_or_no_layer_is_an_input_error(nlp, layers):
    with pytest.raises(InputError, match="valid layers"):
        next(predict(_docs(), nlp=nlp, layers=layers))


@pytest.mark.parametrize("option", [{"batch_size": 0}, {"n_process": 0}])
def test_bad_sizes_are_input_errors(nlp, option):
    with pytest.raises(InputError):
        next(predict(_docs(), nlp=nlp, **option))


def test_nothing_is_predicted_inside_an_ignore_range(nlp):
    ad = "BUY THE PENTAGON MUG FROM LISBON TODAY FOR 300 DOLLARS, SAID ANNA REY"
    text = TEXTS[1] + "\n\n" + ad + "\n\n" + TEXTS[3]
    start = text.index(ad)
    ignore = ((start, start + len(ad)),)
    doc = Document(doc_id="d", text=text, ignore=ignore)
    out = next(predict([doc], nlp=nlp))
    regions = [*out.entities, *out.quotes, *out.claims]
    assert regions, "the text around the ad has regions"
    assert all(r.end <= start or r.start >= start + len(ad) for r in regions)
    unfiltered = next(predict([Document(doc_id="d", text=text)], nlp=nlp))
    assert any(start <= e.start < start + len(ad) for e in unfiltered.entities)


def test_speaker_inside_an_ignore_range_is_dropped(nlp, monkeypatch):
    text = "Ada Vey said it was fine. ADA VEY AD LINE"
    ad = (text.index("ADA"), len(text))

    def fake_quotes(doc, entities):
        speaker = Entity(ad[0], ad[0] + 7, "ADA VEY", "PERSON")
        return [Quote(12, 24, "it was fine", "indirect", speaker=speaker)]

    real_finder = predict_module._finder
    monkeypatch.setattr(
        predict_module,
        "_finder",
        lambda layer: fake_quotes if layer == "quotes" else real_finder(layer),
    )
    out = next(
        predict([Document(doc_id="d", text=text, ignore=(ad,))], nlp=nlp, layers=("quotes",))
    )
    assert [(q.text, q.speaker) for q in out.quotes] == [("it was fine", None)]


def test_two_processes_give_the_same_output_as_one(nlp):
    docs = _docs(TEXTS * 3)
    one = list(predict(docs, nlp=nlp, batch_size=2, n_process=1))
    two = list(predict(docs, nlp=nlp, batch_size=2, n_process=2))
    assert two == one


def test_two_processes_stream_lazily(nlp):
    endless = (Document(doc_id=f"d{i}", text=TEXTS[i % 4]) for i in itertools.count())
    first = list(itertools.islice(predict(endless, nlp=nlp, batch_size=2, n_process=2), 5))
    assert [d.doc_id for d in first] == ["d0", "d1", "d2", "d3", "d4"]


def test_output_is_valid_spec(nlp):
    for doc in predict(_docs(), nlp=nlp):
        assert problems(doc) == []


_PIECES = st.sampled_from(
    [
        "Austin",
        "said",
        "he said.",
        "\u201c",
        "\u201d",
        '"',
        "'",
        "\u2018",
        "\u2019",
        "3,000",
        "at least 40",
        "soldiers",
        "North Korea's",
        "the Pentagon",
        "eastern Russia",
        "Defense Secretary Lloyd Austin",
        "\U0001f600",
        "\U0001f1fa\U0001f1f8",
        "\r\n",
        "\n\n",
        "\r",
        "   ",
        "Mr.",
        "on Monday",
        "percent",
        "\u2014",
        "...",
        "(",
        ")",
    ]
)
_TEXTS = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=30).map(
    lambda parts: normalize_newlines(" ".join(parts))
)


@settings(max_examples=40, deadline=None)
@given(text=_TEXTS)
def test_every_region_points_at_its_text(text):
    nlp = load_model()  # cached: loaded once for all examples
    out = next(predict([Document(doc_id="d", text=text)], nlp=nlp))
    assert problems(out) == []
    for region in (*out.entities, *out.quotes, *out.claims):
        assert text[region.start : region.end] == region.text
    for quote in out.quotes:
        if quote.speaker is not None:
            speaker = quote.speaker
            assert text[speaker.start : speaker.end] == speaker.text


def test_a_quote_speaker_is_always_a_speaker_label_so_the_output_reads_back(tmp_path, nlp):
    # Our own generated text (corpus/synthetic.py) on which a speaker labelled DATE was written,
    # a record that read_jsonl then refused ("unknown speaker label").
    text = (
        "TARROW, November 4 (report 8) — Osei Rook, the treasurer of the Farmers' Union, said "
        "more than 2,980 flights had been cancelled in Tarrow since Friday. The water council "
        "said on Wednesday that costs in Tarrow rose by $10 million, according to a report "
        "seen by Piet Moreau."
    )
    out = next(predict([Document(doc_id="d", text=text)], nlp=nlp))
    assert out.quotes
    assert all(q.speaker is None or q.speaker.label in SPEAKER_LABELS for q in out.quotes)
    path = tmp_path / "p.jsonl"
    write_jsonl([out], path)
    assert [d.doc_id for d in read_jsonl(path)] == ["d"]


def test_memory_stays_flat_the_vocabulary_does_not_grow_with_the_corpus(nlp):
    """New words of each document are dropped after its memory zone: over millions of
    documents spaCy's string store would otherwise grow without bound."""
    names = [
        stem + end
        for stem in ("Zorvax", "Quimbly", "Drennick", "Paltrov", "Wexhollow", "Brindle")
        for end in ("ton", "ley", "berg", "mont", "ridge")
    ]
    texts = [
        f"{name} Corp. said on Monday that {i + 3} workers lost their jobs."
        for i, name in enumerate(names)
    ]
    before = len(nlp.vocab.strings)
    docs = list(predict((Document(doc_id=f"z{i}", text=t) for i, t in enumerate(texts)), nlp=nlp))
    assert len(nlp.vocab.strings) == before
    # the records are plain data that outlive the zone
    assert [c.text for c in docs[4].claims] == ["7 workers"]
    assert any(e.text.startswith(names[4]) for e in docs[4].entities)
