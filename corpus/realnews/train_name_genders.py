"""Learn the grammatical gender of first names from PolNeAR's articles, reproducibly.

    python corpus/realnews/train_name_genders.py --polnear PATH [--out FILE] [--cache FILE]

Articles: :func:`corpus.realnews.train_speakers.training_pool` (PolNeAR's train and dev
rows; never the test split, the seed-11 check sample, an article eligible for a held-out
draw, or a manifest article): the ``train`` articles give the votes, the ``valid`` ones
(id's sha256 is 0 modulo 5) only the check printed at the end.

Votes: each article is parsed, its entities found
(:func:`goldsmith.annotate.rules.entities.find_entities`) and the document's own gender
evidence read (:func:`goldsmith.annotate.rules.person_gender.gender_evidence`: honorifics,
gendered role nouns, reflexives and reported-clause pronouns of the person as subject);
every full name the evidence marks "m" or "f" gives one vote to its first word, once
per article ("strong"); so does a sentence naming one person only, by a full name,
followed by a sentence that opens with "He" or "She" outside quotation marks ("weak").
The lexicon itself is switched off while votes are read
(:data:`~goldsmith.annotate.rules.person_gender.USE_FIRST_NAMES`).

Lexicon: a first word (letters only, two or more, not a role noun such as "president")
with at least ``MIN_VOTES`` votes of which at least ``MIN_SHARE`` agree gets that
gender. Written to ``annotate/rules/first_name_genders.json`` (first names and "m"/"f"
only, no text).

Check: on the ``valid`` articles, every full name the document's own (strong) evidence
marks is looked up by its first word: how many the lexicon covers and how many it gets
right.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from goldsmith.annotate.rules.person_gender import FIRST_NAMES, USE_FIRST_NAMES, role_gender
from goldsmith.annotate.rules.role_words import PERSON_ROLES
from goldsmith.corpus.realnews.polnear import PolnearSource
from goldsmith.corpus.realnews.train_speakers import read_pool
from goldsmith.errors import GoldsmithError

MIN_VOTES = 2
MIN_SHARE = 0.75
#: The kinds of votes counted (module rules).
VOTES = ("strong", "weak")


def marked_first_names(nlp, texts: list[str]) -> list[dict[str, str]]:
    """Per text: first word of each full name -> the gender the text marks it with
    (module rules; the lexicon itself switched off)."""
    token = USE_FIRST_NAMES.set(False)
    try:
        return [_marked(doc) for doc in nlp.pipe(texts, batch_size=16)]
    finally:
        USE_FIRST_NAMES.reset(token)


def _marked(doc) -> dict[str, dict[str, str]]:
    from goldsmith.annotate.rules.entities import find_entities
    from goldsmith.annotate.rules.quote_marks import quoted_regions
    from goldsmith.annotate.rules.speakers import SpeakerFinder

    blocked = [(r.open_at, r.outer_end) for r in quoted_regions(doc.text)]
    entities = find_entities(doc)
    genders = SpeakerFinder(doc, entities, blocked).person_genders()
    strong: dict[str, set[str]] = defaultdict(set)
    for key, gender in genders.items():
        if gender in ("m", "f") and (first := _first_word(key)) is not None:
            strong[first].add(gender)
    weak: dict[str, set[str]] = defaultdict(set)

    def outside(char: int) -> bool:
        return not any(a <= char < b for a, b in blocked)

    people = [e for e in entities if e.label == "PERSON" and outside(e.start)]
    sentences = list(doc.sents)
    for sent, after in zip(sentences, sentences[1:], strict=False):
        named = {e.text.lower() for e in people if sent.start_char <= e.start < sent.end_char}
        opener = next((t for t in after if not (t.is_punct or t.is_space)), None)
        if len(named) != 1 or opener is None or not outside(opener.idx):
            continue
        gender = {"he": "m", "she": "f"}.get(opener.lower_)
        first = _first_word(next(iter(named)))
        if gender is not None and first is not None:
            weak[first].add(gender)
    return {
        "strong": {w: next(iter(g)) for w, g in strong.items() if len(g) == 1},
        "weak": {w: next(iter(g)) for w, g in weak.items() if len(g) == 1},
    }


def _first_word(name: str) -> str | None:
    """The first word of a full name when it can be a first name (module rules)."""
    words = name.split()
    if len(words) < 2 or not words[0].isalpha() or len(words[0]) < 2:
        return None
    if words[0] in PERSON_ROLES or role_gender(words[0]) is not None:
        return None  # "President Obama", "actress Ann Roe": a title, no name
    return words[0]


def lexicon(votes: list[dict[str, str]]) -> dict[str, str]:
    """First name -> gender by the module rules, sorted by name."""
    count: dict[str, Counter] = defaultdict(Counter)
    for article in votes:
        for name, gender in article.items():
            count[name][gender] += 1
    out = {}
    for name, c in count.items():
        gender, top = c.most_common(1)[0]
        if sum(c.values()) >= MIN_VOTES and top / sum(c.values()) >= MIN_SHARE:
            out[name] = gender
    return dict(sorted(out.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", required=True, type=Path)
    parser.add_argument("--out", type=Path, default=FIRST_NAMES)
    parser.add_argument("--cache", type=Path, help="votes file, written once, then read")
    args = parser.parse_args(argv)
    try:
        from goldsmith.annotate.model import load_model

        _, texts, pool = read_pool(PolnearSource.open(args.polnear))
        train = sorted(a for a, r in pool.items() if r == "train")
        valid = sorted(a for a, r in pool.items() if r == "valid")
        print(f"pool: {len(train)} training and {len(valid)} validation articles")
        if args.cache is not None and args.cache.is_file():
            cached = json.loads(args.cache.read_text(encoding="utf-8"))
        else:
            nlp = load_model()
            marks = marked_first_names(nlp, [texts[a] for a in train + valid])
            cached = dict(zip(train + valid, marks, strict=True))
            if args.cache is not None:
                args.cache.write_text(json.dumps(cached), encoding="utf-8")
        names = lexicon([cached[a][kind] for a in train for kind in VOTES])
        args.out.write_text(json.dumps(names, indent=0) + "\n", encoding="utf-8")
        print(f"wrote {len(names)} first names to {args.out}")
        covered = agreed = total = 0
        for a in valid:
            for name, gender in cached[a]["strong"].items():
                total += 1
                if name in names:
                    covered += 1
                    agreed += names[name] == gender
        print(
            f"validation: {total} marked first names, {covered} in the lexicon, "
            f"{agreed} of those with the same gender"
        )
    except GoldsmithError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
