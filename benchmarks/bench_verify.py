"""Verify a 2,000-word draft against generated corpora of 1k / 10k / 100k articles.

    PYTHONPATH=src python benchmarks/bench_verify.py                 # 1k and 10k
    PYTHONPATH=src python benchmarks/bench_verify.py --sizes 1000 10000 100000

The corpora are news articles made from Wikinews articles (``newsgen``: a run
of one source's paragraphs each, lightly edited, interviews as rare as in
Wikinews) and extracted once by the real CLI; they are cached under
``benchmarks/data/`` (gitignored, never committed). The draft quotes the
claims of the first 1,000 articles: exact quotes, fragments, one-word edits,
added negations, wrong speakers and sentences from held-out articles
(fabricated). It is verified warm (index built, one run discarded), median of
``--runs``, by the index and, in the same run, by a brute-force baseline that
scores every sentence of the corpus with rapidfuzz; the index must find
everything the baseline finds. A process keeps the statements of the drafts it
verified (by content) and their parses, so the warm runs read the draft but do
not extract it again; "warm, draft re-extracted" is the same run with the draft
extracted and parsed each time, as after an edit; the runs of the two alternate.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from dataclasses import fields

import newsgen

from claimcheck.verify import Corpus, Settings, load_corpus, pipeline, verify
from claimcheck.verify.index import BruteForce, ClaimIndex

DATA = newsgen.DATA


_RANK = {"exact": 2, "fuzzy": 1, "missing": 0}


def compare(index_report, brute_report) -> tuple[int, int]:
    """(statements with the same verdict and attribution, statements the index did worse on).

    The baseline's recall is limited too (``fuzz.ratio`` ranks a short fragment of a long
    sentence low), so a difference is a failure only where the index found less.
    """
    same = worse = 0
    for a, b in zip(index_report.results, brute_report.results, strict=True):
        if (a.verdict, a.attribution) == (b.verdict, b.attribution):
            same += 1
        elif _RANK[a.verdict] < _RANK[b.verdict] or (a.verdict == b.verdict and a.score < b.score):
            worse += 1
            print(
                f"index worse: {a.statement.text[:70]!r} {a.verdict} vs {b.verdict}",
                file=sys.stderr,
            )
    return same, worse


def timed(fn, runs: int) -> tuple[float, object]:
    """Median CPU seconds of ``runs`` warm calls (one call discarded first).

    CPU time, not wall time: the library is single-threaded, and on a shared
    machine wall time mostly measures the neighbours.
    """
    fn()  # warm: rapidfuzz, caches of candidate offset maps
    times, result = [], None
    for _ in range(runs):
        t = time.process_time()
        result = fn()
        times.append(time.process_time() - t)
    return statistics.median(times), result


def timed_pair(fn, edited, runs: int) -> tuple[float, float, object]:
    """``timed`` of ``fn`` and of ``edited``, their runs alternated (one of each discarded
    first): a burst of the neighbours' load on the shared cores falls on both measures
    alike, not on one block of five runs."""
    fn()
    edited()
    kept, fresh, result = [], [], None
    for _ in range(runs):
        t = time.process_time()
        result = fn()
        kept.append(time.process_time() - t)
        t = time.process_time()
        edited()
        fresh.append(time.process_time() - t)
    return statistics.median(kept), statistics.median(fresh), result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument(
        "--brute-max",
        type=int,
        default=10000,
        help="skip the brute-force baseline above this corpus size (it takes minutes)",
    )
    args = ap.parse_args()
    rows = []
    ok = True
    for size in sorted(args.sizes):
        folder, claims, _ = newsgen.make(size, log=lambda m: print(m, file=sys.stderr))
        turns, _ = newsgen.interviews(folder)
        t1 = time.process_time()
        corpus = load_corpus(str(folder), str(claims))
        build = time.process_time() - t1
        draft_path = newsgen.draft_file(corpus.ledgers)
        run = lambda c=corpus, d=str(draft_path): verify([d], c, Settings())  # noqa: E731

        def edited(run=run) -> object:
            pipeline.forget_drafts()  # as if the draft had changed: extracted again
            return run()

        fast, fresh, report = timed_pair(run, edited, args.runs)
        brute_t, same = None, None
        if size <= args.brute_max:
            bf = BruteForce(**{f.name: getattr(corpus.index, f.name) for f in fields(ClaimIndex)})
            slow = Corpus(corpus.ledgers, bf, corpus.text)
            brute_t, brute_report = timed(
                lambda s=slow, d=str(draft_path): verify([d], s, Settings()),  # type: ignore[misc]
                1,
            )
            same, worse = compare(report, brute_report)
            ok = ok and worse == 0
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        s = report.summary
        rows.append((size, corpus.index.size, turns, build, fast, fresh, brute_t, same, s, rss))
        print(f"{size} done: {fast * 1000:.0f} ms", file=sys.stderr)
    words = len(draft_path.read_text(encoding="utf-8").split())
    print(
        f"draft: {words} words, {rows[0][8].statements} statements "
        f"({rows[0][8].exact} exact, {rows[0][8].fuzzy} fuzzy, {rows[0][8].missing} missing)\n"
    )
    head = ["articles", "interviews", "sentences", "index build", "verify (warm)"]
    head += ["warm, draft re-extracted", "brute force"]
    head += ["speed-up", "same verdicts", "peak RSS"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---:|" * len(head))
    for size, units, turns, build, fast, fresh, brute_t, same, s, rss in rows:
        cells = [f"{size:,}", f"{turns:,}", f"{units:,}", f"{build:.1f} s", f"{fast * 1000:.0f} ms"]
        cells.append(f"{fresh * 1000:.0f} ms")
        cells.append(f"{brute_t * 1000:,.0f} ms" if brute_t else "—")
        cells.append(f"{brute_t / fast:,.0f}×" if brute_t else "—")
        cells.append(f"{same}/{s.statements}" if same is not None else "—")
        cells.append(f"{rss:,.0f} MB")
        print("| " + " | ".join(cells) + " |")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
