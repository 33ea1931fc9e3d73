"""Whether an indirect clause whose speaker was not linked still has a source in its
sentence.

ANNOTATION_SPEC.md 2: ``indirect`` is reported speech "introduced by a speech verb with an
identifiable source". The speaker finder links a source mention when it can; when it
cannot, the clause is still reported speech when the grammar names who speaks, and the
annotator only has to draw the link. The rule (:func:`names_a_source`), for the speech
verb of the clause:

- its subject is a noun or name ("The appeals court ruled that …", "Officials who met
  the mayor said …"), or it shares the noun subject of the verb it is joined to
  ("The captain criticised the plan and said …");
- or it opens a relative clause of a noun ("superdelegates who have said …", "the
  captain, who added that …");
- or it is a participle describing a noun or following a clause with a noun subject
  ("a statement saying …", "The families filed a suit, alleging that …");

and the source is not an event or a time ("The hearing said …", spec-decisions: events
never speak), not counted people (a number, a share or "percent": "51 percent of
voters said …" reports a poll, not speech), and the verb is not one of evidence
("suggest", "reveal", "show", "indicate": "data suggests that …"), a request for an
answer ("ask") or agreement ("analyses agree …", spec 4: verbs of agreeing), nor hedged
or embedded (an infinitive: "is likely to stress", a gerund: "by suggesting").

Example:
    >>> names_a_source(doc[3])  # "The appeals court ruled that …"   # doctest: +SKIP
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from goldsmith.annotate.rules.speaker_mentions import NEVER_SPEAKERS
from goldsmith.annotate.rules.speech_words import EVENT_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

_NOMINAL = ("NOUN", "PROPN")
#: Verbs whose subject states evidence rather than speech when nobody is linked.
_EVIDENCE_LEMMAS = frozenset("suggest reveal show indicate find predict ask agree".split())
#: Relative pronouns: the subject of a relative clause is the noun it describes.
_RELATIVE = frozenset("who that which".split())
#: Words that make a subject counted people: a poll's share, not a speaker.
_COUNTED = frozenset("percent % third half quarter majority minority plurality".split())
#: Roles of a verb that is not itself an act of speech: an infinitive or a gerund.
_EMBEDDED = frozenset("xcomp pcomp csubj amod".split())


def names_a_source(verb: Token) -> bool:
    """Whether the sentence of speech verb ``verb`` names its source (module rules)."""
    return source_of(verb) is not None


def source_of(verb: Token) -> Token | None:
    """The word naming the source of speech verb ``verb`` (module rules), or ``None``."""
    if verb.dep_ in _EMBEDDED or verb.lemma_.lower() in _EVIDENCE_LEMMAS:
        return None
    source = _source(verb)
    if source is None or _counted(source) or source.ent_type_ in NEVER_SPEAKERS:
        return None
    return None if source.lemma_.lower() in EVENT_NOUNS else source


def _source(verb: Token) -> Token | None:
    """The noun that names who speaks by ``verb``, or ``None``."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
        return verb.head if verb.head.pos_ in _NOMINAL else None  # "… who said"
    if subject is not None and subject.pos_ == "ADJ":  # "Current and former officials"
        subject = next((t for t in subject.subtree if t.pos_ in _NOMINAL), None)
    if subject is not None:
        return subject if subject.pos_ in _NOMINAL else None
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None  # "it was said that …", "voters were told …"
    head = verb.head
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        return _source(head) if head.i != verb.i else None
    if verb.dep_ == "relcl" and head.pos_ in _NOMINAL:
        return head  # "superdelegates who have said …"
    if verb.tag_ == "VBG" and verb.dep_ == "acl" and head.pos_ in _NOMINAL:
        return head  # "a statement saying …"
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and head.pos_ in ("VERB", "AUX"):
        return _source(head)  # "filed a suit, alleging that …"
    return None


def _counted(source: Token) -> bool:
    """Whether the source is counted people: "51 percent of voters", "one in five"."""
    words = list(source.subtree)
    return any(
        t.like_num or t.lower_ in _COUNTED or t.ent_type_ in ("PERCENT", "CARDINAL") for t in words
    )
