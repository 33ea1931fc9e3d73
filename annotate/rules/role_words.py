"""Role nouns: the one lexicon of titles, offices and roles that name a person.

Two rules read it, each a different view of the same words:

- the entity layer strips titles from a PERSON ("Defense Secretary Lloyd Austin" ->
  "Lloyd Austin"): :data:`TITLE_WORDS`, the role nouns written as a title before a name
  plus honorifics ("Mr.", "Gen.") and the words that modify a title ("former", "acting");
- the speaker rules resolve a description to a person named earlier ("the secretary
  said"): :data:`PERSON_ROLES`, the role nouns plus the roles that are not written as a
  title before a name ("official", "expert", "lawyer").

So a role noun is added once, to :data:`ROLE_NOUNS`, and both rules see it; a word goes
into one of the view-only sets only when the other rule must not see it.

Example:
    >>> "secretary" in TITLE_WORDS and "secretary" in PERSON_ROLES
    True
    >>> "mr." in TITLE_WORDS, "mr." in PERSON_ROLES
    (True, False)
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Singular role nouns written as a title before a name and standing alone for a person
#: named earlier ("Secretary Jane Doe", "the secretary said").
ROLE_NOUNS = _words(
    """
    secretary minister president spokesman spokeswoman spokesperson leader chief director
    ambassador general commander senator governor mayor chancellor premier envoy lawmaker
    analyst professor chairman chairwoman chair founder officer judge attorney king queen
    prince
    """
)

#: Roles that describe a person but are not written as a title before a name:
#: "the official said", not "Official Jane Doe".
_ROLES_NOT_TITLES = _words(
    """
    official expert diplomat researcher author executive head prosecutor lawyer employee
    candidate nominee
    """
)

#: Honorifics and abbreviated ranks: they only ever stand before a name ("Mr.", "Gen.").
HONORIFICS = _words(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady madam gov gov.
    sen sen. rep rep. gen gen. lt lt. col col. maj maj. capt capt. cmdr cmdr. adm adm.
    sgt sgt. cpl cpl. pvt pvt. rev rev.
    """
)

#: Words that modify a title inside it ("Vice President", "former Gen.", "Field Marshal").
_TITLE_MODIFIERS = _words("vice prime field deputy assistant acting former late general's")

#: Titles that the speaker rules leave to the agent-noun rule or never resolve (ranks,
#: clergy, royalty, occupations written before names: "Coach Jane Doe", "Rabbi Levi").
_TITLES_NOT_ROLES = _words(
    """
    representative congressman congresswoman speaker justice admiral colonel major
    captain lieutenant sergeant corporal private marshal ceo cfo coo emperor empress
    princess pope cardinal archbishop bishop reverend father sister brother rabbi imam
    sheikh ayatollah councillor councilor councilman councilwoman alderman commissioner
    inspector superintendent agent detective reporter correspondent editor anchor coach
    manager dictator strongman advisor adviser counsel counselor counsellor aide
    """
)

#: Titles and roles that precede a person's name (compared lower-case); stripped from
#: the front of a PERSON entity.
TITLE_WORDS = ROLE_NOUNS | HONORIFICS | _TITLE_MODIFIERS | _TITLES_NOT_ROLES

#: Titles that only ever stand right before a person's name (a subset of
#: ``TITLE_WORDS``): a capitalised name after one is a PERSON whatever spaCy said.
PERSONAL_TITLES = _words(
    """
    mr mr. mrs mrs. ms ms. dr dr. president premier minister secretary chancellor
    governor gov. senator sen. rep. congressman congresswoman mayor ambassador gen. lt.
    col. maj. capt. adm. sgt. councillor councilor spokesman spokeswoman
    """
)

#: Singular role nouns that stand for a person named earlier ("the secretary said").
PERSON_ROLES = ROLE_NOUNS | _ROLES_NOT_TITLES

#: Department and office words that combine with a title ("Defense Secretary",
#: "Secretary of State"): part of the title, never an entity on their own there.
DEPARTMENT_WORDS = _words(
    """
    defense defence state foreign interior home homeland security treasury justice
    health finance national energy commerce labor labour education agriculture
    transportation transport veterans affairs intelligence trade economy economic
    environment culture war navy army air force marine marines
    """
)
