"""Speech set off without quotation marks: ``block`` paragraphs (ANNOTATION_SPEC.md 2).

The rule, as applied by :mod:`goldsmith.annotate.rules.quotes`: a paragraph without
quotation marks after a paragraph whose last sentence introduces speech without
reporting it: it ends in ":" after a speech verb ("…, she said in a radio interview:"),
or ends in a participle speech verb ("…, stating in a BBC interview"); headlines never
introduce a block. The same introduction gives a quote that is its whole paragraph its
speech verb (:func:`intro_verb`).

Example:
    >>> [(c.start, c.end, c.kind) for c in block_candidates(ctx, regions)]  # doctest: +SKIP
    [(38, 65, 'block')]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.quote_context import Candidate, DocContext
from goldsmith.annotate.rules.quote_marks import QuotedRegion
from goldsmith.annotate.rules.reported_speech import SENTENCE_END
from goldsmith.annotate.rules.speech_words import is_speech_verb

if TYPE_CHECKING:
    from spacy.tokens import Token


def block_candidates(ctx: DocContext, regions: Sequence[QuotedRegion]) -> list[Candidate]:
    text = ctx.text
    quoted = {r.paragraph for r in regions}
    items = []
    for number in range(len(ctx.paras) - 1):
        if number + 1 in quoted:
            continue
        verb = intro_verb(ctx, number)
        if verb is None:
            continue
        b_start, b_end = ctx.paras[number + 1]
        while b_end > b_start and text[b_end - 1].isspace():
            b_end -= 1
        if b_end > b_start:
            items.append(Candidate(b_start, b_end, "block", verb=verb))
    return items


def intro_verb(ctx: DocContext, number: int) -> Token | None:
    """The speech verb by which paragraph ``number`` introduces the next one, if it does.

    Its last sentence introduces speech without reporting it: it ends in ":" after a
    speech verb ("…, she said in a radio interview:", "issued the following
    statement:"), or ends in a participle speech verb ("…, stating in a BBC
    interview"); a verb that has its own reported clause, and headlines, never do.
    """
    text, doc = ctx.text, ctx.doc
    if number < 0 or number + 1 >= len(ctx.paras):
        return None
    p_start, p_end = ctx.paras[number]
    line = text[p_start:p_end].rstrip()
    if not line or (line[-1] in SENTENCE_END + '”"’)' and line[-1] != ":"):
        return None
    last = ctx.token_index(p_start + len(line)) - 1
    if last < 0:
        return None
    first = ctx.token_index(p_start)
    start = last
    while start > first and not doc[start].is_sent_start:  # the paragraph's last sentence
        start -= 1
    verbs = [t for t in reversed(doc[start : last + 1]) if is_speech_verb(t, quoted=False)]
    verb = next((t for t in verbs if ctx.finder.subject_of(t) is not None), None)
    verb = verb or (verbs[0] if verbs else None)
    if verb is None or any(c.dep_ == "ccomp" and c.idx < p_end for c in verb.children):
        return None
    if line[-1] != ":" and (verb.tag_ != "VBG" or ctx.is_headline(p_start)):
        return None
    return verb
