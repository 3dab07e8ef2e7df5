"""Posting ids packed into one value per (kind, key, part): the ``ids`` of the ``post`` table.

Sorted little-endian signed 64-bit integers. Reading needs only ``array`` (a
cold verify imports no numpy); grouping a build's postings into rows is numpy's
work (a build groups ten million of them, ~0.3 µs each, where inserting them
as rows cost SQLite ~5 µs each), an update's few thousand are grouped in Python
(importing numpy alone costs 0.15 s).
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Sequence
from itertools import groupby
from operator import itemgetter
from typing import Any

_SWAP = sys.byteorder == "big"
_NUMPY_FROM = 1 << 16  # postings: fewer are grouped without numpy

Rows = list[tuple[int, int, bytes]]  # (kind, key, packed ids), in key order
Counts = list[tuple[int, int, int]]  # (kind, key, number of ids)


def pack(ids: Sequence[int]) -> bytes:
    out = array("q", ids)
    if _SWAP:
        out.byteswap()
    return out.tobytes()


def unpack(blob: bytes) -> array[int]:
    ids = array("q")
    ids.frombytes(blob)
    if _SWAP:
        ids.byteswap()
    return ids


def group(items: Sequence[tuple[int, array[int]]]) -> tuple[Rows, Counts]:
    """Postings into rows: ``items`` are (base id, flat (kind, key, local id) triples)
    per document; returns (kind, key, packed ids) in key order and (kind, key, count)."""
    total = sum(len(flat) for _, flat in items) // 3
    if not total:
        return [], []
    if total < _NUMPY_FROM:
        return _group_small(items)
    return _group_numpy(items)


def _group_small(items: Sequence[tuple[int, array[int]]]) -> tuple[Rows, Counts]:
    from claimcheck.index.rows import triples

    every: list[tuple[int, int, int]] = []
    for base, flat in items:
        every.extend([(k, key, base | local) for k, key, local in triples(flat)])
    every.sort()
    rows, counts = [], []
    for (kind, key), run in groupby(every, key=itemgetter(0, 1)):
        ids = [i for _, _, i in run]
        rows.append((kind, key, pack(ids)))
        counts.append((kind, key, len(ids)))
    return rows, counts


def _group_numpy(items: Sequence[tuple[int, array[int]]]) -> tuple[Rows, Counts]:
    import numpy as np

    sizes = [len(flat) // 3 for _, flat in items]
    flat = np.concatenate([np.frombuffer(f, dtype=np.int64) for _, f in items]).reshape(-1, 3)
    bases: Any = np.repeat(np.array([b for b, _ in items], dtype=np.int64), sizes)
    kinds, keys, ids = flat[:, 0], flat[:, 1], flat[:, 2] | bases
    # Documents come in the order of their ids and a document's postings of a key in
    # the order of its units, so a stable sort by (kind, key) leaves each key's ids
    # sorted: by key, then by kind (small ints: a radix sort), a third of a lexsort
    # of the three. Checked, and sorted by the three when it does not hold.
    order = np.argsort(keys, kind="stable")
    order = order[np.argsort(kinds[order].astype(np.int8), kind="stable")]
    kinds, keys, ids = kinds[order], keys[order], ids[order]
    change = np.empty(len(ids), dtype=bool)
    change[0] = True
    change[1:] = (kinds[1:] != kinds[:-1]) | (keys[1:] != keys[:-1])
    if bool(np.any(~change[1:] & (ids[1:] <= ids[:-1]))):
        order = np.lexsort((ids, keys, kinds))
        kinds, keys, ids = kinds[order], keys[order], ids[order]
        change[1:] = (kinds[1:] != kinds[:-1]) | (keys[1:] != keys[:-1])
    starts = np.flatnonzero(change)
    ends = np.append(starts[1:], len(ids))
    blob = ids.astype("<i8").tobytes()
    heads = zip(kinds[starts].tolist(), keys[starts].tolist(), strict=True)
    spans = zip(starts.tolist(), ends.tolist(), strict=True)
    rows, counts = [], []
    for (kind, key), (a, b) in zip(heads, spans, strict=True):
        rows.append((kind, key, blob[a * 8 : b * 8]))
        counts.append((kind, key, b - a))
    return rows, counts


def merge(blobs: list[bytes], alive: Any) -> tuple[bytes, int]:
    """One key's parts as one, without the ids of documents no longer indexed
    (``alive[doc]`` is false: removed, or replaced by a new id); and how many ids
    were dropped."""
    import numpy as np

    from claimcheck.index.rows import LOCAL_BITS

    ids = np.concatenate([np.frombuffer(b, dtype="<i8") for b in blobs])
    kept = ids[alive[ids >> LOCAL_BITS]]
    kept.sort()
    return bytes(kept.astype("<i8").tobytes()), len(ids) - len(kept)
