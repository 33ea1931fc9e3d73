"""The title of a plain-text or Markdown document, taken from its first line.

Rule: the title is the first non-blank line of the (normalised) text, stripped of
surrounding whitespace, when all of these hold:

- more non-blank text follows it on a later line (a one-line document has no title);
- it is at most :data:`MAX_TITLE_CHARS` (150) characters long and contains a letter;
- it does not end like a sentence or a clause: its last character, after any closing
  quotation marks or brackets, is not ``.``, ``,``, ``;``, ``:`` or ``…``
  (``?`` and ``!`` are allowed: "Will the Bridge Reopen?" is a headline).

For Markdown the leading ``#`` marks of an ATX heading (and the spaces after them)
are removed from the title; the text itself never changes.

Example:
    >>> title_from_text("Harbour Reopens After Storm\\n\\nBoats returned on Monday.")
    'Harbour Reopens After Storm'
    >>> title_from_text("The harbour reopened.\\nBoats returned.") is None
    True
    >>> title_from_text("# Harbour Reopens\\nBoats returned.", markdown=True)
    'Harbour Reopens'
"""

from __future__ import annotations

MAX_TITLE_CHARS = 150

_SENTENCE_END = ".,;:…"
_CLOSERS = "\"'”’)]»"


def title_from_text(text: str, markdown: bool = False) -> str | None:
    """The first line of ``text`` when it reads as a title, else ``None`` (rule above)."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not any(line.strip() for line in lines[first + 1 :]):
        return None
    candidate = lines[first].strip()
    if markdown and candidate.startswith("#"):
        candidate = candidate.lstrip("#").strip()
    if not candidate or len(candidate) > MAX_TITLE_CHARS:
        return None
    if not any(ch.isalpha() for ch in candidate):
        return None
    if candidate.rstrip(_CLOSERS)[-1:] in tuple(_SENTENCE_END):
        return None
    return candidate
