"""What a document says about a person's grammatical gender, for "he said" / "she said".

A pronoun speaker ("…,” she said) is the most recent person before it; a person the
document marks with the other gender is skipped, so the man a woman talks about in her
quote ("He has no idea," she said) is never taken for her. Evidence, read from the text
outside quotation marks, keyed by the person's last word (lower case):

- an honorific right before the name: "Mr." / "Mrs." / "Ms." / "Miss";
- a gendered role noun next to the name: "spokeswoman Ann Roe", "Ann Roe, a
  congresswoman", "actor Tom Lee" (not a role the name modifies: in "Hale spokeswoman
  Ann Roe" the role is Roe's);
- a pronoun that can only stand for that person as subject of a clause naming no
  other person: a reflexive ("Lee defended himself") or the subject of the clause it
  reports ("Roe said she would run").

- with none of these for a full name, its first name's usual gender
  (:func:`first_name_gender`, learned from PolNeAR's articles by
  ``corpus/realnews/train_name_genders.py``: "Ana Ruiz" is a woman), given to the surname
  by the same rule as the evidence.

No evidence, evidence both ways, or a last word shared by two people ("Bill Clinton",
"Hillary Clinton") means unknown: such a person is never skipped. A full name keeps
its own evidence too ("his son Beau Biden" is a man although "Biden" alone is
unknown), and gives it to the surname only when no one else holds the surname (no
second full name with it, no bare surname written before it: "Trump said …" then
"Ivanka Trump … she" leaves "Trump" alone unmarked).

Example:
    >>> pronoun_gender("she"), pronoun_gender("they")
    ('f', None)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from goldsmith.labels.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: First names and their usual gender ("m"/"f"), learned from PolNeAR's articles.
FIRST_NAMES = Path(__file__).with_name("first_name_genders.json")
#: Whether :func:`gender_evidence` falls back on first names (the lexicon's own training
#: reads the documents' evidence alone).
USE_FIRST_NAMES: ContextVar[bool] = ContextVar("goldsmith_use_first_names", default=True)

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


def role_gender(word: str) -> str | None:
    """ "f" for a gendered role noun such as "mother", "m" for "actor", else ``None``."""
    return _ROLES.get(word.lower())


def full_name_key(entity: Entity) -> str | None:
    """The whole name of a mention of two words or more, lower case ("beau biden"), under
    which its own gender evidence is kept; ``None`` for a surname alone."""
    words = entity.text.lower().split()
    return " ".join(words) if len(words) > 1 else None


def gender_evidence(
    doc: Doc,
    people: Sequence[Entity],
    key: Callable[[Entity], str],
    token_at: Callable[[int], Token | None],
    blocked: Callable[[int], bool],
) -> dict[str, str]:
    """Known genders of ``people`` (PERSON mentions outside quotes), by ``key`` and, for
    full names, by :func:`full_name_key`; names that must stay unknown map to
    :data:`UNKNOWN`.

    Evidence read at a full name is that full name's; it is also the surname's unless
    another person holds the surname: a second full name with it ("Joe Biden", "Beau
    Biden"), or the surname alone before this full name is first written ("Trump said
    …" before "Ivanka Trump": the bare surname is someone already known; a surname in
    the first line, the headline, does not count: "Lind Wins Runoff" ⏎ "Greta Lind
    …")."""
    starts = {e.start for e in people}
    by_mention = [
        (entity, _mention_evidence(doc.text, entity, token_at, starts, blocked))
        for entity in people
    ]
    first_full: dict[str, int] = {}
    first_bare: dict[str, int] = {}
    full_names: dict[str, set[str]] = {}
    title_end = doc.text.find("\n")  # a headline names people by surname before the story
    for entity in people:
        full = full_name_key(entity)
        if full is None:
            if title_end < 0 or entity.start > title_end:
                first_bare.setdefault(key(entity), entity.start)
        else:
            first_full.setdefault(full, entity.start)
            full_names.setdefault(key(entity), set()).add(full)
    seen: dict[str, set[str]] = {}
    seen_full: dict[str, set[str]] = {}
    for entity, genders in by_mention:
        last, full = key(entity), full_name_key(entity)
        found = seen.setdefault(last, set())
        if full is None:
            found.update(genders)
            continue
        seen_full.setdefault(full, set()).update(genders)
        if first_bare.get(last, first_full[full] + 1) > first_full[full]:
            found.update(genders)
    known = {
        name: next(iter(g)) if len(g) == 1 and len(full_names.get(name, ())) < 2 else UNKNOWN
        for name, g in seen.items()
        if g or len(full_names.get(name, ())) > 1
    }
    known.update(
        {name: next(iter(g)) if len(g) == 1 else UNKNOWN for name, g in seen_full.items() if g}
    )
    for entity in people if USE_FIRST_NAMES.get() else ():
        # no evidence for a full name: its first name's usual gender
        full = full_name_key(entity)
        gender = first_name_gender(full) if full is not None and full not in known else None
        if gender is None:
            continue
        known[full] = gender
        last = key(entity)
        alone = (
            len(full_names.get(last, ())) < 2
            and first_bare.get(last, first_full[full] + 1) > first_full[full]
        )
        if last not in known and alone:
            known[last] = gender
    return known


def first_name_gender(full_name: str) -> str | None:
    """The usual gender of a full name's first word ("ana ruiz" -> "f"), ``None`` when
    the lexicon does not know it."""
    return _first_names().get(full_name.split()[0].lower()) if full_name.strip() else None


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    if not FIRST_NAMES.is_file():
        return {}
    return json.loads(FIRST_NAMES.read_text(encoding="utf-8"))


def _mention_evidence(
    text: str,
    entity: Entity,
    token_at: Callable[[int], Token | None],
    person_starts: set[int],
    blocked: Callable[[int], bool],
) -> set[str]:
    """The genders one mention shows (module rules)."""
    found = set()
    before = text[max(0, entity.start - 6) : entity.start].split()
    if before and before[-1].lower() in _HONORIFICS:
        found.add(_HONORIFICS[before[-1].lower()])
    token = token_at(entity.end - 1)
    if token is None:
        return found
    near = [c for c in token.children if c.dep_ in ("appos", "compound")]
    if token.dep_ == "appos":  # "Ann Roe, a congresswoman"
        near.append(token.head)
    # the words just before the name, but not a role the name modifies: in "Hale
    # spokeswoman Ann Roe" the role is Roe's, not Hale's
    if token.dep_ != "compound" or token.head.lower_ not in _ROLES:
        near += [t for t in token.doc[max(0, token.i - 3) : token.i]]
    found.update(_ROLES[t.lower_] for t in near if t.lower_ in _ROLES)
    if token.dep_ in ("nsubj", "nsubjpass"):
        found.update(_clause_pronouns(entity, token, person_starts, blocked))
    return found


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
