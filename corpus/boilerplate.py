"""Advertising and boilerplate lines: found, never removed, returned as ignore ranges.

The text is not changed; each flagged line becomes one ``(start, end)`` code-point
range covering the whole line without its newline, and nothing is annotated inside it.

Rules, applied to one line at a time:

1. The first non-blank line of a document is never boilerplate (it is the headline,
   and headlines are annotated). Blank lines are never flagged.
2. An advertising marker: once whitespace and decoration (``-–—*_=|•·()[]<>:``) are
   stripped from both ends, the line equals (ignoring case) "Advertisement",
   "Advertising", "Sponsored", "Sponsored content", "Paid content", "Paid post",
   "Promoted content", "Ad", "Story continues below advertisement" (also "Article",
   "below this advertisement", "below ad"), "Continue reading below", "Continue reading
   the main story" or "Scroll to continue (with content)".
3. A call to action of at most 30 words that starts (ignoring case) with "Sign up"
   and mentions a newsletter, alerts, a briefing, a digest, updates, emails or an inbox;
   or starts with "Subscribe", "Click here", "Tap here", "Read more", "Related:",
   "Also read", "Read also", "Recommended:", "Follow us on", "Share this article",
   "Share this story" or "Download our app".
4. A promotional line in capitals: every cased character is upper case, the line has at
   least 3 plain words (letters only, once surrounding punctuation is stripped, at least
   2 letters) and one of them has at least 5 letters. Not flagged, because they are part
   of the article: Markdown headings (``#``), bylines ("BY ..."), datelines ending in a
   dash, and acronym lines such as "NATO, EU AND UN" (no plain word of 5 letters).

Example:
    >>> text = "Harbour Reopens\\nBoats returned.\\nADVERTISEMENT\\nMore boats came."
    >>> ignore_ranges(text)
    ((32, 45),)
"""

from __future__ import annotations

import re

_DECORATION = " \t-–—*_=|•·()[]<>:"
_MARKERS = frozenset(
    {
        "advertisement",
        "advertising",
        "sponsored",
        "sponsored content",
        "paid content",
        "paid post",
        "promoted content",
        "ad",
        "continue reading below",
        "continue reading the main story",
        "scroll to continue",
        "scroll to continue with content",
    }
)
_CONTINUES = re.compile(
    r"^(story|article) continues below( this)? (advertisement|ad)$", re.IGNORECASE
)
_SIGN_UP = re.compile(
    r"^sign up\b.*\b(newsletters?|alerts?|briefings?|digest|updates|e-?mails?|inbox)\b",
    re.IGNORECASE,
)
_CALL_TO_ACTION = re.compile(
    r"^(subscribe\b|click here\b|tap here\b|read more\b|related\s*:|also read\b|read also\b"
    r"|recommended\s*:|follow us on\b|share this (article|story)\b|download our app\b)",
    re.IGNORECASE,
)
_MAX_CALL_WORDS = 30
_WORD_PUNCT = "\"'“”‘’.,;:!?()[]&%$€£/-–—"
_DASHES = ("-", "–", "—")


def is_boilerplate_line(line: str) -> bool:
    """Whether one line (not a document's first line) is advertising or boilerplate.

    Applies rules 2 to 4 of the module docstring; rule 1 (the first line) is the
    caller's, see :func:`ignore_ranges`.

    Example:
        >>> is_boilerplate_line("SUBSCRIBE NOW FOR UNLIMITED ACCESS")
        True
        >>> is_boilerplate_line("NATO, EU AND UN")
        False
    """
    stripped = line.strip()
    if not stripped:
        return False
    core = stripped.strip(_DECORATION).lower()
    if core in _MARKERS or _CONTINUES.match(core):
        return True
    is_call = _SIGN_UP.match(stripped) or _CALL_TO_ACTION.match(stripped)
    if is_call and len(stripped.split()) <= _MAX_CALL_WORDS:
        return True
    return _is_capitals_promo(stripped)


def _is_capitals_promo(stripped: str) -> bool:
    if stripped != stripped.upper() or stripped == stripped.lower():
        return False
    if stripped.startswith(("#", "BY ")):
        return False
    if stripped.endswith(_DASHES):
        return False
    words = [w.strip(_WORD_PUNCT) for w in stripped.split()]
    plain = [w for w in words if len(w) >= 2 and w.isalpha()]
    return len(plain) >= 3 and any(len(w) >= 5 for w in plain)


def ignore_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """The ``(start, end)`` ranges of the boilerplate lines of a normalised text.

    Each range covers a whole line without its newline; the first non-blank line is
    never flagged (module docstring, rule 1).
    """
    ranges: list[tuple[int, int]] = []
    start = 0
    seen_text = False
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            if seen_text and is_boilerplate_line(line):
                ranges.append((start, end))
            seen_text = True
        start = end + 1
    return tuple(ranges)
