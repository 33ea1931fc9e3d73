"""Descriptions that stand for a person named before: epithets of news style.

The rule (ANNOTATION_SPEC.md section 2: for a description, the nearest preceding named
mention of that source): "the" with an age ("the 34-year-old mother of three", "the
72-year-old") is an epithet for a person already named, whatever modifies the noun after
it; :mod:`goldsmith.annotate.rules.speakers` resolves it like "he" / "she", with the
gender of a gendered noun ("mother", "actor").

Example:
    >>> is_epithet(token)   # "the 34-year-old mother of three replied"  # doctest: +SKIP
    True
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: An age, its tokens joined without spaces: "34-year-old", "6-month-old".
_AGE = re.compile(r"\d+-(?:year|month)s?-old", re.IGNORECASE)


def is_epithet(token: Token) -> bool:
    """Whether a noun is "the" + an age + the noun: "the 34-year-old mother of three"."""
    if token.pos_ != "NOUN" or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children
    ):
        return False
    before = "".join(t.text for t in token.doc[token.left_edge.i : token.i])
    return _AGE.search(before) is not None
