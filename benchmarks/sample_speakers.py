"""Draw the claims that ``benchmarks/labels/speakers-wikinews.json`` labels.

    python benchmarks/sample_speakers.py skeleton > rows.json   # unlabelled rows
    python benchmarks/sample_speakers.py show [--split dev|test] > reading.txt
    python benchmarks/sample_speakers.py skeleton --draw dev2 > rows.json
    python benchmarks/sample_speakers.py show --draw dev2 > reading.txt
    python benchmarks/sample_speakers.py skeleton --draw dev3 > rows.json
    python benchmarks/sample_speakers.py show --draw dev3 > reading.txt

With a fixed seed, claims of kind ``quote`` or ``indirect`` are drawn uniformly
at random (over claims, not articles) from the extractor's output on every
article's ``text`` of the Wikinews corpus. The articles that hold a drawn claim
are then shuffled with the same seed and given to ``dev`` until ``dev`` holds
half the claims, the rest to ``test``, so all claims of an article share a
split and the split is fixed before any label is written.

The draw depends on the extractor's output: the labelled rows were drawn with
claimcheck at commit cf9e81a, and the labels file, not a new draw, is the
record (a changed extractor draws other rows).

``--draw dev2`` draws a second, fresh sample to read while working, once the
first dev half had been read so often that its precision no longer said how
the extractor does on unseen claims: 200 claims of kind ``quote`` or
``indirect``, with seed 20261207, uniformly over the claims of the articles
that hold no ``test`` row of the labels file (drawn or discarded), leaving out
every claim that overlaps a row already labelled. All are split ``dev2`` and
numbered on from the labels file's highest ``n``. The ``dev2`` rows were drawn
with claimcheck at the commit each row's ``drawn_at`` names; as with the first
draw, the labels file is the record.

``--draw dev3`` draws a third sample the same way, once ``dev2`` too had been
read so often that its remaining errors were one-offs: 100 claims of kind
``quote`` or ``indirect``, with seed 20261208, uniformly over the claims of the
articles that hold no ``test`` row, leaving out every claim that overlaps a row
already labelled (``dev2``'s included). All are split ``dev3``, numbered on from
the labels file's highest ``n``, and drawn with claimcheck at the commit each
row's ``drawn_at`` names (7dc3a82); the labels file is the record. ``--draw dev4``
draws a fourth sample the same way once ``dev3`` had been read: 80 claims, seed
20261209, drawn at ad94f95; ``--draw dev5`` a fifth once ``dev4``'s errors had been
fixed: 80 claims, seed 20261210, drawn at c12a48f; ``--draw dev6`` a sixth once
``dev5``'s had been: 80 claims, seed 20261211, drawn at e5630ef; ``--draw dev7`` a
seventh once ``dev6``'s had been: 60 claims, seed 20261212, drawn at 7598df9;
``--draw dev8`` an eighth: 40 claims, seed 20261213, drawn at 2796bf8.

``show`` prints what a labeller reads: each article once, with each drawn
span wrapped in ``⟦#n … #n⟧``; of a long article only the opening paragraphs
and, around each drawn span, its paragraph and the three before it
(``show --full`` prints whole articles). It shows only the article and the
spans: no speaker, mention, cue, rule or kind from the extractor, so labels
are not steered by it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from claimcheck.extract import extract
from claimcheck.loaders import from_text

HERE = Path(__file__).resolve().parent
WIKINEWS = HERE.parents[1] / "shared" / "corpora" / "wikinews" / "wikinews_2019_2020.jsonl"
SEED = 20261203
DRAW = 340
LABELS = HERE / "labels" / "speakers-wikinews.json"
DEV2_SEED = 20261207
DEV2_DRAW = 200
DEV3_SEED = 20261208
DEV3_DRAW = 100
DEV4_SEED = 20261209
DEV4_DRAW = 80
DEV5_SEED = 20261210
DEV5_DRAW = 80
DEV6_SEED = 20261211
DEV6_DRAW = 80
DEV7_SEED = 20261212
DEV7_DRAW = 60
DEV8_SEED = 20261213
DEV8_DRAW = 40


@dataclass(frozen=True)
class Drawn:
    n: int
    split: str
    url: str
    offset: int
    end: int


def load(corpus: Path = WIKINEWS) -> dict[str, str]:
    texts: dict[str, str] = {}
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            texts[art["url"]] = art["text"]
    return texts


def _pool(texts: dict[str, str]) -> list[tuple[str, int, int]]:
    """Every quote or indirect claim the extractor makes, as (url, start, end)."""
    return [
        (url, c.start, c.end)
        for url, text in texts.items()
        for c in extract(from_text(text)).claims
        if c.kind in ("quote", "indirect")
    ]


def _pick(
    texts: dict[str, str], pool: list[tuple[str, int, int]], rng: random.Random, k: int
) -> list[tuple[str, int, int]]:
    """``k`` claims drawn uniformly, in corpus order."""
    picked = rng.sample(pool, k)
    order = {url: i for i, url in enumerate(texts)}
    picked.sort(key=lambda p: (order[p[0]], p[1], p[2]))
    return picked


def draw(texts: dict[str, str], seed: int = SEED, k: int = DRAW) -> list[Drawn]:
    rng = random.Random(seed)
    picked = _pick(texts, _pool(texts), rng, k)
    order = {url: i for i, url in enumerate(texts)}
    per_article: dict[str, int] = {}
    for url, _, _ in picked:
        per_article[url] = per_article.get(url, 0) + 1
    urls = sorted(per_article, key=lambda u: order[u])
    rng.shuffle(urls)
    split: dict[str, str] = {}
    in_dev = 0
    for url in urls:
        n = per_article[url]
        if abs(in_dev + n - k / 2) < abs(in_dev - k / 2):
            split[url] = "dev"
            in_dev += n
        else:
            split[url] = "test"
    return [Drawn(i, split[u], u, a, b) for i, (u, a, b) in enumerate(picked)]


def draw_dev2(
    texts: dict[str, str],
    labels: Path = LABELS,
    seed: int = DEV2_SEED,
    k: int = DEV2_DRAW,
    split: str = "dev2",
) -> list[Drawn]:
    """A fresh sample from the articles without a test row, none overlapping a labelled row."""
    data = json.loads(labels.read_text(encoding="utf-8"))
    known = data["rows"] + data.get("discarded", [])
    test_urls = {r["url"] for r in known if r["split"] == "test"}
    spans: dict[str, list[tuple[int, int]]] = {}
    for r in known:
        spans.setdefault(r["url"], []).append((r["offset"], r["end"]))
    pool = [
        (url, a, b)
        for url, a, b in _pool(texts)
        if url not in test_urls and not any(a < y and x < b for x, y in spans.get(url, ()))
    ]
    picked = _pick(texts, pool, random.Random(seed), k)
    first = 1 + max(r["n"] for r in known)
    return [Drawn(first + i, split, u, a, b) for i, (u, a, b) in enumerate(picked)]


def draw_dev3(texts: dict[str, str], labels: Path = LABELS) -> list[Drawn]:
    """The third reading sample: as ``dev2``, with its own seed, away from every labelled row.

    Once a draw's rows are in the labels file they overlap themselves, so ``show``
    and ``skeleton`` read them back from the file (see ``labelled``)."""
    return draw_dev2(texts, labels, DEV3_SEED, DEV3_DRAW, "dev3")


def draw_dev4(texts: dict[str, str], labels: Path = LABELS) -> list[Drawn]:
    """The fourth reading sample, drawn when ``dev3`` had been read: as ``dev2``, its own seed."""
    return draw_dev2(texts, labels, DEV4_SEED, DEV4_DRAW, "dev4")


def draw_dev5(texts: dict[str, str], labels: Path = LABELS) -> list[Drawn]:
    """The fifth reading sample, drawn when ``dev4``'s errors had been fixed: as ``dev2``."""
    return draw_dev2(texts, labels, DEV5_SEED, DEV5_DRAW, "dev5")


def draw_dev6(texts: dict[str, str], labels: Path = LABELS) -> list[Drawn]:
    """The sixth reading sample, drawn when ``dev5``'s errors had been fixed: as ``dev2``."""
    return draw_dev2(texts, labels, DEV6_SEED, DEV6_DRAW, "dev6")


def draw_dev7(texts: dict[str, str], labels: Path = LABELS) -> list[Drawn]:
    """The seventh reading sample, drawn when ``dev6``'s errors had been fixed: as ``dev2``."""
    return draw_dev2(texts, labels, DEV7_SEED, DEV7_DRAW, "dev7")


def draw_dev8(texts: dict[str, str], labels: Path = LABELS) -> list[Drawn]:
    """The eighth reading sample, drawn when ``dev7``'s errors had been fixed: as ``dev2``."""
    return draw_dev2(texts, labels, DEV8_SEED, DEV8_DRAW, "dev8")


def labelled(split: str, labels: Path = LABELS) -> list[Drawn]:
    """The rows of ``split`` already in the labels file, as drawn."""
    data = json.loads(labels.read_text(encoding="utf-8"))
    return [
        Drawn(r["n"], r["split"], r["url"], r["offset"], r["end"])
        for r in data["rows"] + data.get("discarded", [])
        if r["split"] == split
    ]


def _keep(text: str, rows: list[Drawn], full: bool) -> list[tuple[int, int]]:
    """Character ranges of ``text`` to show, in order."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    paras = [
        (a, (starts[j + 1] - 1) if j + 1 < len(starts) else len(text)) for j, a in enumerate(starts)
    ]
    last = max(r.end for r in rows)
    if full or len(text) <= 6000:
        stop = next((b for a, b in paras if b >= last), len(text))
        return [(0, stop)]
    chosen: set[int] = set(range(min(3, len(paras))))
    for r in rows:
        for j, (a, b) in enumerate(paras):
            if a <= r.end and b >= r.offset:
                chosen.update(range(max(0, j - 3), j + 1))
    ranges: list[tuple[int, int]] = []
    for j in sorted(chosen):
        a, b = paras[j]
        if ranges and j - 1 in chosen:
            ranges[-1] = (ranges[-1][0], b)
        else:
            ranges.append((a, b))
    return ranges


def show(texts: dict[str, str], rows: list[Drawn], full: bool = False) -> str:
    out: list[str] = []
    by_url: dict[str, list[Drawn]] = {}
    for r in rows:
        by_url.setdefault(r.url, []).append(r)
    for url, rs in by_url.items():
        text = texts[url]
        marks: list[tuple[int, int, str]] = []
        for r in rs:
            marks.append((r.offset, 1, f"⟦#{r.n} "))
            marks.append((r.end, 0, f" #{r.n}⟧"))
        marks.sort()
        out.append(f"===== {url} [{rs[0].split}] rows {', '.join(str(r.n) for r in rs)}")
        for a, b in _keep(text, rs, full):
            pieces: list[str] = []
            pos = a
            for at, _, mark in marks:
                if a <= at <= b:
                    pieces.append(text[pos:at])
                    pieces.append(mark)
                    pos = at
            pieces.append(text[pos:b])
            out.append(f"[@{a}] " + "".join(pieces))
            out.append("[…]")
        out.append("")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("what", choices=["skeleton", "show"])
    ap.add_argument("--split", choices=["dev", "test", "all"], default="all")
    ap.add_argument(
        "--draw",
        choices=["first", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8"],
        default="first",
        help="first: the dev/test draw; dev2 to dev8: the fresh reading samples (see above)",
    )
    ap.add_argument("--url", help="only this article")
    ap.add_argument("--full", action="store_true", help="show whole articles")
    args = ap.parse_args()
    texts = load()
    if args.draw == "dev8":
        rows = labelled("dev8") or draw_dev8(texts)
    elif args.draw == "dev7":
        rows = labelled("dev7") or draw_dev7(texts)
    elif args.draw == "dev6":
        rows = labelled("dev6") or draw_dev6(texts)
    elif args.draw == "dev5":
        rows = labelled("dev5") or draw_dev5(texts)
    elif args.draw == "dev4":
        rows = labelled("dev4") or draw_dev4(texts)
    elif args.draw == "dev3":
        rows = labelled("dev3") or draw_dev3(texts)
    elif args.draw == "dev2":
        rows = labelled("dev2") or draw_dev2(texts)
    else:
        rows = [r for r in draw(texts) if args.split in ("all", r.split)]
    if args.url:
        rows = [r for r in rows if r.url == args.url]
    if args.what == "show":
        sys.stdout.write(show(texts, rows, args.full))
        return
    skeleton = [
        {"n": r.n, "split": r.split, "url": r.url, "offset": r.offset, "end": r.end} for r in rows
    ]
    json.dump(skeleton, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
