"""The language server on bench_verify's 2,000-word draft against a generated corpus.

    PYTHONPATH=src python benchmarks/bench_lsp.py                  # 10k articles, in memory
    PYTHONPATH=src python benchmarks/bench_lsp.py --index          # from `claimcheck index`
    PYTHONPATH=src python benchmarks/bench_lsp.py --size 1000 --edits 20

The corpus is bench_verify's (Wikinews sentences, CC BY 2.5), written out once
as a project under ``benchmarks/data/lsp-<size>/`` (gitignored): ``corpus/``
with one .txt per article, ``claims/`` with its current ledger, and a
``claimcheck.toml``; with ``--index``, ``claimcheck index`` builds (or brings up
to date) its persistent index first, and the server answers from it; without,
any index is moved aside and the server reads the corpus into memory.
``claimcheck lsp --delay 0`` is started as a subprocess and
driven over stdio by pygls' own client, as an editor would: open the draft
(the first check, which loads the corpus), then ``--edits`` edits one at a
time, each a changed word in a different quote, waiting for the diagnostics
of each version. Times are wall-clock from the notification sent to the
diagnostics received (the debounce is 0 here; the default adds 100 ms), and
the CPU time the server's worker logged for each check. In the same run, the
library's full check of the same texts on a corpus already in memory
(``lsp.checking.check_text``, nothing remembered, CPU time) is the baseline:
the server re-verifies only the statements an edit changed, so its later
checks should cost less than that.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench_verify import DATA, draft, ledgers, pool
from lsprotocol import types
from pygls.lsp.client import LanguageClient

from claimcheck.lsp import checking
from claimcheck.lsp.project import project_for
from claimcheck.lsp.sources import LoadedCorpora
from claimcheck.models import dump_json


def write_project(size: int) -> Path:
    """The generated corpus as a project on disk: articles, current ledgers, a config."""
    root = DATA / f"lsp-{size}"
    done = root / "claimcheck.toml"
    if done.exists():
        return root
    sentences, held_out = pool()
    built, _docs = ledgers(size, sentences)
    (root / "corpus").mkdir(parents=True, exist_ok=True)
    (root / "claims").mkdir(exist_ok=True)
    cache = DATA / f"articles-{size}.jsonl"
    with cache.open(encoding="utf-8") as fh:
        for n, (line, ledger) in enumerate(zip(fh, built, strict=True)):
            text = json.loads(line)["text"]
            name = f"a{n:06d}"
            (root / "corpus" / f"{name}.txt").write_bytes(text.encode("utf-8"))
            doc = ledger.document.model_copy(update={"path": f"corpus/{name}.txt"})
            stored = ledger.model_copy(update={"document": doc})
            (root / "claims" / f"{name}.json").write_text(dump_json(stored), encoding="utf-8")
    draft_path = DATA / "draft.md"
    if not draft_path.exists():
        draft_path.write_text(draft(built, held_out), encoding="utf-8")
    (root / "draft.md").write_text(draft_path.read_text(encoding="utf-8"), encoding="utf-8")
    done.write_text('corpus = "corpus"\nclaims = "claims"\n', encoding="utf-8")
    return root


def edits(text: str, count: int) -> list[str]:
    """``count`` versions of the draft, each changing one more word inside a quote."""
    out, current = [], text
    paras = text.split("\n\n")
    for i in range(count):
        k = (i * 7) % len(paras)
        words = paras[k].split(" ")
        if len(words) > 3:
            words[2] = words[2] + "s"
        paras[k] = " ".join(words)
        current = "\n\n".join(paras)
        out.append(current)
    return out


_LOGGED = re.compile(r"version (\d+): .* in (\d+) ms \((\d+) ms CPU\)")


async def drive(
    root: Path, versions: list[str]
) -> tuple[float, float, list[float], dict[int, tuple[float, float]]]:
    """Start to initialized, open to first diagnostics, each later edit's latency (seconds),
    and what the server logged of each version's check (wall, CPU of its worker)."""
    client = LanguageClient("bench", "1")
    got: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()
    logged: dict[int, tuple[float, float]] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def _published(params: types.PublishDiagnosticsParams) -> None:
        got.put_nowait(params)

    @client.feature(types.WINDOW_LOG_MESSAGE)
    def _logged(params: types.LogMessageParams) -> None:
        m = _LOGGED.search(params.message)
        if m:
            logged[int(m[1])] = (int(m[2]) / 1000, int(m[3]) / 1000)

    t0 = time.perf_counter()
    await client.start_io(sys.executable, "-m", "claimcheck", "lsp", "--delay", "0")
    await client.initialize_async(
        types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=root.as_uri())
    )
    client.initialized(types.InitializedParams())
    started = time.perf_counter() - t0
    uri = (root / "draft.md").as_uri()
    text = (root / "draft.md").read_text(encoding="utf-8")

    async def until(version: int) -> None:
        while (await got.get()).version != version:
            pass

    t = time.perf_counter()
    item = types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    await until(1)
    first = time.perf_counter() - t
    later = []
    for n, body in enumerate(versions, start=2):
        t = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=n),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=body)],
            )
        )
        await until(n)
        later.append(time.perf_counter() - t)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return started, first, later, logged


def library(root: Path, versions: list[str]) -> tuple[float, list[float]]:
    """(corpus load, CPU seconds of each check) for the same texts, in this process."""
    path = root / "draft.md"
    project = project_for(path, root)
    t = time.perf_counter()
    corpus = LoadedCorpora().get(project)
    load = time.perf_counter() - t
    checking.check_text(versions[0], path, project, corpus)  # warm
    times = []
    for body in versions:
        t = time.process_time()
        checking.check_text(body, path, project, corpus)
        times.append(time.process_time() - t)
    return load, times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--size", type=int, default=10000)
    ap.add_argument("--edits", type=int, default=10)
    ap.add_argument("--index", action="store_true", help="answer from claimcheck index's file")
    args = ap.parse_args()
    root = write_project(args.size)
    index = root / ".claimcheck" / "index.sqlite"
    aside = index.with_suffix(".aside")
    built = None
    if args.index:
        if aside.exists() and not index.exists():
            aside.rename(index)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "claimcheck", "index"], cwd=root, check=True)
        built = time.perf_counter() - t
    elif index.exists():
        index.rename(aside)
    text = (root / "draft.md").read_text(encoding="utf-8")
    versions = edits(text, args.edits)
    started, first, later, logged = asyncio.run(drive(root, versions))
    load, lib = library(root, versions)
    ms = lambda s: f"{s * 1000:,.0f} ms"  # noqa: E731
    server_cpu = [logged[v][1] for v in range(2, len(versions) + 2) if v in logged]
    where = f"index (claimcheck index: {ms(built)})" if built is not None else "memory"
    print(f"draft: {len(text.split()):,} words; corpus: {args.size:,} articles, {where}; ", end="")
    print(f"{args.edits} edits")
    slowest = max(range(len(later)), key=lambda i: later[i])
    over = sum(t > 0.3 for t in later)
    head = ["server start", "first check", "(its CPU)", "later checks, median", "max"]
    head += ["(its CPU)", "over 300 ms", "(their CPU, median)"]
    head += ["full check CPU (library), median", "corpus load (library)"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---:|" * len(head))
    cells = [ms(started), ms(first), ms(logged.get(1, (0, 0))[1])]
    cells += [ms(statistics.median(later)), ms(later[slowest])]
    cells += [ms(logged.get(slowest + 2, (0, 0))[1]), f"{over} of {len(later)}"]
    cells += [ms(statistics.median(server_cpu)), ms(statistics.median(lib)), ms(load)]
    print("| " + " | ".join(cells) + " |")
    each = ", ".join(
        f"{v}: {ms(later[v - 2])} ({ms(logged.get(v, (0, 0))[1])} CPU)"
        for v in range(2, len(versions) + 2)
    )
    print(f"later checks by version, wall (server CPU): {each}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
