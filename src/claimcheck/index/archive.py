"""An archive's claims in the corpus index: from a cluster run, or from the claims table.

An archive index holds the rows of an archive (``<file>#<id>`` paths), not of a
corpus folder: it is marked so in its ``meta`` table, and folder updates
(``claimcheck index``, verify's sync) leave it alone, since they would drop
every row as "no longer in the folder". verify answers from it as from any
index.

Two ways in, both one writer, a transaction per partition or batch:

- during ``extract ARCHIVE --index X``: each worker cuts its partition's
  ledgers *and prose* into index rows (``RowsSink``, the CPU-heavy part, on
  the cluster); this process writes them in partition order (``IndexWriter``);
- afterwards, from the Parquet claims table (``load_table``, ``claimcheck
  index --table``): the claims only, since the table has no article text.

Workers do not write to the server themselves: the store takes one writer at
a time (a lock), and each ``add_ledgers`` call re-reads every path and re-ranks
every document, so writers on many workers only queue, each paying more as the
index grows (``benchmarks/bench_archive.py`` measures both ways). Making the
rows is the CPU-heavy part, and that is what the workers do.
"""

from __future__ import annotations

import time
from array import array
from dataclasses import dataclass, field
from typing import Any

from claimcheck.errors import InputError
from claimcheck.index.rows import DocRows, doc_rows
from claimcheck.index.store import Store, open_store
from claimcheck.render.words import plural

SOURCE = "source"  # the meta row that marks an archive index
ARCHIVE = "archive"
ROWS = "index-rows"  # the payload name of RowsSink
BATCH = 256


def documents(n: int) -> str:
    """ "1 document", "10,000 documents": the count of an index's summary line."""
    return f"{n:,} {plural(n, 'document')}"


def is_archive_index(store: Store) -> bool:
    return bool(store.run("SELECT value FROM meta WHERE name = ?", (SOURCE,)))


def open_archive_index(location: str) -> Store:
    """The index at ``location``, created or marked as an archive's; refused when it
    already indexes a corpus folder (an update of that folder would drop these rows)."""
    store = open_store(location, create=True)
    if not is_archive_index(store):
        if store.run("SELECT 1 FROM docs LIMIT 1"):
            store.close()
            raise InputError(
                "indexes a corpus folder; an archive needs an index of its own",
                path=location,
                hint="give --index a new file or database",
            )
        store.begin_write()
        store.run("INSERT INTO meta (name, value) VALUES (?, ?)", (SOURCE, ARCHIVE))
        store.commit()
    return store


def refuse_folder_update(store: Store) -> None:
    """A folder's update would drop an archive's every row: say what updates it."""
    if is_archive_index(store):
        raise InputError(
            "holds an archive's claims, not a corpus folder's",
            path=store.location,
            hint="update it with claimcheck extract ARCHIVE --index, or claimcheck index "
            "--table CLAIMS.parquet --index",
        )


@dataclass
class ReadyRows(DocRows):
    """Rows with their postings already cut (on the worker): the writer only groups
    and inserts them.

    Cutting the postings is a third of what writing a document costs the one
    writer (0.14 of 0.38 s for 24 Wikinews articles, as much as extracting them).
    They travel flat, (kind, key, local id) after one another in one array of
    64-bit ints: ~1,000 a news article, pickled as bytes instead of as ~1,000
    tuples each way between the processes."""

    ready: array[int] = field(default_factory=lambda: array("q"))

    def flat(self) -> array[int]:
        return self.ready


def ready(rows: DocRows) -> ReadyRows:
    fields = {f: getattr(rows, f) for f in DocRows.__dataclass_fields__}
    return ReadyRows(**fields, ready=rows.flat())


@dataclass(frozen=True)
class RowsSink:
    """On the worker: a partition's articles as index rows (claims and prose)."""

    name: str = ROWS

    def write(self, index: int, items: list[Any]) -> list[DocRows]:
        return [ready(doc_rows(a.document.path, ledger, a.document)) for a, ledger in items]


@dataclass
class IndexWriter:
    """In this process: the rows of each partition, one transaction each, in order."""

    location: str
    store: Store | None = None
    documents: int = 0
    seconds: float = 0.0
    started: float = field(default_factory=time.perf_counter)

    def open(self) -> None:
        self.store = open_archive_index(self.location)

    def take(self, index: int, payloads: dict[str, Any]) -> None:
        rows: list[DocRows] = payloads.get(ROWS) or []
        if rows and self.store is not None:
            t0 = time.perf_counter()
            self.store.write(rows, rerank=False)
            self.seconds += time.perf_counter() - t0
            self.documents += len(rows)

    def finish(self) -> list[str]:
        if self.store is None:
            return []
        t0 = time.perf_counter()
        self.store.write(rerank=True)  # ranks in path order, once
        self.store.close()
        self.seconds += time.perf_counter() - t0
        took = f"{self.seconds:.1f} s"
        return [f"index: {documents(self.documents)} written in {took}: {self.location}"]

    def abort(self) -> None:
        if self.store is not None:
            self.store.close()


@dataclass
class Loaded:
    documents: int = 0
    claims: int = 0
    seconds: float = 0.0

    def line(self, where: str) -> str:
        return (
            f"index: {documents(self.documents)} ({self.claims:,} {plural(self.claims, 'claim')}) "
            "loaded from the "
            f"claims table in {self.seconds:.1f} s: {where}"
        )


def load_table(table_path: str, location: str) -> Loaded:
    """Fill the index at ``location`` from a claims table (``extract --out X.parquet``)."""
    from claimcheck.corpus import table

    started = time.perf_counter()
    done = Loaded()
    store = open_archive_index(location)
    try:
        batch: list[DocRows] = []
        for _, ledger in table.read(table_path):
            batch.append(doc_rows(ledger.document.path, ledger, None))
            done.documents += 1
            done.claims += len(ledger.claims)
            if len(batch) >= BATCH:
                store.write(batch, rerank=False)
                batch = []
        store.write(batch, rerank=True)
    finally:
        store.close()
    done.seconds = time.perf_counter() - started
    return done
