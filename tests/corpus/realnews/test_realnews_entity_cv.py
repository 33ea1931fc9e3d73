"""Scoring the cross-validation of the entity label corrector (corpus/realnews/entity_cv.py)."""

from __future__ import annotations

from goldsmith.corpus.realnews.entity_cv import FOLDS, Score, cv_folds, gain_interval, report


def test_folds_hold_out_whole_articles_each_once():
    ids = [f"id{n:02d}" for n in range(17)]
    folds = cv_folds(ids)
    assert len(folds) == FOLDS
    assert sorted(n for f in folds for n in f) == list(range(17))
    # the fold of an article depends on its id, not on where it is in the list
    moved = cv_folds(list(reversed(ids)))
    fold_of = {ids[n]: k for k, f in enumerate(folds) for n in f}
    fold_of_moved = {ids[::-1][n]: k for k, f in enumerate(moved) for n in f}
    assert fold_of == fold_of_moved


def test_gain_interval_of_identical_scores_is_zero_and_a_gain_is_positive():
    same = [Score(1, 2, 2, 0, 0, 0)] * 10
    assert gain_interval(same, same) == (0.0, 0.0)
    better = [Score(2, 2, 2, 1, 1, 1)] * 10
    lo, hi = gain_interval(same, better)
    assert lo > 0 and hi > 0


def test_the_table_shows_each_part_of_the_held_articles_once():
    roles = ["tune", "heldout-r6", "heldout-r4"]
    scores = {"rules": [Score(1, 2, 2, 0, 0, 0)] * 3, "margin 0.0": [Score(2, 2, 2, 0, 0, 0)] * 3}
    lines = report("title", roles, scores)
    assert lines[1].strip() == "old 60 (2 articles)"
    assert any(line.strip().startswith("all (3 articles)") for line in lines)
    assert "margin 0.0       100.0 /   0.0   gain [+50.0, +50.0]" in "\n".join(lines)
    only_r4 = {k: [Score(), v[1], Score()] for k, v in scores.items()}
    shown = [line for line in report("t", roles, only_r4) if "articles)" in line]
    assert [line.strip() for line in shown] == ["heldout-r6 (1 articles)"]
