"""The training rule and the trainer of the speaker ranker (corpus/realnews/train_speakers.py)."""

from __future__ import annotations

from goldsmith.annotate.rules.speaker_ranker import SpeakerRanker
from goldsmith.corpus.realnews.polnear import ArticleMeta
from goldsmith.corpus.realnews.selection import eligible, polnear_sample
from goldsmith.corpus.realnews.train_speakers import (
    CHECK_SEED,
    CHECK_SIZE,
    Example,
    fit,
    is_validation,
    training_pool,
)

_ELIGIBLE = " ".join(["“It rained a lot,” she said."] * 3 + [f"{n + 10} boats" for n in range(5)])
_ELIGIBLE += " word" * 480
_SHORT = "“It rained,” she said. 12 boats."


def _metas() -> list[ArticleMeta]:
    pubs = ("alpha", "beta", "gamma", "delta", "eps", "zeta", "eta")
    return [ArticleMeta(f"{p}_{i:03d}", "train", p, ("a1",)) for p in pubs for i in range(40)]


def test_training_rule_keeps_out_the_check_sample_and_held_out_candidates():
    metas = _metas()
    ids = [m.article_id for m in metas]
    texts = {a: (_ELIGIBLE if n % 3 == 0 else _SHORT) for n, a in enumerate(ids)}
    assert eligible(_ELIGIBLE) and not eligible(_SHORT)
    first = {ids[0], ids[3]}
    check = {m.article_id for m in polnear_sample(metas, first, CHECK_SIZE, CHECK_SEED)}
    outside = [a for n, a in enumerate(ids) if a not in check and a not in first and n % 3 == 0]
    r3, held, r6 = outside[0], outside[1], outside[2]
    roles = {ids[0]: "tune", ids[3]: "heldout-r1", r3: "heldout-r3", held: "heldout-2"}
    roles |= {r6: "heldout-r6"}
    roles |= {ids[1]: "heldout-2"}  # not eligible here, still never trained on
    pool = training_pool(metas, texts, roles)
    assert not check & set(pool)
    for aid in ids:
        role = roles.get(aid)
        if aid in check or role == "heldout-2":
            assert aid not in pool
        elif role in ("tune", "heldout-r1", "heldout-r3", "heldout-r6"):
            assert pool[aid] == "tunable"  # measured on, not trained on, not validation
        elif eligible(texts[aid]):
            assert aid not in pool  # a future held-out draw could pick it
        else:
            assert pool[aid] == ("valid" if is_validation(aid) else "train")
    for tunable in (ids[0], ids[3], r3, r6):
        assert pool[tunable] == "tunable"
    assert 0 < sum(v == "valid" for v in pool.values()) < len(pool) / 2


def test_validation_split_is_a_fixed_hash():
    ids = [f"x_{i}" for i in range(1000)]
    share = sum(map(is_validation, ids)) / len(ids)
    assert 0.15 < share < 0.25
    assert [is_validation(a) for a in ids] == [is_validation(a) for a in ids]


def test_fit_learns_the_preferred_feature_and_is_deterministic():
    # invented quotes: the subject of the speech verb is right, the nearest name is not,
    # except in a few quotes, so the model must learn to weigh "subj" over "nearest"
    examples = []
    for n in range(60):
        right = ("subj", "side=L") if n % 6 else ("nearest-L", "side=L")
        wrong = ("nearest-L", "side=L") if n % 6 else ("subj", "side=L")
        examples.append(Example((wrong, right, ("side=R",)), (False, True, False)))
    weights = fit(examples)
    assert weights["subj"] > weights["nearest-L"] > weights["side=R"] - 1
    assert weights == fit(examples)
    ranker = SpeakerRanker(weights)
    scores = [ranker.score(f) for f in (("nearest-L", "side=L"), ("subj", "side=L"))]
    assert ranker.pick(scores, -9.0, 0) == 1  # overrides a rule choice: the nearest name
    assert ranker.pick(scores, -9.0, 1) is None  # keeps the rule's choice when it is best
    assert ranker.pick(scores, -9.0, None) == 1  # fills a quote the rules left empty
    assert ranker.pick(scores, 9.0, None) is None  # unless "no speaker" scores higher
    zero = SpeakerRanker({})
    assert zero.pick([zero.score(("subj",)), zero.score(("nearest-L",))], 0.0, 0) is None
    assert zero.pick([zero.score(("subj",))], 0.0, None) is None


def test_training_draw_articles_stay_in_the_pool_as_if_outside_the_manifest():
    metas = _metas()
    ids = [m.article_id for m in metas]
    texts = dict.fromkeys(ids, _SHORT)
    without = training_pool(metas, texts, {})
    with_train = training_pool(metas, texts, dict.fromkeys(ids[5:15], "train"))
    assert with_train == without
