"""The last word of a name: the spec's rule for two mentions of one source.

ANNOTATION_SPEC.md section 2: two speaker mentions name the same source when their spans
overlap or their last words match case-insensitively ("Austin" and "Lloyd J. Austin III"
do). The pre-annotator uses the same word to find later mentions of a person ("Chepkemoi
said"), and the scorer to judge speakers (:func:`goldsmith.eval.matching.same_source`),
so both read it from here.

Example:
    >>> last_word("Lloyd J. Austin III"), last_word("Haines’s"), last_word("...")
    ('Austin', 'Haines', '')
"""

from __future__ import annotations

import re

#: Generational suffixes that end a name but do not identify the person ("Jr.", "III").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})

#: A word: letters or digits, joined by apostrophes, full stops or hyphens inside it.
_WORD = re.compile(r"\w+(?:['’.-]\w+)*")


def last_word(name: str) -> str:
    """The last word of ``name`` as written, without a generational suffix or a possessive.

    Rule: the words of ``name`` (punctuation around them dropped); trailing suffixes of
    :data:`NAME_SUFFIXES` are removed while another word precedes them, then a final
    "'s" / "’s". "" when ``name`` has no word. Compare results lower-cased.
    """
    words = _WORD.findall(name)
    while len(words) > 1 and words[-1].lower() in NAME_SUFFIXES:
        words.pop()  # "Robert Haines Jr." -> "Haines"
    if not words:
        return ""
    word = words[-1]
    for tail in ("'s", "’s"):
        if word.endswith(tail) and len(word) > len(tail):
            word = word[: -len(tail)]
    return word
