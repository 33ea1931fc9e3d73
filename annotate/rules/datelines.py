"""Datelines: the place in capitals that opens a news story ("WASHINGTON — ").

One pattern of the place, two uses:

- the entity layer makes the place a GPE (:data:`DATELINE_PLACE`, the place alone, at
  a paragraph start, followed by ", ", " — " or " ("), looking only at the first
  :data:`DATELINE_WITHIN` characters of a story;
- the quote layer skips the whole dateline, "KELOWNA, British Columbia — " included, so
  that it is neither a speaker nor part of a reported clause (:data:`DATELINE`, matched
  at a line start).

A place is one or more words in capitals, each starting with a letter and ending with a
letter or a full stop ("THE HAGUE", "ST. JOHN'S", "U.S.").

Example:
    >>> DATELINE.match("KELOWNA, British Columbia — Fires spread.").group()
    'KELOWNA, British Columbia — '
    >>> DATELINE_PLACE.match("THE HAGUE — Talks began.").group("place")
    'THE HAGUE'
"""

from __future__ import annotations

import re

#: A place name in capitals.
_PLACE = r"[A-Z][A-Z'’.\-]*[A-Z.](?: [A-Z][A-Z'’.\-]*[A-Z.])*"

#: The place of a dateline opening a paragraph (matched with ``re.MULTILINE``).
DATELINE_PLACE = re.compile(rf"^(?P<place>{_PLACE})(?=, | [—–-] | \()", re.MULTILINE)

#: A whole dateline: the place, an optional ", Region", the dash and the space after it.
DATELINE = re.compile(rf"(?P<place>{_PLACE})(?:, [A-Z][\w.' ]{{1,30}})? [—–-]{{1,2}} ")

#: Datelines open a story: only its first thousand characters (a headline, a byline
#: and the dateline itself; the longest seen is under 300) are looked at for one.
DATELINE_WITHIN = 1000
