"""The learned speaker ranker: which candidate mention is the source of a quote.

The rules (ANNOTATION_SPEC.md section 2, "Speaker"):

- the quote rules find each quote's speaker first (:mod:`~goldsmith.annotate.rules.quotes`);
  the ranker only looks at the quotes they attributed without a speech verb: partial
  and scare quotes with no verb, whole-paragraph quotes, quotes given the speaker of a
  neighbour (inherited); a quote with a speech verb keeps the verb's subject, and so
  does a quote whose speaker comes from a written attribution form (a colon line, a
  signature, a post's author), a quote after a colon, and a quote signed with a dash
  whose name the rules could not place (nobody's speaker is guessed for it);
- the rules' choice is a token: the last token of the speaker they gave, else none;
- every candidate mention around the quote
  (:mod:`~goldsmith.annotate.rules.speaker_features`) gets a score, the sum of the
  weights of its features (a linear model trained with a softmax over each quote's
  candidates on PolNeAR's attributions: ``corpus/realnews/train_speakers.py``; weights
  in ``speaker_weights.json``, feature names and numbers only);
- besides the mentions, every quote has a "no speaker" option, scored by features of
  the quote alone (:func:`~goldsmith.annotate.rules.speaker_features.none_features`),
  trained as the right answer when PolNeAR's source is none of the candidates;
- the best option replaces the rules' choice when it is a mention whose score is higher
  than the rules' choice's by more than ``margin``; a quote the rules left without a
  speaker takes the best option (the "no speaker" option keeps it without one);
- the chosen mention becomes a speaker span by the same rules as a subject
  (:meth:`~goldsmith.annotate.rules.speakers.SpeakerFinder.speaker_from_token`): a
  pronoun or "the minister" is resolved to the nearest preceding named mention, a
  common noun is a SOURCE, and a mention that gives no speaker ("I", an event) leaves
  the rules' speaker in place; a name chosen before the quote is reported by its
  nearest mention before the quote (spec: the nearest preceding named mention);

Example:
    >>> rerank(ctx, items, SpeakerRanker.load())   # doctest: +SKIP
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.speaker_features import CandidateIndex, features, none_features
from goldsmith.errors import InputError

if TYPE_CHECKING:
    from spacy.tokens import Token

    from goldsmith.annotate.rules.quote_context import Candidate, DocContext

WEIGHTS = Path(__file__).with_name("speaker_weights.json")
#: A dash signature right after a quote: "“…” – Ana Ruiz", "“…” -- @anaruiz".
_SIGNED = re.compile(r"[ \t]*(?:[—–]|--?)[ \t]*\S")


@dataclass(frozen=True)
class SpeakerRanker:
    """Feature weights, and by how much the best mention must beat the rules' choice."""

    weights: Mapping[str, float]
    margin: float = 0.0

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> SpeakerRanker:
        """The ranker stored at ``path`` (the packaged weights by default)."""
        if path == WEIGHTS:
            return _packaged()
        return _read(path)

    def score(self, names: Sequence[str]) -> float:
        """The sum of the weights of ``names`` (unknown names weigh nothing)."""
        get = self.weights.get
        return sum(get(n, 0.0) for n in names)

    def pick(self, scores: Sequence[float], none: float, rule: int | None) -> int | None:
        """Index of the mention to use instead of the rules' choice (module rules), or
        None; ``scores`` are the mentions', ``none`` the "no speaker" option's."""
        if not scores:
            return None
        best = max(range(len(scores)), key=scores.__getitem__)
        if scores[best] <= none:
            return None
        if rule is not None:
            return best if best != rule and scores[best] - scores[rule] > self.margin else None
        return best

    def to_json(self) -> dict[str, object]:
        """The data file's content: margin and weights sorted by name."""
        return {
            "margin": self.margin,
            "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if v},
        }


def _read(path: Path) -> SpeakerRanker:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return SpeakerRanker(
            {str(k): float(v) for k, v in data["weights"].items()},
            float(data["margin"]),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(
            f"{path}: not a speaker ranker weights file ({exc}); rebuild it with "
            "python corpus/realnews/train_speakers.py --polnear PATH"
        ) from exc


@lru_cache(maxsize=1)
def _packaged() -> SpeakerRanker:
    return _read(WEIGHTS)


def rule_token(ctx: DocContext, item: Candidate) -> Token | None:
    """The rules' choice as a token: the verb's subject, else the speaker's last token."""
    if item.verb is not None:
        subject = ctx.finder.subject_of(item.verb)
        if subject is not None and not ctx.finder.is_blocked(subject.idx):
            return subject
        return None
    if item.speaker is not None:
        return ctx.finder.token_at(item.speaker.end - 1)
    return None


def scored_candidates(
    ctx: DocContext, index: CandidateIndex, item: Candidate
) -> tuple[list[Token], list[list[str]], int | None]:
    """A quote's candidates, their features, and the index of the rules' choice."""
    rule = rule_token(ctx, item)
    cands = index.around(item, rule)
    feats = [features(ctx, item, c, rule, cands) for c in cands]
    at = next((n for n, c in enumerate(cands) if rule is not None and c.i == rule.i), None)
    return cands, feats, at


def reranked(ctx: DocContext, item: Candidate) -> bool:
    """Whether the ranker may change a quote's speaker (module rules): a quote without a
    speech verb, whose speaker is none or inherited, not after a colon, not signed."""
    if item.verb is not None:
        return False
    region = item.region
    if region is not None:
        p_start, p_end = ctx.paras[region.paragraph]
        if _SIGNED.match(ctx.text, region.outer_end, p_end):
            return False
        if ctx.text[p_start : region.open_at].rstrip().endswith(":"):
            return False
    return item.speaker is None or item.inherited


def rerank(ctx: DocContext, items: Sequence[Candidate], ranker: SpeakerRanker) -> int:
    """Apply the ranker to every quote of a document (module rules); returns how many
    speakers it changed."""
    todo = [item for item in items if reranked(ctx, item)]
    if not todo:
        return 0
    index = CandidateIndex(ctx)
    changed = 0
    for item in todo:
        cands, feats, at = scored_candidates(ctx, index, item)
        none = ranker.score(none_features(ctx, item, at is not None))
        pick = ranker.pick([ranker.score(f) for f in feats], none, at)
        if pick is None:
            continue
        chosen = cands[pick]
        speaker = ctx.finder.speaker_from_token(chosen, any_noun=True)
        if speaker is not None and chosen.idx < item.start and speaker.label != "SOURCE":
            speaker = ctx.finder.nearest_mention(item.start, speaker)
        if speaker is None or speaker == item.speaker:
            continue
        item.speaker = speaker
        item.inherited = False
        changed += 1
    return changed
