"""The named mentions a speaker can be: one document's entities, indexed by offset.

The rules (ANNOTATION_SPEC.md section 2, "Speaker"): a mention inside quotation marks or
spanning a line break is never a speaker; a token inside an entity span is that entity,
with the entity layer's exact offsets and label, except that labels outside
PERSON/ORG/GPE/NORP become SOURCE and a date, a time or an event is no speaker at all; a
resolved speaker is reported by its nearest preceding mention with the same last word.

Example:
    >>> index = MentionIndex(doc, doc.text, starts, entities, is_blocked)  # doctest: +SKIP
    >>> index.entity_at(doc[0])                                           # doctest: +SKIP
    Entity(start=0, end=6, text='Austin', label='PERSON', score=None)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.entity_mentions import last_word
from goldsmith.labels.records import Entity
from goldsmith.labels.schema import SOURCE_LABEL, SPEAKER_LABELS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Entity labels that never name a source: dates and events do not speak.
NEVER_SPEAKERS = frozenset({"DATE", "TIME", "EVENT"})


def name_key(entity: Entity) -> str:
    """The last word of an entity's name, lower case: how mentions of one name match."""
    return last_word(entity.text).lower()


class MentionIndex:
    """One document's usable entities (outside quotes, on one line), sorted by start."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        starts: Sequence[int],
        entities: Sequence[Entity],
        is_blocked: Callable[[int], bool],
    ) -> None:
        self.doc = doc
        self.text = text
        self._starts = starts
        self.ents = sorted(
            (e for e in entities if not is_blocked(e.start) and "\n" not in e.text),
            key=lambda e: e.start,
        )
        self._ent_starts = [e.start for e in self.ents]
        # where each full name (two words or more) is first written
        self._first_written: dict[str, int] = {}
        for e in self.ents:
            self._first_written.setdefault(e.text, e.start)

    def token_at(self, char: int) -> Token | None:
        """The token holding ``char`` (the last one starting at or before it)."""
        i = bisect_right(self._starts, char) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def entity_at(self, token: Token) -> Entity | None:
        """The speaker span of the entity holding ``token`` (see module rules)."""
        i = bisect_right(self._ent_starts, token.idx) - 1
        if i >= 0 and token.idx < self.ents[i].end:
            ent = self.ents[i]
            if ent.label in SPEAKER_LABELS:
                return ent
            if ent.label in NEVER_SPEAKERS:
                return None
            return Entity(ent.start, ent.end, ent.text, SOURCE_LABEL)
        return None

    def exactly(self, start: int, end: int) -> Entity | None:
        """The speaker-labelled entity spanning exactly ``text[start:end]``, if any."""
        i = bisect_left(self._ent_starts, start)
        while i < len(self.ents) and self.ents[i].start == start:
            if self.ents[i].end == end and self.ents[i].label in SPEAKER_LABELS:
                return self.ents[i]
            i += 1
        return None

    def within(self, start: int, end: int) -> list[Entity]:
        """The speaker-labelled entities inside ``text[start:end]``, in order."""
        i = bisect_left(self._ent_starts, start)
        found = []
        while i < len(self.ents) and self.ents[i].start < end:
            if self.ents[i].end <= end and self.ents[i].label in SPEAKER_LABELS:
                found.append(self.ents[i])
            i += 1
        return found

    def before(self, at: int) -> Iterator[Entity]:
        """The entities starting before ``at``, nearest first."""
        i = bisect_left(self._ent_starts, at) - 1
        while i >= 0:
            yield self.ents[i]
            i -= 1

    def nearest_mention(self, at: int, entity: Entity) -> Entity:
        """The mention of ``entity``'s name nearest before ``at`` (same last word), but
        not a full name first written after a bare surname ``entity``: "Vale said …" then
        "his daughter Ivy Vale" names someone else."""
        last = name_key(entity)
        bare = " " not in entity.text.strip()
        for candidate in self.before(at):
            if candidate.end <= entity.start:
                break
            if name_key(candidate) != last:
                continue
            if (
                bare
                and " " in candidate.text
                and self._first_written[candidate.text] > entity.start
            ):
                continue
            return candidate
        return entity

    def named_like(self, at: int, noun: str) -> Entity | None:
        """Nearest ORG before ``at`` whose name contains ``noun`` ("Interior Ministry")."""
        for entity in self.before(at):
            if entity.label == "ORG" and noun in entity.text.lower().split():
                return entity
        return None


class TokenStarts:
    """A lazy sequence of token start offsets, for bisecting a Doc by character."""

    __slots__ = ("doc",)

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    def __len__(self) -> int:
        return len(self.doc)

    def __getitem__(self, i: int) -> int:
        return self.doc[i].idx
