"""The fixed-seed selection rule of the real-news set."""

from __future__ import annotations

from collections import Counter

from goldsmith.corpus.realnews.selection import (
    HELDOUT,
    HELDOUT_ROUNDS,
    ROUND_SIZE,
    SIZE,
    TRAIN_SEEDS,
    TRAIN_SIZE,
    Candidate,
    eligible,
    polnear_sample,
    select,
    select_round,
    select_rounds,
    select_training,
    trainable,
)


def _text(words: int = 500, quotes: int = 3, numbers: int = 5) -> str:
    parts = ["“It rained a lot,” she said."] * quotes + [f"{n + 10} boats" for n in range(numbers)]
    filler = ["word"] * max(0, words - len(" ".join(parts).split()))
    return " ".join(parts + filler)


def test_eligibility_rule():
    assert eligible(_text())
    assert not eligible(_text(words=300))
    assert not eligible(_text(words=1300))
    assert not eligible(_text(quotes=2))
    assert not eligible(_text(numbers=4))
    # bare years are not number tokens
    assert not eligible(_text(numbers=0) + " 2015 1999 2016 2020 2001")


def _pool() -> list[Candidate]:
    return [
        Candidate(f"{pub}_{i:03d}", "train" if i % 5 else "dev", pub, _text())
        for pub in ("alpha", "beta", "gamma", "delta", "eps", "zeta", "eta")
        for i in range(8)
    ] + [Candidate("alpha_short", "train", "alpha", _text(words=100))]


def test_selection_is_fixed_round_robin_and_split_by_seed():
    chosen = select(_pool())
    assert len(chosen) == SIZE
    assert select(reversed(_pool())) == chosen  # input order does not matter
    per_outlet = Counter(c.publisher for c in chosen)
    assert sorted(per_outlet.values()) == [4, 4, 4, 4, 4, 5, 5]
    assert Counter(c.role for c in chosen) == {"heldout-r1": HELDOUT, "tune": SIZE - HELDOUT}
    assert "alpha_short" not in {c.article_id for c in chosen}


def test_a_fresh_round_draws_outside_everything_excluded():
    pool = _pool()
    first = {c.article_id for c in select(pool)}
    sample = {m.article_id for m in polnear_sample(pool, first, 7, seed=23)}
    exclude = first | sample
    fresh = select_round(pool, exclude, 31, "heldout-r3")
    assert len(fresh) == ROUND_SIZE
    assert {c.role for c in fresh} == {"heldout-r3"}
    assert not {c.article_id for c in fresh} & exclude
    assert select_round(list(reversed(pool)), exclude, 31, "heldout-r3") == fresh
    # round-robin over outlets: no outlet gets two before every outlet with articles got one
    assert max(Counter(c.publisher for c in fresh).values()) <= 2


def test_the_rounds_are_drawn_in_order_each_outside_the_earlier_ones():
    pool = [
        Candidate(f"{pub}_{i:03d}", "train", pub, _text())
        for pub in ("alpha", "beta", "gamma", "delta", "eps", "zeta", "eta")
        for i in range(21)
    ]
    first = {c.article_id for c in select(pool)}
    rounds = select_rounds(pool, first)
    ids = [c.article_id for c in rounds]
    assert len(ids) == len(set(ids)) == ROUND_SIZE * len(HELDOUT_ROUNDS)
    assert not set(ids) & first
    # the first round is the same draw as on its own; each later one skips the earlier ones
    _, seed, role = HELDOUT_ROUNDS[0]
    assert rounds[:ROUND_SIZE] == select_round(pool, first, seed, role)
    _, seed, role = HELDOUT_ROUNDS[1]
    earlier = first | set(ids[:ROUND_SIZE])
    assert rounds[ROUND_SIZE : 2 * ROUND_SIZE] == select_round(pool, earlier, seed, role)
    assert [c.role for c in rounds] == [r for _, _, r in HELDOUT_ROUNDS for _ in range(ROUND_SIZE)]


def test_polnear_sample_is_fixed_per_outlet_and_outside_exclude():
    pool = _pool()
    sample = polnear_sample(pool, {"alpha_000"}, 14, seed=11)
    assert Counter(m.publisher for m in sample) == {p: 2 for p in {c.publisher for c in pool}}
    assert "alpha_000" not in {m.article_id for m in sample}
    assert polnear_sample(list(reversed(pool)), {"alpha_000"}, 14, seed=11) == sample
    assert polnear_sample(pool, {"alpha_000"}, 14, seed=12) != sample
    assert len(polnear_sample(pool, set(), 0, seed=11)) == len(pool)


def test_a_training_draw_never_takes_an_article_a_held_out_draw_could_take():
    pool = [
        Candidate(f"{pub}_{kind}_{i:02d}", "train", pub, text)
        for pub in ("alpha", "beta", "gamma", "delta")
        for kind, text in (("held", _text()), ("short", _text(words=350, quotes=2, numbers=3)))
        for i in range(18)
    ]
    assert trainable(_text(words=350, quotes=2, numbers=3))
    assert not trainable(_text())  # eligible for held-out draws
    assert not trainable(_text(words=200, quotes=2, numbers=3))
    assert not trainable(_text(words=350, quotes=1, numbers=3))
    exclude = {"alpha_short_00", "beta_short_03"}
    drawn = select_training(pool, exclude)
    ids = {c.article_id for c in drawn}
    assert len(drawn) == len(ids) == TRAIN_SIZE * len(TRAIN_SEEDS)
    assert {c.role for c in drawn} == {"train"}
    assert all("_short_" in a for a in ids) and not ids & exclude
    assert select_training(list(reversed(pool)), exclude) == drawn
    per_outlet = TRAIN_SIZE * len(TRAIN_SEEDS) // 4
    assert sorted(Counter(c.publisher for c in drawn).values()) == [per_outlet] * 4
    # each draw is round-robin on its own: 5 per outlet in the first 20
    first = drawn[:TRAIN_SIZE]
    assert sorted(Counter(c.publisher for c in first).values()) == [5, 5, 5, 5]


def test_a_training_draw_stops_when_the_pool_runs_out():
    pool = [
        Candidate(f"{pub}_short_{i:02d}", "train", pub, _text(words=350, quotes=2, numbers=3))
        for pub in ("alpha", "beta")
        for i in range(TRAIN_SIZE + 3)
    ]
    drawn = select_training(pool, set())
    assert len(drawn) == len(pool) == len({c.article_id for c in drawn})
