"""What a document says about a person's grammatical gender, for "he said" / "she said".

A pronoun speaker ("…,” she said) is the most recent person before it; a person the
document marks with the other gender is skipped, so the man a woman talks about in her
quote ("He has no idea," she said) is never taken for her. Evidence, read from the text
outside quotation marks, keyed by the person's last word (lower case):

- an honorific right before the name: "Mr." / "Mrs." / "Ms." / "Miss";
- a gendered role noun next to the name: "spokeswoman Ann Roe", "Ann Roe, a
  congresswoman", "actor Tom Lee";
- a pronoun that can only stand for that person as subject of a clause naming no
  other person: a reflexive ("Lee defended himself") or the subject of the clause it
  reports ("Roe said she would run").

No evidence, evidence both ways, or a last word shared by two people ("Bill Clinton",
"Hillary Clinton") means unknown: such a person is never skipped.

Example:
    >>> pronoun_gender("she"), pronoun_gender("they")
    ('f', None)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from goldsmith.labels.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: The gender of a name the evidence leaves open (two people share the name, or the
#: evidence goes both ways).
UNKNOWN = "?"

_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m"} | {
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
_HONORIFICS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}
_ROLES = {
    **dict.fromkeys(
        """spokeswoman congresswoman chairwoman councilwoman businesswoman actress wife
        mother daughter sister queen princess grandmother widow""".split(),
        "f",
    ),
    **dict.fromkeys(
        """spokesman congressman chairman councilman businessman actor husband father son
        brother king prince grandfather widower""".split(),
        "m",
    ),
}


def pronoun_gender(word: str) -> str | None:
    """ "m" for he/him/his/himself, "f" for she/her/hers/herself, else ``None``."""
    return _PRONOUNS.get(word.lower())


def gender_evidence(
    doc: Doc,
    people: Sequence[Entity],
    key: Callable[[Entity], str],
    token_at: Callable[[int], Token | None],
    blocked: Callable[[int], bool],
) -> dict[str, str]:
    """Known genders of ``people`` (PERSON mentions outside quotes), by ``key``; names
    that must stay unknown map to :data:`UNKNOWN`."""
    seen: dict[str, set[str]] = {}
    text = doc.text
    person_starts = {e.start for e in people}
    for entity in people:
        found = seen.setdefault(key(entity), set())
        before = text[max(0, entity.start - 6) : entity.start].split()
        if before and before[-1].lower() in _HONORIFICS:
            found.add(_HONORIFICS[before[-1].lower()])
        token = token_at(entity.end - 1)
        if token is None:
            continue
        near = [c for c in token.children if c.dep_ in ("appos", "compound")]
        if token.dep_ in ("appos", "compound"):
            near.append(token.head)
        near += [t for t in token.doc[max(0, token.i - 3) : token.i]]
        found.update(_ROLES[t.lower_] for t in near if t.lower_ in _ROLES)
        if token.dep_ in ("nsubj", "nsubjpass"):
            found.update(_clause_pronouns(entity, token, person_starts, blocked))
    full_names: dict[str, set[str]] = {}
    for entity in people:
        if len(entity.text.split()) > 1:
            full_names.setdefault(key(entity), set()).add(entity.text)
    return {
        name: next(iter(g)) if len(g) == 1 and len(full_names.get(name, ())) < 2 else UNKNOWN
        for name, g in seen.items()
        if g or len(full_names.get(name, ())) > 1
    }


def _clause_pronouns(entity: Entity, subject: Token, person_starts: set[int], blocked) -> set[str]:
    """Genders of the pronouns that can only stand for the subject: a reflexive in its
    clause ("defended himself") and the subject of a clause it reports ("Roe said she
    would run"), when the clause names no other person."""
    verb = subject.head
    genders = set()
    for token in verb.subtree:
        if blocked(token.idx) or entity.start <= token.idx < entity.end:
            continue
        if token.ent_type_ == "PERSON" and token.idx in person_starts:
            return set()
        if token.lower_ in ("himself", "herself") and token.head.i == verb.i:
            genders.add(_PRONOUNS[token.lower_])
        elif (
            token.lower_ in ("he", "she")
            and token.dep_ == "nsubj"
            and token.head.dep_ == "ccomp"
            and token.head.head.i == verb.i
        ):
            genders.add(_PRONOUNS[token.lower_])
    return genders
