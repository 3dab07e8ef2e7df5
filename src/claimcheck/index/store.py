"""A connection to an index: the same tables and queries on SQLite and PostgreSQL.

``open_store(location)`` opens a file (SQLite, the default: no server) or a
``postgresql://`` URL (a shared index on a server). Writes happen in
transactions, one per batch of documents, so a reader sees a document's old rows
or its new ones, never a mix, and an interrupted build leaves every document it
had not reached as it was. A reader holds one snapshot for its whole run.

``Store.add_ledgers`` is the write path for other producers (extraction on a
cluster): documents' ledgers (and, for full-document search, their text) in one
transaction.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from claimcheck.errors import InputError
from claimcheck.index import schema
from claimcheck.index.rows import (
    CLAIMS,
    LOCAL_BITS,
    PASSAGES,
    DocRows,
    EntryRow,
    UnitRow,
    doc_rows,
    flat_postings,
    triples,
)
from claimcheck.loaders.documents import Document
from claimcheck.models import Ledger

REBUILD = "claimcheck index --rebuild"
_SUMMARY = "summary"  # the meta row of the corpus's counts and fingerprint
_CHUNK = 900  # bound parameters per statement (SQLite's limit is 32766; stay far below)


@dataclass(frozen=True)
class DocState:
    doc: int
    sha256: str
    size: int
    mtime_ns: int
    ledger_size: int
    ledger_mtime_ns: int

    @property
    def stamp(self) -> tuple[int, int, int, int]:
        """What a document's sources were when indexed: size, mtime, and its ledger's."""
        return self.size, self.mtime_ns, self.ledger_size, self.ledger_mtime_ns


def entry_id(doc: int, layer: int, local: int) -> int:
    return (doc << (LOCAL_BITS + 1)) | (layer << LOCAL_BITS) | local


def unit_id(doc: int, local: int) -> int:
    return (doc << LOCAL_BITS) | local


def order_key(path: str) -> tuple[str, ...]:
    """The order of ``corpus.gather`` (paths compared part by part), hence of the
    index in memory: ties between equal matches are broken by it."""
    return PurePosixPath(path).parts


class Store:
    """An open index. Subclasses say how to connect and how a backend spells things."""

    location: str
    placeholder = "?"

    def __init__(self, conn: Any, location: str) -> None:
        self.conn = conn
        self.location = location

    # ------------------------------------------------------------ backend hooks
    def begin_write(self) -> None:
        raise NotImplementedError

    def begin_read(self) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        self.conn.commit()

    def rollback(self) -> None:
        self.conn.rollback()

    def close(self) -> None:
        self.conn.close()

    def sql(self, text: str) -> str:
        return text if self.placeholder == "?" else text.replace("?", "%s")

    def run(self, text: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cur = self.conn.cursor()
        cur.execute(self.sql(text), params)
        rows = cur.fetchall() if cur.description else []
        cur.close()
        return list(rows)

    def many(self, text: str, rows: Iterable[Sequence[Any]]) -> None:
        cur = self.conn.cursor()
        cur.executemany(self.sql(text), list(rows))
        cur.close()

    def select_in(
        self, text: str, column: str, params: Sequence[Any], values: Iterable[Any]
    ) -> list[tuple[Any, ...]]:
        """``text`` with ``{in}`` replaced by "column IN (…)", chunked."""
        values = list(values)
        out: list[tuple[Any, ...]] = []
        for i in range(0, len(values), _CHUNK):
            part = values[i : i + _CHUNK]
            clause = f"{column} IN ({','.join('?' * len(part))})"
            out.extend(self.run(text.replace("{in}", clause), [*params, *part]))
        return out

    def bulk(self, table: str, columns: str, rows: list[tuple[Any, ...]]) -> None:
        marks = ",".join("?" * (columns.count(",") + 1))
        self.many(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)

    def add_df(self, counts: Counter[tuple[int, int]]) -> None:
        self.many(
            "INSERT INTO df (kind, key, n) VALUES (?, ?, ?) "
            "ON CONFLICT (kind, key) DO UPDATE SET n = df.n + excluded.n",
            [(k, key, n) for (k, key), n in counts.items()],
        )

    def create_tables(self) -> None:
        for statement in schema.tables(self.placeholder == "?"):
            self.run(statement)

    # ------------------------------------------------------------ format
    def init(self) -> None:
        """Create the tables of an empty index (or check those of an existing one)."""
        self.begin_write()
        try:
            have = self._meta()
            if have is None:
                self.create_tables()
                self.many(
                    "INSERT INTO meta (name, value) VALUES (?, ?)",
                    [("format", schema.FORMAT), ("version", schema.VERSION)],
                )
            self.commit()
        except BaseException:
            self.rollback()
            raise
        self.check()

    def _meta(self) -> dict[str, str] | None:
        try:
            return dict(self.run("SELECT name, value FROM meta"))
        except Exception:  # no table: an empty database
            self.rollback()
            self.begin_write()
            return None

    def check(self) -> None:
        """An index of this format and version, or a clear error naming the rebuild."""
        try:
            meta = dict(self.run("SELECT name, value FROM meta"))
        except Exception as exc:
            self.rollback()
            raise InputError(
                f"is not a claimcheck index ({type(exc).__name__}: {exc})".strip(),
                path=self.location,
                hint=f"rebuild it: {REBUILD}",
            ) from None
        if meta.get("format") != schema.FORMAT:
            raise InputError(
                "is not a claimcheck index", path=self.location, hint=f"rebuild it: {REBUILD}"
            )
        if meta.get("version") != schema.VERSION:
            raise InputError(
                f"is an index of version {meta.get('version')}, this claimcheck reads "
                f"version {schema.VERSION}",
                path=self.location,
                hint=f"rebuild it: {REBUILD}",
            )
        self.commit()

    def drop_all(self) -> None:
        """Remove every table of the index (``--rebuild`` on a server)."""
        self.begin_write()
        for table in ("post", "df", "units", "entries", "docs", "meta"):
            self.run(f"DROP TABLE IF EXISTS {table}")
        self.commit()

    # ------------------------------------------------------------ writing
    def state(self) -> dict[str, DocState]:
        rows = self.run(
            "SELECT path, doc, sha256, size, mtime_ns, ledger_size, ledger_mtime_ns FROM docs"
        )
        self.commit()
        return {r[0]: DocState(*r[1:]) for r in rows}

    def write(
        self,
        put: Sequence[DocRows] = (),
        drop: Sequence[str] = (),
        touch: Sequence[tuple[str, int, int, int, int]] = (),
        *,
        rerank: bool = True,
    ) -> None:
        """One transaction: documents replaced or added, dropped, or only re-stamped.

        A new document's rank (its place in path order) is set by ``rerank``; a
        build of many batches reranks once, in its last one. Nothing to write
        (verify of a corpus that did not change) takes no write lock. Between
        ``begin_build`` and ``finish_build`` every write joins the build's one
        transaction.
        """
        if self._building:
            self._apply(put, drop, touch, staged=True)
            return
        if not (put or drop or touch) and not (rerank and self._needs_rerank()):
            return
        self.begin_write()
        try:
            self._apply(put, drop, touch, staged=False)
            if rerank:
                self._rerank()
            self._summarise(final=rerank)
            self.commit()
        except BaseException:
            self.rollback()
            raise

    def _apply(
        self,
        put: Sequence[DocRows],
        drop: Sequence[str],
        touch: Sequence[tuple[str, int, int, int, int]],
        staged: bool,
    ) -> None:
        known = {path: doc for path, doc in self.run("SELECT path, doc FROM docs")}
        for path in drop:
            if path in known:
                self._delete(known.pop(path))
        posts: list[tuple[int, int, int]] = []
        # A path given twice: its last rows (the postings are written after the loop).
        for rows in {r.path: r for r in put}.values():
            doc = known.get(rows.path)
            if doc is not None:
                self._delete(doc, keep_row=True)
            else:
                doc = self._new_doc(rows.path)
                known[rows.path] = doc
            self._insert(doc, rows)
            if staged:
                self.stage(unit_id(doc, 0), triples(rows.flat()))
            else:
                base = unit_id(doc, 0)
                posts.extend([(k, key, base | local) for k, key, local in triples(rows.flat())])
        # The batch's postings in one statement, and one count update per key
        # (common words are shared by most documents of a batch). Sorted: a
        # B-tree takes rows in key order with far fewer pages touched.
        posts.sort()
        self.bulk("post", "kind, key, id", posts)
        self.add_df(Counter((k, key) for k, key, _ in posts))
        self.many(
            "UPDATE docs SET size = ?, mtime_ns = ?, ledger_size = ?, ledger_mtime_ns = ? "
            "WHERE path = ?",
            [(s, m, ls, lm, p) for p, s, m, ls, lm in touch],
        )

    # ------------------------------------------------------------ a build from empty
    _building = False

    def begin_build(self) -> None:
        """Start filling an empty index in one transaction.

        The postings (10 million at 10k articles) go unsorted into a staging table
        and are sorted into ``post`` once at the end, their counts into ``df`` by
        one grouping: inserted batch by batch they went to random places of a
        B-tree larger than the cache (~6 µs a row), and every batch upserted the
        counts of its keys. One transaction: a build that stops leaves the index
        as it was, empty, and a reader sees nothing of it until it is whole.
        """
        self.begin_write()
        try:
            if self.run("SELECT 1 FROM docs LIMIT 1"):
                raise ValueError("begin_build needs an empty index")
            self.create_staging()
        except BaseException:
            self.rollback()
            raise
        self._building = True

    def finish_build(self) -> None:
        try:
            self.run(
                "INSERT INTO post (kind, key, id) SELECT kind, key, id FROM post_load "
                "ORDER BY kind, key, id"
            )
            self.run(
                "INSERT INTO df (kind, key, n) "
                "SELECT kind, key, COUNT(*) FROM post GROUP BY kind, key"
            )
            self.run("DROP TABLE post_load")
            self._rerank()
            self._summarise(final=True)
            self.commit()
        except BaseException:
            self.rollback()
            raise
        finally:
            self._building = False

    def abort_build(self) -> None:
        if self._building:
            self._building = False
            self.rollback()

    def create_staging(self) -> None:
        self.run("CREATE TEMP TABLE post_load (kind INTEGER, key INTEGER, id INTEGER)")

    def stage(self, base: int, postings: Iterable[tuple[int, int, int]]) -> None:
        """A document's postings (kind, key, local id) into the staging table; ``base``
        is its first unit id (an integer the store made, so safe in the statement)."""
        cur = self.conn.cursor()
        cur.executemany(
            f"INSERT INTO post_load (kind, key, id) VALUES (?, ?, ? + {int(base)})", postings
        )
        cur.close()

    def add_ledgers(self, items: Iterable[tuple[str, Ledger, Document | None]]) -> None:
        """Add or replace documents from their ledgers, in one transaction.

        ``items`` are (path relative to the corpus folder, ledger, document or None);
        without the document only its claims are searched. Size and mtime are not
        known here, so the next ``claimcheck index`` re-hashes these files once.
        """
        self.write([doc_rows(path, ledger, document) for path, ledger, document in items])

    def _new_doc(self, path: str) -> int:
        top = self.run("SELECT COALESCE(MAX(doc), 0) FROM docs")[0][0]
        doc = int(top) + 1
        self.run(
            "INSERT INTO docs (doc, rank, path, sha256, size, mtime_ns, ledger_size, "
            "ledger_mtime_ns, speakers, claims, stale) "
            "VALUES (?, ?, ?, '', 0, 0, 0, 0, '[]', 0, '')",
            (doc, -doc, path),
        )
        return doc

    def _insert(self, doc: int, rows: DocRows) -> None:
        """A document's row, entries and units (its postings are the caller's)."""
        self.run(
            "UPDATE docs SET sha256 = ?, size = ?, mtime_ns = ?, ledger_size = ?, "
            "ledger_mtime_ns = ?, speakers = ?, claims = ?, stale = ? WHERE doc = ?",
            (
                rows.sha256,
                rows.size,
                rows.mtime_ns,
                rows.ledger_size,
                rows.ledger_mtime_ns,
                rows.speakers,
                len(rows.claims),
                rows.stale,
                doc,
            ),
        )
        cols = "id, start_at, end_at, key, claim, speaker, kind, first_unit, units"
        entries = [_entry_tuple(entry_id(doc, CLAIMS, e.local), e) for e in rows.claims]
        entries += [_entry_tuple(entry_id(doc, PASSAGES, e.local), e) for e in rows.passages]
        self.bulk("entries", cols, entries)
        self.bulk(
            "units",
            "id, entry, lo, hi, cs, ce",
            [(unit_id(doc, u.local), u.entry, u.lo, u.hi, u.cs, u.ce) for u in rows.units],
        )

    def _delete(self, doc: int, keep_row: bool = False) -> None:
        claims, units, texts = self.doc_rows(doc)
        posts = [
            (k, key, unit_id(doc, local))
            for k, key, local in triples(flat_postings(claims, units, texts))
        ]
        self.many("DELETE FROM post WHERE kind = ? AND key = ? AND id = ?", posts)
        counts = Counter((k, key) for k, key, _ in posts)
        self.add_df(Counter({k: -n for k, n in counts.items()}))
        self.many("DELETE FROM df WHERE kind = ? AND key = ? AND n <= 0", list(counts))
        lo, hi = entry_id(doc, 0, 0), entry_id(doc + 1, 0, 0)
        self.run("DELETE FROM entries WHERE id >= ? AND id < ?", (lo, hi))
        self.run(
            "DELETE FROM units WHERE id >= ? AND id < ?", (unit_id(doc, 0), unit_id(doc + 1, 0))
        )
        if not keep_row:
            self.run("DELETE FROM docs WHERE doc = ?", (doc,))

    def _needs_rerank(self) -> bool:
        """A document has no rank yet (a build stopped before its last batch) or one was
        dropped."""
        found = bool(self.run("SELECT 1 FROM docs WHERE rank < 0 LIMIT 1")) or self._gaps()
        self.commit()
        return found

    def _rerank(self) -> None:
        """Ranks follow the paths' order, so ties break as in a fresh build."""
        if not self.run("SELECT 1 FROM docs WHERE rank < 0 LIMIT 1") and not self._gaps():
            return
        rows = self.run("SELECT doc, rank, path FROM docs")
        ordered = sorted(rows, key=lambda r: order_key(r[2]))
        changed = [(n, doc) for n, (doc, rank, _) in enumerate(ordered) if rank != n]
        self.many("UPDATE docs SET rank = ? WHERE doc = ?", changed)

    def _gaps(self) -> bool:
        """Ranks are not 0 … n-1 (a document was dropped)."""
        n, top = self.run("SELECT COUNT(*), COALESCE(MAX(rank), -1) FROM docs")[0]
        return bool(int(top) != int(n) - 1)

    # ------------------------------------------------------------ reading
    def doc_rows(self, doc: int) -> tuple[list[EntryRow], list[UnitRow], list[EntryRow]]:
        """A document's stored entries and units, as ``rows`` made them."""
        lo = entry_id(doc, 0, 0)
        claims: list[EntryRow] = []
        texts: list[EntryRow] = []
        for r in self.run(
            "SELECT id, start_at, end_at, key, claim, speaker, kind, first_unit, units "
            "FROM entries WHERE id >= ? AND id < ? ORDER BY id",
            (lo, entry_id(doc + 1, 0, 0)),
        ):
            local = (r[0] - lo) & ((1 << LOCAL_BITS) - 1)
            row = EntryRow(local, *r[1:])
            (texts if (r[0] - lo) >> LOCAL_BITS else claims).append(row)
        units = [
            UnitRow(r[0] - unit_id(doc, 0), *r[1:])
            for r in self.run(
                "SELECT id, entry, lo, hi, cs, ce FROM units WHERE id >= ? AND id < ? ORDER BY id",
                (unit_id(doc, 0), unit_id(doc + 1, 0)),
            )
        ]
        return claims, units, texts

    def _summarise(self, final: bool) -> None:
        """The corpus's counts and fingerprint in ``meta``, so a verify reads one row, not
        every document's; the batches of a build before its last leave none, so a build
        that stops half-way leaves none either (``info`` then counts)."""
        self.run("DELETE FROM meta WHERE name = ?", (_SUMMARY,))
        if final:
            self.run(
                "INSERT INTO meta (name, value) VALUES (?, ?)",
                (_SUMMARY, json.dumps(self._count())),
            )

    def _count(self) -> tuple[int, int, str]:
        rows = self.run("SELECT sha256, claims FROM docs")
        digest = hashlib.sha256("\n".join(sorted(r[0] for r in rows)).encode()).hexdigest()
        return len(rows), sum(int(r[1]) for r in rows), digest[:16]

    def info(self) -> tuple[int, int, str]:
        """Documents, claims in all, and the corpus fingerprint (a digest of every
        document's sha256, as the corpus in memory computes it)."""
        found = self.run("SELECT value FROM meta WHERE name = ?", (_SUMMARY,))
        if found:
            documents, claims, digest = json.loads(found[0][0])
            return int(documents), int(claims), str(digest)
        return self._count()

    def iter_posts(self, kind: int, keys: Iterable[int]) -> Iterator[tuple[int, int]]:
        yield from self.select_in(
            "SELECT key, id FROM post WHERE kind = ? AND {in}", "key", (kind,), keys
        )


def _entry_tuple(eid: int, e: EntryRow) -> tuple[Any, ...]:
    return (eid, e.start, e.end, e.key, e.claim, e.speaker, e.kind, e.first_unit, e.units)


def speakers_json(text: str) -> list[dict[str, Any]]:
    return list(json.loads(text))


def is_url(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


def open_store(location: str, *, create: bool = False) -> Store:
    """The index at ``location``: a file path (SQLite) or a ``postgresql://`` URL."""
    store: Store
    if is_url(location):
        from claimcheck.index import postgres

        store = postgres.connect(location, create=create)
    else:
        from claimcheck.index import sqlite

        store = sqlite.connect(location, create=create)
    if create:
        store.init()
    else:
        store.check()
    return store
