"""Tests of goldsmith.annotate.rules.embedded_posts: a post left as markup is a block."""

from __future__ import annotations

import pytest

from goldsmith.annotate.rules.embedded_posts import post_candidates
from goldsmith.annotate.rules.quote_context import DocContext
from goldsmith.annotate.rules.quote_marks import quoted_regions
from goldsmith.annotate.rules.quotes import find_quotes
from goldsmith.labels.records import Entity


def posts(nlp, text: str, entities=()) -> list[tuple[str, str | None]]:
    doc = nlp(text)
    blocked = [(r.open_at, r.outer_end) for r in quoted_regions(text)]
    ctx = DocContext.build(doc, list(entities), blocked)
    return [
        (text[c.start : c.end], c.speaker.text if c.speaker else None)
        for c in post_candidates(ctx, blocked)
    ]


@pytest.mark.parametrize(
    ("post", "words"),
    [
        (
            '<tweet id="1" author="@portwatch">The pier reopens Monday.</tweet>',
            "The pier reopens Monday.",
        ),
        # a reply's leading ".", a link and the signature line are not the post's words
        (
            '<tweet author="@portwatch">.@harborchief The cranes are back. -P'
            " pic.twitter.com/xYz12 — Port Watch (@portwatch) May 3, 2016</tweet>",
            "@harborchief The cranes are back.",
        ),
        # closed by <tweet/>, a link glued to the words
        (
            '<tweet tweet-author="@portwatch" tweet-date="May 3, 2016">Ferry fares rise'
            " again.https://t.co/abc<tweet/>",
            "Ferry fares rise again.",
        ),
    ],
)
def test_post_words_are_a_block(nlp, post: str, words: str) -> None:
    text = f"The harbor was busy all week.\n\n{post}.\n\nThe mayor did not reply."
    assert posts(nlp, text) == [(words, None)]


def test_post_speaker_is_the_mention_its_handle_spells(nlp) -> None:
    text = (
        "Ana Ruiz wrote on Twitter on Monday.\n\n"
        '<tweet author="@AnaRuiz">The pier reopens Monday.</tweet>.'
    )
    assert posts(nlp, text, [Entity(0, 8, "Ana Ruiz", "PERSON")]) == [
        ("The pier reopens Monday.", "Ana Ruiz")
    ]


@pytest.mark.parametrize(
    "post",
    [
        '<tweet author="@portwatch">“The pier reopens Monday,” said the chief.</tweet>',
        '<tweet tweet-id="7"><tweet/>',  # an empty post
    ],
)
def test_post_with_quotation_marks_or_no_words_gives_no_block(nlp, post: str) -> None:
    assert posts(nlp, f"{post}.\n\nThe mayor did not reply.") == []


def test_speech_inside_a_post_is_not_annotated_apart(nlp) -> None:
    text = '<tweet author="@portwatch">The chief says the pier is safe. Good.</tweet>.'
    found = find_quotes(nlp(text), [])
    assert [(q.text, q.kind) for q in found] == [
        ("The chief says the pier is safe. Good.", "block")
    ]
