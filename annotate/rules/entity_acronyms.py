"""Acronyms a document defines: "the FRB (Federal Rescue Bureau)" or "the Federal Rescue
Bureau (FRB)" makes every "FRB" of the document an organisation.

Rule (ANNOTATION_SPEC.md section 1, ORG; real news writes the short form once beside the
long one and the short form alone afterwards, where spaCy's small model misses it):

- a word of two to six capitals right before or after a bracketed name is defined by
  it when the name's capitalised words start with its letters in order ("FRB" ->
  "Federal Rescue Bureau"; "DS" -> "Bureau of Diplomatic Security", whose capitals
  B, D, S hold D, S in order) and the name has two words or more;
- every mention of a defined acronym that no entity covers is an ORG, and one that
  spaCy labelled GPE, LOC, NORP or PERSON becomes an ORG; the long name itself is left to
  spaCy and the ORG rules.

Example:
    >>> defined_acronyms("Only 2 FRB (Federal Rescue Bureau) agents came.")
    {'FRB'}
"""

from __future__ import annotations

import re
from dataclasses import replace

from goldsmith.labels.records import Entity

_BEFORE = re.compile(r"(?<![\w.])(?P<short>[A-Z]{2,6}) \((?P<long>[A-Z][^()\n]{3,80})\)")
_AFTER = re.compile(
    r"(?P<long>(?:[A-Z][\w.&'’-]*(?: (?:of|for|and|the|on))* ){1,8})\((?P<short>[A-Z]{2,6})\)"
)

#: Labels spaCy gives an acronym that a definition overrules.
_RELABELLED = frozenset({"GPE", "LOC", "NORP", "PERSON"})


def defined_acronyms(text: str) -> set[str]:
    """The acronyms ``text`` defines beside a bracketed (or bracketing) long name."""
    found = set()
    for pattern in (_BEFORE, _AFTER):
        for match in pattern.finditer(text):
            if _spells(match["short"], match["long"]):
                found.add(match["short"])
    return found


def with_defined_acronyms(text: str, found: list[Entity]) -> list[Entity]:
    """``found`` with every mention of a defined acronym an ORG (module rule)."""
    acronyms = defined_acronyms(text)
    if not acronyms:
        return found
    found = [
        replace(e, label="ORG") if e.text in acronyms and e.label in _RELABELLED else e
        for e in found
    ]
    pattern = re.compile(r"(?<![\w.-])(?:" + "|".join(sorted(acronyms)) + r")(?![\w-]|\.\w)")
    added = [
        Entity(start=m.start(), end=m.end(), text=m.group(), label="ORG")
        for m in pattern.finditer(text)
        if not any(e.start < m.end() and m.start() < e.end for e in found)
    ]
    return found + added


def _spells(short: str, long: str) -> bool:
    """Whether the capitalised words of ``long`` start with the letters of ``short`` in
    order, and ``long`` has two words or more."""
    words = long.split()
    initials = [w[0] for w in words if w[:1].isupper()]
    if len(words) < 2 or len(initials) < len(short):
        return False
    letters = iter(initials)
    return all(any(c == letter for c in letters) for letter in short)
