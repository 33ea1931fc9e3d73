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
  two spans, X and Y, like an interrupted quote; a second content clause with its own
  "that" ("said that A and that B") is a second span; an "as" attribution ("As the
  Gazette reported, A", "A, as Ruiz said") reports the sentence it hangs on, less
  itself (:func:`goldsmith.annotate.rules.quote_report_forms.as_attribution_head`).
  "according to X" is never indirect speech (ANNOTATION_SPEC.md 4: an attribution of
  information; it still names the speaker of quoted text). A clause overlapping quoted
  text is kept, cut before the quote or left to the quote by
  :mod:`goldsmith.annotate.rules.reported_fragments`.

Example:
    >>> ctx = DocContext.build(doc, entities, blocked=[])         # doctest: +SKIP
    >>> [(c.start, c.end, c.kind) for c in indirect_candidates(ctx, blocked=[])]  # doctest: +SKIP
    [(12, 52, 'indirect')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from goldsmith.annotate.rules.datelines import DATELINE
from goldsmith.annotate.rules.quote_context import Candidate, DocContext
from goldsmith.annotate.rules.quote_report_forms import (
    as_attribution_head,
    closing_attribution_part,
    is_relative_clause,
    misparsed_content_clauses,
)
from goldsmith.annotate.rules.reported_fragments import beside_quotes
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

_SUBJECTS = ("nsubj", "nsubjpass")
#: Participles of speech that close a sentence as the speaker's act: ", noting that …".
_PARTICIPLE_LEMMAS = SPEECH_LEMMAS | frozenset({"point", "cite"})


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
                clause = beside_quotes(ctx, *clause, blocked)
                if clause is None:
                    continue
            items.append(Candidate(*clause, "indirect", verb=token))
    return items


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
    spans = [part for c in clauses for part in _that_clauses(c, _clause_span(c, verb))]
    if not spans and verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        spans = _around(verb.head, verb)
    if not spans and (head := as_attribution_head(verb)) is not None:
        # "As the Gazette reported, the board …": the parts with a subject or a verb
        spans = [
            (left, right)
            for left, right in _around(head, verb)
            if any(
                t.pos_ in ("VERB", "AUX") or t.dep_ in _SUBJECTS for t in verb.doc[left : right + 1]
            )
        ]
    if not spans:  # "Fares unlikely to fall, analysts say."
        spans = [part] if (part := closing_attribution_part(verb)) else []
    lowest, highest = ctx.token_index(p_start), ctx.token_index(p_end) - 1
    fewest = _MIN_INDIRECT_TOKENS if len(spans) == 1 else _MIN_PART_TOKENS
    trimmed = (_trim(ctx, max(left, lowest), min(right, highest), fewest) for left, right in spans)
    return [span for span in trimmed if span is not None]


def _that_clauses(clause: Token, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The token range ``span`` of a reported clause, split before a second content
    clause joined to it with its own "that" ("said that the pier was closed and that the
    ferries had stopped": two reports, two spans)."""
    doc = clause.doc
    joined = [
        c
        for c in clause.children
        if c.dep_ == "conj"
        and c.i > clause.i
        and c.pos_ in ("VERB", "AUX")
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        and c.right_edge.i <= span[1]
    ]
    if not joined or clause.i > span[1]:
        return [span]
    second = joined[0]
    right = second.left_edge.i - 1
    while right >= span[0] and (doc[right].is_punct or doc[right].dep_ == "cc"):
        right -= 1
    return [(span[0], right), (second.left_edge.i, span[1])]


def _clause_span(clause: Token, verb: Token) -> tuple[int, int]:
    """Token range of a clause ``verb`` reports. A clause before its attribution starts
    after the last colon or semicolon before the attribution's subject, which may lie
    outside the clause as parsed ("The mayor stepped in: if the talks resumed, she
    wrote, …" reports "if the talks resumed")."""
    left, right = clause.left_edge.i, clause.right_edge.i
    if clause.i > verb.i:
        return left, _before_speaker_participle(clause, right)
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    end = subject.left_edge.i if subject is not None else verb.i
    breaks = [t.i for t in clause.doc[left:end] if t.text in (":", ";")]
    if breaks:
        return breaks[-1] + 1, end - 1
    return left, right


def _before_speaker_participle(clause: Token, right: int) -> int:
    """The clause's last token before a closing participle of speech set off by a comma,
    which the parser hangs on the reported clause but which is the speaker's own act:
    "said that the board is attacking her record, pointing to her rating" reports "the
    board is attacking her record"."""
    doc = clause.doc
    for child in clause.children:
        if (
            child.dep_ == "advcl"
            and child.tag_ == "VBG"
            and child.lemma_.lower() in _PARTICIPLE_LEMMAS
            and child.right_edge.i == right
            and doc[child.left_edge.i - 1].text == ","
        ):
            return child.left_edge.i - 2
    return right


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
