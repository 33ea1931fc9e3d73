"""Counted nouns in the CLI's sentences: "1 annotator", "2 annotators".

Example:
    >>> count(1, "annotator"), count(2, "annotator"), count(0, "entry", "entries")
    ('1 annotator', '2 annotators', '0 entries')
"""

from __future__ import annotations


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and ``noun``, plural unless ``n`` is exactly 1."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
