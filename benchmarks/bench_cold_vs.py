"""Cold verify and index updates of this checkout against another checkout's code, in turns.

    git archive <commit> src | tar -x -C /tmp/before
    PYTHONPATH=src python benchmarks/bench_cold_vs.py --before /tmp/before/src --sizes 1000 10000

For each ``newsgen`` corpus size (built and extracted by ``bench_cold.py``
first), in one run: the index is built by this checkout (``claimcheck index``,
every core) and copied, so each code has an index of its own to write to; then,
in turns, each a new process of the real CLI run by the same interpreter (only
``PYTHONPATH`` differs): ``claimcheck --version`` (the floor), an update where
nothing changed, an update after one article changed (and the one that puts it
back), and a cold ``claimcheck verify DRAFT`` from the index. Medians of
``--runs``; wall and CPU (the child's own, wait4) and peak RSS. The reports of
both codes must be byte-identical to each other and to ``in-memory.json`` (the
report of verify without an index that ``bench_cold.py`` left).

``--build-before`` also times the other code's full build (10k: minutes).
``--index FILE`` starts from that index instead of building one (100k: the
build takes 8 minutes; it is copied for each code), and ``--reference FILE`` is
the report both must equal when there is no ``in-memory.json`` (at 100k a verify
without an index needs ~11 GB).
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
from dataclasses import dataclass
from pathlib import Path

import newsgen

ROOT = newsgen.HERE.parent


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mb: float


def child(src: Path, args: list[str], cwd: Path) -> Run:
    # Bytecode written and read, as on a user's machine (see bench_cold.ENV).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env |= {"CI": "1", "PYTHONPATH": str(src)}
    cmd = [sys.executable, "-m", "claimcheck", *args]
    with tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            err.seek(0)
            raise SystemExit(f"{' '.join(cmd)} exited {code}:\n{err.read().decode()[-2000:]}")
    return Run(wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024)


def median(runs: list[Run]) -> Run:
    return Run(*(statistics.median(getattr(r, f) for r in runs) for f in ("wall", "cpu", "rss_mb")))


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def remove_index(target: str) -> None:
    for s in ("", "-wal", "-shm"):
        if os.path.exists(target + s):
            os.unlink(target + s)


def copy_index(source: str, target: str) -> None:
    remove_index(target)
    for s in ("", "-wal"):
        if os.path.exists(source + s):
            shutil.copyfile(source + s, target + s)


def measure(
    size: int,
    before: Path,
    after: Path,
    runs: int,
    build_before: bool,
    start: Path | None = None,
    reference_file: Path | None = None,
) -> dict[str, Run]:
    base = newsgen.DATA / f"news-{size}"
    reference_file = reference_file or base / "in-memory.json"
    if not reference_file.is_file():
        raise SystemExit(f"run bench_cold.py --sizes {size} first: no {reference_file}")
    codes = {"before": before, "after": after}
    where = {name: str(base / f"vs-{name}.sqlite") for name in codes}
    out: dict[str, Run] = {}
    if start is not None:
        copy_index(str(start), where["after"])
    else:
        remove_index(where["after"])
        out["build after"] = child(after, _ix(where["after"], "index"), base)
    if build_before:
        remove_index(where["before"])
        out["build before"] = child(before, _ix(where["before"], "index"), base)
    else:
        copy_index(where["after"], where["before"])
    article = base / "corpus" / f"a{size // 2:06d}.txt"
    original = article.read_bytes()
    runs_of: dict[str, list[Run]] = {}
    verify = ["verify", "draft.md", "--isolated", "--format", "json"]
    for name, src in codes.items():  # untimed: each code's first run compiles its .pyc files
        child(src, [*verify, *_ix(where[name], None), "-o", f"vs-{name}.json"], base)
    try:
        for _ in range(runs):
            for name, src in codes.items():
                runs_of.setdefault(f"version {name}", []).append(child(src, ["--version"], base))
                runs_of.setdefault(f"none {name}", []).append(
                    child(src, _ix(where[name], "index"), base)
                )
            article.write_bytes(original + b"\nThe ministry said the count would be revised.\n")
            for name, src in codes.items():
                runs_of.setdefault(f"one {name}", []).append(
                    child(src, _ix(where[name], "index"), base)
                )
            article.write_bytes(original)
            for name, src in codes.items():
                runs_of.setdefault(f"back {name}", []).append(
                    child(src, _ix(where[name], "index"), base)
                )
            for name, src in codes.items():
                report = f"vs-{name}.json"
                args = [*verify, *_ix(where[name], None), "-o", report]
                runs_of.setdefault(f"verify {name}", []).append(child(src, args, base))
    finally:
        article.write_bytes(original)
    out.update({k: median(v) for k, v in runs_of.items()})
    reference = reference_file.read_bytes()
    same = all((base / f"vs-{n}.json").read_bytes() == reference for n in codes)
    out["same"] = Run(float(same), 0, 0)
    out["bytes"] = Run(float(os.path.getsize(where["after"])), 0, 0)
    return out


def _ix(location: str, command: str | None) -> list[str]:
    head = [command] if command else []
    return [*head, "--corpus", "corpus", "--claims", "claims", "--index", location]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--before", type=Path, required=True, help="the other code's src folder")
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--build-before", action="store_true", help="also time its full build")
    ap.add_argument("--index", type=Path, help="start from a copy of this index (no build)")
    ap.add_argument("--reference", type=Path, help="the report to compare with")
    args = ap.parse_args()
    after = ROOT / "src"
    print(f"load average before: {load()}  ({os.cpu_count()} cores)", file=sys.stderr)
    ok = True
    for size in args.sizes:
        m = measure(
            size,
            args.before.resolve(),
            after,
            args.runs,
            args.build_before,
            args.index,
            args.reference,
        )
        ok = ok and bool(m["same"].wall)
        megabytes = m["bytes"].wall / 2**20
        print(f"\n{size:,} articles (load after: {load()}); index {megabytes:,.0f} MB")
        print("| step | before (wall / cpu) | after (wall / cpu) | cpu after/before | peak RSS |")
        print("|---|---:|---:|---:|---:|")
        for step in ("build", "version", "none", "one", "back", "verify"):
            b, a = m.get(f"{step} before"), m.get(f"{step} after")
            if a is None:
                continue
            left = f"{b.wall:.2f} s / {b.cpu:.2f} s" if b else "—"
            ratio = f"{a.cpu / b.cpu:.2f}" if b and b.cpu else "—"
            print(
                f"| {step} | {left} | {a.wall:.2f} s / {a.cpu:.2f} s | {ratio} | "
                f"{a.rss_mb:,.0f} MB |"
            )
        print(f"same report as verify without an index: {'yes' if m['same'].wall else 'NO'}")
    print(f"load average after: {load()}", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
