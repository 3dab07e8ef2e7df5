"""Archive extraction: one process against a two-worker LocalCluster, in one run.

    python benchmarks/bench_archive.py [--copies 2] [--repeats 3] [--workers 2]

Builds a JSON Lines archive from the Wikinews articles (``--copies`` times
over, each copy its own ids), then, in turns (one process, cluster, one
process, cluster, ...) so that the machine's drift hits both alike:

- **articles/s** of ``--engine local`` and of ``--engine dask`` on a
  LocalCluster of ``--workers`` processes started once beforehand (its
  start-up is timed apart), both writing a folder of Parquet parts;
- **overhead per partition**: the cluster run again with the archive cut
  into few and many partitions; the slope of wall time against the number of
  partitions is what one more partition costs (scheduling, moving the task
  and its result, opening the file, writing a part); and the bare round trip
  of an empty task, the scheduler's floor;
- **into the index** (SQLite, and PostgreSQL with ``--postgres``): the rows
  made on the workers and written here (``--index``), the workers writing
  through ``Store.add_ledgers`` themselves, and the claims table loaded
  afterwards (``claimcheck index --table``);
- what the plan for 100 million articles needs: claims per article, bytes of
  the claims table per claim, the planning scan's MB/s, reading the table
  back (rows/s).

Medians of ``--repeats`` runs. The machine is shared: the load average is
printed before and after, and the ratio cluster/one-process within a turn is
the figure to trust, not the absolute speeds.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimcheck.corpus import bulk, engines, table
from claimcheck.loaders import archive_plan
from claimcheck.loaders.archive import Columns

DEFAULT = Path(__file__).resolve().parents[2] / "shared/corpora/wikinews/wikinews_2019_2020.jsonl"


def _noop(x: int) -> int:
    return x


def build(source: Path, copies: int, folder: Path) -> tuple[Path, int, int]:
    rows = [json.loads(line) for line in source.read_text("utf-8").splitlines()]
    path = folder / "archive.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for copy in range(copies):
            for n, row in enumerate(rows, 1):
                fh.write(json.dumps({"id": f"{copy}-{n}", **row}, ensure_ascii=False) + "\n")
    return path, copies * len(rows), path.stat().st_size


def timed_run(
    archive: Path, size: int, out: Path, client: Any = None
) -> tuple[float, bulk.Outcome]:
    plan = bulk.plan_inputs([str(archive)], Columns(), size)
    options = bulk.Options(out=f"{out}/", client=client)
    t0 = time.perf_counter()
    outcome = bulk.run(plan.parts, options, lambda _: None, lambda _: None)
    return time.perf_counter() - t0, outcome


def slope(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Least-squares line y = a + b x: (a, b)."""
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )
    return my - b * mx, b


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--jsonl", type=Path, default=DEFAULT)
    ap.add_argument("--copies", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partition-size", default="256KB")
    ap.add_argument("--postgres", action="store_true", help="also a real server (tests/pgserver)")
    ap.add_argument("--index-only", action="store_true", help="only the ways into the index")
    ap.add_argument("--index-repeats", type=int, default=1)
    args = ap.parse_args()
    size = archive_plan.parse_size(args.partition_size)
    print(f"load average before: {load()}  ({os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        archive, articles, nbytes = build(args.jsonl, args.copies, folder)
        plan = archive_plan.plan([str(archive)], Columns(), size)
        big = folder / "big.jsonl"  # 40 copies: the scan's speed, not its start-up
        big.write_bytes(archive.read_bytes() * 40)
        t0 = time.perf_counter()
        archive_plan.plan([str(big)], Columns(), 8 * 2**20)
        scan = time.perf_counter() - t0
        big.unlink()
        print(
            f"archive: {articles} articles, {nbytes / 1e6:.2f} MB, {len(plan.parts)} partitions "
            f"of {args.partition_size}; planning scan {40 * nbytes / 1e6 / scan:.0f} MB/s"
        )
        t0 = time.perf_counter()
        with engines.dask_client(None, args.workers) as client:
            startup = time.perf_counter() - t0
            print(f"LocalCluster of {args.workers} workers: started and warmed in {startup:.1f} s")
            if args.index_only:
                index_runs(archive, size, folder, client, args.postgres, args.index_repeats)
                return
            local, dask, ratios = [], [], []
            outcome = None
            for r in range(args.repeats):
                t_local, outcome = timed_run(archive, size, folder / f"l{r}.parquet")
                t_dask, _ = timed_run(archive, size, folder / f"d{r}.parquet", client)
                local.append(articles / t_local)
                dask.append(articles / t_dask)
                ratios.append(t_local / t_dask)
            assert outcome is not None
            one, two = statistics.median(local), statistics.median(dask)
            print(f"one process:      {one:6.1f} articles/s  (runs: {_fmt(local)})")
            print(f"{args.workers} workers:        {two:6.1f} articles/s  (runs: {_fmt(dask)})")
            print(f"speed-up, paired: {statistics.median(ratios):.2f}x  (runs: {_fmt(ratios)})")

            # Overhead per partition: the same archive in few and many partitions.
            sizes = [max(nbytes // n, 1) for n in (4, 16, 64, 160)]
            xs: list[float] = []
            ys: list[float] = []
            for r in range(args.repeats):
                for s in sizes:
                    t, o = timed_run(archive, s, folder / f"p{r}-{s}.parquet", client)
                    xs.append(o.parts)
                    ys.append(t)
            a, b = slope(xs, ys)
            t0 = time.perf_counter()
            client.gather(client.map(_noop, range(500), pure=False))
            floor = (time.perf_counter() - t0) / 500
            print(
                f"overhead per partition: {b * 1000:.1f} ms (fit over {sorted(set(xs))} "
                f"partitions; fixed part {a:.2f} s); an empty task's round trip "
                f"{floor * 1000:.1f} ms"
            )
            per_article = nbytes / articles
            work = nbytes / len(plan.parts) / per_article / one  # one part's seconds
            work8 = 8 * 2**20 / per_article / one  # at the default --partition-size
            print(
                f"a {args.partition_size} partition is {work:.2f} s of one worker's work, "
                f"the overhead {b / work * 100:.1f}% of it; an 8MB one {work8:.0f} s, "
                f"{b / work8 * 100:.2f}%"
            )
            for w in (2, 8, 32, 128):
                rate = w * one * work8 / (work8 + b)
                print(f"  projected, {w:3d} workers on cores of their own, 8MB: {rate:8.0f} art/s")

            index_runs(archive, size, folder, client, args.postgres, args.index_repeats)

        parts = folder / "l0.parquet"
        tbytes = sum(p.stat().st_size for p in parts.iterdir())
        t0 = time.perf_counter()
        read_rows = sum(len(ledger.claims) for _, ledger in table.read(str(parts)))
        read_s = time.perf_counter() - t0
        print(
            f"claims: {outcome.claims} ({outcome.claims / articles:.1f} per article); table "
            f"{tbytes / 1e6:.2f} MB zstd = {tbytes / outcome.claims:.0f} bytes per claim, "
            f"{tbytes / nbytes * 100:.0f}% of the archive; read back as ledgers at "
            f"{read_rows / read_s:,.0f} claims/s"
        )
    print(f"load average after: {load()}")


@dataclass(frozen=True)
class DirectSink:
    """Each worker writes its partition through the index's write API itself."""

    location: str
    name: str = "direct"

    def write(self, index: int, items: list[Any]) -> None:
        from claimcheck.index.store import open_store

        store = open_store(self.location)
        store.add_ledgers([(a.document.path, ledger, a.document) for a, ledger in items])
        store.close()


def index_runs(
    archive: Path, size: int, folder: Path, client: Any, postgres: bool, repeats: int
) -> None:
    from claimcheck.index.archive import IndexWriter, RowsSink, load_table, open_archive_index

    def fresh(kind: str, n: str) -> str:
        if kind == "sqlite":
            for f in folder.glob(f"{n}.sqlite*"):
                f.unlink()
            return str(folder / f"{n}.sqlite")
        store = open_archive_index(url)
        store.drop_all()
        store.close()
        return url

    def ways(location: str) -> dict[str, float]:
        plan = bulk.plan_inputs([str(archive)], Columns(), size)
        out: dict[str, float] = {}
        for name, options in (
            (
                "rows on the workers, one writer here",
                lambda loc: bulk.Options(
                    client=client, sinks=(RowsSink(),), receivers=(IndexWriter(loc),), quiet=True
                ),
            ),
            (
                "each worker writes (add_ledgers)",
                lambda loc: bulk.Options(client=client, sinks=(DirectSink(loc),), quiet=True),
            ),
        ):
            loc = fresh(kind, name[:4])
            open_archive_index(loc).close()
            t0 = time.perf_counter()
            bulk.run(plan.parts, options(loc), lambda _: None, lambda _: None)
            out[name] = time.perf_counter() - t0
        loc = fresh(kind, "table")
        t0 = time.perf_counter()
        bulk.run(
            plan.parts,
            bulk.Options(client=client, out=f"{folder}/t.parquet/"),
            lambda _: None,
            lambda _: None,
        )
        t1 = time.perf_counter()
        load_table(f"{folder}/t.parquet/", loc)
        out["claims table, then index --table"] = time.perf_counter() - t0
        out["  of which the load"] = time.perf_counter() - t1
        return out

    kinds = ["sqlite"] + (["postgresql"] if postgres else [])
    url = ""
    for kind in kinds:
        with contextlib.ExitStack() as stack:
            if kind == "postgresql":
                sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
                from pgserver import server

                url = stack.enter_context(server())
            runs = [ways(fresh(kind, "x")) for _ in range(repeats)]
        for name in runs[0]:
            t = statistics.median(r[name] for r in runs)
            print(f"index on {kind:10s} {name:38s} {t:6.2f} s")


def _fmt(values: list[float]) -> str:
    return ", ".join(f"{v:.1f}" if v >= 10 else f"{v:.2f}" for v in values)


if __name__ == "__main__":
    main()
