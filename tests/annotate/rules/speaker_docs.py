"""Who speaks each quote of a parsed text (one helper for the speaker rule test files).

Entities are placed by hand at every occurrence of each named surface, so a test checks the
speaker rules, whatever the entity layer would find. Imported by the test modules beside it
(``from speaker_docs import speakers``).
"""

from __future__ import annotations

from goldsmith.annotate.rules.quotes import find_quotes
from goldsmith.labels.records import Entity


def speakers(nlp, text: str, *names: tuple[str, str]) -> list[tuple[str, str | None]]:
    """(quote text, speaker text) of every quote, with entities at each named surface."""
    found = []
    for surface, label in names:
        start = text.find(surface)
        while start >= 0:
            found.append(Entity(start, start + len(surface), surface, label))
            start = text.find(surface, start + 1)
    quotes = find_quotes(nlp(text), sorted(found, key=lambda e: e.start))
    return [(q.text, q.speaker.text if q.speaker else None) for q in quotes]
