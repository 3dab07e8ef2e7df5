"""Extraction speed on the Wikinews corpus: articles per second and MB/s on one core.

    python benchmarks/bench_extract.py [--jsonl ../shared/corpora/wikinews/wikinews_2019_2020.jsonl]

Reports the median of several passes over all articles, and, as a baseline in
the same run, the cost of merely loading the same texts into Documents, so the
ratio says how much of the time is extraction itself.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from claimcheck.documents import from_text
from claimcheck.extract import extract

DEFAULT = Path(__file__).resolve().parents[2] / "shared/corpora/wikinews/wikinews_2019_2020.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--jsonl", type=Path, default=DEFAULT)
    ap.add_argument("--passes", type=int, default=3)
    args = ap.parse_args()
    texts = [json.loads(line)["text"] for line in args.jsonl.read_text("utf-8").splitlines()]
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    load_times, times, claims = [], [], 0
    for _ in range(args.passes):
        t0 = time.perf_counter()
        docs = [from_text(t, path=f"wikinews-{i}.txt") for i, t in enumerate(texts)]
        t1 = time.perf_counter()
        claims = sum(len(extract(d).claims) for d in docs)
        t2 = time.perf_counter()
        load_times.append(t1 - t0)
        times.append(t2 - t1)
    load, ext = statistics.median(load_times), statistics.median(times)
    print(f"articles: {len(texts)}  size: {size_mb:.2f} MB  claims: {claims}")
    print(f"load only (baseline): {load * 1000:.0f} ms")
    print(f"extract:              {ext * 1000:.0f} ms  (x{ext / load:.1f} the baseline)")
    print(f"speed: {len(texts) / ext:.0f} articles/s, {size_mb / ext:.2f} MB/s on one core")


if __name__ == "__main__":
    main()
