"""Word lists of the entity label rules: the head words that make a name an event, a
facility or an organisation, and the nouns that say what a name stands for.

Each list is of common words, never of names: a name is labelled by how it is built
("... National Convention", "... Arena", "... Committee") or by the noun after it
("the Pulse nightclub"), not by knowing the name.

Example:
    >>> "Convention" in EVENT_HEADS, "Arena" in FAC_HEADS, "Committee" in ORG_HEADS
    (True, True, True)
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Last words of the names of events (compared as written, capitalised):
#: "Democratic National Convention", "Cold War", "Super Bowl", "Berlin Marathon".
EVENT_HEADS = _words(
    """
    Convention Conventions Caucuses Debate Debates War Wars Bowl Bowls Olympics Games
    Marathon Championship Championships Summit Festival Expo Massacre Revolution Uprising
    Rebellion Gala Parade Tournament Cup Series Regatta Primaries Olympiad Jubilee Awards
    """
)

#: Last words of the names of facilities: buildings, venues, streets, airports, bridges
#: (for an ORG; a GPE only with one of :data:`FAC_HEADS_NOT_PLACES`, since towns are
#: named "... Park" or "... Place").
FAC_HEADS = _words(
    """
    Airport Arena Stadium Coliseum Colosseum Ballpark Park Square Plaza Street Streets
    Avenue Boulevard Road Highway Freeway Expressway Turnpike Interstate Bridge Tunnel
    Tower Towers Mansion Building Capitol Pier Dam Canal Terminal Station Mall Casino
    Hotel Gardens Memorial Monument Cemetery Prison Penitentiary Lane Drive Parkway
    Raceway Speedway Center Centre Hall Place
    """
)

FAC_HEADS_NOT_PLACES = _words(
    """
    Airport Arena Stadium Street Streets Avenue Boulevard Bridge Tower Towers Building
    Mansion Capitol Terminal Hotel Casino Mall
    """
)

#: Words that make a name ending in an ambiguous facility head ("Center", "Hall",
#: "Place") the name of an organisation: "Pew Research Center", "Brennan Center for
#: Justice" stay ORG; "Wells Fargo Center" is a FAC.
FAC_AMBIGUOUS_HEADS = _words("Center Centre Hall Place")
ORG_INSIDE_WORDS = _words(
    """
    Research Policy Law Legal Study Studies Justice Institute Science Sciences Data
    Information Resource Resources Action Health Medical Cancer Control Disease Poverty
    Progress Rights Voting Political Politics Public Media Press News Education Learning
    Counseling Care Crisis Development Economic Economics Energy Environmental Security
    Strategic International Foreign Affairs Hurricane Weather Space Flight Intelligence
    Defense Democracy Liberty Freedom Responsive Integrity Accountability Budget Citizens
    Women Children Family Families Immigration Immigrant Holocaust Museum Arts Cultural
    for of
    """
)

#: Lower-case nouns after a name that make it a facility: "the Pulse nightclub".
FAC_NOUNS = _words(
    """
    nightclub club bar pub restaurant cafe café hotel motel casino mall stadium arena
    airport church mosque synagogue temple cathedral chapel prison jail theater theatre
    """
)

#: Last words of the names of organisations: a run of capitalised words that ends in
#: one, right after a name, belongs to the name ("Acme News", "Lake County Executive
#: Committee"), and the whole is an ORG.
ORG_HEADS = _words(
    """
    Committee Commission Council Department Ministry Agency Administration Bureau Office
    Party Caucus Congress Senate Assembly Legislature Parliament Court Board Authority
    University College Institute Academy School Foundation Fund Trust Association
    Federation Union League Alliance Coalition Society Club Network Group Organization
    Organisation Corporation Corp. Company Co. Inc. Ltd. LLC Bank Partners Holdings
    News Times Post Journal Herald Tribune Gazette Magazine Press Media Radio Television
    Channel Review Observer Chronicle Inquirer Examiner Sentinel Bulletin Report
    Guard Army Navy Force Forces Police Service Services Project Campaign PAC Center
    Centre Church Ministries Brotherhood Front Movement Institution Laboratory Lab
    Research Associates
    """
)

#: Heads that after a nationality, religion or party word make one organisation:
#: "Democratic Party", "Islamic State", "Republican Caucus".
NORP_ORG_HEADS = _words(
    "Party Parties State Caucus Brotherhood Front Army Guard Church Committee Council League"
)

#: Bodies that after a party word stay separate: "the Republican Congress" is NORP
#: "Republican" and ORG "Congress".
SPLIT_BODIES = _words("Congress Senate House Legislature Assembly Parliament")

#: Nouns after a name that make it the name of a programme, not an organisation
#: (the real-news adjudication: a program name is not ORG).
PROGRAM_NOUNS = _words("program programs programme programmes visa visas")

#: Nouns after an "X/Y" or "X" name that make the names pollsters or media: "a
#: Acme/Ledger poll" gives two ORG.
POLL_NOUNS = _words("poll polls survey surveys")

#: Descriptions written before a name that are no part of it ("Billionaire Jane Roe",
#: "Challenger Jane Roe"), stripped from the front of a PERSON.
PERSON_DESCRIPTORS = _words(
    """
    billionaire millionaire businessman businesswoman tycoon mogul magnate candidate
    challenger nominee frontrunner front-runner rival contender incumbent activist
    actor actress singer rapper comedian journalist columnist host pundit pollster
    strategist delegate committeeman committeewoman daughter son wife husband mother
    father brother sister widow moderator advocate historian novelist economist
    """
)

#: Lower-case nouns that name what kind of organisation the name right after them is:
#: "the gossip site Zinger", "the think tank Harbor Policy", "super PAC Forward Now".
ORG_CLASS_NOUNS = _words(
    """
    site website newspaper magazine tabloid network broadcaster outlet publication
    company firm corporation conglomerate startup retailer bank lender insurer automaker
    nonprofit charity organization organisation agency union tank watchdog pac
    """
)

#: Lower-case nouns after a one-word name that make it a company, a platform or an
#: outlet, never a person: "Bluebird account", "Strasser employees", "Zinger readers".
ORG_AFTER_NOUNS = _words(
    """
    account accounts feed followers page post posts messages users subscribers readers
    viewers employees
    employee executives shareholders headquarters website app workers plant plants
    factory factories products
    """
)

#: Lower-case nouns after a name (or its possessive) that make it a person's: "the Quist
#: campaign", "Brant's aides", "the Ruiz administration" (ANNOTATION_SPEC.md: "Trump's
#: campaign" -> PERSON "Trump").
PERSON_AFTER_NOUNS = _words(
    """
    campaign campaigns administration presidency candidacy camp supporters aides aide
    loyalists
    """
)

#: Common acronyms of things, not organisations: never an ORG ("a DVD", "the CEO").
THING_ACRONYMS = _words(
    """
    CEO CFO COO CTO GDP GNP DNA RNA HIV AIDS LGBT LGBTQ SUV ATM PDF USB LOL OMG FAQ VIP
    MVP PTSD ADHD COVID SARS ISBN HTML URL PIN TBD ETA RSVP CPI IPO ACA NAFTA TPP MAGA
    TKO AKA DIY ICU ER DJ PR IQ DVD CD TV RV GPS PC ID
    """
)

#: Acronyms of places: a GPE, never an ORG.
PLACE_ACRONYMS = _words("USA USSR UAE NYC DPRK PRC ROK")
