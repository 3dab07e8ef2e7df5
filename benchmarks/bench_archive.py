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
- what the plan for 100 million articles needs: claims per article, bytes of
  the claims table per claim, the planning scan's MB/s, reading the table
  back (rows/s).

Medians of ``--repeats`` runs. The machine is shared: the load average is
printed before and after, and the ratio cluster/one-process within a turn is
the figure to trust, not the absolute speeds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
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
    args = ap.parse_args()
    size = archive_plan.parse_size(args.partition_size)
    print(f"load average before: {load()}  ({os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        archive, articles, nbytes = build(args.jsonl, args.copies, folder)
        t0 = time.perf_counter()
        plan = archive_plan.plan([str(archive)], Columns(), size)
        scan = time.perf_counter() - t0
        print(
            f"archive: {articles} articles, {nbytes / 1e6:.2f} MB, {len(plan.parts)} partitions "
            f"of {args.partition_size}; planning scan {nbytes / 1e6 / scan:.0f} MB/s"
        )
        t0 = time.perf_counter()
        with engines.dask_client(None, args.workers) as client:
            startup = time.perf_counter() - t0
            print(f"LocalCluster of {args.workers} workers: started and warmed in {startup:.1f} s")
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


def _fmt(values: list[float]) -> str:
    return ", ".join(f"{v:.1f}" if v >= 10 else f"{v:.2f}" for v in values)


if __name__ == "__main__":
    main()
