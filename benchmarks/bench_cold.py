"""Cold ``claimcheck verify`` as a CI job runs it: a new process, the persisted index or none.

    PYTHONPATH=src python benchmarks/bench_cold.py --sizes 1000 10000 [--postgres]

For each corpus size (``newsgen``: news articles made from Wikinews, extracted
once by ``claimcheck extract --out``), in one run:

- the index built from the written ledgers by ``claimcheck index`` (every core),
  its size, and an update after one article changed (the changed article is
  extracted again, as its ledger is stale) and after nothing changed (medians of
  ``--runs``, after an untimed verify has written the bytecode and pattern cache);
- ``claimcheck verify DRAFT`` (the 2,000-word benchmark draft, the real CLI, a
  new process each time) answered from the index, against the same command
  without an index (every ledger read and indexed at start), in turns so the
  machine's drift hits both; wall time and the child's peak RSS, medians;
- the two JSON reports, which must be byte-identical (exit 1 otherwise);
- the floor: ``python -c pass`` and ``claimcheck --version`` (start-up and the
  CLI's imports), which no verify can beat.

``--postgres`` does the same on a PostgreSQL server started for the run as
``tests/pgserver.py`` starts the test suite's (``initdb``, a Unix socket,
``fsync=off``). The load average is printed before and after: the figures are
only as quiet as the machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import newsgen

ROOT = newsgen.HERE.parent
BIN = Path(sys.executable).parent
SCRIPT = BIN / "claimcheck"  # the console script a user runs
CLI = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "claimcheck"]
# Bytecode written and read as on a user's machine: with PYTHONDONTWRITEBYTECODE set
# (as some sandboxes set it), every run compiles the ~100 modules of the project
# again (~0.1 s of a cold verify).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"CI": "1"}


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mb: float
    code: int


def child(cmd: list[str], cwd: Path) -> Run:
    """One new process: wall seconds, user+system seconds and peak RSS of it and its children."""
    with tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=err)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            err.seek(0)
            raise SystemExit(f"{' '.join(cmd)} exited {code}:\n{err.read().decode()[-2000:]}")
    return Run(wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, code)


def median(runs: list[Run]) -> Run:
    return Run(
        statistics.median(r.wall for r in runs),
        statistics.median(r.cpu for r in runs),
        statistics.median(r.rss_mb for r in runs),
        runs[-1].code,
    )


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def draft_for(claims: Path, base: Path) -> Path:
    from claimcheck.corpus.ledgers import read_ledger

    first = [read_ledger(p) for p in sorted(claims.glob("*.json"))[:1000]]
    path = base / "draft.md"
    shutil.copyfile(newsgen.draft_file(first), path)
    return path


def index_size(location: str) -> int:
    if location.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(location) as conn:
            row = conn.execute(
                "SELECT SUM(pg_total_relation_size(c)) FROM unnest(ARRAY"
                "['post','df','units','entries','docs','meta']) AS c"
            ).fetchone()
        return int(row[0]) if row else 0
    return sum(os.path.getsize(location + s) for s in ("", "-wal") if os.path.exists(location + s))


def discard(location: str) -> None:
    if location.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(location, autocommit=True) as conn:
            for table in ("post", "df", "units", "entries", "docs", "meta", "manifest"):
                conn.execute(f"DROP TABLE IF EXISTS {table}")
        return
    for s in ("", "-wal", "-shm"):
        if os.path.exists(location + s):
            os.unlink(location + s)


def measure(
    size: int, location: str, runs: int, base: Path, rebuild_too: bool
) -> dict[str, object]:
    """One backend at one size; ``rebuild_too``: the no-index runs as well (they do not
    depend on the backend, so they run with the first one only)."""
    ix = ["--corpus", "corpus", "--claims", "claims", "--index", location]
    discard(location)
    build = child([*CLI, "index", *ix], base)
    nbytes = index_size(location)
    verify = [*CLI, "verify", "draft.md", "--isolated", "--format", "json"]
    verify += ["--corpus", "corpus", "--claims", "claims"]
    # Untimed, before any timed run: the first process that imports the extractor after
    # the code changed writes its bytecode and its patterns' cache (claimcheck.regexes,
    # ~0.4 s once per install); a timed update must not be that process (it was, and
    # its one sample read 1.07 s at 10k where the next ones read ~0.5 s).
    child([*verify, "--index", location, "-o", "with-index.json"], base)
    article = base / "corpus" / f"a{size // 2:06d}.txt"
    original = article.read_bytes()
    edited = original + b"\nThe ministry said the count would be revised on Friday.\n"
    same_runs, one_runs = [], []
    try:
        for _ in range(runs):
            same_runs.append(child([*CLI, "index", *ix], base))
            article.write_bytes(edited)
            one_runs.append(child([*CLI, "index", *ix], base))
            article.write_bytes(original)
            child([*CLI, "index", *ix], base)  # back as it was (its ledger current again)
    finally:
        article.write_bytes(original)
    same, one = median(same_runs), median(one_runs)
    cold, rebuild = [], []
    for _ in range(runs):
        cold.append(child([*verify, "--index", location, "-o", "with-index.json"], base))
        if rebuild_too:
            rebuild.append(child([*verify, "-o", "in-memory.json"], base))
    # With --reference, in-memory.json is the report an earlier run's verify without
    # an index wrote (the same corpus and draft): the 400 s runs are not repeated.
    reference = base / "in-memory.json"
    # None: nothing to compare with (--no-compare and no earlier report beside the corpus).
    identical = (
        (base / "with-index.json").read_bytes() == reference.read_bytes()
        if reference.is_file()
        else None
    )
    return {
        "build": build,
        "bytes": nbytes,
        "unchanged": same,
        "one": one,
        "cold": median(cold),
        "rebuild": median(rebuild) if rebuild else None,
        "identical": identical,
    }


def floor(runs: int) -> tuple[Run, Run]:
    py = median([child([sys.executable, "-c", "pass"], ROOT) for _ in range(runs)])
    cli = median([child([*CLI, "--version"], ROOT) for _ in range(runs)])
    return py, cli


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--runs", type=int, default=3, help="runs of each kind (medians)")
    ap.add_argument("--postgres", action="store_true", help="also on a PostgreSQL server")
    ap.add_argument(
        "--reference",
        action="store_true",
        help="skip verify without an index; compare with the in-memory.json an earlier run "
        "left beside the corpus",
    )
    ap.add_argument(
        "--no-compare",
        action="store_true",
        help="skip verify without an index and compare only when an earlier in-memory.json "
        "is there (at 100k one such verify takes minutes and ~11 GB)",
    )
    args = ap.parse_args()
    print(f"load average before: {load()}  ({os.cpu_count()} cores)", file=sys.stderr)
    ok = True
    lines = []
    with ExitStack() as stack:
        backends = [("SQLite", None)]
        if args.postgres:
            sys.path.insert(0, str(ROOT / "tests"))
            import pgserver

            backends.append(("PostgreSQL", stack.enter_context(pgserver.server())))
        py, cli = floor(5)
        for size in sorted(args.sizes):
            corpus, claims, fresh = newsgen.make(size, log=lambda m: print(m, file=sys.stderr))
            base = corpus.parent
            extract_s = fresh if fresh is not None else float((base / "extracted").read_text())
            draft_for(claims, base)
            for name, url in backends:
                location = url or str(base / "bench-index.sqlite")
                first = url is None and not args.reference and not args.no_compare
                if args.reference and not (base / "in-memory.json").is_file():
                    raise SystemExit(f"--reference: no in-memory.json in {base}")
                m = measure(size, location, args.runs, base, rebuild_too=first)
                ok = ok and m["identical"] is not False
                lines.append((size, name, extract_s, m))
                print(f"{size} {name} done (load {load()})", file=sys.stderr)
    print(f"load average after: {load()}", file=sys.stderr)
    print(
        f"floor: python -c pass {py.wall:.2f} s wall, {py.cpu:.2f} s cpu, {py.rss_mb:.0f} MB; "
        f"claimcheck --version {cli.wall:.2f} s wall, {cli.cpu:.2f} s cpu, "
        f"{cli.rss_mb:.0f} MB\n"
    )
    head = [
        "articles",
        "backend",
        "extract --out (wall)",
        "index build (wall / cpu)",
        "index size",
        "update: 1 changed (wall / cpu)",
        "update: none",
        "cold verify, index (wall / cpu)",
        "peak RSS",
        "cold verify, no index (wall / cpu)",
        "peak RSS",
        "same report",
    ]
    print("| " + " | ".join(head) + " |")
    print("|" + "---:|" * 2 + "---:|" * (len(head) - 2))
    for size, name, extract_s, m in lines:
        b, o, u, c, r = (m[k] for k in ("build", "one", "unchanged", "cold", "rebuild"))
        assert isinstance(b, Run) and isinstance(o, Run) and isinstance(u, Run)
        assert isinstance(c, Run)
        cells = [
            f"{size:,}",
            name,
            f"{extract_s:.1f} s",
            f"{b.wall:.1f} s / {b.cpu:.1f} s",
            f"{int(m['bytes']) / 2**20:,.0f} MB",  # type: ignore[call-overload]
            f"{o.wall:.2f} s / {o.cpu:.2f} s",
            f"{u.wall:.2f} s",
            f"{c.wall:.2f} s / {c.cpu:.2f} s",
            f"{c.rss_mb:,.0f} MB",
            f"{r.wall:.2f} s / {r.cpu:.2f} s" if isinstance(r, Run) else "(as above)",
            f"{r.rss_mb:,.0f} MB" if isinstance(r, Run) else "",
            {True: "yes", False: "NO", None: "not compared"}[m["identical"]],  # type: ignore[index]
        ]
        print("| " + " | ".join(cells) + " |")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
