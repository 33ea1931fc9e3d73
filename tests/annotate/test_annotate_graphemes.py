"""Grapheme clusters: boundaries, snapping, and no predicted region inside a cluster."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goldsmith.annotate.graphemes import is_boundary, snap, snap_spans, snap_speaker
from goldsmith.annotate.predict import predict
from goldsmith.corpus.documents import Document
from goldsmith.labels.records import Entity, Quote
from goldsmith.labels.validate import problems

FLAG = "\U0001f1fa\U0001f1e6"  # 🇺🇦: two regional indicators, one cluster
THUMB = "\U0001f44d\U0001f3fd"  # 👍🏽: emoji + skin-tone modifier
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # 👨‍👩‍👧: ZWJ sequence
E_ACUTE = "e\u0301"  # e + combining acute
HEART = "\u2764\ufe0f"  # ❤️: + variation selector

#: Characters where clusters are interesting, plus plain ones.
_ALPHABET = [
    "a", "e", "M", "1", " ", "\n", "\r", "\t", ".", "\u0301", "\u0300", "\u093c", "\u0915",
    "\u093f", "\u094d", "\u0937", "\u200d", "\u200b", "\ufe0f", "\u00ad", "\u2764",
    "\U0001f468", "\U0001f469", "\U0001f467", "\U0001f44d", "\U0001f3fd", "\U0001f3fb",
    "\U0001f1fa", "\U0001f1e6", "\U0001f1f8", "\U0001f3f4", "\U000e0067", "\u1100", "\u1161",
    "\u11a8", "\uac00", "\uac01",
]  # fmt: skip
_CLUSTERY = st.lists(st.sampled_from(_ALPHABET), min_size=1, max_size=12).map("".join)


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        (FLAG, [1]),
        (FLAG + FLAG, [1, 3]),
        (THUMB, [1]),
        (FAMILY, [1, 2, 3, 4]),
        ("Caf" + E_ACUTE, [4]),
        (HEART, [1]),
        ("\r\n", [1]),
        ("\u1100\u1161\u11a8", [1, 2]),  # jamo: one Hangul syllable
    ],
)
def test_no_boundary_inside_a_cluster(text, inside):
    assert [i for i in range(1, len(text)) if not is_boundary(text, i)] == inside


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("  the " + FLAG + " ", (6, 7), None),  # DATE on the first half of a flag
        ("  the " + FLAG + " ", (7, 8), None),  # ... or on its second half
        (THUMB + " Tuesday", (0, 1), None),  # the emoji without its modifier
        ("Monday " + HEART, (0, 8), (0, 9)),  # ends before the variation selector
        ("Caf" + E_ACUTE + " Lumi", (0, 4), (0, 5)),  # the accent belongs to the word
        ("x" + FLAG + "Kyiv", (2, 7), (1, 7)),  # starts on the second half: moves back
        ("Kyiv " + FAMILY, (0, 4), (0, 4)),  # already on boundaries: unchanged
    ],
)
def test_snap(text, span, expected):
    assert snap(*span, text) == expected


def test_hypothesis_alphabet_agrees_with_the_regex_module():
    regex = pytest.importorskip("regex")

    @settings(max_examples=400, deadline=None)
    @given(text=_CLUSTERY)
    def check(text):
        ends = {m.end() for m in regex.finditer(r"\X", text)} | {0}
        assert {i for i in range(len(text) + 1) if is_boundary(text, i)} == ends

    check()


@settings(max_examples=300, deadline=None)
@given(text=_CLUSTERY, data=st.data())
def test_snapped_region_lies_on_boundaries_and_covers_the_original(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    snapped = snap(start, end, text)
    if snapped is None:  # only when the region is part of one cluster and nothing else
        assert not any(is_boundary(text, i) for i in range(start + 1, end))
        return
    new_start, new_end = snapped
    assert is_boundary(text, new_start) and is_boundary(text, new_end)
    assert new_start <= start < end <= new_end
    assert all(not is_boundary(text, i) for i in range(new_start + 1, start + 1))
    assert all(not is_boundary(text, i) for i in range(end, new_end))


def test_snap_spans_rewrites_text_and_drops_repeats():
    text = "Caf" + E_ACUTE + " opened " + FLAG
    spans = [
        Entity(0, 4, "Cafe", "ORG"),
        Entity(0, 5, "Caf" + E_ACUTE, "ORG"),  # the same region once snapped
        Entity(13, 14, text[13], "DATE"),  # half a flag
    ]
    assert snap_spans(spans, text) == (Entity(0, 5, "Caf" + E_ACUTE, "ORG"),)


def test_snap_speaker_drops_a_speaker_inside_a_cluster():
    text = FLAG + " said it was fine"
    quote = Quote(7, 18, text[7:18], "indirect", speaker=Entity(0, 1, text[0], "PERSON"))
    assert snap_speaker(quote, text).speaker is None


def test_predict_never_outputs_a_region_inside_a_cluster(nlp):
    # spaCy's NER labels the first regional indicator of this flag a DATE
    text = "  the " + FLAG + " "
    out = next(predict([Document(doc_id="d", text=text)], nlp=nlp))
    for region in (*out.entities, *out.claims, *out.quotes):
        assert is_boundary(text, region.start) and is_boundary(text, region.end), region


_PIECES = [FLAG, FLAG[0], FLAG[1], THUMB, THUMB[1], "\u200d", E_ACUTE, "\u0301", HEART]
_PIECES += ["2024", "May", "12", "Monday", "300", "soldiers", "Kyiv", "said", "last week", "the"]
_NEWSY = st.lists(
    st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", " "])), min_size=2, max_size=12
).map(lambda parts: "".join(a + b for a, b in parts))


@settings(max_examples=60, deadline=None)
@given(text=_NEWSY)
def test_predicted_regions_are_on_cluster_boundaries(nlp, text):
    out = next(predict([Document(doc_id="d", text=text)], nlp=nlp))
    assert problems(out) == []
    for region in (*out.entities, *out.claims, *out.quotes):
        assert is_boundary(text, region.start) and is_boundary(text, region.end), region
        speaker = getattr(region, "speaker", None)
        if speaker is not None:
            assert is_boundary(text, speaker.start) and is_boundary(text, speaker.end)
