"""Speakers of reported speech: the speech verb's subject, turned into a speaker span.

The rules (ANNOTATION_SPEC.md section 2, "Speaker"), applied to the subject of a speech
verb found by the quote layer:

- the subject of a verb is its ``nsubj``; for a passive verb the ``by`` agent (no agent:
  no speaker, "residents were told"); for "according to X" the X; a verb without one
  (``conj``, ``advcl``, ``xcomp``, ``ccomp``: "…, adding that", "stating in an
  interview") borrows the subject of the verb it hangs from, and so does a verb
  describing a piece of writing ("released a statement saying", "in a letter stating":
  the writer); a relative "who" stands for
  the noun the clause describes; a subject in another paragraph (a parser slip) or in a
  dateline ("TORONTO — ") is skipped;
- a subject inside an entity span is that entity, with the entity layer's exact offsets
  and label (labels outside PERSON/ORG/GPE/NORP become SOURCE); a common-noun subject
  with a named appositive ("the spokesman, John Kirby,") is the appositive's entity;
- "he"/"she" is the most recent person that was a subject or a speaker before the
  pronoun, outside quotation marks (a person: a PERSON entity, a name seen elsewhere as
  PERSON, or a name next to a role noun), and not marked with the other gender (the man
  a woman talks about in her quote is not her speaker); "they" is the most recent non-person speaker
  or subject ("Organizers said … They said"); "it" is the most recent organisation that
  spoke; "the ministry / company / agency…" is the nearest ORG named with that noun
  ("Interior Ministry"), else the most recent organisation that spoke; "the
  commissioner / minister / spokeswoman…" (singular, with "the") is the nearest person
  introduced with that role ("Trade Commissioner Eva Lind"), else resolved like "he";
  a description with its own modifier ("the union representing the staff") is not
  resolved but is a SOURCE;
  a resolved source is reported by its nearest preceding mention (same last word);
- any other noun subject that names people or bodies ("U.S. officials", "two officials",
  "analysts", "dockworkers", "a source") is a ``SOURCE`` span: the head noun and its
  modifiers on the left, without a leading article and without what follows the noun
  ("in Oslo", "who asked not to be named"); other nouns ("the deployment suggests") give
  no speaker, except as subject of "say", "tell"… ("the report said"); a thing owned by
  a source speaks for it ("Her plan promises", "Ruiz's letter says", "a Harbor Board
  memo put it"); a speech noun's possessor speaks through it ("Ruiz's accusation that
  …"); a date, a time, an event or an event noun ("a March 2 exchange", "Monday's
  debate", "the hearing") is never a speaker, whatever the verb;
- "I", "we", "you", "there", "this" and unresolvable pronouns give no speaker.

Example:
    >>> finder = SpeakerFinder(doc, entities, blocked=[])   # doctest: +SKIP
    >>> finder.speaker_of(verb_token)                        # doctest: +SKIP
    Entity(start=0, end=6, text='Austin', label='PERSON', score=None)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.datelines import DATELINE
from goldsmith.annotate.rules.entity_mentions import last_word
from goldsmith.annotate.rules.person_gender import UNKNOWN, gender_evidence, pronoun_gender
from goldsmith.annotate.rules.role_words import PERSON_ROLES
from goldsmith.annotate.rules.spans import RangeSet
from goldsmith.annotate.rules.speech_words import (
    EVENT_NOUNS,
    ORG_NOUNS,
    SAY_LEMMAS,
    WRITING_NOUNS,
    is_person_noun,
    is_source_noun,
)
from goldsmith.labels.records import Entity
from goldsmith.labels.schema import SOURCE_LABEL, SPEAKER_LABELS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Entity labels that never name a source: dates and events do not speak.
_NEVER_SPEAKERS = frozenset({"DATE", "TIME", "EVENT"})
_PERSON_PRONOUNS = frozenset("he she him her".split())
_NO_SPEAKER = frozenset("i we you me us there this that these those who which one".split())
_CLIMB = ("conj", "advcl", "xcomp", "pcomp", "csubj", "ccomp")
_ARTICLES = frozenset(("a", "an", "the"))

#: Longest SOURCE span, in tokens, counted back from its head noun: "two senior U.S.
#: defense officials" is six; twelve keeps any real modifier run and stops a parse that
#: hangs a whole clause on the noun.
_MAX_SOURCE_TOKENS = 12

#: Verbs climbed to find the subject of a speech verb without its own ("…, adding that",
#: "…, stating in an interview"): a chain "said …, adding …, noting …" is three deep;
#: five bounds the search on long coordinated sentences.
_MAX_SUBJECT_CLIMB = 5

#: Characters looked at before a name for its role noun ("Trade Commissioner Eva Lind"):
#: a title of a few words, up to about 40 characters ("Deputy Assistant Secretary of
#: State").
_ROLE_LOOKBACK_CHARS = 40


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
        self._starts = _TokenStarts(doc) if starts is None else starts
        self._blocked = RangeSet(blocked)
        self._ents = sorted(
            (e for e in entities if not self.is_blocked(e.start) and "\n" not in e.text),
            key=lambda e: e.start,
        )
        self._ent_starts = [e.start for e in self._ents]
        self._person_names = {_last_word(e) for e in self._ents if e.label == "PERSON"}
        self._genders = gender_evidence(
            doc,
            [e for e in self._ents if e.label == "PERSON"],
            _last_word,
            self._token_at,
            self.is_blocked,
        )
        # (position, order, entity, is a person, spoke): subjects, then speakers as found
        self._recent: list[tuple[int, int, Entity, bool, bool]] = []
        for ent in self._ents:
            token = self._token_at(ent.end - 1)
            if token is not None and _is_subject(token):
                self._recent.append(
                    (ent.start, len(self._recent), ent, self._is_person(ent), False)
                )

    # -- public ---------------------------------------------------------------------------

    def is_blocked(self, char: int) -> bool:
        """Whether ``char`` lies inside a blocked (quoted) range."""
        return self._blocked.contains(char)

    def subject_of(self, verb: Token) -> Token | None:
        """The token naming who speaks through ``verb`` (see module rules), or ``None``."""
        if verb.pos_ in ("NOUN", "PROPN"):  # a speech noun: "Ruiz's accusation that …"
            return next((c for c in verb.children if c.dep_ == "poss"), None)
        current = verb
        for _ in range(_MAX_SUBJECT_CLIMB):
            # a subject in another paragraph is a parser slip: skip it, keep climbing
            found = next(
                (
                    s
                    for s in self._own_subjects(current)
                    if "\n" not in self.text[min(s.idx, verb.idx) : max(s.idx, verb.idx)]
                    and not self._in_dateline(s)
                ),
                None,
            )
            if found is not None:
                if found.lower_ in ("who", "that") and current.dep_ == "relcl":
                    return current.head
                return found
            if current.dep_ in _CLIMB and current.head is not current:
                current = current.head
                continue
            written = current.head
            if current.dep_ == "acl" and written.lemma_.lower() in WRITING_NOUNS:
                # "released a statement saying …", "in a letter stating …": the writer
                # is the subject of the verb the writing hangs from
                if written.dep_ == "dobj" or (
                    written.dep_ == "pobj" and written.head.dep_ == "prep"
                ):
                    current = written.head if written.dep_ == "dobj" else written.head.head
                    continue
            return None
        return None

    def speaker_of(self, verb: Token) -> Entity | None:
        """The speaker span of a speech verb, recorded as the latest speaker."""
        subject = self.subject_of(verb)
        if subject is None or self.is_blocked(subject.idx):
            return None
        speaker = self.speaker_from_token(subject, any_noun=verb.lemma_.lower() in SAY_LEMMAS)
        if speaker is not None:
            self.remember(subject.idx, speaker, person=self._is_person(speaker, subject))
        return speaker

    def remember(self, position: int, speaker: Entity, *, person: bool | None = None) -> None:
        """Record ``speaker`` as having spoken at ``position``."""
        if person is None:
            person = self._is_person(speaker)
        insort(self._recent, (position, len(self._recent), speaker, person, True))

    def entity_exactly(self, start: int, end: int) -> Entity | None:
        """The speaker-labelled entity spanning exactly ``text[start:end]``, if any."""
        i = bisect_left(self._ent_starts, start)
        while i < len(self._ents) and self._ents[i].start == start:
            if self._ents[i].end == end and self._ents[i].label in SPEAKER_LABELS:
                return self._ents[i]
            i += 1
        return None

    def entities_within(self, start: int, end: int) -> list[Entity]:
        """The speaker-labelled entities inside ``text[start:end]``, in order."""
        i = bisect_left(self._ent_starts, start)
        found = []
        while i < len(self._ents) and self._ents[i].start < end:
            if self._ents[i].end <= end and self._ents[i].label in SPEAKER_LABELS:
                found.append(self._ents[i])
            i += 1
        return found

    def speaker_from_token(self, token: Token, *, any_noun: bool = False) -> Entity | None:
        """The speaker span a subject token stands for (see module rules).

        A common noun that does not name people or bodies ("the deployment") gives no
        speaker unless ``any_noun`` (the verb is "say", "tell"…: "the report said").
        """
        low = token.lower_
        at = token.idx
        if low in _PERSON_PRONOUNS:
            return self._resolve(at, "person", gender=pronoun_gender(low))
        if low in ("they", "them"):
            return self._resolve(at, "group")
        if low == "it":
            return self._resolve(at, "org")
        if low in _NO_SPEAKER or token.pos_ == "PRON":
            return None
        entity = self._entity_at(token)
        if entity is not None:
            return entity
        for child in token.children:
            if child.dep_ == "appos" or (
                child.dep_ == "compound" and token.pos_ == "PROPN" and child.ent_type_ == "PERSON"
            ):
                entity = self._entity_at(child)
                if entity is not None:
                    return entity
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        lemma = token.lemma_.lower()
        if (
            any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            and token.tag_ in ("NN", "NNP")
            and not any(c.dep_ in ("prep", "acl", "relcl") for c in token.rights)
        ):  # an anaphoric description: "the minister", not "the union representing staff"
            resolved = None
            if lemma in ORG_NOUNS:
                resolved = self._named_like(at, lemma) or self._resolve(at, "org")
            elif is_person_noun(lemma):
                resolved = self._with_role(at, lemma) or self._resolve(at, "person")
            if resolved is not None:
                return resolved
        owner = self._owner(token, lemma)
        if owner is not None:  # "Her plan promises …", "a Harbor Board memo put it"
            return owner
        if token.pos_ == "NOUN" and not any_noun and not is_source_noun(lemma):
            return None
        if token.ent_type_ in _NEVER_SPEAKERS or lemma in EVENT_NOUNS:
            return None  # "a March 2 exchange said", "Monday's debate said": not a source
        return self._source_phrase(token)

    # -- helpers ----------------------------------------------------------------------------

    def _owner(self, token: Token, lemma: str) -> Entity | None:
        """The owner of a thing that speaks for someone: the possessor of a plan, a memo,
        a statement ("Her plan promises …", "Ruiz's letter says …") or the named author
        of a piece of writing ("a Harbor Board memo put it")."""
        if token.pos_ != "NOUN" or is_source_noun(lemma):
            return None
        for child in token.children:
            if child.dep_ == "poss" and not self.is_blocked(child.idx):
                return self.speaker_from_token(child)
            if child.dep_ == "compound" and lemma in WRITING_NOUNS:
                entity = self._entity_at(child)
                if entity is not None and entity.label != SOURCE_LABEL:
                    return entity
        return None

    def _in_dateline(self, token: Token) -> bool:
        line_start = self.text.rfind("\n", 0, token.idx) + 1
        dateline = DATELINE.match(self.text, line_start)
        return dateline is not None and token.idx < dateline.end()

    def _own_subjects(self, verb: Token) -> list[Token]:
        if verb.lower_ == "according":
            to = next((c for c in verb.children if c.lower_ == "to"), None)
            return [t for t in (_pobj(to),) if t is not None]
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects or not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return subjects
        for token in verb.doc[verb.i + 1 : verb.right_edge.i + 1]:
            if token.lower_ == "by" and verb in (token.head, token.head.head, token.head.head.head):
                return [t for t in (_pobj(token),) if t is not None]
        return []

    def _is_person(self, entity: Entity, token: Token | None = None) -> bool:
        """PERSON, or named like a PERSON elsewhere, or next to a role noun."""
        if entity.label == "PERSON" or _last_word(entity) in self._person_names:
            return True
        if entity.label == SOURCE_LABEL:
            return False
        token = token or self._token_at(entity.end - 1)
        if token is None:
            return False
        return any(
            c.dep_ in ("appos", "compound") and c.lemma_.lower() in PERSON_ROLES | {"fellow"}
            for c in token.children
        )

    def _token_at(self, char: int) -> Token | None:
        doc = self.doc
        i = bisect_right(self._starts, char) - 1
        return doc[i] if 0 <= i < len(doc) else None

    def _entity_at(self, token: Token) -> Entity | None:
        i = bisect_right(self._ent_starts, token.idx) - 1
        if i >= 0 and token.idx < self._ents[i].end:
            ent = self._ents[i]
            if ent.label in SPEAKER_LABELS:
                return ent
            if ent.label in _NEVER_SPEAKERS:
                return None
            return Entity(ent.start, ent.end, ent.text, SOURCE_LABEL)
        return None

    def is_human(self, token: Token) -> bool:
        """Whether a noun token names a person or people ("Austin", "a spokeswoman")."""
        entity = self._entity_at(token)
        if entity is not None:
            return self._is_person(entity, token)
        return token.pos_ == "NOUN" and is_person_noun(token.lemma_.lower())

    def _resolve(self, at: int, want: str, gender: str | None = None) -> Entity | None:
        """Most recent subject/speaker before ``at`` that is a ``want``, reported by its
        nearest mention: "person" (else the nearest PERSON entity), "group" (anything but
        a person) or "org" (an organisation that spoke: an ORG, else a GPE or NORP).

        A person the document marks with a gender other than ``gender`` is skipped
        (:mod:`~goldsmith.annotate.rules.person_gender`)."""
        end = bisect_left(self._recent, (at,))
        if want == "org":  # a body that spoke: an ORG, else any named non-person
            spoken = [r for r in self._recent[:end] if r[4] and not r[3]]
            for labels in (("ORG",), ("ORG", "GPE", "NORP")):
                for _, _, entity, _, _ in reversed(spoken):
                    if entity.label in labels:
                        return self._nearest_mention(at, entity)
            return None
        for _, _, entity, is_person, _ in reversed(self._recent[:end]):
            if want == "group" and not is_person:
                return self._nearest_mention(at, entity)
            if want == "person" and is_person and self._agrees(entity, gender):
                return self._nearest_mention(at, entity)
        if want == "person":
            i = bisect_left(self._ent_starts, at) - 1
            while i >= 0:
                entity = self._ents[i]
                if entity.label == "PERSON" and self._agrees(entity, gender):
                    return entity
                i -= 1
        return None

    def _agrees(self, entity: Entity, gender: str | None) -> bool:
        known = self._genders.get(_last_word(entity), UNKNOWN)
        return gender is None or known in (UNKNOWN, gender)

    def _named_like(self, at: int, noun: str) -> Entity | None:
        """Nearest ORG before ``at`` whose name contains ``noun`` ("Interior Ministry")."""
        i = bisect_left(self._ent_starts, at) - 1
        while i >= 0:
            entity = self._ents[i]
            if entity.label == "ORG" and noun in entity.text.lower().split():
                return entity
            i -= 1
        return None

    def _with_role(self, at: int, role: str) -> Entity | None:
        """Nearest person before ``at`` introduced with the role noun ``role``
        ("Trade Commissioner Jane Doe", "Jane Doe, the commissioner")."""
        i = bisect_left(self._ent_starts, at) - 1
        while i >= 0:
            entity = self._ents[i]
            i -= 1
            token = self._token_at(entity.end - 1)
            if token is None or not self._is_person(entity, token):
                continue
            line_start = self.text.rfind("\n", 0, entity.start) + 1
            before = self.text[max(line_start, entity.start - _ROLE_LOOKBACK_CHARS) : entity.start]
            before = before.lower()
            near = {token.head.lemma_.lower()} | {
                c.lemma_.lower() for c in token.children if c.dep_ in ("appos", "compound")
            }
            if role in before.split() or role in near:
                return self._nearest_mention(at, entity)
        return None

    def _nearest_mention(self, at: int, entity: Entity) -> Entity:
        last = _last_word(entity)
        i = bisect_left(self._ent_starts, at) - 1
        while i >= 0 and self._ents[i].end > entity.start:
            candidate = self._ents[i]
            if _last_word(candidate) == last:
                return candidate
            i -= 1
        return entity

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


def _last_word(entity: Entity) -> str:
    return last_word(entity.text).lower()


def _pobj(token: Token | None) -> Token | None:
    if token is None:
        return None
    return next((c for c in token.children if c.dep_ == "pobj"), None)


def _is_subject(token: Token) -> bool:
    """A subject, a name in apposition to one ("Her deputy, Jonas Brandt,"), or the X of
    "according to X"."""
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True
    if token.dep_ == "appos" and token.head.dep_ in ("nsubj", "nsubjpass"):
        return True
    return token.dep_ == "pobj" and token.head.head.lower_ == "according"


class _TokenStarts:
    """A lazy sequence of token start offsets, for bisecting a Doc by character."""

    __slots__ = ("doc",)

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    def __len__(self) -> int:
        return len(self.doc)

    def __getitem__(self, i: int) -> int:
        return self.doc[i].idx
