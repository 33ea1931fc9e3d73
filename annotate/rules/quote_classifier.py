"""The learned check on partial quotes: is a quoted fragment reported speech or not.

The spec counts a quoted fragment only when someone is reported as saying it
(ANNOTATION_SPEC.md 4, "Not quotes": scare quotes, quoted names or terms that nobody is
reported as saying, titles). The rules:

- only quoted text the rules call ``partial`` outside headlines is judged; direct quotes,
  indirect clauses, block paragraphs and quotes in a headline (spec 4 attributes a quote
  in a headline to the name in it; every word there is capitalised, so case tells
  nothing) are kept as they are;
- each fragment gets the features of :func:`fragment_features` (its length in words,
  capitalisation, title case, final punctuation, first-person words, a verb inside it; the
  syntactic role of its head and the word that governs it - object of "called",
  compound, apposition -; the attribution the rules found; a speech verb or a person in
  its sentence or the sentence before; the same words quoted elsewhere in the document);
- its probability of being reported speech is the logistic of the sum of its features'
  weights (a logistic regression trained on PolNeAR's attributions, a fragment inside an
  attribution's content being speech: ``corpus/realnews/train_quotes.py``; weights in
  ``quote_weights.json``, feature names and numbers only);
- a fragment whose probability is below ``threshold`` is dropped, unless a speech verb
  governs it: a name or words that a speech verb reports are someone's words by the
  spec's own test ("Ruiz called him “Captain Chaos”"), whatever the model says.

Example:
    >>> classifier = FragmentClassifier.load()                          # doctest: +SKIP
    >>> items = [i for i in items if classifier.keeps(ctx, i, quoted)]  # doctest: +SKIP
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.speech_words import is_speech_noun, is_speech_verb
from goldsmith.errors import InputError

if TYPE_CHECKING:
    from spacy.tokens import Token

    from goldsmith.annotate.rules.quote_context import Candidate, DocContext

WEIGHTS = Path(__file__).with_name("quote_weights.json")
_WORDS = re.compile(r"[^\W\d_][\w’'-]*|\d[\d.,]*")
_SMALL = frozenset("a an the of in on for and or to at by with from as but nor".split())
_FIRST_PERSON = frozenset("i we me us my our ours myself ourselves you your".split())
#: Verbs that give something a name: the quoted words are the name ("called it “X”").
_NAMING = frozenset("call dub label term name brand nickname title refer describe".split())
_DETERMINERS = frozenset("the a an this that these those his her their its our".split())
_SIZES = ((1, "1"), (2, "2"), (3, "3"), (6, "4-6"), (12, "7-12"))


def _size(n: int) -> str:
    return next((name for limit, name in _SIZES if n <= limit), "13+")


def _head(tokens: Sequence[Token], first: int, last: int) -> Token:
    """The fragment's head: its first token governed from outside it."""
    for token in tokens:
        if not first <= token.head.i <= last or token.head.i == token.i:
            return token
    return tokens[0]


def _attribution(verb: Token | None) -> str:
    if verb is None:
        return "none"
    if is_speech_verb(verb):
        return "speech"
    return "noun" if is_speech_noun(verb) else "other"


def fragment_features(ctx: DocContext, item: Candidate, repeated: bool) -> list[str]:
    """The feature names of a partial quote (module rules); ``repeated`` tells that the
    same words are quoted elsewhere in the document."""
    text = ctx.text
    fragment = text[item.start : item.end].rstrip(",;: ")
    words = _WORDS.findall(fragment)
    size = _size(len(words))
    feats = ["bias", f"words={size}"]
    capital = bool(fragment) and fragment[0].isupper()
    feats.append("capital" if capital else "lower")
    if len(words) > 1 and all(w[0].isupper() or w.lower() in _SMALL for w in words):
        feats.append("title_case")
    if fragment[-1:] in ".?!…":
        feats.append("ends_sentence")
    if any(w.lower() in _FIRST_PERSON for w in words):
        feats.append("first_person")
    first = ctx.token_index(item.start)
    last = max(ctx.token_index(item.end) - 1, first)
    tokens = ctx.doc[first : last + 1]
    if len(tokens):
        if any(t.pos_ in ("VERB", "AUX") for t in tokens):
            feats.append("has_verb")
        head = _head(tokens, first, last)
        governor = head.head
        feats += [f"dep={head.dep_}", f"pos={head.pos_}"]
        if governor.i != head.i and not first <= governor.i <= last:
            if governor.lemma_.lower() in _NAMING:
                feats.append("governor_names")
            elif is_speech_verb(governor):
                feats.append("governor_speech")
            elif governor.pos_ == "ADP":
                feats.append(f"preposition={governor.lower_}")
        if any(is_speech_verb(a) for a in head.ancestors):
            feats.append("under_speech_verb")
        feats += _neighbour_features(ctx, first, last)
        feats += _sentence_features(ctx, item, tokens[0])
    attribution = _attribution(item.verb)
    feats += [f"attribution={attribution}", f"attribution={attribution}&words={size}"]
    before = text[max(0, item.region.open_at - 12) : item.region.open_at].split()
    if before and before[-1].lower() in _DETERMINERS:
        feats.append("after_determiner")
    if not item.region.double:
        feats.append("single_marks")
    if repeated:
        feats.append("repeated")
    return feats


def _neighbour_features(ctx: DocContext, first: int, last: int) -> list[str]:
    """The words right outside the quotation marks: a noun after the fragment makes it a
    modifier ("the “stay home” order"), a possessive or an adjective before it a name or
    a term ("ABC's “Morning Show”", "a detailed “plan”")."""
    out = []
    doc = ctx.doc
    after = next((t for t in doc[last + 1 : last + 3] if not t.is_punct), None)
    if after is not None and after.i <= last + 2 and after.pos_ in ("NOUN", "PROPN"):
        if doc[last + 1].is_quote or doc[last + 1].is_punct:
            out.append("noun_after")
    before = next((t for t in reversed(doc[max(first - 2, 0) : first]) if not t.is_punct), None)
    if before is not None:
        if before.tag_ == "POS" or before.dep_ == "poss":
            out.append("possessive_before")
        elif before.pos_ == "ADJ":
            out.append("adjective_before")
    return out


def _sentence_features(ctx: DocContext, item: Candidate, token: Token) -> list[str]:
    """A speech verb or a person in the fragment's sentence (outside the quotation marks)
    or in the sentence before it."""
    out = []
    sent = token.sent
    outside = [t for t in sent if not item.region.open_at <= t.idx < item.region.outer_end]
    if any(is_speech_verb(t) for t in outside):
        out.append("sentence_speech_verb")
    if any(is_speech_noun(t) for t in outside):
        out.append("sentence_speech_noun")
    if any(t.ent_type_ == "PERSON" for t in outside):
        out.append("sentence_person")
    if sent.start > 0:
        previous = ctx.doc[sent.start - 1].sent
        if any(is_speech_verb(t) for t in previous):
            out.append("previous_speech_verb")
    return out


def reported(ctx: DocContext, item: Candidate) -> bool:
    """Whether a speech verb outside the fragment governs its head ("called him “X”")."""
    first = ctx.token_index(item.start)
    last = max(ctx.token_index(item.end) - 1, first)
    tokens = ctx.doc[first : last + 1]
    if not len(tokens):
        return False
    governor = _head(tokens, first, last).head
    return not first <= governor.i <= last and is_speech_verb(governor)


def repeated_fragments(ctx: DocContext, items: Sequence[Candidate]) -> set[str]:
    """The lower-cased texts quoted more than once among ``items``."""
    seen: dict[str, int] = {}
    for item in items:
        key = ctx.text[item.start : item.end].rstrip(",;:.!? ").lower()
        seen[key] = seen.get(key, 0) + 1
    return {key for key, count in seen.items() if count > 1}


def is_judged(ctx: DocContext, item: Candidate) -> bool:
    """Whether the classifier judges ``item``: quoted text the rules call partial, outside
    a headline."""
    return item.kind == "partial" and item.region is not None and not ctx.is_headline(item.start)


@dataclass(frozen=True)
class FragmentClassifier:
    """Feature weights and the probability under which a fragment is dropped."""

    weights: Mapping[str, float]
    threshold: float = 0.5

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> FragmentClassifier:
        """The classifier stored at ``path`` (the packaged weights by default)."""
        if path == WEIGHTS:
            return _packaged()
        return _read(path)

    def probability(self, names: Sequence[str]) -> float:
        """The logistic of the sum of the weights of ``names`` (unknown names weigh nothing)."""
        get = self.weights.get
        score = sum(get(n, 0.0) for n in names)
        return 1.0 / (1.0 + math.exp(-max(min(score, 50.0), -50.0)))

    def filter(self, ctx: DocContext, items: Sequence[Candidate]) -> list[Candidate]:
        """``items`` without the partial quotes judged not to be reported speech."""
        judged = [i for i in items if is_judged(ctx, i)]
        if not judged:
            return list(items)
        repeated = repeated_fragments(ctx, judged)
        dropped = set()
        for item in judged:
            key = ctx.text[item.start : item.end].rstrip(",;:.!? ").lower()
            feats = fragment_features(ctx, item, key in repeated)
            if self.probability(feats) < self.threshold and not reported(ctx, item):
                dropped.add(id(item))
        return [i for i in items if id(i) not in dropped]

    def to_json(self) -> dict:
        """The stored form: threshold and weights by feature name."""
        return {"threshold": self.threshold, "weights": dict(sorted(self.weights.items()))}


def _read(path: Path) -> FragmentClassifier:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return FragmentClassifier(
            {str(k): float(v) for k, v in data["weights"].items()}, float(data["threshold"])
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(
            f"{path}: not a fragment classifier file ({exc}); retrain it with "
            "`python corpus/realnews/train_quotes.py --polnear PATH`"
        ) from exc


@lru_cache(maxsize=1)
def _packaged() -> FragmentClassifier:
    return _read(WEIGHTS)
