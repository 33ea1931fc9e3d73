"""The labels and the trainer of the partial-quote classifier (corpus/realnews/train_quotes.py)."""

from __future__ import annotations

from goldsmith.annotate.rules.quote_classifier import FragmentClassifier
from goldsmith.corpus.realnews.train_quotes import content_ranges, fit, polnear_label

#: An invented article: "Ruiz said the pier was “a mess,” and a “harbor tax” passed."
_ANN = "\n".join(
    [
        "T1\tSource 0 4\tRuiz",
        "T2\tCue 5 9\tsaid",
        "T3\tContent 10 31\tthe pier was “a mess,”",
        "T4\tAttribution 5 9\tsaid",
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
        "T5\tContent 40 55\ta “harbor tax”",
        "T6\tAttribution 36 39\tand",
        "E2\tAttribution:T6 Content:T5",
    ]
)


def test_contents_count_only_attributions_with_source_and_cue():
    assert content_ranges(_ANN) == [(10, 31)]


def test_a_fragment_is_speech_when_half_of_it_lies_in_one_content():
    contents = [(10, 31), (40, 50)]
    assert polnear_label(24, 30, contents)  # “a mess” inside the first content
    assert polnear_label(45, 55, contents)  # half inside the second
    assert not polnear_label(46, 60, contents)
    assert not polnear_label(24, 30, [])


def test_fit_is_deterministic_and_learns_a_separating_feature():
    feats = [["bias", "speech"]] * 30 + [["bias", "title"]] * 10 + [["bias"]] * 5
    labels = [True] * 30 + [False] * 10 + [True, False, True, True, False]
    weights = fit(feats, labels)
    assert weights == fit(feats, labels)
    classifier = FragmentClassifier(weights, 0.5)
    assert classifier.probability(["bias", "speech"]) > 0.9
    assert classifier.probability(["bias", "title"]) < 0.2
    assert weights["speech"] > 0 > weights["title"]
