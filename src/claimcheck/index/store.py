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
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import PurePosixPath
from typing import Any, NamedTuple

from claimcheck.errors import InputError
from claimcheck.index import schema
from claimcheck.index.manifest import Manifest
from claimcheck.index.packed import unpack
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
_CORPUS = "corpus"  # the manifest row of the folder's documents
_SHAS = "sha256"  # the manifest row of every document's sha256, sorted, packed
_HEX = re.compile("[0-9a-f]{64}")
_CHUNK = 900  # bound parameters per statement (SQLite's limit is 32766; stay far below)
# A build writes its postings a part at a time: this many postings (~4,000 news
# articles, ~100 MB to sort) make a part.
PART = 1 << 22
# A write merges the parts written by updates (every key's into one, dead ids
# dropped) when there are more than this many (a lookup reads every part of a
# key), and rewrites every part when dead ids are more than half the live ones
# (and not few).
COMPACT_PARTS = 16
_DEAD_FLOOR = 1 << 18


class DocState(NamedTuple):
    """A document as indexed (a tuple: ~100,000 of them are made by every verify)."""

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
        # (first unit id, flat postings) of the documents written since the last part
        self._pending: list[tuple[int, array[int]]] = []
        self._pending_size = 0
        # The ``meta`` token as this process last left it (``expect``), None once another
        # writer may have written: a manifest is written only while it holds.
        self._chain: str | None = None
        self._manifest_table: bool | None = None
        self.written: dict[str, int] = {}  # path -> document id of the rows written
        # A write of this process gave documents new ranks (after an interrupted build):
        # rows a reader reads changed with no document added, changed or removed.
        self.reranked = False
        # (sha256, claims) of the documents deleted and inserted in this transaction
        self._delta: tuple[list[tuple[str, int]], list[tuple[str, int]]] = ([], [])

    # ------------------------------------------------------------ backend hooks
    def begin_write(self) -> None:
        raise NotImplementedError

    def begin_read(self) -> None:
        raise NotImplementedError

    def has_table(self, name: str) -> bool:
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

    def add_df(self, counts: Sequence[tuple[int, int, int]]) -> None:
        """(kind, key, n) added to each key's count."""
        self.many(
            "INSERT INTO df (kind, key, n) VALUES (?, ?, ?) "
            "ON CONFLICT (kind, key) DO UPDATE SET n = df.n + excluded.n",
            counts,
        )

    def stream(self, text: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """The rows of a query without holding them all (a compaction reads every part)."""
        cur = self.conn.cursor()
        cur.execute(self.sql(text), params)
        while rows := cur.fetchmany(4096):
            yield from rows
        cur.close()

    def create_merged(self) -> None:
        self.run(
            "CREATE TEMP TABLE post_merged (kind INTEGER, key INTEGER, part INTEGER, ids BLOB)"
        )

    def counter(self, name: str) -> int:
        """A count kept in ``meta``: ``next_doc``, ``next_part``, ``base`` (the last part
        of the last build or full compaction), ``small`` (parts written since), ``live``
        and ``dead`` (postings of indexed documents, and of documents no longer)."""
        found = self.run("SELECT value FROM meta WHERE name = ?", (name,))
        return int(found[0][0]) if found else 0

    def set_counter(self, name: str, value: int) -> None:
        self.run(
            "INSERT INTO meta (name, value) VALUES (?, ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (name, str(value)),
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
            elif not self._has_manifest():
                self._create_manifest()
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
        for table in ("post", "df", "units", "entries", "docs", "meta", "manifest"):
            self.run(f"DROP TABLE IF EXISTS {table}")
        self.commit()
        self._manifest_table = None

    # ------------------------------------------------------------ writing
    def state(self) -> dict[str, DocState]:
        found = self._states()
        self.commit()
        return found

    def _states(self) -> dict[str, DocState]:
        rows = self.run(
            "SELECT path, doc, sha256, size, mtime_ns, ledger_size, ledger_mtime_ns FROM docs"
        )
        return {r[0]: DocState._make(r[1:]) for r in rows}

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
            intact = self._held()
            self._delta = ([], [])
            self._apply(put, drop, touch, staged=False)
            self._maybe_compact()
            if rerank:
                self._rerank()
            self._summarise(final=rerank)
            self._chain = self.token() if intact else None
            self.commit()
        except BaseException:
            self._forget()
            self._chain = None
            self.rollback()
            raise

    def _apply(
        self,
        put: Sequence[DocRows],
        drop: Sequence[str],
        touch: Sequence[tuple[str, int, int, int, int]],
        staged: bool,
    ) -> None:
        # Only the rows of the paths written: an update of one document reads one.
        paths = {*drop, *(r.path for r in put)}
        known = {
            path: (doc, rank, sha256, int(claims))
            for path, doc, rank, sha256, claims in self.select_in(
                "SELECT path, doc, rank, sha256, claims FROM docs WHERE {in}", "path", (), paths
            )
        }
        gone, added = self._delta
        for path in drop:
            if path in known:
                doc, _, sha256, claims = known.pop(path)
                gone.append((sha256, claims))
                self._delete(doc)
        # A path given twice: its last rows.
        for rows in {r.path: r for r in put}.values():
            old = known.pop(rows.path, None)
            if old is not None:
                # A new id (the old one's postings stay in their parts, dead), the
                # same rank (the same path): nothing to rerank.
                gone.append((old[2], old[3]))
                self._delete(old[0])
            added.append((rows.sha256, len(rows.claims)))
            doc = self._new_doc(rows.path, None if old is None else old[1])
            self.written[rows.path] = doc
            self._insert(doc, rows)
            flat = rows.flat()
            self._pending.append((unit_id(doc, 0), flat))
            self._pending_size += len(flat) // 3
        if not staged or self._pending_size >= PART:
            self._flush()
        self.many(
            "UPDATE docs SET size = ?, mtime_ns = ?, ledger_size = ?, ledger_mtime_ns = ? "
            "WHERE path = ?",
            [(s, m, ls, lm, p) for p, s, m, ls, lm in touch],
        )

    def _flush(self) -> None:
        """The postings of the documents inserted since the last flush, as one new part."""
        from claimcheck.index.packed import group

        rows, counts = group(self._pending)
        self._forget()
        if not rows:
            return
        part = self.counter("next_part")
        self.bulk("post", "kind, key, part, ids", [(k, key, part, ids) for k, key, ids in rows])
        self.add_df(counts)
        self.set_counter("next_part", part + 1)
        self.set_counter("live", self.counter("live") + sum(n for _, _, n in counts))
        if self._building:
            self.set_counter("base", part)  # a build's parts are large: never merged again
        else:
            self.set_counter("small", self.counter("small") + 1)

    def _forget(self) -> None:
        self._pending, self._pending_size = [], 0

    def _maybe_compact(self) -> None:
        """Merge the parts updates wrote when they pile up (a lookup reads every part
        of a key); rewrite every part when dead ids are more than half the live ones."""
        dead = self.counter("dead")
        if dead > _DEAD_FLOOR and dead * 2 > self.counter("live"):
            self.compact(everything=True)
        elif self.counter("small") > COMPACT_PARTS:
            self.compact(everything=False)

    def compact(self, everything: bool) -> None:
        """Every key's parts as one part, without dead ids: all parts, or only those
        written since the last full compaction or build (``base``), which are small.
        Inside the caller's transaction: a reader sees the parts before or after."""
        import numpy as np

        from claimcheck.index.packed import merge

        docs = [int(d) for (d,) in self.run("SELECT doc FROM docs")]
        alive = np.zeros(max([self.counter("next_doc"), *docs]) + 1, dtype=bool)
        alive[docs] = True
        since = -1 if everything else self.counter("base")
        part = self.counter("next_part")
        self.create_merged()
        out: list[tuple[int, int, int, bytes]] = []
        dropped = kept = 0
        head: tuple[int, int] | None = None
        blobs: list[bytes] = []

        def done() -> None:
            nonlocal dropped, kept
            if head is not None:
                merged, gone = merge(blobs, alive)
                dropped += gone
                kept += len(merged) // 8
                if merged:
                    out.append((*head, part, merged))

        rows: Iterable[tuple[Any, ...]]
        if everything:
            rows = self.stream("SELECT kind, key, part, ids FROM post ORDER BY kind, key, part")
        else:
            # Few rows, found by ``post_part`` and sorted here: with an ORDER BY, SQLite
            # would scan the whole table in key order instead.
            rows = sorted(
                self.run("SELECT kind, key, part, ids FROM post WHERE part > ?", (since,)),
                key=lambda r: (r[0], r[1], r[2]),
            )
        for kind, key, _, ids in rows:
            if (kind, key) != head:
                done()
                head, blobs = (kind, key), []
                if len(out) >= 4096:
                    self.bulk("post_merged", "kind, key, part, ids", out)
                    out = []
            blobs.append(bytes(ids))
        done()
        self.bulk("post_merged", "kind, key, part, ids", out)
        # Rewritten in the same table (not a new one renamed): a reader on a server
        # that has not touched ``post`` yet in its snapshot then still finds its rows.
        self.run("DELETE FROM post WHERE part > ?", (since,))
        self.run(
            "INSERT INTO post (kind, key, part, ids) SELECT kind, key, part, ids FROM post_merged"
        )
        self.run("DROP TABLE post_merged")
        self.set_counter("next_part", part + 1)
        self.set_counter("dead", 0 if everything else max(0, self.counter("dead") - dropped))
        # A merged part as large as a build's joins the large ones: merging it again
        # with every few updates would make adding many documents quadratic.
        if everything or kept >= PART:
            self.set_counter("base", part)
            self.set_counter("small", 0)
        else:
            self.set_counter("small", 1)

    # ------------------------------------------------------------ a build from empty
    _building = False

    def begin_build(self) -> None:
        """Start filling an empty index in one transaction.

        The postings are grouped into a part per ``PART`` postings (sorted by key,
        one row per key: ~140,000 rows for 4 million postings), written as each
        fills; one row per posting, sorted into a B-tree, cost ~5 µs each. One
        transaction: a build that stops leaves the index as it was, empty, and a
        reader sees nothing of it until it is whole.
        """
        self.begin_write()
        try:
            if self.run("SELECT 1 FROM docs LIMIT 1"):
                raise ValueError("begin_build needs an empty index")
            self._intact = self._held()
            self._delta = ([], [])
        except BaseException:
            self.rollback()
            raise
        self._building = True

    def finish_build(self) -> None:
        try:
            self._flush()
            self._rerank()
            self._summarise(final=True)
            self._chain = self.token() if self._intact else None
            self.commit()
        except BaseException:
            self._forget()
            self._chain = None
            self.rollback()
            raise
        finally:
            self._building = False

    def abort_build(self) -> None:
        if self._building:
            self._building = False
            self._forget()
            self._chain = None
            self.rollback()

    # ------------------------------------------------------------ the manifest
    _intact = False

    def token(self) -> str:
        """A digest of the ``meta`` rows: every write that adds or removes a document
        changes a counter or the summary there."""
        rows = [[str(n), str(v)] for n, v in self.run("SELECT name, value FROM meta")]
        return hashlib.sha256(json.dumps(sorted(rows)).encode()).hexdigest()[:32]

    def expect(self, token: str | None) -> None:
        """This process read the index at ``token``; its writes keep the chain."""
        self._chain = token
        self.written = {}

    def _held(self) -> bool:
        """Inside a write: nobody wrote since this process last did (or read). Any
        manifest is deleted: it is written again only by ``put_manifest``."""
        intact = self._chain is not None and self.token() == self._chain
        if self._has_manifest():
            self.run("DELETE FROM manifest WHERE name = ?", (_CORPUS,))
        return intact

    def _has_manifest(self) -> bool:
        if self._manifest_table is None:
            self._manifest_table = self.has_table("manifest")
        return self._manifest_table

    def _create_manifest(self) -> None:
        self.run(schema.tables(self.placeholder == "?")[-1])
        self._manifest_table = True

    def known(self) -> tuple[str, Manifest | None, dict[str, DocState] | None]:
        """In one snapshot: the ``meta`` token, and the manifest when it is current,
        else every document's state (an index written by another writer)."""
        self.begin_read()
        try:
            token = self.token()
            found = self.manifest(token)
            return token, found, None if found is not None else self._states()
        finally:
            self.commit()

    def manifest(self, token: str | None = None) -> Manifest | None:
        """The manifest, if it was written at this snapshot's ``meta`` (else None)."""
        if not self._has_manifest():
            return None
        rows = self.run(
            "SELECT token, scanned, paths, docs, stamps FROM manifest WHERE name = ?", (_CORPUS,)
        )
        if not rows or rows[0][0] != (token or self.token()):
            return None
        _, scanned, paths, docs, stamps = rows[0]
        return Manifest.unpack(paths, docs, stamps, scanned)

    def put_manifest(self, manifest: Manifest) -> bool:
        """Store ``manifest`` if nobody wrote since this process's last write or read
        (otherwise it may not be ``docs``: it is left out, and the next scan reads
        ``docs``)."""
        if self._chain is None:
            return False
        self.begin_write()
        try:
            if self.token() != self._chain:
                self._chain = None
                self.commit()
                return False
            if not self._has_manifest():
                self._create_manifest()
            self.run("DELETE FROM manifest WHERE name = ?", (_CORPUS,))
            self.run(
                "INSERT INTO manifest (name, token, scanned, paths, docs, stamps) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (_CORPUS, self._chain, manifest.scanned, *manifest.pack()),
            )
            self.commit()
        except BaseException:
            self.rollback()
            raise
        return True

    def doc_states(self, paths: Iterable[str]) -> dict[str, DocState]:
        rows = self.select_in(
            "SELECT path, doc, sha256, size, mtime_ns, ledger_size, ledger_mtime_ns FROM docs "
            "WHERE {in}",
            "path",
            (),
            paths,
        )
        return {r[0]: DocState._make(r[1:]) for r in rows}

    def add_ledgers(self, items: Iterable[tuple[str, Ledger, Document | None]]) -> None:
        """Add or replace documents from their ledgers, in one transaction.

        ``items`` are (path relative to the corpus folder, ledger, document or None);
        without the document only its claims are searched. Size and mtime are not
        known here, so the next ``claimcheck index`` re-hashes these files once.
        """
        self.write([doc_rows(path, ledger, document) for path, ledger, document in items])

    def _new_doc(self, path: str, rank: int | None = None) -> int:
        # Never an id used before: a removed document's ids may still be in parts.
        top = self.run("SELECT COALESCE(MAX(doc), 0) FROM docs")[0][0]
        doc = max(int(top) + 1, self.counter("next_doc"))
        self.set_counter("next_doc", doc + 1)
        self.run(
            "INSERT INTO docs (doc, rank, path, sha256, size, mtime_ns, ledger_size, "
            "ledger_mtime_ns, speakers, claims, stale) "
            "VALUES (?, ?, ?, '', 0, 0, 0, 0, '[]', 0, '')",
            (doc, -doc if rank is None else rank, path),
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

    def _delete(self, doc: int) -> None:
        """A document's rows and its share of the counts; its postings stay in their
        parts, dead (counted, so that a write compacts when they pile up)."""
        claims, units, texts = self.doc_rows(doc)
        counts = Counter((k, key) for k, key, _ in triples(flat_postings(claims, units, texts)))
        self.add_df([(k, key, -n) for (k, key), n in counts.items()])
        self.many("DELETE FROM df WHERE kind = ? AND key = ? AND n <= 0", list(counts))
        gone = sum(counts.values())
        self.set_counter("dead", self.counter("dead") + gone)
        self.set_counter("live", self.counter("live") - gone)
        lo, hi = entry_id(doc, 0, 0), entry_id(doc + 1, 0, 0)
        self.run("DELETE FROM entries WHERE id >= ? AND id < ?", (lo, hi))
        self.run(
            "DELETE FROM units WHERE id >= ? AND id < ?", (unit_id(doc, 0), unit_id(doc + 1, 0))
        )
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
        self.reranked = self.reranked or bool(changed)

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
        that stops half-way leaves none either (``info`` then counts).

        The fingerprint digests every document's sha256, sorted: reading and sorting
        them took ~0.15 s of every write at 100k documents. They are kept sorted as one
        row (``manifest``, name ``sha256``: 32 bytes each) beside the summary they make,
        and a write that finds that summary in ``meta`` applies its own deletions and
        insertions to them; any other (a write before the row was kept, or of another
        claimcheck, or a build's batches) counts from ``docs``."""
        old = self.run("SELECT value FROM meta WHERE name = ?", (_SUMMARY,))
        counted = self._counted(str(old[0][0])) if old and final else None
        self.run("DELETE FROM meta WHERE name = ?", (_SUMMARY,))
        if self._has_manifest():
            self.run("DELETE FROM manifest WHERE name = ?", (_SHAS,))
        if not final:
            return
        if counted is None:
            rows = self.run("SELECT sha256, claims FROM docs ORDER BY sha256")
            shas = sorted(str(r[0]) for r in rows)
            counted = _summary(shas, sum(int(r[1]) for r in rows))
        summary, packed = counted
        self.run("INSERT INTO meta (name, value) VALUES (?, ?)", (_SUMMARY, summary))
        if packed is not None:
            if not self._has_manifest():
                self._create_manifest()
            self.run(
                "INSERT INTO manifest (name, token, scanned, paths, docs, stamps) "
                "VALUES (?, ?, 0, ?, ?, ?)",
                (_SHAS, summary, packed, b"", b""),
            )

    def _counted(self, summary: str) -> tuple[str, bytes | None] | None:
        """The new summary from the sorted sha256s kept for ``summary`` and this
        transaction's changes; None when they are not kept for it."""
        if not self._has_manifest():
            return None
        found = self.run("SELECT token, paths FROM manifest WHERE name = ?", (_SHAS,))
        gone, added = self._delta
        if not found or found[0][0] != summary or not all(map(_is_hex, (*gone, *added))):
            return None
        packed = bytes(found[0][1])
        documents, claims, _ = json.loads(summary)
        for sha256, n in gone:
            key = bytes.fromhex(sha256)
            i = _find(packed, key)
            if packed[i : i + 32] != key:
                return None
            packed = packed[:i] + packed[i + 32 :]
            claims -= n
        for sha256, n in added:
            key = bytes.fromhex(sha256)
            i = _find(packed, key)
            packed = packed[:i] + key + packed[i:]
            claims += n
        if len(packed) != 32 * (documents - len(gone) + len(added)):
            return None
        return _summary(packed, claims)

    def _count(self) -> tuple[int, int, str]:
        rows = self.run("SELECT sha256, claims FROM docs ORDER BY sha256")
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

    def posts(self, kind: int, keys: Iterable[int]) -> list[tuple[int, array[int]]]:
        """(key, ids) of every part of the keys, dead ids included (the reader drops them)."""
        return [
            (key, unpack(bytes(ids)))
            for key, ids in self.select_in(
                "SELECT key, ids FROM post WHERE kind = ? AND {in}", "key", (kind,), keys
            )
        ]


def _find(packed: bytes, key: bytes) -> int:
    """Where ``key`` is (or goes) among sorted 32-byte records: a byte offset."""
    lo, hi = 0, len(packed) // 32
    while lo < hi:
        mid = (lo + hi) // 2
        if packed[32 * mid : 32 * mid + 32] < key:
            lo = mid + 1
        else:
            hi = mid
    return 32 * lo


def _is_hex(row: tuple[str, int]) -> bool:
    """A sha256 as ``hashlib`` spells it (the only kind kept packed)."""
    return len(row[0]) == 64 and _HEX.fullmatch(row[0]) is not None


def _summary(shas: list[str] | bytes, claims: int) -> tuple[str, bytes | None]:
    """The summary row of sorted sha256s (hex, or packed: 32 bytes each), and them
    packed (None if one is not hex as ``hashlib`` spells it: lowercase, 64 digits)."""
    packed: bytes | None = None
    if isinstance(shas, bytes):
        packed = shas
        text = shas.hex("\n", 32) if shas else ""  # the hex sha256s, one a line
        n = len(shas) // 32
    else:
        text, n = "\n".join(shas), len(shas)
        if set(map(len, shas)) <= {64}:
            joined = "".join(shas)
            try:
                packed = bytes.fromhex(joined)
            except ValueError:
                packed = None
            if packed is not None and packed.hex() != joined:  # upper case
                packed = None
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    return json.dumps((n, claims, digest)), packed


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
