"""Train the antecedent ranker's weights from the open real-news gold, reproducibly.

    python corpus/realnews/train_antecedents.py --gold FILE [--gold FILE ...] [--out FILE]
        [--folds 5] [--margin M] [--no-write]

Data: gold JSON Lines with text (``eval score`` input), by default
``/work/realnews/open60-gold.jsonl``: the 60 open articles of the manifest (roles
``tune``, ``heldout-r1``, ``heldout-r3``, ``heldout-r4``); never a ``heldout`` article.

Examples: each article is parsed and the quote rules run on it with the rules alone
(:data:`~goldsmith.annotate.rules.speaker_antecedent_ranker.ACTIVE` set to ``None``),
every person pronoun or description they resolve traced
(:data:`~goldsmith.annotate.rules.speaker_antecedent_ranker.TRACE`). A rule quote that
matches a gold quote (the scorer's pairing, 30 % overlap) whose predicted speaker is the
rules' answer of a traced decision (the nearest one within ``_NEAR`` characters) is one
example: the decision's options, positive where the option names the gold speaker's
source (the scorer's :func:`~goldsmith.eval.matching.same_source`). An example with no
positive option cannot be learned from and is only counted.

Model: :func:`corpus.realnews.train_speakers.fit` (a softmax over each example's options,
L2 penalty, full-batch gradient descent from zero weights for a fixed number of steps:
the same data give the same weights).

Honest estimate: grouped cross-validation by article (``--folds`` folds, an article's
fold is its id's sha256 modulo the number of folds; or, with two or more ``--gold``
files, one fold per file): train on the other folds' articles, decide the held fold's
examples, sum over folds; printed next to the rules' figure and the in-sample one. The
shipped weights are trained on every example of the given files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from goldsmith.annotate.rules.speaker_antecedent_ranker import (
    ACTIVE,
    TRACE,
    WEIGHTS,
    AntecedentRanker,
)
from goldsmith.corpus.realnews.train_speakers import Example, fit
from goldsmith.errors import GoldsmithError

DEFAULT_GOLD = Path("/work/realnews/open60-gold.jsonl")
#: Characters between a quote and the pronoun that gave its speaker, at most.
_NEAR = 600


@dataclass(frozen=True)
class Decision:
    """One traced pronoun of a matched quote: its example and the rules' choice."""

    doc_id: str
    fold: str
    example: Example
    rule: int


def article_decisions(nlp, record: dict, fold: str) -> tuple[list[Decision], int, int]:
    """(examples, matched quotes, matched quotes with a traced speaker but no right
    option) of one gold record (module rules)."""
    from goldsmith.annotate.rules.entities import find_entities
    from goldsmith.annotate.rules.quotes import find_quotes
    from goldsmith.eval.matching import same_source
    from goldsmith.eval.quotes import quote_pairs
    from goldsmith.labels.jsonl import doc_from_dict

    gold = doc_from_dict(record)
    trace: list = []
    t_active, t_trace = ACTIVE.set(None), TRACE.set(trace)
    try:
        doc = nlp(gold.text)
        pred = find_quotes(doc, find_entities(doc))
    finally:
        ACTIVE.reset(t_active)
        TRACE.reset(t_trace)
    out, matched, unreachable = [], 0, 0
    for pair in quote_pairs(gold.quotes, pred):
        if pair.gold is None or pair.pred is None:
            continue
        matched += 1
        g, p = pair.gold, pair.pred
        if p.speaker is None or g.speaker is None:
            continue
        near = [
            t
            for t in trace
            if same_source(t[1][t[2]].entity, p.speaker)
            and p.start - _NEAR <= t[0] <= p.end + _NEAR
        ]
        if not near:
            continue
        at, options, rule, _ = min(near, key=lambda t: min(abs(t[0] - p.start), abs(t[0] - p.end)))
        positive = tuple(same_source(g.speaker, o.entity) for o in options)
        if not any(positive):
            unreachable += 1
            continue
        example = Example(tuple(o.features for o in options), positive)
        out.append(Decision(gold.doc_id, fold, example, rule))
    return out, matched, unreachable


def fold_of(doc_id: str, folds: int) -> str:
    """An article's fold: its id's sha256, as a number, modulo ``folds``."""
    return str(int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % folds)


def right(decisions: Sequence[Decision], ranker: AntecedentRanker | None) -> int:
    """How many decisions name the gold source with ``ranker`` (``None``: the rules)."""
    total = 0
    for d in decisions:
        chosen = d.rule if ranker is None else ranker.choose(d.example.features, d.rule)
        total += d.example.positive[chosen]
    return total


def cross_validated(decisions: Sequence[Decision], margin: float) -> int:
    """Right decisions over all folds, each decided by weights trained on the others."""
    total = 0
    for fold in sorted({d.fold for d in decisions}):
        train = [d.example for d in decisions if d.fold != fold]
        held = [d for d in decisions if d.fold == fold]
        total += right(held, AntecedentRanker(fit(train), margin))
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, action="append")
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--margin", type=float, action="append")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    golds = args.gold or [DEFAULT_GOLD]
    margins = args.margin or [0.0]
    try:
        from goldsmith.annotate.model import load_model

        nlp = load_model()
        decisions: list[Decision] = []
        matched = unreachable = 0
        for path in golds:
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                record = json.loads(line)
                fold = path.stem if len(golds) > 1 else fold_of(record["doc_id"], args.folds)
                found, m, u = article_decisions(nlp, record, fold)
                decisions += found
                matched += m
                unreachable += u
        n = len(decisions)
        print(f"{matched} matched quotes; {n} resolved pronoun/description examples")
        print(f"{unreachable} more whose gold source is none of the options (not learnable)")
        rules = right(decisions, None)
        print(f"rules alone: {rules}/{n}")
        for margin in margins:
            cv = cross_validated(decisions, margin)
            full = AntecedentRanker(fit([d.example for d in decisions]), margin)
            ins = right(decisions, full)
            print(
                f"margin {margin}: cross-validated {cv}/{n} ({cv - rules:+d} vs rules, "
                f"{100 * (cv - rules) / max(matched, 1):+.2f} points of speaker accuracy); "
                f"in-sample {ins}/{n} ({ins - rules:+d})"
            )
        if not args.no_write:
            full = AntecedentRanker(fit([d.example for d in decisions]), margins[0])
            args.out.write_text(json.dumps(full.to_json(), indent=1) + "\n", encoding="utf-8")
            print(f"wrote {args.out}")
    except GoldsmithError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
