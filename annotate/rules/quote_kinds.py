"""The kind of quoted text: ``direct`` or ``partial`` (ANNOTATION_SPEC.md section 2; rule 2
of :mod:`goldsmith.annotate.rules.quotes`).

The rule: ``direct`` when the quote opens a sentence (paragraph start, after . ? ! : or
another quote, markup tags aside), or follows a comma, dash or speech verb with a
capital letter (or resumes an interrupted quote: "A," he said, "b."), and it ends a
sentence or clause (ends in . ? ! , inside the marks, is followed by the end of the
sentence, by its attribution, by another quote or by a dash: "“…” – Ana Ruiz"). Any
other quoted text is ``partial``.

Example:
    >>> quote_kind(ctx, region, follows=True, resumed=False)   # doctest: +SKIP
    'direct'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from goldsmith.annotate.rules.quote_context import DocContext
from goldsmith.annotate.rules.quote_marks import MARKUP_TAG, QuotedRegion
from goldsmith.annotate.rules.reported_speech import SENTENCE_END
from goldsmith.annotate.rules.speech_words import is_speech_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc

_CLAUSE_END = ".?!…,;:"
_OPENERS = '“"„«‘'
#: Blanks inside a paragraph: spaces, tabs and the non-breaking space U+00A0 that real
#: articles put before a quote ("… USA Today.\u00a0“This …”").
_BLANKS = " \t\u00a0"


#: Characters looked at before an opening mark to find the last one before it: only
#: the nearest non-blank character decides whether the quote opens a sentence, and 200
#: is far more than any run of spaces, while a slice of the whole paragraph would be
#: copied for every quote of a long paragraph.
_LOOKBACK_CHARS = 200

#: Tokens looked at after a closing mark for the attribution ("…,” the minister said
#: on Monday): subject and verb come within six tokens, or the sentence has moved on.
_ATTRIBUTION_WINDOW = 6


def resumes(ctx: DocContext, region: QuotedRegion, previous: QuotedRegion | None) -> bool:
    """Whether ``region`` resumes ``previous`` after an attribution ("A," he said, "b.")."""
    if previous is None or previous.paragraph != region.paragraph or previous.close_at is None:
        return False
    if ctx.text[previous.start : previous.close_at].rstrip()[-1:] != ",":
        return False
    between = ctx.doc[ctx.token_index(previous.outer_end) : ctx.token_index(region.open_at)]
    return any(is_speech_verb(t) for t in between)


def quote_kind(ctx: DocContext, region: QuotedRegion, follows: bool, resumed: bool) -> str:
    """``direct`` or ``partial`` (module rule); ``follows`` tells that a speech verb comes
    right after the quote, ``resumed`` that it resumes an interrupted quote."""
    text = ctx.text
    p_start = ctx.paras[region.paragraph][0]
    before = text[max(p_start, region.open_at - _LOOKBACK_CHARS) : region.open_at].rstrip(_BLANKS)
    if before.endswith(">"):  # markup before the quote is not text: <tweet …>“…”
        before = MARKUP_TAG.sub("", before).rstrip(_BLANKS)
    prev = before[-1] if before else ""
    content = text[region.start : region.end]
    capital = content[0].isupper() or content[0].isdigit() or content[0] in "[(…'\"‘“."
    if prev in ("", ":", ";", "”", '"', ")") or prev in SENTENCE_END:
        start_ok = True
    elif prev in ",—–-":
        start_ok = capital or resumed
    else:
        i = ctx.token_index(region.open_at) - 1
        start_ok = capital and i >= 0 and is_speech_verb(ctx.doc[i])
    nxt = text[region.outer_end : region.outer_end + 1] if region.close_at is not None else ""
    end_ok = (
        region.close_at is None
        or content[-1] in _CLAUSE_END
        or nxt in ("", "\n")
        or nxt in SENTENCE_END
        or (follows and capital)
        or text[region.outer_end : region.outer_end + _LOOKBACK_CHARS].lstrip(_BLANKS)[:1]
        in _OPENERS + "–—"
    )
    return "direct" if start_ok and end_ok else "partial"


def attribution_follows(doc: Doc, after: int) -> bool:
    """Whether a speech verb follows token ``after`` within the attribution window,
    before any other verb, quotation mark or line break."""
    for token in doc[after : after + _ATTRIBUTION_WINDOW]:
        if is_speech_verb(token):
            return True
        if token.pos_ == "VERB" or token.text in _OPENERS or "\n" in token.text:
            return False
    return False
