"""What the quote rules share about one document, and the quote being built.

:class:`DocContext` holds the per-document lookups (token starts and lemmas, paragraphs,
the speaker finder) that :mod:`~goldsmith.annotate.rules.quotes` and
:mod:`~goldsmith.annotate.rules.reported_speech` both read; :class:`Candidate` is a
quote on its way to becoming a :class:`~goldsmith.labels.records.Quote`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.headlines import is_headline
from goldsmith.annotate.rules.quote_marks import QuotedRegion, paragraphs
from goldsmith.annotate.rules.speakers import SpeakerFinder
from goldsmith.labels.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass
class Candidate:
    """A quote being built: where, what kind, and how its speaker was found."""

    start: int
    end: int
    kind: str
    region: QuotedRegion | None = None
    verb: Token | None = None
    speaker: Entity | None = None
    inherited: bool = False


class DocContext:
    """Per-document lookups shared by the rules: token starts, paragraphs, speakers."""

    def __init__(
        self, doc: Doc, text: str, finder: SpeakerFinder, starts: list[int], lemmas: list[int]
    ) -> None:
        self.doc = doc
        self.text = text
        self.finder = finder
        self.starts = starts
        self.lemmas = lemmas
        self.paras = paragraphs(text) or [(0, 0)]
        self.para_starts = [p[0] for p in self.paras]

    @classmethod
    def build(
        cls,
        doc: Doc,
        entities: Sequence[Entity],
        blocked: Sequence[tuple[int, int]],
        text: str | None = None,
    ) -> DocContext:
        """The context of a parsed document; ``blocked`` are its quoted ranges and
        ``text`` is ``doc.text`` when the caller has it (Doc.text joins every token)."""
        text = doc.text if text is None else text
        columns = doc.to_array(["IDX", "LEMMA"]).tolist() if len(doc) else []
        starts = [row[0] for row in columns]
        finder = SpeakerFinder(doc, entities, blocked, text=text, starts=starts)
        return cls(doc, text, finder, starts, [row[1] for row in columns])

    def token_index(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect_left(self.starts, char)

    def paragraph_of(self, char: int) -> int:
        """Number of the paragraph (non-empty line) holding ``char``."""
        return max(bisect_right(self.para_starts, char) - 1, 0)

    def bounds(self, char: int) -> tuple[int, int]:
        """(start, end) of the paragraph holding ``char``."""
        return self.paras[self.paragraph_of(char)]

    def is_headline(self, char: int) -> bool:
        """A line in title case without a final full stop (a headline or a heading)."""
        start, end = self.bounds(char)
        return is_headline(self.text[start:end])
