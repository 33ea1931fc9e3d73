"""Candidate speaker mentions of a quote, and the features the learned ranker scores.

The rules (ANNOTATION_SPEC.md section 2, "Speaker"; the ranker itself:
:mod:`~goldsmith.annotate.rules.speaker_ranker`):

- a candidate is a token outside quotation marks and markup tags (``<tweet …>``) that
  could name a source: the last token of a speaker-labelled entity (one candidate per
  entity), a personal pronoun ("he", "she", "they", "it"), or a common noun that names
  people, a body or a piece of writing ("officials", "the ministry", "the statement");
- candidates are looked for from the start of the paragraph before the quote's to the
  end of its own paragraph, at most :data:`WINDOW_BEFORE` tokens before the quote and
  :data:`WINDOW_AFTER` after it; the rules' own choice is always a candidate, wherever
  it is;
- the features of a candidate are layout and syntax only, never words of an article:
  what kind of mention it is, its dependency label, how it is linked to the quote's
  speech verb (subject, agent, possessor, the noun a relative clause of speech
  describes, path length), whether it is the subject of any speech verb (the subject
  of a passive apart: "residents were told" are spoken to), whether it is in a
  headline, side and distance to the quote in tokens, sentences and paragraphs, whether
  it is the nearest candidate on its side, and whether the rules chose it; each is also
  crossed with the quote's kind;
- the "no speaker" option's features are the quote's kind, whether it has a speech
  verb, whether the rules chose a mention, whether its speaker was inherited and
  whether it is in a headline.

Example:
    >>> cands = CandidateIndex(ctx).around(item, rule)   # doctest: +SKIP
    >>> features(ctx, item, cands[0], rule, cands)       # doctest: +SKIP
    ['t=ent:PERSON', 't=ent', 'dep=nsubj', 'side=L', ...]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

import numpy as np

from goldsmith.annotate.rules.quote_marks import MARKUP_TAG
from goldsmith.annotate.rules.spans import RangeSet
from goldsmith.annotate.rules.speech_words import (
    ORG_NOUNS,
    WRITING_NOUNS,
    is_source_noun,
    is_speech_verb,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from goldsmith.annotate.rules.quote_context import Candidate, DocContext

#: Tokens looked at before a quote for its speaker: a paragraph of news is rarely longer
#: than 120 tokens, and the speaker of a quote that is its whole paragraph is in the one
#: before.
WINDOW_BEFORE = 120
#: Tokens looked at after a quote's end: "…,” said Ana Ruiz, the mayor of …" is short;
#: 40 keeps a long appositive.
WINDOW_AFTER = 40
PRONOUNS = frozenset(("he", "she", "they", "it"))
_SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))
_DISTANCES = (3, 8, 16, 32, 64)
#: Tree steps looked up from a candidate and from the verb to find where they meet.
_MAX_PATH = 8


class CandidateIndex:
    """The candidate tokens of one document, found once, in text order."""

    def __init__(self, ctx: DocContext) -> None:
        doc: Doc = ctx.doc
        finder = ctx.finder
        self.ctx = ctx
        picked: set[int] = set()
        for ent in finder.mention_entities():
            token = finder.token_at(ent.end - 1)
            if token is not None and finder.entity_of(token) is not None:
                picked.add(token.i)
        if len(doc):
            pos = doc.to_array(["POS"])
            nouns = np.flatnonzero(pos == doc.vocab.strings["NOUN"]).tolist()
            prons = np.flatnonzero(pos == doc.vocab.strings["PRON"]).tolist()
            for i in prons:
                if doc[i].lower_ in PRONOUNS:
                    picked.add(i)
            for i in nouns:
                token = doc[i]
                if token.dep_ == "compound":
                    continue
                lemma = token.lemma_.lower()
                if lemma in ORG_NOUNS or lemma in WRITING_NOUNS or is_source_noun(lemma):
                    picked.add(i)
        tags = RangeSet([(m.start(), m.end()) for m in MARKUP_TAG.finditer(ctx.text)])
        self.tokens = [
            doc[i]
            for i in sorted(picked)
            if not finder.is_blocked(doc[i].idx) and not tags.contains(doc[i].idx)
        ]
        self.starts = [t.idx for t in self.tokens]

    def around(self, item: Candidate, rule: Token | None) -> list[Token]:
        """The candidates of a quote (module rules), the rules' choice included."""
        ctx = self.ctx
        para = ctx.paragraph_of(item.start)
        lo_char = ctx.paras[max(para - 1, 0)][0]
        hi_char = ctx.paras[ctx.paragraph_of(max(item.end - 1, item.start))][1]
        first = ctx.token_index(item.start)
        last = ctx.token_index(item.end)
        lo = bisect_left(self.starts, lo_char)
        hi = bisect_right(self.starts, hi_char)
        found = [
            t
            for t in self.tokens[lo:hi]
            if first - WINDOW_BEFORE <= t.i < last + WINDOW_AFTER
            and not (item.start <= t.idx < item.end)
        ]
        if rule is not None and all(t.i != rule.i for t in found):
            found.append(rule)
        return found


def mention_type(ctx: DocContext, token: Token) -> str:
    """ "ent:LABEL", "pron:he"…, or "noun:org" / "noun:writing" / "noun:source"."""
    entity = ctx.finder.entity_of(token)
    if entity is not None:
        return f"ent:{entity.label}"
    low = token.lower_
    if low in PRONOUNS:
        return f"pron:{low}"
    lemma = token.lemma_.lower()
    if lemma in ORG_NOUNS:
        return "noun:org"
    if lemma in WRITING_NOUNS:
        return "noun:writing"
    return "noun:source"


def _bucket(n: int) -> str:
    for limit in _DISTANCES:
        if n <= limit:
            return str(limit)
    return "far"


def _path(a: Token, b: Token) -> int | None:
    """Tree steps between two tokens of one sentence (None: further than _MAX_PATH)."""
    up: dict[int, int] = {}
    node, steps = a, 0
    while steps <= _MAX_PATH:
        up[node.i] = steps
        if node.head.i == node.i:  # spaCy makes a new Token per access: no `is`
            break
        node, steps = node.head, steps + 1
    node, steps = b, 0
    while steps <= _MAX_PATH:
        if node.i in up:
            return up[node.i] + steps
        if node.head.i == node.i:  # spaCy makes a new Token per access: no `is`
            return None
        node, steps = node.head, steps + 1
    return None


def _verb_link(token: Token, verb: Token | None) -> list[str]:
    if verb is None:
        return ["v=none"]
    if verb.dep_ == "relcl" and verb.head.i == token.i:
        out = ["v=relcl-head"]  # "the mayor, who said that …"
    elif token.head.i == verb.i:
        out = [f"v=child:{token.dep_}"]
    elif token.dep_ == "pobj" and token.head.head.i == verb.i:
        out = [f"v=pobj:{token.head.lower_ if token.head.lower_ in ('by', 'to') else 'other'}"]
    elif token.dep_ == "appos" and token.head.head.i == verb.i:
        out = ["v=appos-of-child"]
    else:
        out = ["v=other"]
    if token.sent.start != verb.sent.start:
        return [*out, "v=other-sentence"]
    steps = _path(token, verb)
    return [*out, f"v=path:{'far' if steps is None else min(steps, 5)}"]


def features(
    ctx: DocContext,
    item: Candidate,
    token: Token,
    rule: Token | None,
    cands: list[Token],
) -> list[str]:
    """The feature names of one candidate (module rules); each also crossed with kind."""
    kind = item.kind
    left = token.idx < item.start
    side = "L" if left else "R"
    first = ctx.token_index(item.start)
    last = ctx.token_index(item.end)
    gap = first - token.i if left else token.i - last
    quote_para = ctx.paragraph_of(item.start)
    para_gap = quote_para - ctx.paragraph_of(token.idx)
    sent_anchor = ctx.doc[min(first, len(ctx.doc) - 1)].sent if left else None
    mtype = mention_type(ctx, token)
    feats = [
        f"t={mtype}",
        f"t={mtype.split(':')[0]}",
        f"dep={token.dep_}",
        f"side={side}",
        f"dist={side}{_bucket(max(gap, 0))}",
        f"para={'same' if para_gap == 0 else 'before' if para_gap == 1 else 'other'}",
    ]
    if left and sent_anchor is not None:
        feats.append("sent=same" if token.sent.start == sent_anchor.start else "sent=before")
    if token.dep_ in _SUBJECT_DEPS:
        # "residents were told": the subject of a passive is spoken to, not speaking
        subj = "subj" if token.dep_ == "nsubj" else "subjpass"
        feats.append(subj)
        if is_speech_verb(token.head):
            feats.append(f"{subj}-of-speech")
        if token.head.dep_ == "ROOT":
            feats.append(f"{subj}-of-root")
    if ctx.is_headline(token.idx):
        feats.append("in-headline")
    if token.dep_ == "poss":
        feats.append("poss")
    nearer = [c for c in cands if (c.idx < item.start) == left and c.i != token.i]
    if not any((c.i > token.i) if left else (c.i < token.i) for c in nearer):
        feats.append(f"nearest-{side}")
    feats += _verb_link(token, item.verb)
    if rule is not None:
        feats.append("rule" if token.i == rule.i else "not-rule")
    else:
        feats.append("rule-none")
    if item.inherited:
        feats.append("inherited")
    return feats + [f"{kind}&{f}" for f in feats]


def none_features(ctx: DocContext, item: Candidate, has_rule: bool) -> list[str]:
    """The features of a quote's "no speaker" option (module rules)."""
    feats = [
        "none",
        f"none&{item.kind}",
        "none&verb" if item.verb is not None else "none&no-verb",
        "none&rule" if has_rule else "none&rule-none",
    ]
    if ctx.is_headline(item.start):
        feats.append("none&headline")
    if item.inherited:
        feats.append("none&inherited")
    return feats
