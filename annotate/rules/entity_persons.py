"""The front of a person's name: titles, roles and descriptions that are no part of it.

Read by :mod:`goldsmith.annotate.rules.entities` (rules stated there): "Defense
Secretary Lloyd Austin" -> "Lloyd Austin", "Billionaire Al Poe" -> "Al Poe", a first name
spaCy left out taken in, a name right after a personal title made a PERSON, and the
department words of a title ("Defense" in "Defense Secretary") never an entity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from goldsmith.annotate.rules.entity_words import PERSON_DESCRIPTORS
from goldsmith.annotate.rules.role_words import DEPARTMENT_WORDS, PERSONAL_TITLES, TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Words that may stand before a person's title inside a PERSON span ("White House
#: spokesman John Kirby"); stripped with the title, never on their own as an entity.
ROLE_CONTEXT_WORDS = DEPARTMENT_WORDS | frozenset(
    """
    white house senate council committee department ministry office agency party
    republican democratic u.s. us u.n. un nato eu pentagon kremlin
    """.split()
)

#: Personal titles the shared lexicon leaves out: abbreviations and plurals written
#: before names ("AG Jane Roe", "Sens. Roe and Poe").
MORE_PERSONAL_TITLES = frozenset("ag a.g. atty. sens. reps. govs. gens. drs.".split())

#: Words of a legislature's titles the shared lexicon leaves out ("Senate Minority Whip
#: Jane Roe", "Majority Whip Al Poe"): never part of the name after them.
LEGISLATIVE_TITLES = frozenset("whip whips majority minority".split())

#: Words that open a clause and never a name, whatever the tagger says at a sentence
#: start ("Though Roe has said ..." tagged as a proper noun).
CLAUSE_OPENERS = frozenset(
    "though although while whereas because unless whether if when since once".split()
)

#: Lower-case name particles that may start a person's name ("de Gaulle").
PARTICLES = frozenset("de del della der den di da dos du la le van von bin ibn al el ben".split())


def is_person_prefix(token: Token) -> bool:
    """A word before a person's name that is no part of it: a title or role ("Gen.",
    "Senators", "AG"), a description ("Billionaire") or a capitalised function word
    at a sentence start ("Without Jane Roe", "Though Jane Roe")."""
    lower = token.lower_
    return (
        lower in TITLE_WORDS
        or lower in ROLE_CONTEXT_WORDS
        or lower in MORE_PERSONAL_TITLES
        or lower in LEGISLATIVE_TITLES
        or lower in PERSON_DESCRIPTORS
        or (lower.endswith("s") and lower[:-1] in TITLE_WORDS and len(lower) > 4)
        or (token.pos_ in ("ADP", "SCONJ", "CCONJ", "DET", "ADV") and lower not in PARTICLES)
        or lower in CLAUSE_OPENERS
    )


def after_personal_title(doc: Doc, start: int, end: int) -> bool:
    """A capitalised name right after (or starting with) a personal title is a person:
    "Premier Marcus Delaney" even when spaCy says ORG."""
    if start > 0 and _is_capitalised_title(doc[start - 1]):
        first = start
    elif _is_capitalised_title(doc[start]):
        first = start + 1
    else:
        return False
    words = [doc[i] for i in range(first, end)]
    return bool(words) and all(
        t.is_alpha and t.is_title and t.lower_ not in ROLE_CONTEXT_WORDS and not is_title(t)
        for t in words
    )


def _is_capitalised_title(token: Token) -> bool:
    return token.text[:1].isupper() and (
        token.lower_ in PERSONAL_TITLES or token.lower_ in MORE_PERSONAL_TITLES
    )


def is_title(token: Token) -> bool:
    return token.text.lower() in TITLE_WORDS


def is_role_prefix(doc: Doc, start: int, end: int) -> bool:
    """True for department words of a title: "Defense" in "Defense Secretary" and in
    "Secretary of Defense Lloyd Austin"."""
    if start >= end:
        return False
    if not all(doc[i].text.lower() in DEPARTMENT_WORDS for i in range(start, end)):
        return False
    if end < len(doc) and is_title(doc[end]):
        return True
    return start >= 2 and doc[start - 1].lower_ == "of" and is_title(doc[start - 2])


def extend_name_left(doc: Doc, start: int) -> int:
    """Take in a first name spaCy left out: "Lloyd" of "Lloyd J. Austin III".

    Only a capitalised proper noun (tagged NNP) outside any entity, not a title
    or role word, a description ("Actress Jane Roe", "Moderator Al Poe") nor a clause
    opener ("Though Roe"), directly before the name, is taken in.
    """
    while start > 0:
        token = doc[start - 1]
        if not (
            token.tag_ in ("NNP", "NNPS")
            and token.ent_iob_ == "O"
            and token.whitespace_
            and token.is_alpha
            and token.is_title
            and token.lower_ not in TITLE_WORDS
            and token.lower_ not in LEGISLATIVE_TITLES
            and token.lower_ not in ROLE_CONTEXT_WORDS
            and token.lower_ not in PERSON_DESCRIPTORS
            and token.lower_ not in CLAUSE_OPENERS
        ):
            break
        start -= 1
    return start
