"""The fixed-seed selection rule of the real-news set."""

from __future__ import annotations

from collections import Counter

from goldsmith.corpus.realnews.selection import HELDOUT, SIZE, Candidate, eligible, select


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
    assert Counter(c.role for c in chosen) == {"heldout": HELDOUT, "tune": SIZE - HELDOUT}
    assert "alpha_short" not in {c.article_id for c in chosen}
