"""Quoted text that is nobody's words: scare quotes, titles and names (ANNOTATION_SPEC.md 4).

The rules applied by :mod:`goldsmith.annotate.rules.quotes` before a quoted region becomes
a quote: a region right after "so-called", "titled", "entitled" or "headlined" is a scare
quote or a title (:func:`marked_scare_quote`); a few capitalised words outside a headline
that no speech verb reports name a work (:func:`names_a_work`); one lower-case noun that no
speech verb or noun reports is a term (:func:`is_scare_word`).

Example:
    >>> marked_scare_quote("the so-called “closed” primaries", region)   # doctest: +SKIP
    True
"""

from __future__ import annotations

import re

from goldsmith.annotate.rules.headlines import is_title_case
from goldsmith.annotate.rules.quote_context import Candidate, DocContext
from goldsmith.annotate.rules.quote_marks import QuotedRegion
from goldsmith.annotate.rules.reported_speech import SENTENCE_END
from goldsmith.annotate.rules.speech_words import is_speech_noun, is_speech_verb

#: A word that marks quoted text as a scare quote or a title, nobody's words (spec 4):
#: "so-called", "a memo titled", "an essay entitled", "a column headlined".
_SCARE_MARKER = re.compile(r"\b(?:so-called|titled|entitled|headlined),?\s*$", re.IGNORECASE)
_SCARE_LOOKBACK = 14
#: A title or name in quotation marks: its words, most of its length (“The Mercy of the
#: Harbor Lights” is seven), and the small words a title leaves in lower case.
_WORDS = re.compile(r"[^\W\d_][\w’'-]*")
_MAX_TITLE_WORDS = 7
_TITLE_SMALL_WORDS = frozenset("a an the of in on for and or to at by with from as but nor".split())


def marked_scare_quote(text: str, region: QuotedRegion) -> bool:
    """Whether quoted text follows a word marking it a scare quote or a title
    ("so-called “closed” primaries", "a memo titled “…”")."""
    return (
        _SCARE_MARKER.search(text, max(0, region.open_at - _SCARE_LOOKBACK), region.open_at)
        is not None
    )


def names_a_work(ctx: DocContext, region: QuotedRegion) -> bool:
    """Whether quoted text is a title or a name, nobody's words (ANNOTATION_SPEC.md 4):
    a few words all capitalised but for small function words, with no final . ? ! inside
    the marks (“Harbor Lights,” “Gang of Four”), outside a title-case line (a headline,
    where every quote is capitalised and may be speech) and not the object of a speech
    verb ("called him “Captain Chaos”" reports a name someone used)."""
    words = _WORDS.findall(ctx.text, region.start, region.end)
    content = ctx.text[region.start : region.end].rstrip(", ")
    if not words or len(words) > _MAX_TITLE_WORDS or content[-1:] in SENTENCE_END:
        return False
    if not all(w[0].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words[1:]):
        return False
    p_start, p_end = ctx.paras[region.paragraph]
    if not words[0][0].isupper() or is_title_case(ctx.text[p_start:p_end]):
        return False
    first, last = ctx.token_index(region.start), ctx.token_index(region.end) - 1
    heads = {t.head for t in ctx.doc[first : last + 1] if not first <= t.head.i <= last}
    return not any(is_speech_verb(h) for h in heads)


def is_scare_word(ctx: DocContext, item: Candidate) -> bool:
    """Whether a partial quote is one lower-case noun, not ending a sentence, that no
    speech verb or speech noun reports ("a 2010 “playbook” published by …", "it was no
    “concession”"): a term in quotation marks, nobody's words (ANNOTATION_SPEC.md 4). A
    word someone is reported as using stays ("called him a “hater”"), and so do other
    words, often someone's verdict ("rejected the idea as “ludicrous”"), and a word
    ending a sentence ("making sure it is “updated.”")."""
    if item.kind != "partial":
        return False
    words = ctx.text[item.start : item.end].rstrip(",;:")
    if not words or " " in words or not words[0].islower() or words[-1] in SENTENCE_END:
        return False
    first = ctx.token_index(item.start)
    if ctx.token_index(item.end) - first != 1 or ctx.doc[first].pos_ != "NOUN":
        return False
    verb = item.verb
    return verb is None or not (is_speech_verb(verb) or is_speech_noun(verb))
