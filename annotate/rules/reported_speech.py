"""Reported speech without quotation marks: ``indirect`` clauses (``block`` paragraphs:
:mod:`goldsmith.annotate.rules.block_speech`).

The rules, as applied by :mod:`goldsmith.annotate.rules.quotes` (over the per-document
lookups of :mod:`goldsmith.annotate.rules.quote_context`):

- ``indirect``: a speech verb outside quotation marks, not negated and not in a
  title-case headline, with a clausal complement (``ccomp``) in its paragraph, or the
  "that" clause of the writing it names ("said in a statement that …"), gives that
  clause, without "that", a leading time phrase ("on Monday"), a dateline
  ("WASHINGTON — "), a leading conjunction or edge punctuation; an attribution that
  interrupts the reported sentence ("X, he said, Y", "X, the agency said, and Y") gives
  two spans, X and Y, like an interrupted quote. "according to X" is never indirect
  speech (ANNOTATION_SPEC.md 4: an attribution of information; it still names the
  speaker of quoted text). A clause
  with quoted fragments inside keeps them; one ending in a quote is cut before it when
  the rest is a clause of its own; one opening inside quoted text is left to the quote.

Example:
    >>> ctx = DocContext.build(doc, entities, blocked=[])         # doctest: +SKIP
    >>> [(c.start, c.end, c.kind) for c in indirect_candidates(ctx, blocked=[])]  # doctest: +SKIP
    [(12, 52, 'indirect')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.datelines import DATELINE
from goldsmith.annotate.rules.quote_context import Candidate, DocContext
from goldsmith.annotate.rules.quote_report_forms import (
    closing_attribution_part,
    is_relative_clause,
    misparsed_content_clauses,
)
from goldsmith.annotate.rules.spans import overlaps_any
from goldsmith.annotate.rules.speech_words import SPEECH_LEMMAS, WRITING_NOUNS, is_speech_verb

if TYPE_CHECKING:
    from spacy.tokens import Token

SENTENCE_END = ".?!…"
#: Fewest tokens of a reported clause: "it is late" has three; fewer ("so", "it did")
#: is an ellipsis or a parser fragment, not reported speech.
_MIN_INDIRECT_TOKENS = 3
#: Fewest tokens of one part of a reported sentence interrupted by its attribution: the
#: part before it may be a noun phrase ("The bridge, officials said, will close").
_MIN_PART_TOKENS = 2

#: What separates a complete reported clause from a quote that follows it: a comma,
#: colon, semicolon or dash, or "that" ("sends a signal that “…”").
_SUBJECTS = ("nsubj", "nsubjpass")
_CLAUSE_BREAK = re.compile(r"[,:;—–]|\s-+\s|\bthat\b", re.IGNORECASE)


def indirect_candidates(ctx: DocContext, blocked) -> list[Candidate]:
    items = []
    strings = ctx.doc.vocab.strings
    wanted = {strings[lemma] for lemma in SPEECH_LEMMAS | {"point"}}
    for i in (i for i, lemma in enumerate(ctx.lemmas) if lemma in wanted):
        token = ctx.doc[i]
        if not is_speech_verb(token, quoted=False) or ctx.finder.is_blocked(token.idx):
            continue
        if any(c.dep_ == "neg" for c in token.children) or ctx.is_headline(token.idx):
            continue
        if token.lower_ == "according":
            continue  # "according to X": information, not reported speech (spec 4)
        for clause in _reported_clauses(ctx, token):
            if overlaps_any(*clause, blocked):
                clause = _beside_quotes(ctx, *clause, blocked)
                if clause is None:
                    continue
            items.append(Candidate(*clause, "indirect", verb=token))
    return items


def _beside_quotes(
    ctx: DocContext, start: int, end: int, blocked: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """The reported clause ``text[start:end]`` around the quoted text it overlaps
    (ANNOTATION_SPEC.md 4, a quoted fragment inside reported speech): kept whole when
    the quoted fragments lie inside it and the clause goes on after them ("he had not
    given up hope of a “surprise” at the convention"); cut before the first fragment
    when the quote ends the clause (or before a verb joined to the clause whose phrase
    holds the quote: "…, and called him “…”"), if what is left is a clause of its own (a comma,
    colon, dash or "that" stands between them: "he hopes
    the day sends a message that “…”" -> "he hopes the day sends a message"; "he was
    not advocating violence, only a “loud voice”" -> "he was not advocating
    violence"; not "the bridge was “a danger”"); ``None`` when the clause opens inside
    quoted text, or when the words outside the quoted fragments hold no verb and no
    subject (spec 4: the partial span alone; "the loss really “accelerated” after May"
    keeps its subject and stays)."""
    inside = sorted(r for r in blocked if r[0] < end and r[1] > start)
    if inside[0][0] <= start:
        return None
    after = ctx.text[inside[-1][1] : end]
    doc = ctx.doc
    if inside[-1][1] <= end and any(ch.isalnum() for ch in after):
        unquoted = [
            t
            for t in doc[ctx.token_index(start) : ctx.token_index(end)]
            if not overlaps_any(t.idx, t.idx + 1, inside)
        ]
        if any(t.pos_ in ("VERB", "AUX") or t.dep_ in _SUBJECTS for t in unquoted):
            return start, end
        return None  # "only that “for years it has been a priority” for the board"
    left, right = ctx.token_index(start), ctx.token_index(inside[0][0]) - 1
    while right >= left and (
        doc[right].is_punct or doc[right].is_space or doc[right].lower_ == "that"
    ):
        right -= 1
    joined = _joined_verb(doc, left, right)
    if joined is not None:  # "…, and called him “…”": the quote is the joined verb's
        right = joined.left_edge.i - 1
        while right >= left and (doc[right].is_punct or doc[right].dep_ == "cc"):
            right -= 1
    comma = next((i for i in range(right, left, -1) if doc[i].text == ","), None)
    if comma is not None and not any(t.pos_ in ("VERB", "AUX") for t in doc[comma : right + 1]):
        right = comma - 1  # "…, only a “loud voice”": the tail has no verb of its own
    if right - left + 1 < _MIN_INDIRECT_TOKENS or not any(
        t.pos_ in ("VERB", "AUX") for t in doc[left : right + 1]
    ):
        return None
    cut = doc[right].idx + len(doc[right])
    if not _CLAUSE_BREAK.search(ctx.text, cut, inside[0][0]):
        return None  # "the bridge was “a danger”": the quote completes the clause
    return start, cut


def _joined_verb(doc, left: int, right: int) -> Token | None:
    """The verb coordinated into the clause ``doc[left:right + 1]`` whose phrase runs on
    into the quote after it: "Paul said the plan would cost jobs, and called him “…”",
    parsed with "called" joined to "cost"; the words before it are the report. The verb
    may stand inside the quote: "noted that A and that B had “placed …”"."""
    for head in doc[left : right + 1]:
        for token in head.children:
            if (
                token.dep_ == "conj"
                and token.pos_ in ("VERB", "AUX")
                and token.i > head.i
                and left < token.left_edge.i <= right < token.right_edge.i
            ):
                return token
    return None


def _reported_clauses(ctx: DocContext, verb: Token) -> list[tuple[int, int]]:
    """The character spans of the clauses ``verb`` reports: one, or two when the
    attribution interrupts the reported sentence ("A, she said, B": like an interrupted
    quote, ANNOTATION_SPEC.md 2, one span before and one after it)."""
    p_start, p_end = ctx.bounds(verb.idx)
    clauses = [
        c
        for c in verb.children
        if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and not is_relative_clause(c)
    ]
    # a complement in the verb's paragraph (the parser sometimes hangs another
    # paragraph's clause on it: clipped below), after the verb ("said that …") before
    # one ahead of it ("…, he said"), nearest first
    clauses = clauses or _writing_clauses(verb) or misparsed_content_clauses(verb)
    clauses.sort(key=lambda c: (not p_start <= c.idx < p_end, c.i < verb.i, abs(c.i - verb.i)))
    ahead = [c for c in clauses if c.i < verb.i]
    if ahead and _interrupts(verb):  # "A, she said, B": the clause before and what follows
        clauses = ahead[:1] + _continuations(verb)[:1]
    else:
        clauses = clauses[:1]
    spans = [_clause_span(c, verb) for c in clauses]
    if not spans and verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        spans = _around(verb.head, verb)
    if not spans:  # "Fares unlikely to fall, analysts say."
        spans = [part] if (part := closing_attribution_part(verb)) else []
    lowest, highest = ctx.token_index(p_start), ctx.token_index(p_end) - 1
    fewest = _MIN_INDIRECT_TOKENS if len(spans) == 1 else _MIN_PART_TOKENS
    trimmed = (_trim(ctx, max(left, lowest), min(right, highest), fewest) for left, right in spans)
    return [span for span in trimmed if span is not None]


def _clause_span(clause: Token, verb: Token) -> tuple[int, int]:
    """Token range of a clause ``verb`` reports. A clause before its attribution starts
    after the last colon or semicolon before the attribution's subject, which may lie
    outside the clause as parsed ("The mayor stepped in: if the talks resumed, she
    wrote, …" reports "if the talks resumed")."""
    left, right = clause.left_edge.i, clause.right_edge.i
    if clause.i > verb.i:
        return left, right
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    end = subject.left_edge.i if subject is not None else verb.i
    breaks = [t.i for t in clause.doc[left:end] if t.text in (":", ";")]
    if breaks:
        return breaks[-1] + 1, end - 1
    return left, right


def _interrupts(verb: Token) -> bool:
    """Whether ``verb``'s attribution is set off by commas inside a sentence ("…, the
    agency said in a report, and …"): a comma right before its subject and a comma
    right after its last dependent before the next clause."""
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.left_edge.i == 0:
        return False
    return doc[subject.left_edge.i - 1].text == "," and any(
        c.text == "," and c.i > verb.i for c in verb.children
    )


def _continuations(verb: Token) -> list[Token]:
    """Clauses after an interrupting attribution that go on with the reported speech: a
    complement ("It helps, she said, that the mayor came") or a coordinated clause with
    its own subject that is not itself an attribution ("…, the agency said, and those
    in the bottom fifth paid 0.8 percent")."""
    return [
        c
        for c in verb.children
        if c.i > verb.i
        and c.pos_ in ("VERB", "AUX")
        and (
            c.dep_ == "ccomp"
            or (
                c.dep_ == "conj"
                and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
                and not is_speech_verb(c)
            )
        )
    ]


def _writing_clauses(verb: Token) -> list[Token]:
    """The "that" clause of a piece of writing the verb names: "said in a statement that
    …", "wrote in an e-mail that …" (the parser hangs the clause on the noun)."""
    return [
        clause
        for prep in verb.children
        if prep.dep_ == "prep"
        for noun in prep.children
        if noun.dep_ == "pobj" and noun.lemma_.lower() in WRITING_NOUNS
        for clause in noun.children
        if clause.dep_ == "acl"
        and clause.pos_ in ("VERB", "AUX")
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
    ]


def _around(clause: Token, attribution: Token) -> list[tuple[int, int]]:
    """Token ranges of ``clause``'s subtree without ``attribution``'s subtree: the part
    after it when it stands at the start, the part before it when it stands at the end
    (commas aside), both parts when it interrupts the clause ("The good news, Hale
    said, is that …")."""
    doc = clause.doc
    left, right = clause.left_edge.i, clause.right_edge.i
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    a_left, a_right = attribution.left_edge.i, attribution.right_edge.i
    if a_left <= left:
        return [(a_right + 1, right)]
    if a_right >= right:
        return [(left, a_left - 1)]
    return [(left, a_left - 1), (a_right + 1, right)]


def _trim(
    ctx: DocContext, left: int, right: int, fewest: int = _MIN_INDIRECT_TOKENS
) -> tuple[int, int] | None:
    """Token range to character span, without edge punctuation, a leading "that", a
    leading dateline ("KELOWNA, British Columbia — ") or a leading time phrase ("on
    Monday it would …"), a leading conjunction; ``None`` when fewer than ``fewest``
    tokens are left."""
    doc = ctx.doc
    while left <= right:
        token = doc[left]
        if (
            token.is_punct
            or token.is_space
            or (token.lower_ == "that" and (token.dep_ == "mark" or token.tag_ == "WDT"))
            or token.dep_ == "cc"
        ):
            left += 1
        elif _is_time_phrase(token) and token.right_edge.i < right:
            left = token.right_edge.i + 1
        else:
            break
    while right >= left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    if right - left + 1 < fewest:
        return None
    start, end = doc[left].idx, doc[right].idx + len(doc[right])
    dateline = DATELINE.match(ctx.text, start, end)
    if dateline and (start == 0 or ctx.text[start - 1] == "\n"):
        start = dateline.end()
    return start, end


def _is_time_phrase(token: Token) -> bool:
    """A preposition or adverbial whose whole phrase is a date or time ("on Monday")."""
    if token.dep_ not in ("prep", "npadvmod") or token.head.i < token.i:
        return False
    inner = [t for t in token.subtree if t.i != token.i or token.dep_ == "npadvmod"]
    return bool(inner) and all(t.ent_type_ in ("DATE", "TIME") for t in inner)
