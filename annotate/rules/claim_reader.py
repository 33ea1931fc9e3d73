"""The document a claim finder reads: its words, lines and sentences (mixin base).

:class:`ClaimReader` holds what every rule of :mod:`goldsmith.annotate.rules.claims` looks at:
the parsed ``Doc``, its words (as written and lower-cased), its text, the phone numbers in
it, and the claims found so far (for elided units and referential numbers). The rules are
split by concept into mixins over it, each subclassing the one before: the number
(:mod:`claim_quantity`), the counted thing (:mod:`claim_counted`, :mod:`claim_elided`),
what is not a claim (:mod:`claim_referential`, :mod:`claim_names`, :mod:`claim_when`,
:mod:`claim_filters`) and the qualifier (:mod:`claim_qualifiers`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.headlines import is_title_case

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from goldsmith.labels.records import Claim

_PHONE = re.compile(r"(?<![\w.])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}\b")


class ClaimReader:
    """One pass over a document; keeps the claims found so far for elided units."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.words = [t.text for t in doc]
        self.lower = [w.lower() for w in self.words]
        self.text = doc.text  # Doc.text re-joins every token on each access
        self.phones = [m.span() for m in _PHONE.finditer(self.text)]
        self.claims: list[Claim] = []
        #: Units of the claims that counted things, with the character end of each.
        self.count_units: list[tuple[str, int]] = []
        #: Units of claims that are a verb's object: (sentence start, verb lemma, whether
        #: the verb is a relative clause's) and the unit.
        self.object_units: list[tuple[tuple[int, str, bool], str]] = []
        self.count_heads: set[int] = set()
        #: Value -> unit of the claims whose counted noun is written ("1,237 delegates").
        self.written_units: dict[float, str] = {}
        self.seen: set[tuple[float, str]] = set()
        self.last_end = -1  # token end of the last claim
        #: Number + unit words found naming a work ("13 hours"), lower case.
        self.titles: set[str] = set()
        self._sentences: list[tuple[int, int]] | None = None

    def _same_line(self, a: int, b: int) -> bool:
        """Whether character offsets ``a`` and ``b`` are on one line."""
        return "\n" not in self.text[min(a, b) : max(a, b)]

    def _is_glue_space(self, i: int) -> bool:
        """A whitespace token inside a line (a non-breaking space between the number and
        its unit: spaCy makes it a token of its own)."""
        word = self.words[i]
        return word.isspace() and "\n" not in word

    def _sentence(self, i: int) -> tuple[int, int]:
        """Token bounds of the sentence holding token ``i`` (sentences listed once, lazily).

        ``Token.is_sent_start`` and ``Token.sent`` scan the whole document on every call.
        """
        if self._sentences is None:
            self._sentences = [(s.start, s.end) for s in self.doc.sents]
        for start, end in self._sentences:
            if start <= i < end:
                return start, end
        return 0, len(self.words)

    def _word_before(self, i: int) -> str:
        """The lower-case word before token ``i``, over a non-breaking space token
        ("only\u00a0one man", "Oct.\u00a023"); "" at the start."""
        j = i - 1
        while j >= 0 and self._is_glue_space(j):
            j -= 1
        return self.lower[j] if j >= 0 else ""

    def _title_case(self, num: int) -> bool:
        """Whether the sentence of token ``num`` is a title-case headline (the one rule of
        :func:`~goldsmith.annotate.rules.headlines.is_title_case`)."""
        start, end = self._sentence(num)
        return is_title_case(self.doc[start:end].text)
