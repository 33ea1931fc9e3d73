"""Reading a JSON array an item at a time gives what ``json.loads`` gives, or an error."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goldsmith.annotate.studio.json_items import json_items

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(
    items=st.lists(values, max_size=8),
    block=st.integers(1, 64),
    indent=st.sampled_from([None, 0, 2]),
    ascii_only=st.booleans(),
)
def test_items_are_those_json_loads_reads_whatever_the_block_size(items, block, indent, ascii_only):
    raw = json.dumps(items, indent=indent, ensure_ascii=ascii_only).encode()
    assert list(json_items(io.BytesIO(raw), block=block)) == json.loads(raw)


@settings(max_examples=200, deadline=None)
@given(items=st.lists(values, min_size=1, max_size=6), cut=st.integers(1, 200))
def test_a_cut_file_raises_value_error_after_the_complete_items(items, cut):
    raw = json.dumps(items).encode()
    cut = min(cut, len(raw) - 1)
    got = []
    with pytest.raises(ValueError):
        for item in json_items(io.BytesIO(raw[:cut]), block=7):
            got.append(item)
    assert got == json.loads(raw)[: len(got)]


@pytest.mark.parametrize(
    "raw", [b'{"id": 1}', b"[1 2]", b"[1,]", b"[1] [2]", b"", b"[", b'[{"id": 1}, {"id"']
)
def test_what_is_not_one_array_of_values_is_refused(raw):
    with pytest.raises(ValueError):
        list(json_items(io.BytesIO(raw), block=3))


def test_a_byte_order_mark_and_split_characters_are_read():
    raw = "\ufeff".encode() + json.dumps([{"t": "Zoë 🎉 naïve"}], ensure_ascii=False).encode()
    assert list(json_items(io.BytesIO(raw), block=1)) == [{"t": "Zoë 🎉 naïve"}]
