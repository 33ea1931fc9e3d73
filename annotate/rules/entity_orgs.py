"""Organisation names: their boundaries, the mentions spaCy misses, and names that
are no entity at all (document level).

Rules, applied in this order to the entities of one document:

- a name never runs into a handle or markup: "Acme’s @jroe</tweet>" -> "Acme";
- two organisations joined by "at" are two: "Lee Institute of Politics at Tolvik
  University" -> "Lee Institute of Politics", "Tolvik University";
- an organisation head followed by a person's name splits there: "Acme News Jane Roe"
  -> ORG "Acme News", PERSON "Jane Roe";
- a place or person before a lower-case media noun is an ORG ("Tolvik magazine");
- a place followed by a capitalised plural proper noun is a team or a company: ORG
  "Tolvik Rovers";
- a news agency in brackets in a dateline is an ORG: "OSLO, May 3 (Acme) — ";
- capitalised names right before "poll" or "survey", one or several joined by a
  slash, are pollsters and media: ORG ("a Acme/Tolvik University poll"), without a
  capitalised function word before "the" ("In the Acme poll" -> "Acme");
- an acronym of three to six capitals that no rule took (a dateline is a GPE), in
  running text (not next
  to another word in capitals, not on a line written mostly in capitals), is an ORG
  ("the DOJ said"), but for common acronyms of things (CEO, GDP, DNA ...);
- no entity for: an ORG that is a common acronym of a thing ("a DVD", "the CEO"),
  the names of laws and treaties ("... Act", "U.S. Constitution"),
  the parties of a court case ("Roe v. Wade"), a department word before "department"
  ("the Commerce and Justice departments"), a programme ("... Program"), a prize
  ("the Harbor Arts Prize", "... Award") or a single
  letter ("I.").

Example:
    >>> AGENCY.search("OSLO, May 3 (Acme) — Rain fell.").group("agency")
    'Acme'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.datelines import DATELINE_WITHIN
from goldsmith.annotate.rules.entity_runs import in_capitals_line
from goldsmith.annotate.rules.entity_words import (
    ORG_HEADS,
    PLACE_ACRONYMS,
    POLL_NOUNS,
    THING_ACRONYMS,
)
from goldsmith.annotate.rules.role_words import DEPARTMENT_WORDS
from goldsmith.annotate.rules.spans import overlaps
from goldsmith.labels.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: A dateline with a bracketed agency: "MEXICO CITY, Feb. 8 (UPI) —", "OSLO (Acme) -".
AGENCY = re.compile(
    r"^[A-Z][A-Z'’.\- ]*[A-Z.](?:, [^\n()]{1,30})? \((?P<agency>[A-Z][\w&.' ]{0,30})\) ?[—–-]",
    re.MULTILINE,
)

#: Lower-case nouns after a name that make it a publication: "New York magazine".
_MEDIA_NOUNS = frozenset("magazine newspaper tabloid weekly daily paper".split())

#: Last words of the names of laws and treaties: titles, never annotated.
_LAW_HEADS = frozenset(
    "Act Acts Amendment Constitution Treaty Agreement Accord Accords Code Statute Bill".split()
)

#: Last words of the names of prizes: no entity (no spec label names an award).
_AWARD_HEADS = frozenset("Prize Prizes Award Awards Medal Trophy".split())

#: Last words of programme names: no ORG (real-news adjudication).
_PROGRAM_HEADS = frozenset("Program Programme Programs".split())

#: A pollster's name is looked for this many words back from "poll".
_MAX_POLL_WORDS = 10

#: A single capitalised word before "poll" of these kinds is no pollster: "a Florida
#: poll", "a Democratic poll", "a January poll".
_NOT_POLLSTER_TYPES = frozenset({"GPE", "NORP", "DATE", "LOC", "EVENT"})

_PERSON_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z]+")


def repair_orgs(doc: Doc, found: list[Entity], text: str) -> list[Entity]:
    """``found`` with the rules above applied."""
    found = [_before_markup(e, text) for e in found]
    found = [part for e in found for part in _split_at(e, text)]
    found = [part for e in found for part in _split_person(e, text)]
    found = [_by_noun_after(e, text) for e in found]
    found = _teams(doc, found, text)
    found = _add(found, _agencies(text), text)
    found = _add(found, _pollsters(doc, text), text)
    found = _add(found, _acronyms(doc, text, found), text)
    return [e for e in found if not _is_no_entity(e, text)]


def _before_markup(entity: Entity, text: str) -> Entity:
    cut = min((i for i in (entity.text.find("@"), entity.text.find("<")) if i > 0), default=-1)
    if cut < 0:
        return entity
    surface = re.sub(r"(?:['’]s)?\s*$", "", entity.text[:cut])
    return _entity(text, entity.start, entity.start + len(surface), entity.label)


def _split_at(entity: Entity, text: str) -> list[Entity]:
    if entity.label != "ORG" or " at " not in entity.text:
        return [entity]
    left, right = entity.text.split(" at ", 1)
    if not (_has_head(left) and right[:1].isupper() and right.split()[-1] in ORG_HEADS):
        return [entity]
    split = entity.start + len(left) + len(" at ")
    return [
        _entity(text, entity.start, entity.start + len(left), "ORG"),
        _entity(text, split, entity.end, "ORG"),
    ]


def _split_person(entity: Entity, text: str) -> list[Entity]:
    if entity.label != "ORG":
        return [entity]
    words = entity.text.split(" ")
    for i in range(1, len(words) - 2):
        rest = " ".join(words[i + 1 :])
        if words[i] in ORG_HEADS and _PERSON_NAME.fullmatch(rest) and not _has_head(rest):
            head_end = entity.start + len(" ".join(words[: i + 1]))
            return [
                _entity(text, entity.start, head_end, "ORG"),
                _entity(text, entity.end - len(rest), entity.end, "PERSON"),
            ]
    return [entity]


def _by_noun_after(entity: Entity, text: str) -> Entity:
    if entity.label in ("GPE", "PERSON") and _next_word(text, entity.end) in _MEDIA_NOUNS:
        return _entity(text, entity.start, entity.end, "ORG")
    return entity


def _teams(doc: Doc, found: list[Entity], text: str) -> list[Entity]:
    """ "Tolvik" GPE + "Rovers" (a plural proper noun in no entity) -> ORG "Tolvik Rovers"."""
    starts = {token.idx: token.i for token in doc}
    taken = [(e.start, e.end) for e in found]
    result = []
    for entity in found:
        i = starts.get(entity.end + 1) if entity.label == "GPE" else None
        if i is not None and text[entity.end] == " ":
            token = doc[i]
            if (
                token.tag_ == "NNPS"
                and token.is_alpha
                and token.is_title
                and not any(overlaps(a, b, token.idx, token.idx + 1) for a, b in taken)
            ):
                entity = _entity(text, entity.start, token.idx + len(token.text), "ORG")
        result.append(entity)
    return result


def _agencies(text: str) -> list[tuple[int, int, str]]:
    match = AGENCY.search(text, 0, DATELINE_WITHIN)
    return [(*match.span("agency"), "ORG")] if match else []


def _pollsters(doc: Doc, text: str) -> list[tuple[int, int, str]]:
    """Capitalised names, slash-joined, right before "poll"/"survey"."""
    found = []
    for token in doc:
        if token.lower_ not in POLL_NOUNS:
            continue
        i = token.i - 1
        while i >= 0 and token.i - i <= _MAX_POLL_WORDS and _in_poll_name(doc[i]):
            i -= 1
        groups: list[list[Token]] = [[]]
        for word in doc[i + 1 : token.i]:
            if word.text == "/":
                groups.append([])
            else:
                groups[-1].append(word)
        names = [_trim_name(group) for group in groups]
        names = [name for name in names if name]
        if len(names) == 1 and names[0][0].ent_type_ in _NOT_POLLSTER_TYPES:
            continue
        for name in names:
            found.append((name[0].idx, name[-1].idx + len(name[-1].text), "ORG"))
    return found


def _in_poll_name(token: Token) -> bool:
    return token.text == "/" or token.text[:1].isupper() or token.lower_ in ("the", "of", "&")


def _trim_name(words: list[Token]) -> list[Token]:
    """A name without the article or lower-case words at its edges, nor a capitalised
    function word that opens the sentence before them ("In the Acme poll" -> "Acme")."""
    while words and (
        words[0].text.islower()
        or words[0].text in ("A", "An", "The")
        or (len(words) > 1 and words[0].is_stop and words[1].text.islower())
    ):
        words = words[1:]
    while words and words[-1].text.islower():
        words = words[:-1]
    return words


def _acronyms(doc: Doc, text: str, found: list[Entity]) -> list[tuple[int, int, str]]:
    added = []
    taken = [(e.start, e.end) for e in found]
    for token in doc:
        word = token.text
        if not (3 <= len(word) <= 6 and word.isalpha() and word.isupper()):
            continue
        if word in THING_ACRONYMS | PLACE_ACRONYMS or token.ent_type_:
            continue
        if any(overlaps(a, b, token.idx, token.idx + len(word)) for a, b in taken):
            continue
        near = [doc[j] for j in (token.i - 1, token.i + 1) if 0 <= j < len(doc)]
        if any(t.text.isupper() and t.is_alpha and len(t.text) > 1 for t in near):
            continue
        if token.i > 0 and doc[token.i - 1].text in ("@", "#"):
            continue
        if in_capitals_line(text, token.idx):
            continue
        added.append((token.idx, token.idx + len(word), "ORG"))
    return added


def _is_no_entity(entity: Entity, text: str) -> bool:
    words = entity.text.split()
    if entity.label == "DATE":
        return False
    if sum(c.isalpha() for c in entity.text) < 2 or not words:
        return True
    if entity.label in ("ORG", "EVENT", "FAC", "GPE", "LOC") and len(words) > 1:
        if words[-1] in _LAW_HEADS:
            return True
    if entity.label == "ORG" and words[-1] in _PROGRAM_HEADS:
        return True
    if entity.label != "EVENT" and len(words) > 1 and words[-1] in _AWARD_HEADS:
        return True
    if entity.label == "ORG" and entity.text in THING_ACRONYMS:
        return True
    if re.match(r"\s+v\.?s?\.?\s", text[entity.end : entity.end + 6]) or re.search(
        r"\sv\.?s?\.?\s+$", text[max(0, entity.start - 6) : entity.start]
    ):
        return True
    return entity.label == "ORG" and _is_department(entity, text)


def _is_department(entity: Entity, text: str) -> bool:
    """A department word before "department(s)": "the Commerce and Justice departments"."""
    if entity.text.lower() not in DEPARTMENT_WORDS:
        return False
    after = text[entity.end : entity.end + 40]
    return re.match(r"(?: and [A-Z]\w+)? departments?\b", after) is not None


def _add(found: list[Entity], spans: list[tuple[int, int, str]], text: str) -> list[Entity]:
    """Add the spans that replace nothing: a span over an entity replaces it."""
    for start, end, label in spans:
        found = [e for e in found if not overlaps(e.start, e.end, start, end)]
        found.append(_entity(text, start, end, label))
    return found


def _has_head(name: str) -> bool:
    return any(word in ORG_HEADS for word in name.split())


def _next_word(text: str, end: int) -> str:
    match = re.match(r"\s+([\w-]+)", text[end : end + 40])
    return match.group(1) if match else ""


def _entity(text: str, start: int, end: int, label: str) -> Entity:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Entity(start=start, end=end, text=text[start:end], label=label)
