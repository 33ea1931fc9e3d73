"""US states written short: party-state tags and postal codes are GPE.

The rules (real-news adjudication, entities):

- the state of a party-state tag after a politician's name is a GPE, the party letter
  is not annotated: "Sen. Jane Roe (D-Ore.)" -> GPE "Ore.", "(R-TX)" -> "TX",
  "Rep. Al Poe, R-Wis., said" -> "Wis."; entities spaCy put over the tag are replaced;
- an entity that is only a US postal code ("AZ", "D.C.") is a GPE whatever spaCy said;
- a GPE right before "D.C." takes it in ("Washington D.C.", "Washington, D.C.": one GPE);
- a state's abbreviation keeps its full stop: "Casper, Wyo., said" and "Sen. Jane Roe
  (Tex.)" -> GPE "Wyo.", "Tex." (the tokenizer splits the stop off as punctuation);
- West Virginia's short forms are states too: "(D-W.Va.)", "(D-W-Va.)" -> GPE.

Example:
    >>> [m.group("state") for m in PARTY_STATE.finditer("Roe (D-Ore.) and Poe (R-TX)")]
    ['Ore.', 'TX']
"""

from __future__ import annotations

import re
from dataclasses import replace

from goldsmith.annotate.rules.spans import overlaps
from goldsmith.labels.records import Entity

#: US postal codes of the states, the capital and the territories.
POSTAL_CODES = frozenset(
    """
    AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV
    NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI
    """.split()
)

#: A state as a party-state tag writes it: a postal code ("TX"), an abbreviation with
#: a full stop ("Ore.", "Calif."), initials ("N.Y.", "N.C.") or one word ("Texas").
_STATE = (
    r"[A-Z](?:\.|-|\. )[A-Z][a-z]{1,4}\.|[A-Z]{2}(?![\w.])|[A-Z][a-z]{1,5}\.|[A-Z]\.[A-Z]\."
    r"|[A-Z][a-z]{3,}(?![\w.])"
)

#: The states' abbreviations written with a full stop (AP style and older forms), without it.
STATE_ABBREVIATIONS = frozenset(
    """
    Ala Ariz Ark Calif Cal Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn
    Miss Mo Mont Neb Nebr Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wisc Wyo
    """.split()
)

#: "Washington" and "D.C." after it, with or without a comma: one GPE.
_DC_AFTER = re.compile(r",? D\.C\.")

#: A party letter, a hyphen and a state, in brackets or between commas.
PARTY_STATE = re.compile(
    r"(?:(?<=\()|(?<=, ))(?:R|D|I|Ind)\s?[-–]\s?(?P<state>" + _STATE + r")(?=\)|,|;|\s|$)"
)


def with_party_states(text: str, found: list[Entity]) -> list[Entity]:
    """``found`` with the states of party-state tags as GPE (replacing what spaCy put
    over the tag) and postal-code entities relabelled GPE."""
    states = [match.span("state") for match in PARTY_STATE.finditer(text)]
    tags = [match.span() for match in PARTY_STATE.finditer(text)]
    kept = [
        replace(e, label="GPE") if e.text.replace(".", "") in POSTAL_CODES else e
        for e in found
        if not any(overlaps(e.start, e.end, a, b) for a, b in tags)
    ]
    found = kept + [Entity(start=a, end=b, text=text[a:b], label="GPE") for a, b in states]
    return _with_district(text, [_with_stop(text, e) for e in found])


def _with_stop(text: str, entity: Entity) -> Entity:
    """A state's abbreviation keeps its full stop: "Wyo" + "." -> "Wyo."."""
    if entity.label != "GPE" or entity.text not in STATE_ABBREVIATIONS:
        return entity
    if text[entity.end : entity.end + 1] != ".":
        return entity
    return Entity(entity.start, entity.end + 1, text[entity.start : entity.end + 1], "GPE")


def _with_district(text: str, found: list[Entity]) -> list[Entity]:
    """A GPE right before "D.C." takes it in: "Washington D.C." is one GPE."""
    grown = {}
    for entity in found:
        match = _DC_AFTER.match(text, entity.end)
        if entity.label == "GPE" and match is not None:
            grown[id(entity)] = Entity(
                entity.start, match.end(), text[entity.start : match.end()], "GPE"
            )
    if not grown:
        return found
    spans = list(grown.values())
    return [
        grown.get(id(e), e)
        for e in found
        if id(e) in grown or not any(g.start <= e.start and e.end <= g.end for g in spans)
    ]
