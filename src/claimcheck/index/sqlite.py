"""The embedded index: one SQLite file (standard library, no server).

WAL journal: readers go on while a writer commits, each in its own snapshot.
``synchronous=NORMAL``: in WAL mode a crash can lose the last transactions but
never corrupt the file, and the next ``claimcheck index`` redoes what was lost.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.index.store import REBUILD, Store

# The first 16 bytes of every SQLite 3 file.
_MAGIC = b"SQLite format 3\x00"


class SqliteStore(Store):
    placeholder = "?"

    def begin_write(self) -> None:
        if self.conn.in_transaction:
            self.conn.rollback()
        self.conn.execute("BEGIN IMMEDIATE")

    def begin_read(self) -> None:
        if self.conn.in_transaction:
            self.conn.rollback()
        self.conn.execute("BEGIN")
        # A deferred transaction takes its snapshot at the first read: take it now.
        self.conn.execute("SELECT 1 FROM meta LIMIT 1").fetchall()

    def has_table(self, name: str) -> bool:
        return bool(
            self.run("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,))
        )


def connect(location: str, *, create: bool = False) -> SqliteStore:
    path = Path(location)
    if path.is_dir():
        raise InputError("is a folder, not an index file", path=location, hint=f"run: {REBUILD}")
    if not path.exists() and not create:
        raise InputError("no index here", path=location, hint="build it: claimcheck index")
    if path.exists() and path.stat().st_size:
        with path.open("rb") as fh:
            if fh.read(16) != _MAGIC:
                raise InputError(
                    "is not a claimcheck index (not an SQLite file)",
                    path=location,
                    hint=f"move it away or rebuild it: {REBUILD}",
                )
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(location, isolation_level=None, timeout=60, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA cache_size=-65536")  # 64 MiB of pages
    except sqlite3.DatabaseError as exc:
        raise InputError(
            f"cannot open the index ({exc})", path=location, hint=f"rebuild it: {REBUILD}"
        ) from None
    return SqliteStore(conn, location)
