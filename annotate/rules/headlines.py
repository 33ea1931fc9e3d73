"""Title-case lines: headlines and headings, told apart from sentences.

The one rule of the pre-annotators for "is this line a title-case headline" (entities,
quotes and claims all ask it):

- the words that count are those of four letters or more that start with a letter
  (:data:`TITLE_WORD`), but for the function words that title case may leave in lower
  case (:data:`LOWER_IN_TITLES`: "with", "from", "into" ...): so "Trump to Meet with
  Leaders of the G7" reads as the headline it is;
- a line is in title case when it has at least one such word, at least
  :data:`HEADLINE_CAPITALS` of them start with a capital, and it is not written in
  capitals (some counted word has a lower-case letter after its first: "VARGA WINS" is a
  line in capitals, not in title case);
- :func:`is_headline` adds that a headline has no final full stop or closing quotation
  mark, which a sentence has.

Example:
    >>> is_title_case("Mayor Wins Second Term In Landslide")
    True
    >>> is_title_case("Trump to Meet with Leaders of the G7 in Paris")
    True
    >>> is_title_case("The mayor won a second term on Sunday.")
    False
    >>> is_title_case("MAYOR WINS")
    False
"""

from __future__ import annotations

import re

#: A word that counts for title case: a letter and three more word characters or more.
TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")

#: Function words of four letters or more that title case (Chicago style) leaves in
#: lower case: not counted, whatever their case.
LOWER_IN_TITLES = frozenset(
    """
    with from into onto over than that upon about above after along among around
    against before below behind between beyond during near past since through toward
    towards under until unto when where while within without
    """.split()
)

#: Share of a line's counted words that start with a capital for it to be in title case.
#: In title case every counted word is capitalised; the fifth left over is for a word
#: written in lower case on purpose ("iPhone", "eBay") in a headline of five counted
#: words or more. A sentence, or a headline in sentence case, capitalises its first word
#: and its names only: "Varga praises the Harbor Door", three names of four counted
#: words, stays below this share.
HEADLINE_CAPITALS = 0.8


def is_title_case(line: str) -> bool:
    """Whether ``line`` is written in title case (see the module rule)."""
    words = [w for w in TITLE_WORD.findall(line) if w.lower() not in LOWER_IN_TITLES]
    if not words:
        return False
    capitalised = sum(1 for word in words if word[0].isupper())
    return capitalised >= HEADLINE_CAPITALS * len(words) and any(
        any(c.islower() for c in word[1:]) for word in words
    )


def is_headline(line: str) -> bool:
    """A title-case line without a final full stop or closing mark (headline, heading)."""
    return line.rstrip()[-1:] not in (".", '"', "”") and is_title_case(line)
