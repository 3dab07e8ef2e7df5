"""Generated news corpora for the verify benchmarks: articles that read like the Wikinews ones.

Article ``n`` is one Wikinews article (``../shared/corpora/wikinews/``, CC BY
2.5) chosen at random: a run of its paragraphs, in order (the lead may be
dropped, the tail cut), under its title, with one ordinary word in about
every other paragraph replaced, so copies of one source differ as wire copies
and updates do. Sources are drawn uniformly, so interviews (``((WN))`` turns)
are the share of the corpus they are there (21 of 270), not most of every
article. The files are written under ``benchmarks/data/news-N/corpus/``
(gitignored, never committed) and extracted there by the real CLI
(``claimcheck extract corpus --out claims``), so the ledgers are the ones a
newsroom would have. The last ``HELD_OUT`` Wikinews articles are never used:
their sentences are the draft's fabricated quotes.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.models import Claim, Ledger

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
WIKINEWS = HERE.parent.parent / "shared" / "corpora" / "wikinews" / "wikinews_2019_2020.jsonl"
HELD_OUT = 25
_PARA = re.compile(r"\n\s*\n")
_WORD = re.compile(r"(?<![\w(’'-])[a-z]{4,}(?![\w’'-])")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def _rows() -> list[dict[str, str]]:
    return [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines()]


def sources() -> list[dict[str, str]]:
    return _rows()[:-HELD_OUT]


def held_out_sentences() -> list[str]:
    """Sentences of articles no corpus uses, without quotation marks: fabricated quotes."""
    out = set()
    for row in _rows()[-HELD_OUT:]:
        for s in _SENTENCE.split(row["text"]):
            s = s.strip()
            if 8 <= len(s.split()) <= 45 and s[-1:] in ".!?" and not set(s) & set('"“”()'):
                out.add(s)
    return sorted(out)


def vocabulary(rows: list[dict[str, str]]) -> list[str]:
    return sorted({w for r in rows[:60] for w in _WORD.findall(r["text"])})


def article(n: int, rows: list[dict[str, str]], vocab: list[str]) -> str:
    """The text of article ``n``: a run of one source's paragraphs, lightly edited."""
    rng = random.Random(n)
    row = rows[rng.randrange(len(rows))]
    paras = [p.strip() for p in _PARA.split(row["text"]) if p.strip()]
    if len(paras) > 3:
        start = rng.randrange(0, len(paras) // 4 + 1)
        end = len(paras) - rng.randrange(0, len(paras) // 4 + 1)
        paras = paras[start:end] if end - start >= 2 else paras
    edited = []
    for p in paras:
        words = list(_WORD.finditer(p))
        if words and rng.random() < 0.5:
            m = words[rng.randrange(len(words))]
            p = p[: m.start()] + rng.choice(vocab) + p[m.end() :]
        edited.append(p)
    return row["title"].strip() + "\n\n" + "\n\n".join(edited) + "\n"


def folder(size: int) -> Path:
    return DATA / f"news-{size}"


def make(size: int, jobs: int | None = None, log=print) -> tuple[Path, Path, float | None]:  # type: ignore[no-untyped-def]
    """``(corpus, claims, seconds extract took or None when cached)`` for ``size`` articles."""
    base = folder(size)
    corpus, claims = base / "corpus", base / "claims"
    done = base / "extracted"
    if done.exists():
        return corpus, claims, None
    rows = sources()
    vocab = vocabulary(rows)
    corpus.mkdir(parents=True, exist_ok=True)
    for n in range(size):
        path = corpus / f"a{n:06d}.txt"
        if not path.exists():
            path.write_text(article(n, rows, vocab), encoding="utf-8")
    log(f"news-{size}: {size:,} articles written; extracting them (claimcheck extract --out)")
    # Relative paths, as a newsroom runs it: the ledgers record "corpus/<name>".
    cmd = [sys.executable, "-m", "claimcheck", "extract", "corpus", "--out", "claims"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    env = {**os.environ, "CI": "1"}
    t = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=base, env=env, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - t
    done.write_text(f"{seconds:.1f}\n", encoding="utf-8")
    return corpus, claims, seconds


def interviews(corpus: Path) -> tuple[int, int]:
    """(articles with ``((…))`` interview turns, articles)."""
    files = sorted(corpus.glob("*.txt"))
    turns = sum(1 for f in files if "((" in f.read_text(encoding="utf-8"))
    return turns, len(files)


def quotable(corpus_ledgers: list[Ledger]) -> list[Claim]:
    """Quotes of the first 1,000 articles that a reporter would repeat (six words or more)."""
    return [
        c
        for lg in corpus_ledgers[:1000]
        for c in lg.claims
        if c.kind == "quote" and c.speaker and len(c.text.split()) >= 6
    ]


def draft(corpus_ledgers: list[Ledger], fabricated: list[str]) -> str:
    """~2,000 words of quotes taken from the first 1,000 articles, edited in known ways."""
    rng = random.Random(7)
    quotes = quotable(corpus_ledgers)
    people = sorted({c.speaker for c in quotes if c.speaker})
    paras: list[str] = []
    words = 0
    while words < 2000:
        c = quotes[rng.randrange(len(quotes))]
        text, who = c.text.strip(), c.speaker or ""
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
            others = [p for p in people if p.split()[-1] != who.split()[-1]]
            who = others[rng.randrange(len(others))]
        elif kind < 0.62:
            text = fabricated[rng.randrange(len(fabricated))]
        text = text.rstrip(".,!?;:")
        paras.append(f"“{text},” {who.split()[-1]} said.")
        words += len(paras[-1].split())
    return "\n\n".join(paras) + "\n"


def draft_file(corpus_ledgers: list[Ledger]) -> Path:
    """The benchmark draft (``data/news-draft.md``), written once from the first 1,000 articles."""
    path = DATA / "news-draft.md"
    if not path.exists():
        path.write_text(draft(corpus_ledgers, held_out_sentences()), encoding="utf-8")
    return path
