"""The words an organisation's name runs on with, which spaCy leaves outside it.

Rules, applied to the entities of one document (the real-news gold writes these
names whole every time):

- an organisation name with a head word ("Court", "Club", "Union", "Coalition" ...:
  :data:`~goldsmith.annotate.rules.entity_words.ORG_HEADS`) runs on over "of" or "for",
  an optional "the" or "a", and the capitalised words after them: "Tolvik Rowing Club
  of Marlow", "Court of Appeals for the Ninth Circuit", "Coalition for the Homeless";
  inner function words "of", "and", "for" are taken when a capital follows ("Center
  for Arctic and Island Studies"), but a last "and" before one word joins another name
  ("Union of Marlow and Demos"); the entities inside (GPE "Marlow") go. It does not
  when a lower-case noun follows the capitalised words, which then only describe
  something ("the Acme Foundation for Harlow schools"), nor in a headline, where every
  word is capitalised;
- a party word (an entity or not) right before an organisation name that ends in a
  head belongs to it:
  "Republican" + "National Committee" -> ORG "Republican National Committee" (not
  before a legislature: "Republican Congress" stays NORP + ORG);
- a party word before a lower-case "party" is the party: ORG "Democratic party", but
  NORP "Democratic" in "Democratic party leaders".

Example:
    >>> TAIL.match(" of Marlow on Friday").group("run")
    'Marlow'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.entity_runs import trimmed_entity
from goldsmith.annotate.rules.entity_words import ORG_HEADS, SPLIT_BODIES
from goldsmith.annotate.rules.headlines import is_headline
from goldsmith.labels.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

_CAP = r"[A-Z][\w.'’-]*"

#: " of|for [the|a] Capitalised Words", inner "of|and|for" only before a capital.
TAIL = re.compile(
    rf" (?:of|for) (?:(?:the|a) )?(?P<run>{_CAP}(?: (?:(?:of|for) (?:the )?|and )?{_CAP})*)"
)

#: Party words that join a party organisation's name.
PARTY_WORDS = frozenset({"Republican", "Democratic", "Libertarian"})


def org_tails(doc: Doc, found: list[Entity], text: str) -> list[Entity]:
    """``found`` with the rules above applied."""
    grown: list[Entity] = []
    for entity in found:
        new = _with_tail(doc, entity, text) or _party(doc, entity, text)
        if new is not None:
            grown.append(new)
    if not grown:
        return found
    kept = [e for e in found if not any(g.start <= e.start and e.end <= g.end for g in grown)]
    return [*kept, *grown]


def _with_tail(doc: Doc, entity: Entity, text: str) -> Entity | None:
    if entity.label != "ORG" or not any(w in ORG_HEADS for w in entity.text.split()):
        return None
    match = TAIL.match(text, entity.end)
    if match is None or _headline(text, entity.start):
        return None
    end = _run_end(text, match.start("run"), match.end("run"))
    last = text[match.start("run") : end].split()[-1]
    if last.lower() in ("of", "and", "for", "the") or not _free_after(doc, text, end):
        return None
    return trimmed_entity(text, entity.start, end, "ORG")


def _run_end(text: str, start: int, end: int) -> int:
    """The run ends at a sentence's full stop: "Idaho. That" -> "Idaho" (not "U.S."),
    and before an "and" with one word after it, another name: "Ohio and Demos"."""
    at = start
    for word in text[start:end].split(" "):
        if word.endswith(".") and any(c.islower() for c in word):
            end = at + len(word) - 1
            break
        at += len(word) + 1
    cut = text.rfind(" and ", start, end)
    if cut >= 0 and " " not in text[cut + 5 : end]:
        return cut
    return end


def _free_after(doc: Doc, text: str, end: int) -> bool:
    """No lower-case noun right after the capitalised words ("... Harlow schools")."""
    if text[end : end + 1] != " " or end + 2 > len(text):
        return True
    span = doc.char_span(end + 1, end + 2, alignment_mode="expand")
    if span is None or not len(span) or span[0].idx != end + 1:
        return True
    token = span[0]
    return not (token.text.islower() and token.pos_ in ("NOUN", "PROPN"))


def _party(doc: Doc, entity: Entity, text: str) -> Entity | None:
    if entity.label == "ORG" and entity.text.split()[-1] in ORG_HEADS:
        before = text[max(0, entity.start - 13) : entity.start]
        word = before.split()[-1] if before.endswith(" ") and before.split() else ""
        if word in PARTY_WORDS and entity.text not in SPLIT_BODIES:
            return trimmed_entity(text, entity.start - len(word) - 1, entity.end, "ORG")
        return None
    if entity.label not in ("NORP", "ORG") or entity.text not in PARTY_WORDS:
        return None
    after = entity.end + 1
    if text[entity.end : after + 5] == " party" and _free_after(doc, text, after + 5):
        return trimmed_entity(text, entity.start, after + 5, "ORG")
    return None


def _headline(text: str, char: int) -> bool:
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    return is_headline(text[start : end if end >= 0 else len(text)])
