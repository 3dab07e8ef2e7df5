"""What the index holds of a corpus folder, as one row: each document's path, id and stamp.

Every ``claimcheck index`` and every verify compare the folder with the index.
Reading every document's stamp as a row (``docs_stamp``) made ~100,000 Python
tuples at 100k articles, more than the stat calls themselves; the manifest is
the same facts packed: the paths in corpus order (``gather``'s, which is rank
order), NUL-separated, and int64 arrays of the document ids and the stamps
(source size, source mtime, ledger size, ledger mtime). A folder that did not
change is then one list comparison and one array comparison.

It is a cache of ``docs``, never the truth: it is written only by the sync that
read it (or the full state), in a transaction that finds ``meta`` as that sync
left it (``Store.expect``), and every other write deletes it. ``token`` is a
digest of the ``meta`` rows (counters and summary), which every write that adds
or removes a document changes, also one by a claimcheck that does not know the
manifest (a write that only re-stamps a document leaves it, which is harmless:
the manifest's stamp is then older than the file's, so the file is hashed).

Racy stamps: a file changed again within the timestamp granularity of the
filesystem after the scan that stamped it keeps its size and mtime. A file whose
mtime is that close to the recorded scan (``racy_window``) is not trusted at the
next scan: its source is hashed (as any file whose stamp changed) and its ledger
read again. A file edited and then given back an old mtime (``touch -d``, a
restore that keeps mtimes) with the same size is not seen, as ``make`` and
``rsync`` do not see it: ``claimcheck index --rebuild`` reads everything.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress

# Filesystems with whole-second mtimes (FAT: 2 s) and those with nanosecond fields
# that advance by the kernel's coarse clock tick (at most 10 ms at HZ=100).
_COARSE_NS = 2_000_000_000
_FINE_NS = 50_000_000


def racy_window(mtime_ns: int) -> int:
    return _COARSE_NS if mtime_ns % 1_000_000_000 == 0 else _FINE_NS


@dataclass
class Manifest:
    paths: list[str]  # relative to the corpus folder, in rank order
    docs: array[int]  # the document id of each path
    stamps: array[int]  # four per path: size, mtime_ns, ledger size, ledger mtime_ns
    scanned: int  # time.time_ns() when the scan that took the stamps began

    def pack(self) -> tuple[bytes, bytes, bytes]:
        text = "\0".join(self.paths).encode("utf-8", "surrogateescape")
        return text, self.docs.tobytes(), self.stamps.tobytes()

    @classmethod
    def unpack(cls, paths: bytes, docs: bytes, stamps: bytes, scanned: int) -> Manifest:
        text = bytes(paths).decode("utf-8", "surrogateescape")
        d, s = array("q"), array("q")
        d.frombytes(bytes(docs))
        s.frombytes(bytes(stamps))
        return cls(text.split("\0") if text else [], d, s, int(scanned))

    def racy(self, mtime_ns: int) -> bool:
        """A file of this mtime may have changed again unseen after this manifest's scan."""
        return bool(mtime_ns) and mtime_ns >= self.scanned - racy_window(mtime_ns)

    def suspect(self, stamps: Sequence[int], at: Iterable[int]) -> list[int]:
        """Of the positions ``at`` (in ``stamps``, four a file), those whose source or
        ledger mtime is racy."""
        return [i for i in at if self.racy(stamps[4 * i + 1]) or self.racy(stamps[4 * i + 3])]

    def recent(self, stamps: array[int]) -> list[int]:
        """Positions whose source or ledger mtime may be racy (most scans: none, found
        by two ``max`` over the mtimes).

        Only the files within the widest window of the scan are tested one by one, found
        by C loops (``compress``): a file saved and synced within 2 s (the benchmark's
        article put back, an edit then a verify) made every later scan test all 200,000
        mtimes in Python, ~0.1 s of CPU at 100k articles, until the next change."""
        n = len(stamps) // 4
        if not n:
            return []
        sources, ledgers = stamps[1::4], stamps[3::4]
        bound = self.scanned - _COARSE_NS  # at or below every file's window start
        if max(max(sources), max(ledgers)) < bound:
            return []
        near = bound.__le__
        at = {*compress(range(n), map(near, sources)), *compress(range(n), map(near, ledgers))}
        return self.suspect(stamps, sorted(at))


def differing(a: array[int], b: array[int], width: int = 4, chunk: int = 256) -> list[int]:
    """Positions (of ``width`` ints each) where two arrays of one length differ,
    compared a chunk at a time (a folder with one change compares ~400 chunks)."""
    out: list[int] = []
    step = width * chunk
    for lo in range(0, len(a), step):
        if a[lo : lo + step] != b[lo : lo + step]:
            for i in range(lo // width, min(len(a), lo + step) // width):
                if a[i * width : i * width + width] != b[i * width : i * width + width]:
                    out.append(i)
    return out
