"""Word lists of reported speech: speech verbs, role nouns and nouns naming sources.

The lists are lemmas (lower case). Rules:

- a speech verb is a verb (or auxiliary) whose lemma is in :data:`SPEECH_LEMMAS`;
  "point" only as "point out"; "according" only in "according to"; "describe", "call",
  "label" and "continue" introduce quoted words ("called it “a disaster”") but no
  indirect speech; "put" only in "as X put it"; "question" only finite ("she
  questioned whether …", not the doubt of "led them to question whether …"); writing
  is speech: "wrote", "tweeted",
  "posted", "e-mailed", a verb publishing a writing noun ("issued a statement",
  "sent a letter"; not a figurative "send a message that the port is open"), and
  "read" with a writing noun as subject ("the letter reads");
- a noun names people when it is a role noun, a people noun ("official", "resident")
  or an agent noun ending in -er/-or/-ist/-ian/-ant ("dockworker", "negotiator",
  "economist"), apart from listed look-alikes ("transfer", "border");
- a noun can head an unnamed source when it names people or a body that speaks
  ("intelligence", "media", "report").

Example:
    >>> is_person_noun("dockworker"), is_person_noun("transfer")
    (True, False)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from goldsmith.annotate.rules.role_words import PERSON_ROLES

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Lemmas of verbs that introduce reported speech.
SPEECH_LEMMAS = frozenset(
    """
    say tell add state note warn write ask argue claim explain insist announce confirm
    suggest acknowledge admit caution comment contend declare deny emphasize emphasise
    stress assert maintain reply respond remark report reveal recall observe predict
    promise pledge vow urge tweet testify concede complain allege affirm reiterate
    repeat hint indicate describe call label agree disclose inform mention
    speculate quip joke boast lament post email e-mail continue conclude fume retort
    exclaim scoff grumble mutter muse marvel recount rule order question
    """.split()
)

#: Lemmas that count as speech verbs only for quoted text, not for indirect speech
#: ("…,” she continued" attributes a quote; "she continued that" is not English).
QUOTE_ONLY_LEMMAS = frozenset("describe call label continue".split())

#: Nouns of written speech: what a writer publishes is speech (ANNOTATION_SPEC.md 4).
WRITING_NOUNS = frozenset(
    """
    statement letter e-mail email message post tweet memo release note op-ed column
    essay blog announcement press video ad advertisement
    """.split()
)

#: Verbs that publish a piece of writing: with a writing noun as object ("released a
#: statement", "posted a message", "sent a letter") they introduce speech like "said".
PUBLISH_LEMMAS = frozenset("issue release send post publish put write pen sign".split())

#: Singular nouns that stand for an organisation named earlier ("the ministry said").
ORG_NOUNS = frozenset(
    """
    ministry agency company department government administration council office embassy
    military army navy alliance organization organisation group firm bank court
    committee commission parliament party campaign union authority
    """.split()
)

#: Common nouns that can head an unnamed source ("U.S. officials", "a source", "analysts").
SOURCE_NOUNS = frozenset(
    """
    official source analyst expert observer lawmaker legislator diplomat resident witness
    spokesperson spokesman spokeswoman representative aide adviser advisor member critic
    supporter researcher scientist economist investor activist people person man woman
    intelligence service media report statement authority police officer soldier troop
    commander leader minister ministry agency government administration military army
    organizer organiser worker employee doctor citizen voter student parent teacher
    executive insider negotiator mediator prosecutor investigator inspector monitor
    group coalition campaigner campaign survivor victim family relative neighbour neighbor
    farmer owner manager staff team official state country nation medium proponent
    opponent advocate backer
    """.split()
)

#: Nouns of speech: their possessor is the speaker of a quote inside them ("Ruiz's
#: accusation that Hale runs a “private fiefdom”"); they never make indirect speech.
SPEECH_NOUNS = frozenset(
    """
    accusation claim statement warning promise remark comment charge allegation
    assertion argument vow pledge description suggestion insistence complaint
    announcement prediction boast criticism
    """.split()
)

#: Nouns of events and times: they never speak, whatever the verb ("the exchange said").
EVENT_NOUNS = frozenset(
    """
    exchange meeting interview debate conversation call hearing speech rally event
    conference session summit briefing visit trip appearance discussion day week month
    year time night morning evening afternoon weekend moment
    """.split()
)

#: Verbs of saying proper: any noun subject is a source ("the report said").
SAY_LEMMAS = frozenset("say tell add state write announce explain insist claim argue".split())

_PEOPLE = frozenset(
    "official source expert people person man woman resident witness aide staff member".split()
)
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant")
#: Words with an agent-like ending that do not name people.
_NOT_PEOPLE = frozenset(
    """
    transfer number order paper letter border water power matter chapter center centre
    computer disaster weather cluster filter register monitor sector factor motor error
    corridor floor door mirror tenor rumor rumour humor humour honor honour favor favour
    labor labour vapor color colour meter metre liter litre quarter summer winter river
    tower shelter theater theatre layer barrier manner answer finger tiger cancer
    encounter counter wonder pressure measure feature nature future culture structure
    remainder reminder chamber timber member_of_parliament plant giant restaurant
    """.split()
)


def is_speech_verb(token: Token, *, quoted: bool = True) -> bool:
    """Whether ``token`` is a speech verb ("said", "according" in "according to", …)."""
    if token.lower_ == "according":
        return any(c.lower_ == "to" for c in token.children)
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBG", "VBN"):
        return False
    lemma = token.lemma_.lower()
    if lemma == "point":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
    if not quoted and lemma in QUOTE_ONLY_LEMMAS:
        return False
    if lemma == "read":  # "the letter reads", not "she reads from prepared texts"
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in WRITING_NOUNS for c in token.children)
    if lemma == "question":  # "she questioned whether …", not "led them to question"
        return token.tag_ in ("VBD", "VBZ", "VBP")
    if lemma == "put":  # "as the memo put it"
        return quoted and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)
    return lemma in SPEECH_LEMMAS or publishes_writing(token)


def is_speech_noun(token: Token) -> bool:
    """A noun of speech with its speaker as possessor: "Ruiz's accusation", "his claim"."""
    return (
        token.pos_ == "NOUN"
        and token.lemma_.lower() in SPEECH_NOUNS
        and any(c.dep_ == "poss" for c in token.children)
    )


def publishes_writing(token: Token) -> bool:
    """Whether ``token`` publishes a piece of writing: "issued a statement", "sent a
    letter", "put out a statement" (a publishing verb with a writing noun as object)."""
    if token.lemma_.lower() not in PUBLISH_LEMMAS:
        return False
    return any(
        c.dep_ == "dobj" and c.lemma_.lower() in WRITING_NOUNS and not _is_signal(c)
        for c in token.children
    )


def _is_signal(noun: Token) -> bool:
    """A "message" with a "that" clause of its own is a signal, not a writing: "would send
    a strong message that the port is open" (figurative; "sent a message saying …" is
    writing)."""
    return noun.lemma_.lower() == "message" and any(
        c.dep_ == "acl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in noun.children
    )


def is_person_noun(lemma: str) -> bool:
    """Nouns naming people: role nouns, and agent nouns (-er, -or, -ist, -ian, -ant)."""
    if lemma in PERSON_ROLES or lemma in _PEOPLE:
        return True
    return lemma.endswith(_AGENT_SUFFIXES) and lemma not in _NOT_PEOPLE and len(lemma) > 4


def is_source_noun(lemma: str) -> bool:
    """Nouns that can head an unnamed source: people, and bodies ("intelligence", "media")."""
    return lemma in SOURCE_NOUNS or is_person_noun(lemma)
