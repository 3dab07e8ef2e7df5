"""SQLite or DuckDB for the embedded index: the lookups of one verify, replayed on both.

    pip install duckdb        # for this measurement only: not a dependency
    PYTHONPATH=src python benchmarks/bench_duckdb.py benchmarks/data/news-10000

Needs the corpus and SQLite index that ``bench_cold.py`` leaves in that folder.
Every query verify asks of the SQLite index for the benchmark draft is
recorded (a real verify, answered from ``StoredCorpus``); the index's tables
are copied into a DuckDB file with the same schema and keys; then the recorded
queries are replayed on each, in turns, each time on a new connection (what a
new process does), and their answers compared.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

TABLES = ("meta", "docs", "entries", "units", "post", "df")


def record(base: Path, location: str) -> list[tuple[str, tuple[Any, ...]]]:
    from claimcheck.index.store import Store, open_store
    from claimcheck.verify import Settings, verify
    from claimcheck.verify.corpus import StoredCorpus

    asked: list[tuple[str, tuple[Any, ...]]] = []
    real = Store.run

    def run(self: Store, text: str, params: Any = ()) -> list[tuple[Any, ...]]:
        asked.append((self.sql(text), tuple(params)))
        return real(self, text, params)

    Store.run = run  # type: ignore[method-assign]
    try:
        corpus = StoredCorpus(open_store(location), str(base / "corpus"))
        verify([str(base / "draft.md")], corpus, Settings())
        corpus.close()
    finally:
        Store.run = real  # type: ignore[method-assign]
    return asked


def copy(location: str, target: Path) -> float:
    import duckdb
    import pyarrow as pa

    from claimcheck.index import schema

    if target.exists():
        target.unlink()
    t = time.perf_counter()
    src = sqlite3.connect(location)
    dst = duckdb.connect(str(target))
    for ddl in schema.tables(False):
        dst.execute(ddl)
    for table in TABLES:
        cur = src.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cur.description]
        while rows := cur.fetchmany(500_000):
            chunk = pa.table({n: [r[i] for r in rows] for i, n in enumerate(names)})  # noqa: F841
            dst.execute(f"INSERT INTO {table} SELECT * FROM chunk")
    dst.execute("CHECKPOINT")
    dst.close()
    return time.perf_counter() - t


def replay_sqlite(location: str, asked: list[tuple[str, tuple[Any, ...]]]) -> tuple[float, list]:  # type: ignore[type-arg]
    t = time.perf_counter()
    conn = sqlite3.connect(location)
    out = [sorted(conn.execute(q, p).fetchall()) for q, p in asked]
    conn.close()
    return time.perf_counter() - t, out


def replay_duckdb(target: Path, asked: list[tuple[str, tuple[Any, ...]]]) -> tuple[float, list]:  # type: ignore[type-arg]
    import duckdb

    t = time.perf_counter()
    conn = duckdb.connect(str(target), read_only=True)
    out = [sorted(conn.execute(q, list(p)).fetchall()) for q, p in asked]
    conn.close()
    return time.perf_counter() - t, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("folder", type=Path, help="a bench_cold corpus folder (news-N)")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    base: Path = args.folder
    location = str(base / "bench-index.sqlite")
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}", file=sys.stderr)
    asked = record(base, location)
    target = base / "bench-index.duckdb"
    copied = copy(location, target)
    lite, duck = [], []
    same = True
    for _ in range(args.runs):
        a, ra = replay_sqlite(location, asked)
        b, rb = replay_duckdb(target, asked)
        lite.append(a)
        duck.append(b)
        same = same and ra == rb
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}", file=sys.stderr)
    mb = 2**20
    print(f"{len(asked)} queries of one verify; DuckDB copy made in {copied:.0f} s")
    print("| store | file | the queries, new connection (median) | min–max | same answers |")
    print("|---|---:|---:|---:|---|")
    size = os.path.getsize(location) + (
        os.path.getsize(location + "-wal") if os.path.exists(location + "-wal") else 0
    )
    print(
        f"| SQLite | {size / mb:,.0f} MB | {statistics.median(lite) * 1000:,.0f} ms | "
        f"{min(lite) * 1000:,.0f}–{max(lite) * 1000:,.0f} ms | — |"
    )
    print(
        f"| DuckDB {__import__('duckdb').__version__} | {target.stat().st_size / mb:,.0f} MB | "
        f"{statistics.median(duck) * 1000:,.0f} ms | "
        f"{min(duck) * 1000:,.0f}–{max(duck) * 1000:,.0f} ms | {'yes' if same else 'NO'} |"
    )
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
