"""Who a pronoun or a description stands for: the document's recent subjects and speakers.

The rules (ANNOTATION_SPEC.md section 2, "Speaker"):

- "he"/"she" is the most recent person that was a subject or a speaker before the
  pronoun, outside quotation marks (a person: a PERSON entity, a name seen elsewhere as
  PERSON, or a name next to a role noun), and not marked with the other gender (the man
  a woman talks about in her quote is not her speaker), else the nearest PERSON entity;
  with "added" / "continued" the most recent person that spoke goes first ("…,” he
  added" goes on with the last speaker); the subject of an embedded clause is passed
  over when its sentence has a person as
  main subject ("Ana Ruiz warned that Tom Hale would lose. “…,” she said": Ruiz; in
  "Hale voiced confidence that Ruiz would lose. “…,” he said": Hale, even when Ruiz's
  gender is unknown), but not for a "he"/"she" after it when it opens its sentence
  before any quote ("Sen. Ana Ruiz scolded him: “…,” she said": Ruiz);
- "they" is the most recent non-person speaker or subject ("Organizers said … They
  said"); "it" is the most recent organisation that spoke (an ORG, else a GPE or NORP);
  "the agency / group …" the most recent ORG that spoke or was a subject, else as "it";
- "the commissioner / minister …" is the nearest person introduced with that role
  ("Trade Commissioner Eva Lind", "Eva Lind, the commissioner");
- a resolved source is reported by its nearest preceding mention (same last word).

Example:
    >>> antecedents.resolve(at, "person", gender="f")   # doctest: +SKIP
    Entity(start=0, end=8, text='Ana Ruiz', label='PERSON', score=None)
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Callable
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.person_gender import UNKNOWN, full_name_key, gender_evidence
from goldsmith.annotate.rules.role_words import PERSON_ROLES
from goldsmith.annotate.rules.speaker_mentions import MentionIndex, name_key
from goldsmith.annotate.rules.speaker_subjects import is_subject
from goldsmith.annotate.rules.speech_words import is_person_noun
from goldsmith.labels.records import Entity
from goldsmith.labels.schema import SOURCE_LABEL

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Characters looked at before a name for its role noun ("Trade Commissioner Eva Lind"):
#: a title of a few words, up to about 40 characters ("Deputy Assistant Secretary of
#: State").
_ROLE_LOOKBACK_CHARS = 40
_SENTENCE_BREAK = re.compile(r"[.!?;]\s")
_QUOTE_MARKS = frozenset('"“”‘’«»')


class Antecedents:
    """The subjects of a document and the speakers found so far, in text order."""

    def __init__(self, mentions: MentionIndex, is_blocked: Callable[[int], bool]) -> None:
        self._mentions = mentions
        ents = mentions.ents
        self._person_names = {name_key(e) for e in ents if e.label == "PERSON"}
        self._genders = gender_evidence(
            mentions.doc,
            [e for e in ents if e.label == "PERSON"],
            name_key,
            mentions.token_at,
            is_blocked,
        )
        # (position, order, entity, is a person, spoke): subjects, then speakers as found
        self._recent: list[tuple[int, int, Entity, bool, bool]] = []
        # starts of subjects of embedded clauses under a person main subject
        self._overshadowed: set[int] = set()
        for ent in ents:
            token = mentions.token_at(ent.end - 1)
            if token is not None and is_subject(token):
                self._recent.append((ent.start, len(self._recent), ent, self.is_person(ent), False))
                if self._overshadowed_subject(token):
                    self._overshadowed.add(ent.start)

    @property
    def genders(self) -> dict[str, str]:
        """The genders the document marks its people with, by last word and full name
        (:func:`~goldsmith.annotate.rules.person_gender.gender_evidence`)."""
        return dict(self._genders)

    def remember(self, position: int, speaker: Entity, *, person: bool | None = None) -> None:
        """Record ``speaker`` as having spoken at ``position``."""
        if person is None:
            person = self.is_person(speaker)
        insort(self._recent, (position, len(self._recent), speaker, person, True))

    def is_person(self, entity: Entity, token: Token | None = None) -> bool:
        """PERSON, or named like a PERSON elsewhere, or next to a role noun."""
        if entity.label == "PERSON" or name_key(entity) in self._person_names:
            return True
        if entity.label == SOURCE_LABEL:
            return False
        token = token or self._mentions.token_at(entity.end - 1)
        if token is None:
            return False
        return any(
            c.dep_ in ("appos", "compound") and c.lemma_.lower() in PERSON_ROLES | {"fellow"}
            for c in token.children
        )

    def resolve(
        self, at: int, want: str, gender: str | None = None, *, spoke_first: bool = False
    ) -> Entity | None:
        """Most recent subject/speaker before ``at`` that is a ``want``, reported by its
        nearest mention: "person" (else the nearest PERSON entity), "group" (anything but
        a person), "org" (an organisation that spoke: an ORG, else a GPE or NORP),
        "body" (for "the agency": also an ORG that was only a subject, "the Harbor Board,
        reviewing the plan, found … the board said") or "speaker" (anyone who spoke,
        named: for "the release said" after "the Harbor Board announced …").

        A person the document marks with a gender other than ``gender`` is skipped
        (:mod:`~goldsmith.annotate.rules.person_gender`). ``spoke_first``: a person who
        spoke goes before one who was only a subject ("… he added" goes on with the
        last speaker, not with a man named in a photo caption since)."""
        nearest = self._mentions.nearest_mention
        end = bisect_left(self._recent, (at,))
        if want == "person" and spoke_first:
            for _, _, entity, is_person, spoke in reversed(self._recent[:end]):
                if spoke and is_person and self._agrees(entity, gender):
                    return nearest(at, entity)
        if want == "speaker":
            for _, _, entity, _, spoke in reversed(self._recent[:end]):
                if spoke and entity.label != SOURCE_LABEL:
                    return nearest(at, entity)
            return None
        if want in ("org", "body"):  # an ORG, else any named non-person, that spoke
            bodies = [r for r in self._recent[:end] if not r[3] and (r[4] or want == "body")]
            for labels in (("ORG",), ("ORG", "GPE", "NORP")):
                for _, _, entity, _, spoke in reversed(bodies):
                    if entity.label in labels and (spoke or entity.label == "ORG"):
                        return nearest(at, entity)
            return None
        for _, _, entity, is_person, spoke in reversed(self._recent[:end]):
            if want == "group" and not is_person:
                return nearest(at, entity)
            if want == "person" and is_person and self._agrees(entity, gender):
                if not spoke and entity.start in self._overshadowed:
                    continue
                return nearest(at, entity)
        if want == "person":
            for entity in self._mentions.before(at):
                if entity.label == "PERSON" and self._agrees(entity, gender):
                    return entity
        return None

    def with_role(self, at: int, role: str) -> Entity | None:
        """Nearest person before ``at`` introduced with the role noun ``role``
        ("Trade Commissioner Jane Doe", "Jane Doe, the commissioner"), reported by its
        nearest mention."""
        entity = self.role_introduction(at, role)
        return None if entity is None else self._mentions.nearest_mention(at, entity)

    def role_introduction(self, at: int, role: str) -> Entity | None:
        """The mention that introduces the nearest person before ``at`` with the role
        noun ``role`` (the "Jane Doe" of "Trade Commissioner Jane Doe")."""
        text = self._mentions.text
        for entity in self._mentions.before(at):
            token = self._mentions.token_at(entity.end - 1)
            if token is None or not self.is_person(entity, token):
                continue
            line_start = text.rfind("\n", 0, entity.start) + 1
            before = text[max(line_start, entity.start - _ROLE_LOOKBACK_CHARS) : entity.start]
            # only the name's own sentence: "Mayor Ana Ruiz spoke. Tom Hale …" gives Hale
            # no role
            before = _SENTENCE_BREAK.split(before)[-1].lower()
            near = {token.head.lemma_.lower()} | {
                c.lemma_.lower() for c in token.children if c.dep_ in ("appos", "compound")
            }
            if role in near:
                return entity
            # the role word before the name, with no verb between: not "quoted an
            # official as saying that Hale …"
            if role in before.split() and not self._verb_between(
                entity.start - len(before) + before.rindex(role), entity.start
            ):
                return entity
        return None

    def _verb_between(self, start: int, end: int) -> bool:
        """Whether a verb lies in ``text[start:end]``."""
        first = self._mentions.token_at(start)
        last = self._mentions.token_at(end)
        if first is None or last is None:
            return False
        return any(t.pos_ in ("VERB", "AUX") for t in first.doc[first.i : last.i])

    def _overshadowed_subject(self, token: Token) -> bool:
        """Whether a subject token is in an embedded clause ("… warned that Hale would
        lose") of a sentence whose main clause has a person as subject (module rules)."""
        verb = token.head.head if token.dep_ == "appos" else token.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ == "ROOT":
            return False
        root = token.sent.root
        mains = [root] + [c for c in root.children if c.dep_ == "conj"]
        # a pronoun after a subject that opens the sentence, before any quote, may stand
        # for it: "Ruiz scolded him: “…,” she said" (not "“…” -- that Hale … -- “…,” he
        # says")
        lead = token.doc.text[token.sent.start_char : token.idx]
        opens = not any(ch in _QUOTE_MARKS for ch in lead)
        return any(
            c.dep_ in ("nsubj", "nsubjpass")
            and c.i != token.i
            and self._names_person(c)
            and not (opens and c.i > token.i and c.lower_ in ("he", "she"))
            for main in mains
            for c in main.children
        )

    def _names_person(self, token: Token) -> bool:
        """A person pronoun, a person's name or a noun naming a person."""
        if token.lower_ in ("he", "she", "i"):
            return True
        entity = self._mentions.entity_at(token)
        if entity is not None:
            return self.is_person(entity, token)
        return token.pos_ == "NOUN" and token.tag_ == "NN" and is_person_noun(token.lemma_.lower())

    def _agrees(self, entity: Entity, gender: str | None) -> bool:
        full = full_name_key(entity)
        known = self._genders.get(full) if full else None
        known = known or self._genders.get(name_key(entity), UNKNOWN)
        return gender is None or known in (UNKNOWN, gender)
