"""Speakers of reported speech: the speech verb's subject, turned into a speaker span.

The rules (ANNOTATION_SPEC.md section 2, "Speaker"), applied to the subject of a speech
verb found by the quote layer (who the subject is:
:mod:`~goldsmith.annotate.rules.speaker_subjects`; which entity a token is:
:mod:`~goldsmith.annotate.rules.speaker_mentions`; who a pronoun or "the minister" stands
for: :mod:`~goldsmith.annotate.rules.speaker_antecedents`):

- a subject inside an entity span is that entity, with the entity layer's exact offsets
  and label (labels outside PERSON/ORG/GPE/NORP become SOURCE); a common-noun subject
  with a named appositive ("the spokesman, John Kirby,") is the appositive's entity;
- "he"/"she", "they" and "it" are the most recent fitting subject or speaker ("they"
  also a group named by a plural noun or a body noun as subject earlier in the
  paragraph: "Proponents … have urged Congress …, although they say"); "the
  ministry / company / agency…" is the nearest ORG named with that noun
  ("Interior Ministry"), else the most recent organisation that spoke; "the
  commissioner / minister / spokeswoman…" (singular, with "the") is the nearest person
  introduced with that role ("Trade Commissioner Eva Lind"), else resolved like "he";
  a description with its own modifier ("the union representing the staff") is not
  resolved but is a SOURCE, and so is one said of someone brought in unnamed since
  ("greeted by an organizer … the organizer said"), except an epithet with an age
  ("the 34-year-old mother of three": both in
  :mod:`~goldsmith.annotate.rules.speaker_descriptions`);
- any other noun subject that names people or bodies ("U.S. officials", "two officials",
  "analysts", "dockworkers", "a source") is a ``SOURCE`` span: the head noun and its
  modifiers on the left, without a leading article and without what follows the noun
  ("in Oslo", "who asked not to be named"); other nouns ("the deployment suggests") give
  no speaker, except as subject of "say", "tell"… ("the report said"); writings
  (:mod:`~goldsmith.annotate.rules.speaker_writings`): a thing owned by
  a source speaks for it ("Her plan promises", "Ruiz's letter says", "a Harbor Board
  memo put it"); "the letter / one message …" speaks for whoever sent or posted it
  earlier ("a group of parents sent a letter … “…,” the letter reads"), else "the
  release / statement" for the last named speaker ("the party announced … “…,” the
  release said"); a writing by or from a named author speaks for it ("a paper from
  the Harbor Institute says"); a speech noun's possessor speaks through it ("Ruiz's
  accusation that …"); a date, a time, an event or an event noun ("a March 2 exchange", "Monday's
  debate", "the hearing") is never a speaker, whatever the verb;
- "one of …" with a named appositive ("One of its executives, Tim Roe, testified") is
  the named one;
- "I", "we", "you", "there", "this", unresolvable pronouns and a percentage ("55
  percent of voters say": what a poll shows, spec 4) give no speaker.

Example:
    >>> finder = SpeakerFinder(doc, entities, blocked=[])   # doctest: +SKIP
    >>> finder.speaker_of(verb_token)                        # doctest: +SKIP
    Entity(start=0, end=6, text='Austin', label='PERSON', score=None)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.person_gender import pronoun_gender, role_gender
from goldsmith.annotate.rules.spans import RangeSet
from goldsmith.annotate.rules.speaker_antecedents import Antecedents
from goldsmith.annotate.rules.speaker_descriptions import is_epithet, unnamed_introduction
from goldsmith.annotate.rules.speaker_mentions import NEVER_SPEAKERS, MentionIndex, TokenStarts
from goldsmith.annotate.rules.speaker_subjects import subject_token
from goldsmith.annotate.rules.speaker_writings import owner_of, writer_of
from goldsmith.annotate.rules.speech_words import (
    EVENT_NOUNS,
    ORG_NOUNS,
    SAY_LEMMAS,
    WRITING_NOUNS,
    is_person_noun,
    is_source_noun,
)
from goldsmith.labels.records import Entity
from goldsmith.labels.schema import SOURCE_LABEL

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_PERSON_PRONOUNS = frozenset("he she him her".split())
_NO_SPEAKER = frozenset("i we you me us there this that these those who which one".split())
_ARTICLES = frozenset(("a", "an", "the"))
#: Pronouns that stand for an unnamed group as subject of a speech verb: "some note
#: that …", "others say …" (a SOURCE, like "analysts").
_GROUP_PRONOUNS = frozenset("some others many".split())
#: Speech verbs that go on with earlier words: "he added" is the last person who spoke.
_GOING_ON = frozenset(("add", "continue"))

#: Longest SOURCE span, in tokens, counted back from its head noun: "two senior U.S.
#: defense officials" is six; twelve keeps any real modifier run and stops a parse that
#: hangs a whole clause on the noun.
_MAX_SOURCE_TOKENS = 12


class SpeakerFinder:
    """Turns speech verbs of one document into speaker spans, remembering recent speakers.

    ``blocked`` lists (start, end) character ranges inside quotation marks: mentions
    there are never used as speakers or antecedents. ``text`` and ``starts`` (the
    token start offsets) may be passed when the caller has them, to save recomputing.
    """

    def __init__(
        self,
        doc: Doc,
        entities: Sequence[Entity],
        blocked: Sequence[tuple[int, int]],
        *,
        text: str | None = None,
        starts: Sequence[int] | None = None,
    ) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self._blocked = RangeSet(blocked)
        starts = TokenStarts(doc) if starts is None else starts
        self._mentions = MentionIndex(doc, self.text, starts, entities, self.is_blocked)
        self._antecedents = Antecedents(self._mentions, self.is_blocked)

    # -- public ---------------------------------------------------------------------------

    def is_blocked(self, char: int) -> bool:
        """Whether ``char`` lies inside a blocked (quoted) range."""
        return self._blocked.contains(char)

    def overlaps_blocked(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` overlaps a blocked (quoted) range."""
        return self._blocked.overlaps(start, end)

    def subject_of(self, verb: Token) -> Token | None:
        """The token naming who speaks through ``verb``
        (:func:`~goldsmith.annotate.rules.speaker_subjects.subject_token`), or ``None``."""
        return subject_token(verb, self.text, self.is_blocked)

    def speaker_of(self, verb: Token) -> Entity | None:
        """The speaker span of a speech verb, recorded as the latest speaker."""
        subject = self.subject_of(verb)
        if subject is None or self.is_blocked(subject.idx):
            return None
        speaker = self.speaker_from_token(
            subject, any_noun=verb.lemma_.lower() in SAY_LEMMAS, verb=verb
        )
        if speaker is not None:
            person = self._antecedents.is_person(speaker, subject)
            self.remember(subject.idx, speaker, person=person)
        return speaker

    def person_genders(self) -> dict[str, str]:
        """The genders the document marks its people with (by last word and full name)."""
        return self._antecedents.genders

    def remember(self, position: int, speaker: Entity, *, person: bool | None = None) -> None:
        """Record ``speaker`` as having spoken at ``position``."""
        self._antecedents.remember(position, speaker, person=person)

    def entity_exactly(self, start: int, end: int) -> Entity | None:
        """The speaker-labelled entity spanning exactly ``text[start:end]``, if any."""
        return self._mentions.exactly(start, end)

    def entities_within(self, start: int, end: int) -> list[Entity]:
        """The speaker-labelled entities inside ``text[start:end]``, in order."""
        return self._mentions.within(start, end)

    def mention_entities(self) -> list[Entity]:
        """The document's usable entities (outside quotes, on one line), by start."""
        return self._mentions.ents

    def token_at(self, char: int) -> Token | None:
        """The token holding ``char``."""
        return self._mentions.token_at(char)

    def entity_of(self, token: Token) -> Entity | None:
        """The speaker span of the entity holding ``token`` (a date or event: ``None``)."""
        return self._mentions.entity_at(token)

    def nearest_mention(self, at: int, entity: Entity) -> Entity:
        """The mention of ``entity``'s source nearest before ``at`` (same last word)."""
        return self._mentions.nearest_mention(at, entity)

    def is_human(self, token: Token) -> bool:
        """Whether a noun token names a person or people ("Austin", "a spokeswoman")."""
        entity = self._mentions.entity_at(token)
        if entity is not None:
            return self._antecedents.is_person(entity, token)
        return token.pos_ == "NOUN" and is_person_noun(token.lemma_.lower())

    def speaker_from_token(
        self, token: Token, *, any_noun: bool = False, verb: Token | None = None
    ) -> Entity | None:
        """The speaker span a subject token stands for (see module rules).

        A common noun that does not name people or bodies ("the deployment") gives no
        speaker unless ``any_noun`` (the verb is "say", "tell"…: "the report said").
        ``verb`` is the speech verb the token is subject of, when it is one: a relative
        clause holding it ("the president, who said …") is not a modifier that makes
        the description a new one.
        """
        low = token.lower_
        at = token.idx
        resolve = self._antecedents.resolve
        if low in _PERSON_PRONOUNS:
            going_on = verb is not None and verb.lemma_.lower() in _GOING_ON
            return resolve(at, "person", gender=pronoun_gender(low), spoke_first=going_on)
        if low in ("they", "them"):
            group = resolve(at, "group")
            noun = self._group_subject_before(token)
            if noun is not None and (group is None or noun.idx > group.start):
                return self._source_phrase(noun)
            return group
        if low == "it":
            return resolve(at, "org")
        if low in _GROUP_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass"):
            return self._source_phrase(token)  # "some note that …", "others say …"
        if low == "one" or token.pos_ == "NUM":  # "One of its executives, Tim Roe, said"
            named = next((c for c in token.children if c.dep_ == "appos"), None)
            entity = None if named is None else self._mentions.entity_at(named)
            if entity is not None:
                return entity
        if low in _NO_SPEAKER or token.pos_ == "PRON" or token.ent_type_ == "PERCENT":
            return None  # "55 percent of voters say …": a poll's figure, not a source
        entity = self._mentions.entity_at(token)
        if entity is not None:
            return entity
        for child in token.children:
            if child.dep_ == "appos" or (
                child.dep_ == "compound" and token.pos_ == "PROPN" and child.ent_type_ == "PERSON"
            ):
                entity = self._mentions.entity_at(child)
                if entity is not None:
                    return entity
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        lemma = token.lemma_.lower()
        if lemma in WRITING_NOUNS and not any(c.dep_ == "poss" for c in token.children):
            # "the letter reads", "one message said": whoever sent it
            writer = writer_of(self, token, lemma)
            if writer is None and any(c.lower_ == "the" for c in token.children):
                writer = resolve(at, "speaker")  # "X announced … “…,” the release said"
            if writer is not None:
                return writer
        if is_epithet(token):  # "the 34-year-old mother of three replied"
            return resolve(at, "person", gender=role_gender(lemma))
        speaking = set() if verb is None else {verb.i} | {v.i for v in verb.ancestors}
        if (
            any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            and token.tag_ in ("NN", "NNP")
            and not any(
                c.dep_ in ("prep", "acl", "relcl") and c.i not in speaking for c in token.rights
            )
        ):  # an anaphoric description: "the minister", not "the union representing staff"
            resolved = None
            if lemma in ORG_NOUNS and not any(c.dep_ == "compound" for c in token.children):
                # "the committee", not "the convention committee" (a body named anew)
                resolved = self._mentions.named_like(at, lemma) or resolve(at, "body")
            elif is_person_noun(lemma):
                role = self._antecedents.role_introduction(at, lemma)
                resolved = self._mentions.nearest_mention(at, role) if role else None
                resolved = resolved or resolve(at, "person")
                intro = unnamed_introduction(token, lemma, self.is_blocked, self._one_of_people)
                # "an organizer … the organizer said": the one met last, unnamed, unless
                # a person was introduced with that role since ("Mayor Ana Ruiz"), or,
                # for a generic "the woman", someone fitting was a subject since
                anchor = role if role is not None or intro is None else resolved
                if intro is not None and intro.lemma_.lower() == lemma and role is None:
                    anchor = None
                if intro is not None and (anchor is None or anchor.start < intro.idx):
                    return self._source_phrase(token)
            if resolved is not None:
                return resolved
        owner = owner_of(self, token, lemma)
        if owner is not None:  # "Her plan promises …", "a Harbor Board memo put it"
            return owner
        if token.pos_ == "NOUN" and not any_noun and not is_source_noun(lemma):
            return None
        if token.ent_type_ in NEVER_SPEAKERS or lemma in EVENT_NOUNS:
            return None  # "a March 2 exchange said", "Monday's debate said": not a source
        return self._source_phrase(token)

    # -- helpers ----------------------------------------------------------------------------

    def _one_of_people(self, token: Token) -> bool:
        """A noun or name for a person or a member of a group ("another Muslim")."""
        entity = self._mentions.entity_at(token)
        return self.is_human(token) or (entity is not None and entity.label == "NORP")

    def _group_subject_before(self, token: Token) -> Token | None:
        """The nearest unnamed group that is a subject before ``token`` in its paragraph
        ("Proponents … have urged Congress …, although they say"; "Her campaign is
        tying the bill to Hale. They are saying …"): a plural noun naming people or a
        noun naming a body, outside quotes and outside any entity."""
        doc = token.doc
        for earlier in reversed(doc[: token.i]):
            if "\n" in earlier.text_with_ws:
                return None
            if earlier.dep_ not in ("nsubj", "nsubjpass") or earlier.pos_ != "NOUN":
                continue
            if self.is_blocked(earlier.idx) or self._mentions.entity_at(earlier) is not None:
                continue
            lemma = earlier.lemma_.lower()
            if (earlier.tag_ == "NNS" and is_source_noun(lemma)) or lemma in ORG_NOUNS:
                return earlier
        return None

    def _source_phrase(self, head: Token) -> Entity:
        """The SOURCE span of a common-noun subject: the head noun and its modifiers on the
        left ("two senior U.S. officials"), without a leading article and without what
        follows the noun ("in Oslo", "who asked not to be named")."""
        doc = self.doc
        left = max(head.left_edge.i, head.i - _MAX_SOURCE_TOKENS + 1)
        for i in range(head.i - 1, left - 1, -1):
            if "\n" in doc[i].text_with_ws:
                left = i + 1
                break
        while left < head.i and (
            doc[left].is_punct or doc[left].is_space or doc[left].lower_ in _ARTICLES
        ):
            left += 1
        start, end = doc[left].idx, head.idx + len(head)
        if self._blocked.overlaps(start, end):
            start = head.idx
        return Entity(start, end, self.text[start:end], SOURCE_LABEL)
