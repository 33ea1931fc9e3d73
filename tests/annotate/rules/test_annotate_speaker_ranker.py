"""Tests of goldsmith.annotate.rules.speaker_features and speaker_ranker: the candidates
of a quote, their features, and the packaged learned ranker."""

from __future__ import annotations

import json

import pytest

from goldsmith.annotate.rules.quotes import find_quotes, quote_items
from goldsmith.annotate.rules.speaker_features import CandidateIndex, features, none_features
from goldsmith.annotate.rules.speaker_ranker import (
    WEIGHTS,
    SpeakerRanker,
    rule_token,
    scored_candidates,
)
from goldsmith.errors import InputError
from goldsmith.labels.records import Entity


def _entities(text: str, *names: tuple[str, str]) -> list[Entity]:
    found = []
    for surface, label in names:
        start = text.find(surface)
        while start >= 0:
            found.append(Entity(start, start + len(surface), surface, label))
            start = text.find(surface, start + 1)
    return sorted(found, key=lambda e: e.start)


def _speakers(nlp, text: str, names, ranker) -> list[str | None]:
    quotes = find_quotes(nlp(text), _entities(text, *names), ranker=ranker)
    return [q.speaker.text if q.speaker else None for q in quotes]


_TEXT = (
    "Mayor Ana Ruiz met reporters at the <b>harbor</b> on Monday.\n\n"
    "“The bridge will open in May,” she said, while Tom Hale and two officials listened."
)
_NAMES = (("Ana Ruiz", "PERSON"), ("Tom Hale", "PERSON"))


def test_candidates_are_mentions_outside_the_quote_and_markup(nlp) -> None:
    doc = nlp(_TEXT)
    ctx, items = quote_items(doc, _entities(_TEXT, *_NAMES))
    (item,) = items
    cands = CandidateIndex(ctx).around(item, rule_token(ctx, item))
    words = [t.text for t in cands]
    assert {"Ruiz", "she", "Hale", "officials"} <= set(words)
    assert "bridge" not in words and "harbor" not in words and "Monday" not in words
    assert words == sorted(words, key=lambda w: _TEXT.index(w))


def test_features_describe_layout_and_syntax(nlp) -> None:
    doc = nlp(_TEXT)
    ctx, items = quote_items(doc, _entities(_TEXT, *_NAMES))
    (item,) = items
    cands, feats, at = scored_candidates(ctx, CandidateIndex(ctx), item)
    by_word = dict(zip([t.text for t in cands], feats, strict=True))
    assert cands[at].text == "she"
    she = set(by_word["she"])
    assert {"rule", "t=pron:she", "subj", "subj-of-speech", "v=child:nsubj", "side=R"} <= she
    assert {"nearest-R", "para=same", "direct&rule"} <= she
    ruiz = set(by_word["Ruiz"])
    assert {"not-rule", "t=ent:PERSON", "side=L", "para=before", "v=other-sentence"} <= ruiz
    assert "subj" in ruiz and "subj-of-speech" not in ruiz  # "met" is no speech verb
    assert "t=noun:source" in by_word["officials"]
    assert all(f.startswith("direct&") for f in by_word["Hale"][len(by_word["Hale"]) // 2 :])
    assert none_features(ctx, item, True) == ["none", "none&direct", "none&verb", "none&rule"]
    assert features(ctx, item, cands[at], None, cands)[-1] == "direct&rule-none"


def test_packaged_weights_load_and_are_names_and_numbers_only() -> None:
    ranker = SpeakerRanker.load()
    assert ranker is SpeakerRanker.load()  # read once
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert set(data) == {"margin", "weights"}
    assert len(ranker.weights) > 50
    assert all(" " not in name and len(name) < 60 for name in ranker.weights)
    assert ranker.weights["rule"] > ranker.weights["not-rule"]


def test_a_broken_weights_file_names_the_command(tmp_path) -> None:
    path = tmp_path / "w.json"
    path.write_text('{"weights": 3}', encoding="utf-8")
    with pytest.raises(InputError, match="train_speakers.py"):
        SpeakerRanker.load(path)


@pytest.mark.parametrize(
    ("text", "names", "speaker"),
    [
        (
            # a whole-paragraph quote after a paragraph that names its speaker without a
            # speech verb: the rules find no verb and nothing to inherit
            "The shelter on Elm Street is full. Its director, Paul Weir, has asked the city "
            "for beds.\n\n“We turn families away every night.”",
            (("Paul Weir", "PERSON"), ("Elm Street", "FAC")),
            "Paul Weir",
        ),
    ],
)
def test_packaged_ranker_gives_a_speaker_the_rules_missed(nlp, text, names, speaker) -> None:
    assert _speakers(nlp, text, names, None) == [None]
    assert _speakers(nlp, text, names, SpeakerRanker({})) == [None]
    assert _speakers(nlp, text, names, True) == [speaker]


def test_a_signed_quote_the_rules_could_not_place_stays_without_speaker(nlp) -> None:
    text = "Greta Lind spoke.\n\n“The pier will reopen in May.” – @harborwatch"
    assert _speakers(nlp, text, [("Greta Lind", "PERSON")], True) == [None]


def test_the_rules_speaker_stays_when_it_is_the_verbs_subject(nlp) -> None:
    assert _speakers(nlp, _TEXT, _NAMES, True) == ["Ana Ruiz"]
