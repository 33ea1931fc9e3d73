"""Numbers that number things in the layout or name a decade, not claims (issue 11, round 6).

- **Numbered lines.** A number standing alone on its line (optionally followed by "." or
  ")") is a list's counter when the document also has the next or previous number alone
  on a line of the same form: "1" / "2" / "3" above the items of a listicle. One bare
  "40." heading a line that explains it (a factoid) has no neighbour and stays a claim.
- **Ranks in brackets.** A bare whole number alone in a bracket with a full stop, "Ann Lee
  (4.)", or after a label "(Last week: 2.)", is a rank (a numbered list's previous
  place), no claim; a count in brackets carries no stop ("(52 to 48)"), and a sentence
  in brackets is no rank ("(Cruz also has 17.)").
- **Decades.** "the 90's", "the ’80s", "the 1990s" name a span of years, a DATE: a
  multiple of ten glued to "s" or "'s" after "the" (or after an apostrophe) is no claim.
"""

from __future__ import annotations

import re

_LINE_NUMBER = re.compile(r"^(\d{1,3})([.)]?)$")
_RANK_OPEN = re.compile(r"\((?:[^()\n:]{0,20}:)?\s*$")
_DECADE_TAIL = re.compile(r"(?:['\u2019]s|s)\b")
_THE_BEFORE = re.compile(r"\bthe\s+['\u2019]?$", re.IGNORECASE)


def _line_of(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start : len(text) if line_end < 0 else line_end].strip()


def is_numbered_line(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is a counter alone on its line, with a
    neighbouring counter (one more or one less, same punctuation) alone on another line."""
    found = _LINE_NUMBER.match(_line_of(text, start, end))
    if found is None or found.group(1) != text[start:end]:
        return False
    value, mark = int(found.group(1)), found.group(2)
    lines = {line.strip() for line in text.splitlines()}
    return any(f"{n}{mark}" in lines for n in (value - 1, value + 1) if n >= 0)


def is_bracket_rank(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is a rank "(4.)", "(Last week: 2.)": whole
    digits followed by ".)" right after the bracket or a label ending in a colon; not the
    end of a sentence in brackets ("(Cruz also has 17.)")."""
    if not text[start:end].isdigit() or text[end : end + 2] != ".)":
        return False
    return _RANK_OPEN.search(text, max(0, start - 30), start) is not None


def is_decade(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names a decade: "the 90's", "the ’80s", "the 1990s"."""
    digits = text[start:end]
    if not digits.isdigit() or len(digits) not in (2, 4) or not digits.endswith("0"):
        return False
    if _DECADE_TAIL.match(text, end) is None:
        return False
    return bool(_THE_BEFORE.search(text[max(0, start - 8) : start]))
