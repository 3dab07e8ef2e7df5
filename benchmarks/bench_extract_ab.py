"""Extraction speed of several source trees, compared document by document in one run.

    git archive main src | tar -x -C /tmp/a; git archive HEAD src | tar -x -C /tmp/b
    python benchmarks/bench_extract_ab.py /tmp/a /tmp/b [--passes 6]

On a shared machine the load changes within seconds, so ``bench_extract.py`` run
for each tree in turn can differ by a fifth between two runs of the same code.
Here each tree runs in worker processes of its own (``PYTHONPATH=<tree>/src``)
that extract the same Wikinews article one after the other, in a shuffled order,
before any moves on to the next article: a burst of load falls on all trees alike.
Each pass uses workers with another ``PYTHONHASHSEED`` (set and dict layouts change
speed by a few percent). Reported: each tree's median CPU and wall time per pass,
and its ratio to the first tree. Handing every article to another process leaves
the caches cold, so times are higher than ``bench_extract.py``'s and ratios a little
closer to 1; they are for comparing trees, not for the MB/s figure.

``--whole``: each tree's worker extracts all the articles in one go instead, the trees
taking turns pass by pass (in a shuffled order), as ``bench_extract.py`` runs a pass:
caches stay warm within a pass, so the ratios read as that script's would, at the price
of a burst of load falling on one tree's pass. Run more passes (10 or more).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
from pathlib import Path

_WORKER = r"""
import json, sys, time
from pathlib import Path
from claimcheck.extract import extract
from claimcheck.loaders import from_text
lines = Path(sys.argv[1]).read_text("utf-8").splitlines()
docs = [from_text(json.loads(x)["text"], path=f"wikinews-{i}.txt") for i, x in enumerate(lines)]
for d in docs:
    extract(d)
print(len(docs), flush=True)
for line in sys.stdin:
    todo = docs if line.strip() == "all" else [docs[int(line)]]
    w, c = time.perf_counter(), time.process_time()
    for d in todo:
        extract(d)
    print(time.perf_counter() - w, time.process_time() - c, flush=True)
"""

DEFAULT = Path(__file__).resolve().parents[2] / "shared/corpora/wikinews/wikinews_2019_2020.jsonl"
SEEDS = (1, 2, 3)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("trees", nargs="+", type=Path, help="folders holding src/claimcheck")
    ap.add_argument("--passes", type=int, default=6)
    ap.add_argument("--jsonl", type=Path, default=DEFAULT)
    ap.add_argument("--whole", action="store_true", help="alternate whole passes, not articles")
    args = ap.parse_args()
    for tree in args.trees:
        if not (tree / "src" / "claimcheck").is_dir():
            sys.exit(f"bench_extract_ab: {tree} holds no src/claimcheck (use git archive … src)")
    workers = {}
    for tree in args.trees:
        for seed in SEEDS:
            env = {**os.environ, "PYTHONPATH": str(tree / "src"), "PYTHONHASHSEED": str(seed)}
            workers[tree, seed] = subprocess.Popen(
                [sys.executable, "-c", _WORKER, str(args.jsonl)],
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
    # Every worker says how many articles it loaded: read them all before timing.
    counts = [int(p.stdout.readline()) for p in workers.values()]  # type: ignore[union-attr]
    n = counts[0]
    wall: dict[Path, list[float]] = {t: [] for t in args.trees}
    cpu: dict[Path, list[float]] = {t: [] for t in args.trees}
    order = random.Random(0)
    for k in range(args.passes):
        procs = {t: workers[t, SEEDS[k % len(SEEDS)]] for t in args.trees}
        w = dict.fromkeys(args.trees, 0.0)
        c = dict.fromkeys(args.trees, 0.0)
        for i in ["all"] if args.whole else range(n):
            trees = list(args.trees)
            order.shuffle(trees)
            for t in trees:
                p = procs[t]
                p.stdin.write(f"{i}\n")  # type: ignore[union-attr]
                p.stdin.flush()  # type: ignore[union-attr]
                dw, dc = map(float, p.stdout.readline().split())  # type: ignore[union-attr]
                w[t] += dw
                c[t] += dc
        for t in args.trees:
            wall[t].append(w[t])
            cpu[t].append(c[t])
    for p in workers.values():
        p.stdin.close()  # type: ignore[union-attr]
        p.wait()
    first = args.trees[0]
    base_cpu, base_wall = statistics.median(cpu[first]), statistics.median(wall[first])
    how = "whole passes alternated" if args.whole else "articles alternated"
    print(f"{n} articles, {args.passes} passes ({how}); per pass, median:")
    for t in args.trees:
        mc, mw = statistics.median(cpu[t]), statistics.median(wall[t])
        fastest = min(cpu[t]) / min(cpu[first])
        print(
            f"  {t!s:30s} cpu {mc * 1000:6.0f} ms (x{mc / base_cpu:.3f}, fastest x{fastest:.3f})"
            f"  wall {mw * 1000:6.0f} ms (x{mw / base_wall:.3f})"
        )


if __name__ == "__main__":
    main()
