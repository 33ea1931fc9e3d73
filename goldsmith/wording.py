"""Counted nouns in sentences for people: "1 annotator", "2 annotators", "0 errors".

One rule for every stage and the CLI (reports, notes, card, terminal). Lives beside
``errors.py`` so every stage may import it.

Example:
    >>> plural(1, "annotator"), plural(2, "annotator"), plural(0, "entry", "entries")
    ('1 annotator', '2 annotators', '0 entries')
"""

from __future__ import annotations


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``count`` and ``noun``, in the plural (``nouns``, else noun + "s") unless ``count`` is 1."""
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"
