"""Reported speech that goes on after a closing quotation mark: ``indirect`` tails.

The rule (ANNOTATION_SPEC.md 2, ``indirect``: reported speech without quotation marks
introduced by a speech verb, the reported clause only): a quote followed, with no comma
between, by a subordinate clause that runs up to the attribution closing the sentence
(“…” that the port can recover, said Ana Ruiz; “…” because the fees would rise, he said)
reports that clause too, in the writer's words: it is an ``indirect`` span from after
the closing mark (without a leading "that") to the comma before the attribution, with
the attribution's speech verb. The clause opens with a subordinating word ("that", "if",
"because", "when", "unless", "since", "although", "as"; not a relative "that": “…” that
is sexist, he said), holds a verb and a subject, has three tokens or more, and lies
outside quotation marks; the attribution after the comma is a speech verb and its
subject with nothing else but a description of the speaker.

Example:
    >>> [(c.start, c.end) for c in tail_candidates(ctx, regions)]   # doctest: +SKIP
    [(41, 66)]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.quote_context import Candidate, DocContext
from goldsmith.annotate.rules.speech_words import is_speech_verb

if TYPE_CHECKING:
    from goldsmith.annotate.rules.quote_marks import QuotedRegion

_OPENERS = frozenset("that if because when unless since although though as".split())
_MIN_TOKENS = 3
#: Tokens after the comma an attribution may take: "said Steve Elmendorf, deputy
#: campaign manager for John Kerry's campaign" is about a dozen.
_MAX_ATTRIBUTION_TOKENS = 16


def tail_candidates(ctx: DocContext, regions: Sequence[QuotedRegion]) -> list[Candidate]:
    """``indirect`` candidates for the clauses that follow quotes (see module rules)."""
    doc = ctx.doc
    found = []
    for n, region in enumerate(regions):
        p_end = ctx.paras[region.paragraph][1]
        limit = p_end
        if n + 1 < len(regions) and regions[n + 1].paragraph == region.paragraph:
            limit = regions[n + 1].open_at
        i = ctx.token_index(region.outer_end)
        if i >= len(doc) or doc[i].idx >= limit or doc[i].lower_ not in _OPENERS:
            continue
        sent_end = doc[i].sent.end
        comma = next((t.i for t in doc[i:sent_end] if t.text == "," and t.idx < limit), None)
        if comma is None:
            continue
        verb = _attribution_verb(doc, comma + 1, sent_end, limit)
        if verb is None:
            continue
        left = i + 1 if doc[i].lower_ == "that" else i
        clause = doc[left:comma]
        if len(clause) < _MIN_TOKENS or not any(t.pos_ in ("VERB", "AUX") for t in clause):
            continue
        if doc[i].tag_ == "WDT" or not any(t.dep_ in ("nsubj", "nsubjpass") for t in clause):
            continue  # “…” that is sexist, he said: a relative clause of the quote
        if ctx.finder.overlaps_blocked(clause.start_char, clause.end_char):
            continue
        found.append(Candidate(clause.start_char, clause.end_char, "indirect", verb=verb))
    return found


def _attribution_verb(doc, start: int, end: int, limit: int):
    """The speech verb of an attribution that is all of ``doc[start:end]`` (a subject and
    a speech verb in either order, a description of the speaker after them), or ``None``."""
    tokens = [t for t in doc[start:end] if not (t.is_punct or t.is_space)]
    if not tokens or len(tokens) > _MAX_ATTRIBUTION_TOKENS or doc[start].idx >= limit:
        return None
    verbs = [t for t in tokens[:4] if is_speech_verb(t)]
    if not verbs:
        return None
    verb = verbs[0]
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > verb.i for c in verb.children):
        return None
    return verb
