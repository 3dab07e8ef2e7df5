"""Loading and extraction cost linear in size: one file of 1, 2, 4 and 8 MB, per format.

    python benchmarks/bench_limits.py [--sizes 1,2,4,8] [--formats txt,md,html,docx]

Each file is Wikinews prose (CC BY 2.5, ../shared/corpora/wikinews) repeated to
the size; the times are the best of two runs, and the ratios are against the
1 MB file of the same format, in the same run (linear: 2, 4, 8).
"""

from __future__ import annotations

import argparse
import html
import io
import json
import os
import time
from pathlib import Path

from claimcheck.extract import extract
from claimcheck.loaders import load_bytes

SHARED = Path(__file__).resolve().parents[2] / "shared"


def prose() -> list[str]:
    rows = (SHARED / "corpora/wikinews/wikinews_2019_2020.jsonl").read_text("utf-8").splitlines()
    paragraphs: list[str] = []
    for row in rows:
        paragraphs += [p for p in json.loads(row)["text"].split("\n") if p.strip()]
    return paragraphs


def build(fmt: str, paragraphs: list[str], size: int) -> bytes:
    out: list[str] = []
    total, i = 0, 0
    while total < size:
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        total += len(p.encode("utf-8")) + 2
        i += 1
    if fmt == "html":
        return "".join(f"<p>{html.escape(p)}</p>\n" for p in out).encode("utf-8")
    if fmt == "docx":
        import docx

        document = docx.Document()
        for p in out:
            document.add_paragraph(p)
        buf = io.BytesIO()
        document.save(buf)
        return buf.getvalue()
    return "\n\n".join(out).encode("utf-8")


def best(fn, runs: int = 2) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1,2,4,8")
    ap.add_argument("--formats", default="txt,md,html,docx")
    args = ap.parse_args()
    os.environ.setdefault("CLAIMCHECK_MAX_PARAGRAPHS", "10000000")
    paragraphs = prose()
    print(f"{'format':6} {'MB':>4} {'load s':>8} {'ratio':>6} {'extract s':>10} {'ratio':>6}")
    for fmt in args.formats.split(","):
        base: tuple[float, float] | None = None
        for mb in (int(s) for s in args.sizes.split(",")):
            data = build(fmt, paragraphs, mb * 2**20)
            name = f"a.{fmt}"
            load_s = best(lambda d=data, n=name: load_bytes(d, n))
            doc = load_bytes(data, name)
            extract_s = best(lambda d=doc: extract(d))
            base = base or (load_s, extract_s)
            print(
                f"{fmt:6} {mb:>4} {load_s:8.2f} {load_s / base[0]:6.2f} "
                f"{extract_s:10.2f} {extract_s / base[1]:6.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
