"""The features the learned entity label corrector scores, one list per entity.

The rules (the corrector itself: :mod:`~goldsmith.annotate.rules.entity_ranker`):

- every entity the rules found is described by names of features, never by the words
  of an article (unless ``names=True``, which only the training script's comparison
  uses): the rules' label; spaCy's label of its last token and whether the rules kept
  it; how it is built (number of
  tokens, all capitals, initials, a digit, "of" or "&" inside, a head word of an
  organisation, event or facility name, a suffix class of its last word such as
  "-ton", "-ans" or "-ists"); the words right before it (an honorific "Mr.", a title or
  role "moderator", "the", "of", a preposition of place, a possessive) and after it (a
  possessive, a speech verb, a comma, a bracket, a capitalised word, a title or role);
  its syntax (dependency label of its head, subject of a speech verb); where it is (at
  a sentence start, on a title-case line such as a headline, inside quotation marks);
- and how the rest of the document labels the same name: the rules' other labels of
  mentions with the same text, spaCy's labels of those mentions (each, and the label
  most of them have: ``sp_major=ORG:all``), spaCy's label for most capitalised tokens
  with the same last word, whether the name is mentioned three times or more, and the
  labels of the longer names that end with its word or start with it ("Ana Ruiz"
  PERSON makes a later "Ruiz" look like a person: ``in_last=PERSON``);
- every feature is also crossed with the rules' label (``rule=ORG|prev=title``), so the
  weights can say "an ORG after a title is a PERSON" without saying it of a GPE.

Example:
    >>> rows = entity_features(doc, entities)   # doctest: +SKIP
    >>> rows[0][:3]
    ['rule=ORG', 'bias', 'spacy=PERSON']
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.entity_words import EVENT_HEADS, FAC_HEADS, ORG_HEADS
from goldsmith.annotate.rules.role_words import HONORIFICS, PERSON_ROLES, TITLE_WORDS
from goldsmith.annotate.rules.speech_words import is_person_noun, is_speech_verb
from goldsmith.labels.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Suffix classes of a name's last word, longest first: places ("-ton", "-burg"),
#: groups of people ("-ans", "-ists"), organisations ("-ment", "-tion").
SUFFIXES = (
    "ington", "ville", "burg", "ton", "land", "stan", "ia", "ians", "ans", "ese", "ists",
    "ites", "ics", "ers", "ment", "tion", "ity", "son", "ez", "sky", "ski", "ov", "berg",
    "stein", "man", "ley", "ell", "er", "s",
)  # fmt: skip
_PLACE_PREPS = frozenset("in at from to near across into inside outside throughout".split())
_POSSESSIVES = frozenset(("'s", "’s", "'", "’"))
_QUOTES_OPEN = "“«"
_QUOTES_CLOSE = "”»"
_SPEAKING = frozenset(("nsubj", "nsubjpass"))


def entity_features(
    doc: Doc, entities: Sequence[Entity], *, names: bool = False
) -> list[list[str]]:
    """The feature names of each of ``entities`` (found in ``doc``), in order: the rules'
    label, the :func:`base_features` and each of them crossed with the rules' label."""
    rows = []
    for entity, own in zip(entities, base_features(doc, entities, names=names), strict=True):
        if f"spacy={entity.label}" in own:
            own.append("spacy=rule")
        rows.append(crossed(own, f"rule={entity.label}"))
    return rows


def crossed(own: Sequence[str], key: str) -> list[str]:
    """``key``, ``own`` and every one of ``own`` crossed with ``key`` (``key|f``)."""
    return [key, *own, *(f"{key}|{f}" for f in own)]


def base_features(doc: Doc, entities: Sequence[Entity], *, names: bool = False) -> list[list[str]]:
    """The features of each entity that do not name the rules' label (module rules);
    ``names=True`` adds the entity's own words (``w=ruiz``)."""
    spans = [doc.char_span(e.start, e.end, alignment_mode="expand") for e in entities]
    index = _DocIndex(doc, entities, spans)
    rows = []
    for n, (entity, span) in enumerate(zip(entities, spans, strict=True)):
        own = ["bias", f"spacy={span[-1].ent_type_ or 'O'}", *_shape(span), *_context(doc, span)]
        own += _place(doc, entity, span)
        own += index.consistency(n)
        if names:
            own += [f"w={t.lower_}" for t in span]
        rows.append(own)
    return rows


class _DocIndex:
    """The labels each name gets across one document, from the rules and from spaCy."""

    def __init__(self, doc: Doc, entities: Sequence[Entity], spans: Sequence[Span]) -> None:
        self.entities = entities
        self.spans = spans
        self.by_text: dict[str, list[int]] = defaultdict(list)
        self.by_last: dict[str, list[int]] = defaultdict(list)
        self.by_first: dict[str, list[int]] = defaultdict(list)
        for n, (e, s) in enumerate(zip(entities, spans, strict=True)):
            self.by_text[e.text].append(n)
            if len(s) > 1:
                self.by_last[s[-1].text].append(n)
                self.by_first[s[0].text].append(n)
        self.spacy_by_text: dict[str, Counter[str]] = defaultdict(Counter)
        self.spacy_by_word: dict[str, Counter[str]] = defaultdict(Counter)
        for ent in doc.ents:
            self.spacy_by_text[ent.text][ent.label_] += 1
            for token in ent:
                if token.is_title:
                    self.spacy_by_word[token.text][ent.label_] += 1

    def consistency(self, n: int) -> list[str]:
        entity, span = self.entities[n], self.spans[n]
        out = {f"same={self.entities[m].label}" for m in self.by_text[entity.text] if m != n}
        out.discard(f"same={entity.label}")
        out |= {f"sp_same={lab}" for lab in self.spacy_by_text.get(entity.text, ())}
        out |= _majority("sp_major", self.spacy_by_text.get(entity.text))
        out |= _majority("sp_word", self.spacy_by_word.get(span[-1].text))
        if len(self.by_text[entity.text]) > 2:
            out.add("repeated")
        if len(span) == 1:
            word = span[0].text
            out |= {f"in_last={self.entities[m].label}" for m in self.by_last.get(word, ())}
            out |= {f"in_first={self.entities[m].label}" for m in self.by_first.get(word, ())}
        else:
            out |= {
                f"last={self.entities[m].label}"
                for m in self.by_last.get(span[-1].text, ())
                if m != n
            }
        return sorted(out)


def _majority(prefix: str, counts: Counter[str] | None) -> set[str]:
    """The label most of the counted mentions have, and whether it is a clear majority."""
    if not counts:
        return {f"{prefix}=none"}
    label, top = counts.most_common(1)[0]
    share = "all" if top == sum(counts.values()) else "most"
    return {f"{prefix}={label}", f"{prefix}={label}:{share}"}


def _shape(span: Span) -> list[str]:
    out = [f"ntok={min(len(span), 4)}"]
    last = span[-1]
    text = span.text
    if text.isupper() and len(text) > 1:
        out.append("caps")
    if any(t.like_num for t in span):
        out.append("digit")
    if len(span) > 1 and any(t.lower_ in ("of", "for", "and", "&") for t in span[1:-1]):
        out.append("inner_of")
    if "." in text and len(last.text) <= 4:
        out.append("dots")
    if last.text in ORG_HEADS:
        out.append("head=org")
    if last.text in EVENT_HEADS:
        out.append("head=event")
    if last.text in FAC_HEADS:
        out.append("head=fac")
    if any(t.text in ORG_HEADS for t in span[:-1]):
        out.append("inner=org")
    lower = last.lower_
    suffix = next((s for s in SUFFIXES if lower.endswith(s) and len(lower) > len(s) + 1), "")
    out.append(f"suf={suffix}")
    out.append(f"shape={last.shape_[:4]}")
    return out


def _context(doc: Doc, span: Span) -> list[str]:
    out = []
    if span.start > 0:
        prev = doc[span.start - 1]
        out.append(f"prev={_word_class(prev)}")
    else:
        out.append("prev=START")
    if span.end < len(doc):
        nxt = doc[span.end]
        out.append(f"next={_word_class(nxt)}")
        if span.end + 1 < len(doc) and nxt.text in _POSSESSIVES:
            out.append(f"poss_next={_word_class(doc[span.end + 1])}")
    else:
        out.append("next=END")
    root = span.root
    out.append(f"dep={root.dep_}")
    if root.dep_ in _SPEAKING and is_speech_verb(root.head, quoted=False):
        out.append("speaks")
    if root.dep_ == "pobj":
        out.append(f"pobj_of={_word_class(root.head)}")
    return out


def _word_class(token: Token) -> str:
    """A closed class for a context word: honorific, title, role (a role word or a noun of
    people: "moderator"), its own word for a few function words, a preposition of place,
    a possessive, punctuation, a speech verb, a capitalised word, else its part of
    speech."""
    lower = token.lower_
    if lower in HONORIFICS:
        return "honorific"
    if lower in TITLE_WORDS:
        return "title"
    if lower in PERSON_ROLES or (token.pos_ == "NOUN" and is_person_noun(token.lemma_.lower())):
        return "role"
    if lower in ("the", "of", "a", "an", "by", "for", "with", "and", "on"):
        return lower
    if lower in _PLACE_PREPS:
        return "place_prep"
    if token.text in _POSSESSIVES:
        return "poss"
    if token.is_punct:
        return token.text if token.text in ",()-—:;" else "punct"
    if token.pos_ in ("VERB", "AUX") and is_speech_verb(token, quoted=False):
        return "speech"
    if token.is_title and token.is_alpha:
        return "Cap"
    return token.pos_


def _place(doc: Doc, entity: Entity, span: Span) -> list[str]:
    out = []
    if span[0].is_sent_start:
        out.append("sent_start")
    text = doc.text
    line_start = text.rfind("\n", 0, entity.start) + 1
    line_end = text.find("\n", entity.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) >= 3 and len(line) < 200:
        capitals = sum(w[0].isupper() for w in words if len(w) > 3)
        if capitals >= 0.8 * sum(len(w) > 3 for w in words):
            out.append("titleline")
    before = line[: entity.start - line_start]
    opened = sum(before.count(c) for c in _QUOTES_OPEN) - sum(
        before.count(c) for c in _QUOTES_CLOSE
    )
    if opened > 0 or before.count('"') % 2 == 1:
        out.append("in_quote")
    return out
