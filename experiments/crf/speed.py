"""Extraction throughput on the PolNeAR dev texts, in-process, model load excluded.

    OMP_NUM_THREADS=1 taskset -c 1 python experiments/crf/speed.py [--model DIR] [--data DIR]

Best of --reps passes over all texts, so a cold cache or a busy neighbour on the
machine does not set the number.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from ccm import MODELS, POLNEAR, Model, doc_sequences

from claimcheck.extract import extract
from claimcheck.loaders import from_text


def bench(name: str, fn: Callable[[str], object], texts: list[str], reps: int) -> None:
    mb = sum(len(t.encode()) for t in texts) / 1e6
    best = float("inf")
    for _ in range(reps):
        t = time.perf_counter()
        for text in texts:
            fn(text)
        best = min(best, time.perf_counter() - t)
    print(f"{name:28s} {best:6.2f}s  {mb / best:6.2f} MB/s", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=POLNEAR / "dev", help="PolNeAR split folder")
    ap.add_argument("--model", type=Path, default=MODELS / "full", help="trained model directory")
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()

    texts = [p.read_text(encoding="utf-8") for p in sorted((args.data / "text").glob("*.txt"))]
    t = time.perf_counter()
    model = Model(args.model)
    load = time.perf_counter() - t
    mb = sum(len(x.encode()) for x in texts) / 1e6
    print(f"{len(texts)} texts, {mb:.3f} MB; model load {load:.2f}s", flush=True)

    def rules(text: str) -> object:
        return extract(from_text(text))

    def features(text: str) -> object:
        return list(doc_sequences(text, model.cues))

    def hybrid(text: str) -> object:
        # What model-first costs: both extractors; combining the claims is negligible.
        return model.extract(text), extract(from_text(text))

    bench("rules (claimcheck extract)", rules, texts, args.reps)
    bench("model: features only", features, texts, args.reps)
    bench("model: full extract", model.extract, texts, args.reps)
    bench("model-first hybrid", hybrid, texts, args.reps)


if __name__ == "__main__":
    main()
