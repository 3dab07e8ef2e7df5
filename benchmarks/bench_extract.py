"""Extraction speed on the Wikinews corpus: articles per second and MB/s on one core.

    python benchmarks/bench_extract.py [--jsonl ../shared/corpora/wikinews/wikinews_2019_2020.jsonl]
    python benchmarks/bench_extract.py --stages      # also: where one pass spends its time

Reports the median of several passes over all articles (the headline speed),
the fastest pass beside it (on a shared machine the least disturbed one), and,
as a baseline in the same run, the cost of merely loading the same texts into
Documents, so the ratio says how much of the time is extraction itself.

``--stages`` profiles one more pass with cProfile and prints each stage's
share of it. Profiling slows small Python functions more than regex and
pydantic work, so the shares are a guide to where to look, not timings.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import time
from pathlib import Path

from claimcheck.extract import extract
from claimcheck.loaders import Document, from_text

DEFAULT = Path(__file__).resolve().parents[2] / "shared/corpora/wikinews/wikinews_2019_2020.jsonl"

# (label, file suffix, function name): cumulative time of each, as a share of extract.
STAGES = [
    ("segment: sentences", "claimcheck/extract/segment.py", "split_sentences"),
    ("segment: line kinds", "claimcheck/extract/segment.py", "classify_line"),
    ("quotes", "claimcheck/extract/quotes.py", "find_quotes"),
    ("attribute (all rules)", "claimcheck/extract/attribute/__init__.py", "attribute_sentence"),
    ("  cue scan per document", "claimcheck/extract/cues.py", "_document_cues"),
    ("  speaker before a cue", "claimcheck/extract/subjects.py", "subject_before"),
    ("speakers: resolve", "claimcheck/extract/speakers.py", "resolve"),
    ("ledger (with validation)", "claimcheck/extract/ledger.py", "build_ledger"),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--jsonl", type=Path, default=DEFAULT)
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--stages", action="store_true", help="profile one more pass by stage")
    args = ap.parse_args()
    texts = [json.loads(line)["text"] for line in args.jsonl.read_text("utf-8").splitlines()]
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    load_times, times, claims = [], [], 0
    for _ in range(args.passes):
        t0 = time.perf_counter()
        docs = _load(texts)
        t1 = time.perf_counter()
        claims = sum(len(extract(d).claims) for d in docs)
        t2 = time.perf_counter()
        load_times.append(t1 - t0)
        times.append(t2 - t1)
    load, ext, best = statistics.median(load_times), statistics.median(times), min(times)
    print(f"articles: {len(texts)}  size: {size_mb:.2f} MB  claims: {claims}")
    print(f"load only (baseline): {load * 1000:.0f} ms")
    print(f"extract:              {ext * 1000:.0f} ms  (x{ext / load:.1f} the baseline)")
    print(f"fastest pass:         {best * 1000:.0f} ms  ({size_mb / best:.2f} MB/s)")
    print(f"speed: {len(texts) / ext:.0f} articles/s, {size_mb / ext:.2f} MB/s on one core")
    if args.stages:
        _stages(_load(texts))


def _load(texts: list[str]) -> list[Document]:
    return [from_text(t, path=f"wikinews-{i}.txt") for i, t in enumerate(texts)]


def _stages(docs: list[Document]) -> None:
    profile = cProfile.Profile()
    profile.enable()
    for d in docs:
        extract(d)
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    cumulative: dict[tuple[str, str], float] = {
        (path, name): stat[3] for (path, _line, name), stat in stats.items()
    }

    def total(suffix: str, name: str) -> float:
        return sum(t for (path, n), t in cumulative.items() if n == name and path.endswith(suffix))

    whole = total("claimcheck/extract/pipeline.py", "extract")
    print(f"\nstages of one profiled pass ({whole * 1000:.0f} ms under cProfile):")
    for label, suffix, name in STAGES:
        share = total(suffix, name) / whole
        print(f"  {label:26s} {share:6.1%}")


if __name__ == "__main__":
    main()
