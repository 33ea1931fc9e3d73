"""A quoted fragment inside reported speech: where the ``indirect`` span ends.

ANNOTATION_SPEC.md 4: "when the unquoted part is a complete clause, an indirect span for
the clause and a partial span for the fragment; otherwise the partial span alone". The
rules that read "complete", applied by :func:`beside_quotes` to a reported clause that
overlaps quoted text (:mod:`goldsmith.annotate.rules.reported_speech`):

- a clause opening inside quoted text is left to the quote;
- **the quote in the middle** (words follow it): the clause is kept whole, fragments
  inside ("he had not given up hope of a “surprise” at the convention"), when the words
  outside the marks hold a verb or a subject, unless the fragment holds the clause's own
  verb or, in two words or more, its object or predicate ("Hale said it was “a costly
  mistake” to sell the ferries": the partial span alone; one word stays inside: "the
  mayor seemed “rattled” by the vote");
- **the quote at the end**: the clause is cut before it when what is left is a clause of
  its own: three tokens with a verb, and either a comma, colon, dash or "that" before the
  quote ("she was not calling for a strike, only a “long pause.”"), or a subject and a
  quote that only modifies it: a relative or participle clause, a preposition or
  adverbial clause of the verb ("she would back the plan “because the harbor needs
  it.”", "Ruiz was dismissed “at the request of the board.”", "he would vote for it not
  because of “any loyalty …”" -> "he would vote for it"), not its object or predicate
  ("the bridge was “a danger”": the partial span alone).

Example:
    >>> beside_quotes(ctx, start, end, blocked)                  # doctest: +SKIP
    (12, 40)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.quote_context import DocContext
from goldsmith.annotate.rules.spans import overlaps_any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Fewest tokens of a reported clause (as in reported_speech).
MIN_CLAUSE_TOKENS = 3
SUBJECTS = ("nsubj", "nsubjpass")
#: What separates a complete reported clause from a quote that follows it: a comma,
#: colon, semicolon or dash, or "that" ("sends a signal that “…”").
_CLAUSE_BREAK = re.compile(r"[,:;—–]|\s-+\s|\bthat\b", re.IGNORECASE)
#: How a quote may hang on the clause before it and leave that clause complete: it
#: describes a noun (relative or participle clause) or is an adjunct of the verb.
_MODIFIER_DEPS = frozenset("relcl acl advcl prep agent npadvmod advmod".split())
#: The object or predicate of a verb: a quote holding one completes the clause.
_CORE_DEPS = frozenset("dobj attr acomp oprd".split())
#: Share of a reported clause's words a quoted fragment must have to carry the clause.
CARRYING_SHARE = 0.3


def beside_quotes(
    ctx: DocContext, start: int, end: int, blocked: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """The reported clause ``text[start:end]`` around the quoted text it overlaps (see
    the module rules): the clause, the clause cut before the quote, or ``None`` (the
    partial span alone)."""
    inside = sorted(r for r in blocked if r[0] < end and r[1] > start)
    if inside[0][0] <= start:
        return None
    after = ctx.text[inside[-1][1] : end]
    doc = ctx.doc
    left = ctx.token_index(start)
    if inside[-1][1] <= end and any(ch.isalnum() for ch in after):
        unquoted = [
            t
            for t in doc[left : ctx.token_index(end)]
            if not overlaps_any(t.idx, t.idx + 1, inside)
        ]
        if not any(t.pos_ in ("VERB", "AUX") or t.dep_ in SUBJECTS for t in unquoted):
            return None  # "only that “for years it has been a priority” for the board"
        if _holds_core(ctx, left, ctx.token_index(end), inside[0]):
            return None  # "it was “a costly mistake” to sell the ferries"
        return start, end
    right = ctx.token_index(inside[0][0]) - 1
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
    cut = doc[right].idx + len(doc[right]) if right >= left else start
    if not _CLAUSE_BREAK.search(ctx.text, cut, inside[0][0]):
        # no break before the quote: complete only when the quote modifies the clause
        right = _before_modifier(ctx, left, right, inside[0])
        if right is None or not any(t.dep_ in SUBJECTS for t in doc[left : right + 1]):
            return None  # "the bridge was “a danger”": the quote completes the clause
    if right - left + 1 < MIN_CLAUSE_TOKENS or not any(
        t.pos_ in ("VERB", "AUX") for t in doc[left : right + 1]
    ):
        return None
    return start, doc[right].idx + len(doc[right])


def _attachments(ctx: DocContext, region: tuple[int, int]) -> list[Token]:
    """The words of quoted text ``region`` whose head lies outside it (punctuation aside)."""
    first, last = ctx.token_index(region[0]), ctx.token_index(region[1])
    return [
        t
        for t in ctx.doc[first:last]
        if not (first <= t.head.i < last) and not (t.is_punct or t.is_space)
    ]


def _before_modifier(ctx: DocContext, left: int, right: int, region: tuple[int, int]) -> int | None:
    """The last token of the clause ``doc[left:right + 1]`` before a quote that only
    modifies it, or ``None`` when the quote is its object, predicate or anything else.
    A preposition left outside the marks goes with its quoted object ("not because of
    “…”": the clause ends before "not")."""
    doc = ctx.doc
    hangs = _attachments(ctx, region)
    if not hangs:
        return None
    cut = right
    for token in hangs:
        head = token.head
        if (
            token.dep_ in ("pobj", "pcomp")
            and head.dep_ == "prep"
            and left < head.i <= right
            and _after_complement(head)
        ):
            token, head = head, head.head  # "because of “…”": the phrase is the adjunct
        if not left <= head.i <= right or not _modifies(token, head):
            return None
        cut = min(cut, token.left_edge.i - 1)
    while cut >= left and (doc[cut].is_punct or doc[cut].is_space or doc[cut].dep_ == "cc"):
        cut -= 1
    return cut if cut >= left else None


def _after_complement(prep: Token) -> bool:
    """Whether preposition ``prep`` follows an object or another phrase of its verb, so
    is the verb's adjunct ("vote for it not because of …"), not the complement a verb or
    adjective takes right after it ("engaged in …", "focused on …")."""
    head = prep.head
    return head.pos_ in ("VERB", "AUX") and any(
        c.i < prep.i and c.i > head.i and c.dep_ in ("dobj", "prep", "dative")
        for c in head.children
    )


def _modifies(token: Token, head: Token) -> bool:
    """Whether ``token`` hangs on ``head`` as a modifier that leaves head's clause whole:
    a relative or participle clause of a noun, an adjunct of a verb, or an infinitive
    of purpose after the verb's object ("asked the question “to help …”")."""
    if token.dep_ in ("relcl", "acl"):
        return True
    if head.pos_ not in ("VERB", "AUX"):
        return False
    if token.dep_ in _MODIFIER_DEPS:
        return True
    return token.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children)


def _holds_core(ctx: DocContext, left: int, stop: int, region: tuple[int, int]) -> bool:
    """Whether quoted text ``region`` in the clause ``doc[left:stop]`` carries it: holds
    the clause's verb or its object or predicate (a predicate preposition of "be"
    counts: "was “against the war”"), with no coordinated part outside the marks
    ("supports “Hillary-style care” and the ban" stays a clause), and is at least
    :data:`CARRYING_SHARE` of the clause's words ("the mayor seemed “rattled” by the
    vote" stays a clause)."""
    doc = ctx.doc
    first, last = ctx.token_index(region[0]), ctx.token_index(region[1])
    words = [t for t in doc[left:stop] if not (t.is_punct or t.is_space)]
    quoted = sum(1 for t in words if first <= t.i < last)
    if quoted < CARRYING_SHARE * len(words):
        return False
    heads = [t for t in doc[left:stop] if not left <= t.head.i < stop or t.head.i == t.i]
    verb = next((t for t in heads if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    if first <= verb.i < last:
        return True
    for child in verb.children:
        core = child.dep_ in _CORE_DEPS or (child.dep_ == "prep" and verb.lemma_ == "be")
        if core and first <= child.i < last:
            return not any(c.dep_ == "conj" and not first <= c.i < last for c in child.children)
    return False


def _joined_verb(doc: Doc, left: int, right: int) -> Token | None:
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
