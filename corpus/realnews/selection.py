"""The selection rule of the real-news development set (fixed seed, train and dev only).

Rule, applied to every train/dev article of PolNeAR's ``metadata.tsv``:

1. Eligible when its normalised text has 400 to 1200 whitespace-separated words, at least
   3 quoted passages (``“...”`` or ``"..."`` of 3 or more characters on one line) and at least
   5 number tokens (a token holding a digit that is not a bare year 1900-2099).
2. Eligible articles are grouped by publisher; each group (sorted by id) is shuffled with
   ``random.Random(SEED)``, publishers taken in sorted order, then the publishers' order is
   shuffled with the same generator. Articles are drawn round-robin over the publishers
   until ``SIZE`` (30) are chosen, so every outlet gets 4 or 5.
3. ``HELDOUT`` (10) of the chosen ids, sampled from their sorted list with
   ``random.Random(SEED + 1)``, are held out from tuning; the other 20 are for tuning.

The rule was fixed, and the split drawn, before anyone looked at any result on them.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass

SEED = 11
SIZE = 30
HELDOUT = 10
MIN_WORDS, MAX_WORDS = 400, 1200
MIN_QUOTES = 3
MIN_NUMBERS = 5

_QUOTED = re.compile(r"[“\"][^“”\"\n]{3,}[”\"]")
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True)
class Candidate:
    """An article considered by the rule: id, split, publisher and its normalised text."""

    article_id: str
    split: str
    publisher: str
    text: str


@dataclass(frozen=True)
class Chosen:
    """A selected article and its role: ``"tune"`` or ``"heldout"``."""

    article_id: str
    split: str
    publisher: str
    role: str


def number_tokens(text: str) -> int:
    """Tokens holding a digit, bare years (1900-2099) not counted."""
    count = 0
    for token in text.split():
        core = token.strip(".,;:()[]\"“”'’")
        if any(ch.isdigit() for ch in core) and not _YEAR.match(core):
            count += 1
    return count


def eligible(text: str) -> bool:
    """Rule 1 of the module docstring."""
    words = len(text.split())
    return (
        MIN_WORDS <= words <= MAX_WORDS
        and len(_QUOTED.findall(text)) >= MIN_QUOTES
        and number_tokens(text) >= MIN_NUMBERS
    )


def select(candidates: Iterable[Candidate]) -> list[Chosen]:
    """Rules 2 and 3: the chosen articles in selection order, each with its role."""
    groups: dict[str, list[Candidate]] = {}
    for cand in candidates:
        if eligible(cand.text):
            groups.setdefault(cand.publisher, []).append(cand)
    rng = random.Random(SEED)
    publishers = sorted(groups)
    for pub in publishers:
        groups[pub].sort(key=lambda c: c.article_id)
        rng.shuffle(groups[pub])
    rng.shuffle(publishers)
    chosen: list[Candidate] = []
    depth = 0
    while len(chosen) < SIZE and any(depth < len(groups[p]) for p in publishers):
        for pub in publishers:
            if depth < len(groups[pub]) and len(chosen) < SIZE:
                chosen.append(groups[pub][depth])
        depth += 1
    held = set(random.Random(SEED + 1).sample(sorted(c.article_id for c in chosen), HELDOUT))
    return [
        Chosen(c.article_id, c.split, c.publisher, "heldout" if c.article_id in held else "tune")
        for c in chosen
    ]
