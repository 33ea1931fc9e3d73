"""Title-case lines: headlines and headings, told apart from sentences.

The rule: a line is in title case when at least :data:`HEADLINE_CAPITALS` of its words
(those starting with a letter) start with a capital. :func:`is_headline` adds that a
headline has no final full stop or closing quotation mark, which a sentence has.

Example:
    >>> is_title_case("Mayor Wins Second Term In Landslide")
    True
    >>> is_title_case("The mayor won a second term on Sunday.")
    False
"""

from __future__ import annotations

#: Share of a line's words that start with a capital for it to be a title-case headline.
#: Title case leaves only short function words in lower case ("a", "of", "the", "to",
#: "in"), a quarter of a headline's words at most, while a sentence has a capital on its
#: first word and names only, well under half of its words.
HEADLINE_CAPITALS = 0.7


def is_title_case(line: str) -> bool:
    """Whether most words of ``line`` start with a capital (see the module rule)."""
    words = [w for w in line.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= HEADLINE_CAPITALS * len(words)


def is_headline(line: str) -> bool:
    """A title-case line without a final full stop or closing mark (headline, heading)."""
    return line.rstrip()[-1:] not in (".", '"', "”") and is_title_case(line)
