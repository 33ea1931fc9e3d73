"""The attribution of quoted text: the speech verb (or name) that says whose words they are.

The rules (rule 3 of :mod:`goldsmith.annotate.rules.quotes`): the nearest speech verb up
the dependency tree from the quote (for partial quotes also a speech noun with a
possessor), else the nearest speech verb in the quote's sentences, else (direct quotes)
any verb whose named or pronoun subject follows the quote and ends the sentence ("“…,”
Oliver barked."), else (partial quotes only) the nearest verb with a subject up the
tree that is not a relative clause describing its noun ("immigrants who are “…”"), or
the verb whose complement that clause is; for a direct quote without any, the speech
verb of the sentence right before it in its paragraph when that sentence holds no
quote ("Ruiz recalled how … “…”"), or a name that is all the text before a colon
("Lopez: “…”", "Said Lopez: “…”"). Only verbs of the quote's own paragraph, outside
quotation marks, count.

Example:
    >>> attribution(ctx, region, first, last, after, "direct")   # doctest: +SKIP
    said
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from goldsmith.annotate.rules.headlines import is_title_case
from goldsmith.annotate.rules.quote_context import DocContext
from goldsmith.annotate.rules.quote_marks import QuotedRegion
from goldsmith.annotate.rules.reported_speech import SENTENCE_END
from goldsmith.annotate.rules.speech_words import SPEECH_LEMMAS, is_speech_noun, is_speech_verb
from goldsmith.labels.records import Entity

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Token

    from goldsmith.annotate.rules.speakers import SpeakerFinder

#: Heads climbed from a quoted token to its speech verb. A quote hangs from its verb
#: directly ("said"), or through a conjunction, a complement and a clause or two ("she
#: said in a statement that the plan, which ..., was 'a mistake'"), or through two
#: relative clauses and the phrases around them ("launched into a lament for the
#: Americans who are victims of immigrants who are “…”", ten levels); twelve covers
#: every attribution in the gold sets and keeps the cost per quote fixed.
_MAX_CLIMB = 12
#: Words of a name between a quote and the verb after it ("“…,” Gene B. Roe barked").
_MAX_TAIL_NAME = 4
_TAIL_PRONOUNS = frozenset(("he", "she", "they"))


def name_before_colon(ctx: DocContext, region: QuotedRegion) -> Entity | None:
    """The speaker of "Name: “quote”": a named entity that is all the text before the
    colon, also after an inverted speech verb ("Said Ruiz: “…”", "Added Hale: “…”"),
    else a person named last in the sentence, right at the colon, when no other name
    there is a subject ("The result doesn't surprise pollster Ann Roe: “…”"; not "Hale
    Praises Ann Roe: ‘…’", nor in a title-case headline; only reached when the sentence
    has no speech verb)."""
    p_start = ctx.paras[region.paragraph][0]
    before = ctx.text[p_start : region.open_at].rstrip()
    if not before.endswith(":"):
        return None
    name = before[:-1].rstrip()
    lead = max(name.rfind(". "), name.rfind("? "), name.rfind("! "))
    start = p_start + (lead + 2 if lead >= 0 else 0)
    while start < p_start + len(name) and ctx.text[start].isspace():
        start += 1
    first = ctx.token_index(start)
    if first + 1 < len(ctx.doc) and ctx.doc[first].lemma_.lower() in SPEECH_LEMMAS:
        start = ctx.doc[first + 1].idx  # "Said Ruiz:" names the speaker after the verb
    whole = ctx.finder.entity_exactly(start, p_start + len(name))
    if whole is not None:
        return whole
    # "The result doesn't surprise pollster Ann Roe: “…”": a person named last, at the colon
    if is_title_case(ctx.text[p_start : ctx.paras[region.paragraph][1]]):
        return None  # a headline: "Hale Praises Ann Roe: ‘…’" (headline_speaker decides)
    named = ctx.finder.entities_within(start, p_start + len(name))
    if not named or named[-1].label != "PERSON" or named[-1].end != p_start + len(name):
        return None
    for other in named[:-1]:  # "Hale Praises Ann Roe: ‘…’": Hale's words
        if any(t.dep_ == "nsubj" for t in ctx.doc.char_span(other.start, other.end) or ()):
            return None
    return named[-1]


def attribution(
    ctx: DocContext, region: QuotedRegion, first: int, last: int, after: int, kind: str
) -> Token | None:
    """The speech verb (or, for partial quotes, any verb with a subject) of a quote.

    Looked for up the dependency tree from the quote, then among the speech verbs of
    the quote's sentences, then (partial quotes only) among verbs with a subject up the
    tree, then (direct quotes only) the verb of a name right after the quote that ends
    its sentence ("“…,” Oliver barked."). Only verbs of the quote's own paragraph and
    outside quotation marks count.
    """
    if last < first:
        return None
    doc, finder = ctx.doc, ctx.finder
    p_start, p_end = ctx.paras[region.paragraph]

    def usable(token: Token) -> bool:
        return p_start <= token.idx < p_end and not finder.is_blocked(token.idx)

    fallback = None
    for token in doc[first : last + 1]:
        if first <= token.head.i <= last and token.head.i != token.i:
            continue
        node = token
        for _ in range(_MAX_CLIMB):
            if node.head.i == node.i:
                break
            node = node.head
            if not usable(node):
                continue
            if is_speech_verb(node) or (kind == "partial" and is_speech_noun(node)):
                return node
            if fallback is None and kind == "partial" and node.pos_ in ("VERB", "AUX"):
                # a relative clause describes its noun ("immigrants who are “…”"): the
                # words are those of the verb above it
                if not _describes_noun(node) and finder.subject_of(node) is not None:
                    fallback = _reporting_verb(node, finder)
    sentences = {doc[first].sent.start, doc[last].sent.start}
    if after < len(doc) and doc[after - 1].text not in SENTENCE_END:
        sentences.add(doc[after].sent.start)
    best, best_distance = None, None
    lowest, highest = ctx.token_index(p_start), ctx.token_index(p_end)
    for start in sorted(sentences):
        sent = doc[start].sent
        for token in doc[max(sent.start, lowest) : min(sent.end, highest)]:
            if not usable(token) or not is_speech_verb(token):
                continue
            distance = token.i - last if token.i > last else (first - token.i) * 2
            if best_distance is None or distance < best_distance:
                best, best_distance = token, distance
    if best is None and kind == "direct":
        best = _tail_verb(doc, after, usable)
    return best if best is not None else fallback


def verb_of_sentence_before(ctx: DocContext, region: QuotedRegion, first: int) -> Token | None:
    """The last speech verb with a subject in the sentence right before a direct quote
    that has no attribution of its own, in the same paragraph and outside quotation
    marks, when that sentence holds no quote: "Ruiz recalled how the pier looked then.
    “It was a ruin.”" -> "recalled"."""
    doc, finder = ctx.doc, ctx.finder
    opening = doc[first].sent.start
    lowest = ctx.token_index(ctx.paras[region.paragraph][0])
    if opening <= lowest:
        return None
    sent = doc[opening - 1].sent
    if finder.overlaps_blocked(sent.start_char, sent.end_char):
        return None  # a quote there: its speaker passes on by inheritance (rule 4)
    for token in reversed(doc[max(sent.start, lowest) : sent.end]):
        if is_speech_verb(token) and not finder.is_blocked(token.idx):
            if finder.subject_of(token) is not None:
                return token
    return None


def _describes_noun(verb: Token) -> bool:
    """A relative clause whose subject is the relative pronoun ("immigrants who are
    “…”"): it describes its noun and reports no one's words."""
    return verb.dep_ == "relcl" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT") for c in verb.children
    )


def _reporting_verb(verb: Token, finder: SpeakerFinder) -> Token:
    """The verb whose subject speaks a partial quote in ``verb``'s clause: ``verb``
    itself ("labeled the move “a significant escalation”"), or, when that clause is the
    complement of a verb with a subject, that verb ("His campaign protested that the
    aides were “disingenuous”": the campaign, not the aides)."""
    head = verb.head
    if verb.dep_ == "ccomp" and head.pos_ in ("VERB", "AUX") and _usable_subject(head, finder):
        return head
    return verb


def _usable_subject(verb: Token, finder: SpeakerFinder) -> bool:
    subject = finder.subject_of(verb)
    return subject is not None and not finder.is_blocked(subject.idx)


def _tail_verb(doc: Doc, after: int, usable: Callable[[Token], bool]) -> Token | None:
    """The verb of a name or pronoun right after a direct quote that ends its sentence
    with it: "“…,” Oliver barked.", "“…,” she quipped." (any verb: the form attributes
    the words)."""
    for subject in doc[after : min(len(doc), after + _MAX_TAIL_NAME)]:
        if subject.pos_ != "PROPN" and subject.lower_ not in _TAIL_PRONOUNS:
            return None
        if subject.dep_ != "nsubj":
            continue  # "Mara" of "Mara Ilves barked"
        verb = subject.head
        if verb.i != subject.i + 1 or verb.pos_ != "VERB" or not usable(verb):
            return None
        following = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        return verb if following is None or following.text in (".", "!", "?") else None
    return None
