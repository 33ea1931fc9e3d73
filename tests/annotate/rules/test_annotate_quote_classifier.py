"""Tests of goldsmith.annotate.rules.quote_classifier: the features of a partial quote, the
logistic inference, the filter, and the packaged weights."""

from __future__ import annotations

import json

import pytest

from goldsmith.annotate.rules.quote_classifier import (
    WEIGHTS,
    FragmentClassifier,
    fragment_features,
    is_judged,
    repeated_fragments,
)
from goldsmith.annotate.rules.quotes import find_quotes, quote_items
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


def _judged(nlp, text: str, *names: tuple[str, str]):
    ctx, items = quote_items(nlp(text), _entities(text, *names))
    judged = [i for i in items if is_judged(ctx, i)]
    repeated = repeated_fragments(ctx, judged)
    return {
        text[i.start : i.end]: set(
            fragment_features(ctx, i, text[i.start : i.end].lower() in repeated)
        )
        for i in judged
    }


def test_features_of_a_term_and_of_reported_words(nlp) -> None:
    text = (
        "Neighbors in Pelton now ride along the “ribbon of chaos” every morning.\n"
        "Councilor Mara Voss said the lanes were “a gift to all of us who walk.”"
    )
    feats = _judged(nlp, text, ("Pelton", "GPE"), ("Mara Voss", "PERSON"))
    term, words = feats["ribbon of chaos"], feats["a gift to all of us who walk."]
    assert {"bias", "words=3", "lower", "after_determiner"} <= term
    assert not {"ends_sentence", "first_person", "sentence_speech_verb", "capital"} & term
    assert "attribution=speech" not in term and "under_speech_verb" not in term
    assert {"words=7-12", "ends_sentence", "first_person", "has_verb"} <= words
    assert {"attribution=speech", "sentence_speech_verb", "under_speech_verb"} <= words
    assert "sentence_person" in words and "previous_speech_verb" not in words


def test_features_of_names_titles_and_modifiers(nlp) -> None:
    text = (
        "The mayor spoke on KZRT's “Valley Morning Hour.” Later the “slow streets” plan "
        "passed, and critics called it “Operation Gridlock” before the 'slow streets' vote."
    )
    feats = _judged(nlp, text)
    show = feats["Valley Morning Hour."]
    assert {"capital", "title_case", "ends_sentence", "possessive_before"} <= show
    assert {"preposition=on", "dep=pobj", "attribution=speech"} <= show  # "spoke on"
    assert "noun_after" in feats["slow streets"] and "repeated" in feats["slow streets"]
    named = feats["Operation Gridlock"]
    assert "governor_names" in named and "title_case" in named


def test_probability_is_the_logistic_of_the_summed_weights() -> None:
    classifier = FragmentClassifier({"bias": 1.0, "title_case": -3.0}, 0.5)
    assert classifier.probability(["bias"]) == pytest.approx(1 / (1 + 2.718281828**-1))
    assert classifier.probability(["bias", "title_case", "unknown"]) == pytest.approx(
        1 / (1 + 2.718281828**2)
    )
    assert classifier.probability(["bias"] * 1000) == pytest.approx(1.0)


def test_filter_drops_only_partial_quotes_below_the_threshold(nlp) -> None:
    text = (
        "“We will rebuild the pier,” Mayor Mara Voss said on Monday.\n"
        "Residents still love the “slow zone” rules and say the town is “ready to help.”"
    )
    names = (("Mara Voss", "PERSON"),)
    ents = _entities(text, *names)
    picky = FragmentClassifier({"bias": 1.0, "noun_after": -3.0}, 0.5)
    kept = [q.text for q in find_quotes(nlp(text), ents, classifier=picky)]
    everything = [q.text for q in find_quotes(nlp(text), ents, classifier=None)]
    assert "slow zone" in everything and "slow zone" not in kept
    assert "We will rebuild the pier" in kept and "ready to help." in kept
    harsh = FragmentClassifier({"bias": -5.0}, 0.5)
    direct = [q for q in find_quotes(nlp(text), ents, classifier=harsh)]
    assert [q.kind for q in direct] == ["direct"]  # a direct quote is never judged


def test_a_quote_in_a_headline_is_not_judged(nlp) -> None:
    text = "Ruiz Calls Harbor Plan ‘A Total Disaster’ After Vote\nThe vote was close."
    harsh = FragmentClassifier({"bias": -5.0}, 0.5)
    found = find_quotes(nlp(text), _entities(text, ("Ruiz", "PERSON")), classifier=harsh)
    assert [q.text for q in found] == ["A Total Disaster"]
    body = "Ruiz called the harbor plan a “total disaster” after the vote."
    assert find_quotes(nlp(body), _entities(body, ("Ruiz", "PERSON")), classifier=harsh) == []


def test_packaged_weights_load_and_are_names_and_numbers_only() -> None:
    classifier = FragmentClassifier.load()
    assert classifier is FragmentClassifier.load()  # read once
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert set(data) == {"threshold", "weights"}
    assert len(classifier.weights) > 30
    assert all(" " not in name and len(name) < 60 for name in classifier.weights)


def test_a_bad_weights_file_names_the_file_and_the_command(tmp_path) -> None:
    bad = tmp_path / "w.json"
    bad.write_text('{"weights": []}', encoding="utf-8")
    with pytest.raises(InputError, match=r"w\.json.*train_quotes\.py"):
        FragmentClassifier.load(bad)


def test_packaged_weights_drop_a_show_title_and_keep_reported_words(nlp) -> None:
    text = (
        "The mayor spoke on KZRT's “Valley Morning Hour.” Councilor Mara Voss said the "
        "lanes were “a gift to all of us who walk.”"
    )
    ents = _entities(text, ("Mara Voss", "PERSON"))
    rules = [q.text for q in find_quotes(nlp(text), ents, classifier=None)]
    learned = [q.text for q in find_quotes(nlp(text), ents)]
    assert rules == ["Valley Morning Hour.", "a gift to all of us who walk."]
    assert learned == ["a gift to all of us who walk."]
