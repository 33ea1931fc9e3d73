"""Writings that speak for their author: "the letter reads", "Her plan promises", "a paper
from the Harbor Institute says".

The rules (ANNOTATION_SPEC.md section 2, "Speaker"; applied by
:class:`~goldsmith.annotate.rules.speakers.SpeakerFinder` to a subject that is a piece of
writing):

- "the letter / one message …" speaks for whoever sent or posted it earlier ("a group of
  parents sent a letter … “…,” the letter reads": :func:`writer_of`);
- a thing owned by a source speaks for it ("Her plan promises", "Ruiz's letter says", "a
  Harbor Board memo put it"), and so does a writing by or from a named author ("a story
  by the website Politco says", "a paper from the Harbor Institute had this to say":
  :func:`owner_of`).

Example:
    >>> # "A paper from the Harbor Institute says …"
    >>> owner_of(finder, doc[1], "paper")   # doctest: +SKIP
    Entity(start=13, end=29, text='Harbor Institute', label='ORG', score=None)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from goldsmith.annotate.rules.speech_words import WRITING_NOUNS, is_source_noun, publishes_writing
from goldsmith.labels.records import Entity
from goldsmith.labels.schema import SOURCE_LABEL

if TYPE_CHECKING:
    from spacy.tokens import Token

    from goldsmith.annotate.rules.speakers import SpeakerFinder

#: Pieces of writing whose author may follow them: "a story by Politco says", "a paper from
#: the Harbor Institute had this to say".
_AUTHORED = WRITING_NOUNS | frozenset("story paper piece article report study editorial".split())

#: Tokens looked back from "the letter" for the verb that sent it: the writing is
#: introduced a paragraph or two before it speaks ("… sent a letter to the board." ⏎
#: “…,” the letter reads.), about 150 tokens at most.
_WRITING_LOOKBACK_TOKENS = 150


def owner_of(finder: SpeakerFinder, token: Token, lemma: str) -> Entity | None:
    """The owner of a thing that speaks for someone: the possessor of a plan, a memo,
    a statement ("Her plan promises …", "Ruiz's letter says …") or the named author
    of a piece of writing ("a Harbor Board memo put it")."""
    if token.pos_ != "NOUN" or is_source_noun(lemma):
        return None
    for child in token.children:
        if child.dep_ == "poss" and not finder.is_blocked(child.idx):
            return finder.speaker_from_token(child)
        if child.dep_ == "prep" and child.lower_ in ("by", "from") and lemma in _AUTHORED:
            author = _named_object(finder, child)  # "a story by the website Politco"
            if author is not None:
                return author
        if child.dep_ == "compound" and lemma in WRITING_NOUNS:
            entity = finder.entity_of(child)
            if entity is not None and entity.label != SOURCE_LABEL:
                return entity
    return None


def writer_of(finder: SpeakerFinder, token: Token, lemma: str) -> Entity | None:
    """The writer of "the letter", "the statement" …: the speaker of the nearest
    earlier verb publishing a piece of writing with that noun ("a group of parents
    sent a letter …", "Hale released a video that said …": the noun itself may be
    the object), within :data:`_WRITING_LOOKBACK_TOKENS`."""
    doc = token.doc
    for earlier in reversed(doc[max(0, token.i - _WRITING_LOOKBACK_TOKENS) : token.i + 1]):
        if earlier.dep_ != "dobj" or earlier.lemma_.lower() != lemma:
            continue
        if finder.is_blocked(earlier.idx) or not publishes_writing(earlier.head):
            continue
        subject = finder.subject_of(earlier.head)
        if subject is not None and not finder.is_blocked(subject.idx):
            return finder.speaker_from_token(subject)
    return None


def _named_object(finder: SpeakerFinder, prep: Token) -> Entity | None:
    """The named entity a preposition governs: "by Hale", "from the Harbor Institute",
    "by the website Politco" (a name in apposition or compound to its noun)."""
    doc = prep.doc
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        near = [c for c in pobj.children if c.dep_ in ("appos", "compound")]
        if pobj.i + 1 < len(doc) and doc[pobj.i + 1].pos_ == "PROPN":
            near.append(doc[pobj.i + 1])  # the parser may split "the website Politco"
        for token in (pobj, *near):
            entity = finder.entity_of(token)
            if entity is not None and entity.label != SOURCE_LABEL:
                return entity
    return None
