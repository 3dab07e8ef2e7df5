"""The index's tables, the same on every backend (types differ only in spelling).

``post`` is the inverted index: one row per (kind, key, part), clustered on its
key, so a lookup is one range scan; ``ids`` is the part's ids of that key, sorted,
packed as little-endian 64-bit integers (``index.packed``). A build writes a part
per few million postings, an update one per transaction: one row per key and
part instead of one per posting is what lets a build write ten million postings
in seconds. A document removed or changed leaves its ids in the parts (it gets
a new id when changed): a reader drops ids whose document is not in ``docs``.
When updates' parts pile up, a write merges them (``post_part`` finds them), and
when dead ids are more than half, it rewrites every part. ``df`` keeps each
key's count of live postings, so a stop phrase is known to be one without
reading its postings. Entries and units
have ids that embed their document's id, so a document's rows are one id range.
A claim is stored whole (JSON: text, offsets, speaker, kind, form, verbatim and
any field a later schema adds, such as ``speaker_basis``); ``speaker`` and
``kind`` are columns as well, for queries.

Every verify reads every document's stamp (``docs_stamp`` holds them, so the
scan does not read the speakers), and every write the sorted sha256s of the
fingerprint (``docs_sha256``), every rank (``docs_rank``) and
the documents whose ledger was stale (``docs_stale``, partial): at 100k documents
a scan of ``docs`` itself is ~50 MB of pages. ``manifest`` is one row: every
document's path, id and stamp, packed (``index.manifest``), so that comparing a
folder with the index reads one row, not 100,000.
"""

from __future__ import annotations

FORMAT = "claimcheck-index"
# Raised when the tables or the keys change; an index of another version is rebuilt.
VERSION = "5"

# Not in the tables of version 5 at first: an index made before it gets the table at
# its next write (``Store.init``), and a reader that finds none reads ``docs``.
MANIFEST = """
CREATE TABLE IF NOT EXISTS manifest (
    name TEXT PRIMARY KEY, token TEXT NOT NULL, scanned BIGINT NOT NULL,
    paths {blob} NOT NULL, docs {blob} NOT NULL, stamps {blob} NOT NULL)
"""

_TABLES = (
    """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
    doc BIGINT PRIMARY KEY, rank BIGINT NOT NULL, path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL, size BIGINT NOT NULL, mtime_ns BIGINT NOT NULL,
    ledger_size BIGINT NOT NULL, ledger_mtime_ns BIGINT NOT NULL,
    speakers TEXT NOT NULL, claims BIGINT NOT NULL, stale TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS docs_stamp ON docs (
    path, size, mtime_ns, ledger_size, ledger_mtime_ns, doc, sha256);
CREATE INDEX IF NOT EXISTS docs_sha256 ON docs (sha256, claims);
CREATE INDEX IF NOT EXISTS docs_rank ON docs (rank, doc);
CREATE INDEX IF NOT EXISTS docs_stale ON docs (rank) WHERE stale <> '';
CREATE TABLE IF NOT EXISTS entries (
    id {rowid}, start_at BIGINT NOT NULL, end_at BIGINT NOT NULL,
    key TEXT NOT NULL, claim TEXT NOT NULL, speaker TEXT, kind TEXT NOT NULL,
    first_unit BIGINT NOT NULL, units BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS units (
    id {rowid}, entry BIGINT NOT NULL,
    lo INTEGER NOT NULL, hi INTEGER NOT NULL, cs INTEGER NOT NULL, ce INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS post (
    kind SMALLINT NOT NULL, key BIGINT NOT NULL, part BIGINT NOT NULL, ids {blob} NOT NULL,
    PRIMARY KEY (kind, key, part)){clustered};
CREATE INDEX IF NOT EXISTS post_part ON post (part);
CREATE TABLE IF NOT EXISTS df (
    kind SMALLINT NOT NULL, key BIGINT NOT NULL, n BIGINT NOT NULL,
    PRIMARY KEY (kind, key)){clustered};
"""
    + MANIFEST
)


def tables(sqlite: bool) -> list[str]:
    """The CREATE statements; SQLite clusters the posting tables on their key, and keys
    entries and units by their rowid (``INTEGER PRIMARY KEY``: one B-tree each, where a
    ``BIGINT`` key is a second one, an index beside the table, to fill at every insert)."""
    ddl = _TABLES.replace("{clustered}", " WITHOUT ROWID" if sqlite else "")
    ddl = ddl.replace("{rowid}", "INTEGER PRIMARY KEY" if sqlite else "BIGINT PRIMARY KEY")
    ddl = ddl.replace("{blob}", "BLOB" if sqlite else "BYTEA")
    return [s.strip() for s in ddl.split(";") if s.strip()]
