"""The shared index: the same tables on a PostgreSQL server.

Needs psycopg: ``pip install 'claimcheck-news[postgres]'``.

Every writer's CI job can query one corpus. Writers take one transaction per
batch of documents; a reader runs in one REPEATABLE READ, READ ONLY
transaction, so it sees one snapshot of the index from its first query to its
last, whatever commits meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from claimcheck.errors import InputError
from claimcheck.index.store import Store

# Writers serialise on this: two concurrent builds would both pick the same new ids.
_WRITE_LOCK = 0x636C6169  # "clai"


class PostgresStore(Store):
    placeholder = "%s"

    def begin_write(self) -> None:
        self.conn.rollback()
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))

    def begin_read(self) -> None:
        self.conn.rollback()
        self.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        self.conn.execute("SELECT 1 FROM meta LIMIT 1").fetchall()

    def has_table(self, name: str) -> bool:
        return self.run("SELECT to_regclass(?)", (name,))[0][0] is not None

    def select_in(
        self, text: str, column: str, params: Sequence[Any], values: Iterable[Any]
    ) -> list[tuple[Any, ...]]:
        values = list(values)
        if not values:
            return []
        return self.run(text.replace("{in}", f"{column} = ANY(?)"), [*params, values])

    def bulk(self, table: str, columns: str, rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        with self.conn.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def stream(self, text: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        # A server-side cursor: the rows come in batches, not all into this process.
        with self.conn.cursor(name="claimcheck_stream") as cur:
            cur.itersize = 4096
            cur.execute(self.sql(text), params)
            yield from cur

    def create_merged(self) -> None:
        self.run(
            "CREATE TEMP TABLE post_merged (kind SMALLINT, key BIGINT, part BIGINT, ids BYTEA)"
        )

    def add_df(self, counts: Sequence[tuple[int, int, int]]) -> None:
        if not counts:
            return
        with self.conn.cursor() as cur:
            cur.execute(
                "CREATE TEMP TABLE IF NOT EXISTS df_delta "
                "(kind SMALLINT, key BIGINT, n BIGINT) ON COMMIT DELETE ROWS"
            )
            cur.execute("TRUNCATE df_delta")
            with cur.copy("COPY df_delta (kind, key, n) FROM STDIN") as copy:
                for row in counts:
                    copy.write_row(row)
            cur.execute(
                "INSERT INTO df (kind, key, n) SELECT kind, key, n FROM df_delta "
                "ON CONFLICT (kind, key) DO UPDATE SET n = df.n + excluded.n"
            )


def connect(location: str, *, create: bool = False) -> PostgresStore:
    try:
        import psycopg
    except ImportError:
        raise InputError(
            "a PostgreSQL index needs psycopg",
            path=location,
            hint="pip install 'claimcheck-news[postgres]'",
        ) from None
    try:
        conn = psycopg.connect(location, autocommit=False)
    except psycopg.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"cannot connect to the index ({first})", path=_safe(location)) from None
    return PostgresStore(conn, _safe(location))


def _safe(location: str) -> str:
    """The URL without its password, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(location)
    if parts.password is None:
        return location
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))
