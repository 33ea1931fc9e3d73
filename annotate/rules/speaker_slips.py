"""Subjects the parser misplaces, found again from the words around a speech verb.

The rules (ANNOTATION_SPEC.md section 2, "Speaker"; used by
:func:`~goldsmith.annotate.rules.speaker_subjects.subject_token`):

- a verb without a subject takes the name opening its paragraph that the parser hung on
  the paragraph before (:func:`stray_subject`);
- a main verb without a subject takes the name right after the closing quotation mark
  before it ("“…,” Gene Roe, an adviser, said" with "Roe" parsed into the quote:
  :func:`name_after_quote`);
- a "who" clause the parser hangs on a phrase after a name describes that name ("one
  aide close to the talks, who added": :func:`described_noun`).

Example:
    >>> name_after_quote(doc[12], quoted)   # "“…,” Gene Roe, a top adviser, said"  # doctest: +SKIP
    [Roe]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Heads climbed from a thing in a phrase to the name the phrase modifies: "familiar with
#: the discussion" is discussion -> with -> familiar -> the name.
_MAX_PHRASE_STEPS = 4


def stray_subject(verb: Token, text: str) -> list[Token]:
    """The name opening the verb's paragraph when the parser hung it on the paragraph
    before ("… they don't have a solution.”" ⏎ "Hale, for example, said …" with "Hale"
    the object of "have"): a proper name whose head lies in another paragraph, with no
    verb between it and ``verb``."""
    doc = verb.doc
    first = verb.i
    while first > 0 and "\n" not in doc[first - 1].text_with_ws:
        first -= 1
    while first < verb.i and doc[first].is_space:
        first += 1
    name = first
    while name + 1 < verb.i and doc[name + 1].pos_ == "PROPN":
        name += 1
    token = doc[name]
    if token.pos_ != "PROPN" or first == 0:
        return []
    head = token.head
    if "\n" not in text[min(head.idx, token.idx) : max(head.idx, token.idx)]:
        return []
    if any(t.pos_ in ("VERB", "AUX") for t in doc[name + 1 : verb.i]):
        return []
    return [token]


#: Closing quotation marks, after which "“…,” Gene Roe, an adviser, said" names the speaker.
_CLOSING = frozenset(("”", '"', "’", "'"))
#: Tokens between the closing mark and the verb: a name and an apposition of a dozen words.
_MAX_TAIL_TOKENS = 20


def name_after_quote(verb: Token, quoted: Callable[[int], bool] | None) -> list[Token]:
    """The name right after a closing quotation mark, before a verb the parser left
    without a subject ("“…,” Gene Roe, a top adviser, said" with "Roe" parsed into the
    quote): the last word of that name."""
    doc = verb.doc
    if verb.dep_ not in ("ROOT", "parataxis"):
        return []  # a verb that hangs from another borrows its subject
    lowest = max(verb.sent.start, verb.i - _MAX_TAIL_TOKENS)
    mark = next((t for t in reversed(doc[lowest : verb.i]) if t.text in _CLOSING), None)
    between = doc[mark.i + 1 : verb.i] if mark is not None else []
    if mark is None or any(t.pos_ in ("VERB", "AUX") for t in between):
        return []
    run = []
    for token in between:
        if token.pos_ != "PROPN" or (quoted is not None and quoted(token.idx)):
            break
        run.append(token)
    return run[-1:] if run and run[0].i == mark.i + 1 else []


def described_noun(noun: Token) -> Token:
    """The noun a "who" clause hung on ``noun`` describes: ``noun`` itself, or, when
    ``noun`` is a thing in a phrase after a name ("one Democrat familiar with the
    discussion, who added"), the name that phrase modifies."""
    node = noun
    for _ in range(_MAX_PHRASE_STEPS):
        if node.dep_ != "pobj" or node.pos_ != "NOUN" or node.ent_type_:
            break
        prep = node.head
        head = prep.head
        if head.pos_ == "ADJ" and head.dep_ == "amod":
            head = head.head  # "familiar with the plan" modifies "aide"
        if prep.dep_ != "prep" or head.pos_ not in ("NOUN", "PROPN"):
            break
        node = head
    named = node.pos_ == "PROPN" or bool(node.ent_type_)
    return node if named else noun
