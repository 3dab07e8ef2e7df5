"""Verify a 2,000-word draft against generated corpora of 1k / 10k / 100k articles.

    PYTHONPATH=src python benchmarks/bench_verify.py                 # 1k and 10k
    PYTHONPATH=src python benchmarks/bench_verify.py --sizes 1000 10000 100000

Articles are made of sentences from the Wikinews dump in
``../shared/corpora/wikinews/`` (CC BY 2.5), each lightly mutated so the
corpus is not one article repeated; they are cached under
``benchmarks/data/`` (gitignored, never committed). Every third sentence is a
quote with a speaker. The draft mixes exact quotes, fragments, one-word edits,
changed numbers, added negations, wrong speakers and sentences from held-out
articles (fabricated). It is verified warm (index built, one run discarded),
median of ``--runs``, by the index and, in the same run, by a brute-force
baseline that scores every sentence of the corpus with rapidfuzz; both must
give the same verdicts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import resource
import statistics
import sys
import time
from dataclasses import fields
from pathlib import Path

from claimcheck.loaders.documents import Document, from_text
from claimcheck.models import Claim, DocumentInfo, Ledger, Speaker
from claimcheck.verify import Corpus, Settings, verify
from claimcheck.verify.index import BruteForce, ClaimIndex

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
WIKINEWS = HERE.parent.parent / "shared" / "corpora" / "wikinews" / "wikinews_2019_2020.jsonl"
HELD_OUT = 25  # articles never used in corpora: the source of fabricated quotes
SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")
NAMES = [
    f"{a} {b}"
    for a in ("Ana", "Ravi", "Mei", "Tom", "Lena", "Omar", "Kofi", "Ines")
    for b in ("Ruiz", "Okafor", "Tanaka", "Berg", "Haddad", "Novak", "Silva", "Mensah")
]


def pool() -> tuple[list[str], list[str]]:
    """Sentences for corpora, and sentences of held-out articles (fabricated quotes)."""
    rows = [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines()]

    def sentences(texts: list[str]) -> list[str]:
        out = []
        for t in texts:
            for s in SPLIT.split(t):
                s = s.strip()
                if 8 <= len(s.split()) <= 45 and s[-1:] in ".!?" and '"' not in s and "“" not in s:
                    out.append(s)
        return sorted(set(out))

    return sentences([r["text"] for r in rows[:-HELD_OUT]]), sentences(
        [r["text"] for r in rows[-HELD_OUT:]]
    )


def mutate(sentence: str, rng: random.Random, vocab: list[str]) -> str:
    words = sentence.split()
    for _ in range(rng.randint(1, 2)):
        i = rng.randrange(1, len(words) - 1)
        words[i] = rng.choice(vocab)
    return " ".join(words)


def article(
    n: int, sentences: list[str], vocab: list[str]
) -> tuple[str, list[tuple[int, int, str | None]]]:
    """Text of article ``n`` and its claims (start, end, speaker or None)."""
    rng = random.Random(n)
    parts: list[str] = []
    claims: list[tuple[int, int, str | None]] = []
    at = 0
    for k in range(35):
        s = sentences[rng.randrange(len(sentences))]
        s = s if n < 1000 and k < 3 else mutate(s, rng, vocab)
        if k % 3 == 0:
            who = NAMES[rng.randrange(len(NAMES))]
            line = f"“{s[:-1]},” {who} said."
            claims.append((at + 1, at + len(s), who))
        else:
            line = s
            claims.append((at, at + len(s), None))
        parts.append(line)
        at += len(line) + 1
    return "\n".join(parts) + "\n", claims


def ledgers(size: int, sentences: list[str]) -> tuple[list[Ledger], dict[str, Document]]:
    vocab = sorted({w for s in sentences[:2000] for w in s.split() if w.isalpha()})
    cache = DATA / f"articles-{size}.jsonl"
    if not cache.exists():
        DATA.mkdir(exist_ok=True)
        with cache.open("w", encoding="utf-8") as fh:
            for n in range(size):
                text, claims = article(n, sentences, vocab)
                fh.write(json.dumps({"text": text, "claims": claims}) + "\n")
    out: list[Ledger] = []
    docs: dict[str, Document] = {}
    speakers = [Speaker(name=x, aliases=[x.split()[-1]]) for x in NAMES]
    with cache.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            row = json.loads(line)
            out.append(to_ledger(n, row["text"], row["claims"], speakers))
            docs[out[-1].document.path] = from_text(row["text"], out[-1].document.path)
    return out, docs


def to_ledger(n: int, text: str, claims: list[list], speakers: list[Speaker]) -> Ledger:
    path = f"benchmarks/data/a{n:06d}.txt"
    built = []
    for i, (start, end, who) in enumerate(claims):
        line = text.count("\n", 0, start) + 1
        built.append(
            Claim.model_construct(
                id=f"a{n:06d}:{line}:{i}",
                kind="quote" if who else "narrative",
                text=text[start:end],
                start=start,
                end=end,
                line=line,
                column=1 + (who is not None),
                end_line=line,
                end_column=1,
                speaker=who,
                rule="bench",
            )
        )
    sha = hashlib.sha256(text.encode()).hexdigest()
    used = [s for s in speakers if any(c.speaker == s.name for c in built)]
    return Ledger.model_construct(
        schema_version="1",
        document=DocumentInfo.model_construct(path=path, sha256=sha, title=None),
        speakers=used,
        claims=built,
        skipped=[],
    )


def draft(corpus_ledgers: list[Ledger], fabricated: list[str]) -> str:
    """~2,000 words of quotes taken from the first 1,000 articles, edited in known ways."""
    rng = random.Random(7)
    quotes = [c for lg in corpus_ledgers[:1000] for c in lg.claims if c.speaker]
    paras: list[str] = []
    words = 0
    while words < 2000:
        c = quotes[rng.randrange(len(quotes))]
        text, who = c.text, c.speaker or ""
        kind = rng.random()
        ws = text.split()
        if kind < 0.15:
            text = " ".join(ws[len(ws) // 4 : len(ws) // 4 + max(5, len(ws) // 2)])
        elif kind < 0.30:
            i = rng.randrange(1, len(ws) - 1)
            text = " ".join([*ws[:i], "purportedly", *ws[i + 1 :]])
        elif kind < 0.40:
            text = re.sub(r"\b(is|are|was|were|will|has|have)\b", r"\1 not", text, count=1)
        elif kind < 0.50:
            who = NAMES[(NAMES.index(who) + 1) % len(NAMES)]
        elif kind < 0.62:
            text = fabricated[rng.randrange(len(fabricated))].rstrip(".!?")
        paras.append(f"“{text},” {who.split()[-1]} said.")
        words += len(paras[-1].split())
    return "\n\n".join(paras) + "\n"


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
    sentences, held_out = pool()
    draft_path = DATA / "draft.md"
    rows = []
    ok = True
    for size in sorted(args.sizes):
        t0 = time.process_time()
        lg, docs = ledgers(size, sentences)
        t1 = time.process_time()
        corpus = Corpus.from_ledgers(lg, documents=docs)
        build = time.process_time() - t1
        if not draft_path.exists():
            draft_path.write_text(draft(lg, held_out), encoding="utf-8")
        run = lambda c=corpus: verify([str(draft_path)], c, Settings())  # noqa: E731
        fast, report = timed(run, args.runs)
        brute_t, same = None, None
        if size <= args.brute_max:
            bf = BruteForce(**{f.name: getattr(corpus.index, f.name) for f in fields(ClaimIndex)})
            slow = Corpus(corpus.ledgers, bf, corpus.text)
            brute_t, brute_report = timed(
                lambda s=slow: verify([str(draft_path)], s, Settings()),  # type: ignore[misc]
                1,
            )
            same, worse = compare(report, brute_report)
            ok = ok and worse == 0
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        s = report.summary
        rows.append((size, corpus.index.size, t1 - t0, build, fast, brute_t, same, s, rss))
        print(f"{size} done: {fast * 1000:.0f} ms", file=sys.stderr)
    words = len(draft_path.read_text(encoding="utf-8").split())
    print(
        f"draft: {words} words, {rows[0][7].statements} statements "
        f"({rows[0][7].exact} exact, {rows[0][7].fuzzy} fuzzy, {rows[0][7].missing} missing)\n"
    )
    head = ["articles", "sentences", "index build", "verify (warm)", "brute force"]
    head += ["speed-up", "same verdicts", "peak RSS"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---:|" * len(head))
    for size, units, _load, build, fast, brute_t, same, s, rss in rows:
        cells = [f"{size:,}", f"{units:,}", f"{build:.1f} s", f"{fast * 1000:.0f} ms"]
        cells.append(f"{brute_t * 1000:,.0f} ms" if brute_t else "—")
        cells.append(f"{brute_t / fast:,.0f}×" if brute_t else "—")
        cells.append(f"{same}/{s.statements}" if same is not None else "—")
        cells.append(f"{rss:,.0f} MB")
        print("| " + " | ".join(cells) + " |")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
