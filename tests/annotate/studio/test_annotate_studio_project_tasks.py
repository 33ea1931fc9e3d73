"""Which copy of a document's tasks is kept: the one with work, else the oldest."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from goldsmith.annotate.studio.project_tasks import TaskRef, choose


def test_the_oldest_copy_is_kept_when_none_holds_work():
    keep, drop = choose([TaskRef(9), TaskRef(4), TaskRef(7)])
    assert keep.task_id == 4 and sorted(t.task_id for t in drop) == [7, 9]


def test_the_copy_with_work_is_kept_even_when_newer():
    keep, drop = choose([TaskRef(4), TaskRef(9, has_work=True)])
    assert keep.task_id == 9 and [t.task_id for t in drop] == [4]


def test_copies_with_work_are_never_dropped():
    keep, drop = choose([TaskRef(4, has_work=True), TaskRef(9, has_work=True), TaskRef(2)])
    assert keep.task_id == 4 and [t.task_id for t in drop] == [2]


copies = st.lists(
    st.builds(TaskRef, st.integers(1, 10_000), st.just(""), st.booleans()),
    min_size=1,
    max_size=6,
    unique_by=lambda t: t.task_id,
)


@given(copies)
def test_choice_invariants(tasks):
    keep, drop = choose(tasks)
    assert keep in tasks and keep not in drop
    assert not any(t.has_work for t in drop)
    assert keep.has_work == any(t.has_work for t in tasks)
    assert choose(list(reversed(tasks)))[0] == keep  # the order listed does not matter
    with_work = sum(1 for t in tasks if t.has_work)
    assert len(tasks) - len(drop) == max(1, with_work)
