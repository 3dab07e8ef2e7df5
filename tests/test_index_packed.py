"""Packed posting lists: grouping in Python (updates) and with numpy (builds) agree."""

from __future__ import annotations

from array import array

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.index import packed
from claimcheck.index.rows import LOCAL_BITS

_doc = st.lists(
    st.tuples(st.integers(0, 3), st.integers(-(2**63), 2**63 - 1), st.integers(0, 2**21 - 1)),
    max_size=30,
)


@given(st.lists(_doc, max_size=6), st.integers(-3, 3))
def test_grouping_without_numpy_is_grouping_with_it(docs: list, shift: int) -> None:
    keys = [k for d in docs for _, k, _ in d]
    # Shared keys across documents, as common words are.
    items = []
    for n, d in enumerate(docs, start=1):
        flat = array("q")
        for kind, key, local in d:
            flat.extend((kind, keys[(keys.index(key) + shift) % len(keys)], local))
        items.append((n << LOCAL_BITS, flat))
    small, numpy = packed._group_small(items), packed._group_numpy(items) if keys else ([], [])
    assert small == numpy
    rows, counts = small
    assert [(k, key) for k, key, _ in rows] == sorted({(k, key) for k, key, _ in rows})
    for (_, _, blob), (_, _, n) in zip(rows, counts, strict=True):
        ids = packed.unpack(blob)
        assert len(ids) == n and list(ids) == sorted(ids)
