"""The qualifier of a claim (rule 3 of :mod:`goldsmith.annotate.rules.claims`).

:class:`QualifierRules` finds the longest phrase of ``QUALIFIERS`` right before the number
(it starts the span) and corrects it where the words say otherwise: "under age 45" (the
qualifier before "age"), "over two years" (during, exact; but "for over two decades" is
more than), "adds up to $5 million" (a total, exact), "handed over $25 million" (a
particle), "would surpass $1 trillion" (more than), a range ("range"), plural scale words
("thousands": more than) and "a couple of" (approx). A bullet "~" or "-" opening a line is
no qualifier.
"""

from __future__ import annotations

from goldsmith.annotate.rules.claim_filters import ClaimFilters
from goldsmith.annotate.rules.claim_quantity import Quantity
from goldsmith.annotate.rules.claim_words import DURATIONS, QUALIFIERS, SURPASS_VERBS

_MAX_QUALIFIER = max(len(k) for k in QUALIFIERS)


class QualifierRules(ClaimFilters):
    """Reads the qualifier before a number (module rules)."""

    def _qualify(self, qty: Quantity, floor: int) -> tuple[int, str]:
        """The token that starts the span and the qualifier of the number ``qty``, looking
        no further back than token ``floor``."""
        lower, doc = self.lower, self.doc
        qual_start, qualifier = self._qualifier_before(qty.first, floor)
        if qualifier == "exact" and qty.first > floor and lower[qty.first - 1] == "age":
            start, name = self._qualifier_before(qty.first - 1, floor)
            if name != "exact":
                qual_start, qualifier = start, name  # "under age 45"
        if (
            lower[qual_start : qty.first] == ["over"]
            and self._counted(qty, qty.end)[0] in DURATIONS
            and (qual_start == 0 or doc[qual_start - 1].tag_ != "IN")
        ):
            # "over two years": during, not more; "for over two decades" is more than
            qual_start, qualifier = qty.first, "exact"
        if lower[qual_start : qty.first] == ["up", "to"] and self._phrasal_add(qual_start):
            qual_start, qualifier = qty.first, "exact"  # "adds up to $5 million": a total
        if qual_start < qty.first and doc[qual_start].dep_ == "prt":
            qual_start, qualifier = qty.first, "exact"  # "handed over $25 million": a particle
        if qualifier == "exact" and self._surpassed(qty.first):
            qualifier = "more_than"  # "the deficit would surpass $1 trillion"
        if qty.value_high is not None:
            qualifier = "range"
            if qty.between:
                qual_start = qty.first - 1
        elif qty.vague and qualifier == "exact":
            qualifier = "more_than"
        elif qty.kind == "couple" and qualifier == "exact":
            qualifier = "approx"  # "a couple of things": about two
        return qual_start, qualifier

    def _qualifier_before(self, first: int, floor: int) -> tuple[int, str]:
        """The longest qualifier phrase right before token ``first``; a non-breaking space
        between its words is no word ("almost\u00a014\u00a0million")."""
        words: list[int] = []
        j = first - 1
        while j >= floor and len(words) < _MAX_QUALIFIER:
            if not self._is_glue_space(j):
                words.insert(0, j)
            j -= 1
        for size in range(len(words), 0, -1):
            name = QUALIFIERS.get(tuple(self.lower[w] for w in words[-size:]))
            if name is not None and not self._bullet(words[-size]):
                return words[-size], name
        return first, "exact"

    def _bullet(self, i: int) -> bool:
        """Whether token ``i`` is a list bullet: a symbol ("~", "-") opening its line and
        followed by a space ("~ Two punters died"), not the sign "~200"."""
        tok = self.doc[i]
        if tok.is_alpha or not tok.whitespace_:
            return False
        line_start = self.text.rfind("\n", 0, tok.idx) + 1
        return not self.text[line_start : tok.idx].strip()

    def _phrasal_add(self, up: int) -> bool:
        """Whether "up to" at token ``up`` belongs to the verb "add up to" (a total, not a
        cap): "the cuts add up to $5 million", "added up to 300 votes"."""
        return up > 0 and self.doc[up - 1].lemma_.lower() == "add"

    def _surpassed(self, first: int) -> bool:
        """Whether the amount at token ``first`` is the object of a verb of surpassing
        ("would surpass $1 trillion", "cases eclipse the 600 mark"): more than it, like the
        spec's "exceeding"."""
        j = first - 1
        if j > 0 and self.lower[j] == "the":
            j -= 1
        verb = self.doc[j] if j >= 0 else None
        return verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in SURPASS_VERBS
