"""A claim candidate: what the claim rules read at a number, kept or dropped.

:func:`goldsmith.annotate.rules.claims.find_candidates` lists one per number the rules
read (a number they never read, such as a year inside a date, is no candidate): the
claim they would write, the name of the first filter that dropped it (None when they
keep it), and the token positions the verifier's features look at
(:mod:`goldsmith.annotate.rules.claim_features`).
"""

from __future__ import annotations

from dataclasses import dataclass

from goldsmith.labels.records import Claim


@dataclass(frozen=True)
class ClaimCandidate:
    """A claim the rules read: ``drop`` names the filter that dropped it, None if kept.

    Token indices: ``start`` opens the span (the qualifier's first word), ``num`` is the
    number's token, ``last`` the number's last token, ``head`` the counted noun (the
    number's last token when the noun is elided, ``elided`` then True).
    """

    claim: Claim
    drop: str | None
    start: int
    num: int
    last: int
    head: int
    elided: bool

    @property
    def kept(self) -> bool:
        """Whether the rules keep it."""
        return self.drop is None
