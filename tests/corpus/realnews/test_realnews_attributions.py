"""PolNeAR brat attributions mapped to the spec (direct, speech-cue indirect, named source)."""

from __future__ import annotations

import pytest

from goldsmith.corpus.realnews.attributions import (
    attribution_doc_counts,
    is_name,
    is_speech_cue,
    map_attributions,
    parse_brat,
)
from goldsmith.labels import Entity, Quote

TEXT = (
    "“The bridge will open in May,” Mayor Lena Ortiz said.\n"  # direct, named
    "Aides said the budget was tight.\n"  # indirect, speech cue, unnamed
    "Ortiz believes the river is clean.\n"  # thinking verb: other
    "According to Ortiz, tolls will rise.\n"  # according to: other
    "Ortiz told reporters the vote was close.\n"  # indirect, named
)


def _at(sub: str, occ: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occ + 1):
        start = TEXT.index(sub, start + 1)
    return start, start + len(sub)


def _brat() -> str:
    rows, events = [], []
    specs = [
        ("“The bridge will open in May,”", "said", "Mayor Lena Ortiz"),
        ("the budget was tight", "said", "Aides"),
        ("the river is clean", "believes", "Ortiz"),
        ("tolls will rise", "According to", "Ortiz"),
        ("the vote was close", "told", "Ortiz"),
    ]
    n = 0
    for i, (content, cue, source) in enumerate(specs, start=1):
        ids = []
        for label, sub in (("Content", content), ("Cue", cue), ("Source", source)):
            n += 1
            occ = {"Ortiz": {3: 1, 4: 2, 5: 3}.get(i, 0)}.get(sub, 0)
            s, e = _at(sub, occ)
            rows.append(f"T{n}\t{label} {s} {e}\t{TEXT[s:e]}")
            ids.append(f"{label}:T{n}")
        events.append(f"E{i}\tAttribution:T0 " + " ".join(ids))
    return "\n".join(rows + ["#1\tAnnotatorNotes T1\ta note", *events]) + "\n"


def test_parse_brat_skips_notes_and_continuation_lines():
    ann = "T1\tContent 0 5;9 12\tfirst line\nsecond line of the same span\nE1\tContent:T1\n"
    spans, events = parse_brat(ann)
    assert spans["T1"].segments == ((0, 5), (9, 12))
    assert events == [{"Content": "T1"}]


def test_mapping_kinds_pieces_and_sources():
    atts = map_attributions(TEXT, _brat())
    assert [a.kind for a in atts] == ["direct", "indirect", "other", "other", "indirect"]
    direct = atts[0]
    # quotation marks and the comma before the closing mark are outside the piece
    assert [p.text for p in direct.pieces] == ["The bridge will open in May"]
    assert direct.named and direct.source.text == "Mayor Lena Ortiz"
    assert not atts[1].named and atts[1].pieces[0].text == "the budget was tight"
    assert atts[4].named and atts[4].source.start == _at("Ortiz", 3)[0]


def test_direct_content_over_two_paragraphs_gives_one_piece_each():
    text = "“First part of it.\n“Second part.” he said"
    cue, src = text.index("said"), text.index("he said")
    ann = f"T1\tContent 0 {src - 1}\tx\nT2\tCue {cue} {cue + 4}\tsaid\n"
    ann += f"T3\tSource {src} {src + 2}\the\n"
    ann += "E1\tAttribution:T9 Content:T1 Cue:T2 Source:T3\n"
    (att,) = map_attributions(text, ann)
    assert att.kind == "direct"
    assert [p.text for p in att.pieces] == ["First part of it.", "Second part."]


def test_indirect_needs_a_source():
    text = "It was said that rents rose."
    ann = (
        "T1\tContent 12 27\tx\nT2\tCue 7 11\tsaid\nE1\tAttribution-no-source:T5 Content:T1 Cue:T2\n"
    )
    (att,) = map_attributions(text, ann)
    assert att.kind == "other"


@pytest.mark.parametrize(
    ("cue", "speech"),
    [
        ("said", True),
        ("tweeted", True),
        ("wrote on Twitter", True),
        ("said in a statement", True),
        ("replied", True),
        ("denies", True),
        ("according to", False),
        ("believes", False),
        ("called", False),
        ("show", False),
        (":", False),
    ],
)
def test_speech_cues(cue, speech):
    assert is_speech_cue(cue) is speech


@pytest.mark.parametrize(
    ("source", "named"),
    [
        ("Lena Ortiz", True),
        ("Mr. Ortiz", True),
        ("Ortiz, the mayor,", True),
        ("Bank of Nowhere", True),
        ("she", False),
        ("The mayor", False),
        ("Officials", False),
        ("city officials", False),
        ("Ortiz’s aides", False),
        ("His", False),
    ],
)
def test_names(source, named):
    assert is_name(source) is named


def test_counts_recall_and_named_speaker_agreement():
    atts = map_attributions(TEXT, _brat())
    ortiz = Entity(*_at("Ortiz"), "Ortiz", "PERSON")
    wrong = Entity(*_at("Aides"), "Aides", "SOURCE")
    s, e = _at("The bridge will open in May")
    predicted = [
        Quote(s, e, TEXT[s:e], "direct", ortiz),  # last word matches "Mayor Lena Ortiz"
        Quote(*_at("the vote was close"), "the vote was close", "indirect", wrong),
    ]
    counts = attribution_doc_counts(atts, predicted)
    assert (counts.direct.correct, counts.direct.total) == (1, 1)
    assert (counts.indirect.correct, counts.indirect.total) == (1, 2)
    assert (counts.speaker.correct, counts.speaker.total) == (1, 2)
    total = counts + counts
    assert total.figures()["polnear.indirect_speech_recall"].total == 4


def test_a_quote_overlapping_less_than_30_percent_is_not_a_match():
    atts = map_attributions(TEXT, _brat())
    s, _ = _at("The bridge")
    counts = attribution_doc_counts(atts, [Quote(s, s + 5, TEXT[s : s + 5], "direct", None)])
    assert counts.direct.correct == 0
