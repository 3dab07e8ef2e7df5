"""Bring an index up to date with a corpus folder, touching only what changed.

A document is current while its size and mtime (and its ledger's) are those
the index recorded; only when they differ are its bytes hashed, and only when
the sha256 (or the ledger) differs is it read, extracted (or its current
ledger read) and its rows replaced. Documents no longer in the folder are
dropped. The work of reading and extracting runs on every core; one process
writes, a transaction per batch.
"""

from __future__ import annotations

import hashlib
import os
import time
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISREG

from claimcheck.corpus.current import ledger_and_staleness, ledger_folder
from claimcheck.corpus.gather import folder_prefix, gather_under
from claimcheck.errors import InputError
from claimcheck.index.archive import documents, ready, refuse_folder_update
from claimcheck.index.manifest import Manifest, differing
from claimcheck.index.rows import DocRows, doc_rows
from claimcheck.index.store import DocState, Store
from claimcheck.loaders import documents as loading

BATCH = 256  # documents per write transaction
_INLINE = 16  # fewer changed documents than this are done in this process: no pool start-up
Stamp = tuple[int, int, int, int]  # size, mtime_ns, ledger size, ledger mtime_ns


@dataclass
class Summary:
    documents: int = 0
    unchanged: int = 0
    added: int = 0
    changed: int = 0
    removed: int = 0
    failed: list[InputError] = field(default_factory=list)  # one per unreadable file
    seconds: float = 0.0
    # The ``meta`` token of the index as this sync found it (``Store.token``), "" if it
    # gave documents new ranks: a reader whose snapshot has it, of a sync that added,
    # changed and removed nothing, read what the sync left (``cli.verify``'s check
    # ahead of the sync).
    token: str = ""

    def line(self, where: str) -> str:
        parts = [f"{self.added:,} added", f"{self.changed:,} changed", f"{self.removed:,} removed"]
        parts.append(f"{self.unchanged:,} unchanged")
        if self.failed:
            parts.append(f"{len(self.failed):,} unreadable")
        return (
            f"index: {documents(self.documents)} ({', '.join(parts)}) "
            f"in {self.seconds:.1f} s: {where}"
        )


@dataclass(frozen=True)
class _Job:
    source: str  # as gathered
    rel: str  # relative to the corpus folder
    stamp: Stamp
    known: DocState | None
    at: int = -1  # its place in the scan
    # Its ledger has the stamp indexed, but one too close to the last scan to be
    # trusted (``index.manifest``): it is read again. (A source is hashed anyway.)
    racy_ledger: bool = False


def _scan(
    prefix: str, rels: list[str], ledgers: str, summary: Summary, unread: set[str]
) -> tuple[list[str], array[int]]:
    """The readable files and their stamps (four ints a file), in ``rels``' order.

    At 100k articles this is 200,000 stat calls (~2 µs each here, and as much again
    making each ``stat_result``), most of an update that finds nothing to do. (A thread
    for the ledgers' did not help on 2 busy cores: the GIL passes at every call.) One
    loop, the ledger's name spelled inline: a Python call per file is ~0.03 s at 100k.
    """
    stat, regular = os.stat, S_ISREG
    with_ledgers = os.path.isdir(ledgers)  # none at all: no stat calls
    at = ledgers + "/"
    paths: list[str] = []
    stamps: array[int] = array("q")
    put = stamps.extend
    for rel in rels:
        try:
            st = stat(prefix + rel)
            if not regular(st.st_mode):
                raise IsADirectoryError(0, "not a regular file (a FIFO, a device, …)")
        except OSError as exc:
            summary.failed.append(InputError(f"cannot read ({exc.strerror})", path=prefix + rel))
            unread.add(rel)
            continue
        paths.append(rel)
        if with_ledgers:
            # ``corpus.current.ledger_path`` as a string: <ledgers>/<stem>.json
            name = rel[rel.rfind("/") + 1 :]
            dot = name.rfind(".")
            try:
                lt = stat(f"{at}{name[:dot] if 0 < dot < len(name) - 1 else name}.json")
            except OSError:
                put((st.st_size, st.st_mtime_ns, 0, 0))
                continue
            put((st.st_size, st.st_mtime_ns, lt.st_size, lt.st_mtime_ns))
        else:
            put((st.st_size, st.st_mtime_ns, 0, 0))
    return paths, stamps


def _prepare(job: _Job, ledger_dir: Path) -> DocRows | Stamp | InputError | _Fatal:
    """New rows, or only a new stamp (same bytes, same ledger), or an error message."""
    try:
        known = job.known
        if (
            known is not None
            and job.stamp[2:] == (known.ledger_size, known.ledger_mtime_ns)
            and not job.racy_ledger
        ):
            try:
                with open(job.source, "rb") as fh:
                    same = hashlib.file_digest(fh, "sha256").hexdigest() == known.sha256
            except OSError:
                same = False  # the loader reports it
            if same:
                return job.stamp
        document = loading.load(job.source)
    except InputError as err:
        return err  # this file only: reported, the others go on
    # A corrupt ledger stops the run (as verify without an index does): _Fatal.
    try:
        ledger, stale = ledger_and_staleness(document, job.source, ledger_dir)
    except InputError as err:
        return _Fatal(err)
    # The postings are cut here, on the worker: the one writer only inserts.
    return ready(doc_rows(job.rel, ledger, document, job.stamp, stale))


@dataclass(frozen=True)
class _Fatal:
    error: InputError


def _run(
    jobs: list[_Job], ledger_dir: Path, workers: int
) -> Iterator[DocRows | Stamp | InputError | _Fatal]:
    if workers <= 1 or len(jobs) < _INLINE:
        for job in jobs:
            yield _prepare(job, ledger_dir)
        return
    # Imported here: with multiprocessing, pickle and logging it is ~15 ms of a verify
    # whose index is current.
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        chunk = max(1, min(64, len(jobs) // (workers * 8)))
        yield from pool.map(_prepare, jobs, [ledger_dir] * len(jobs), chunksize=chunk)


def sync(
    store: Store,
    corpus: str,
    claims: str | None = None,
    *,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Update ``store`` to the sources under ``corpus``; ``progress(done, total)`` as it goes."""
    refuse_folder_update(store)  # it would drop an archive's every row
    started = time.perf_counter()
    root = Path(corpus)
    if not root.is_dir():
        raise InputError("corpus folder not found", path=corpus, hint="pass --corpus DIR")
    ledger_dir = ledger_folder(root, claims)
    errors: list[InputError] = []
    scanned = time.time_ns()
    # Relative paths and plain strings: the one pass every verify makes over the
    # whole corpus costs a stat of each source and ledger, nothing more.
    rels = gather_under(root, errors)
    prefix = folder_prefix(root)
    ledgers = ledger_dir.as_posix()
    summary = Summary(failed=list(errors))
    token, manifest, state = store.known()
    store.expect(token)
    summary.token = token
    store.reranked = False
    unread: set[str] = set()  # dropped from the index, as verify in memory leaves them out
    paths, stamps = _scan(prefix, rels, ledgers, summary, unread)
    if manifest is not None:
        todo, drop, kept = _against_manifest(store, manifest, prefix, paths, stamps)
        indexed = len(manifest.paths)
    else:
        assert state is not None
        todo, drop, kept = _against_state(state, prefix, paths, stamps)
        indexed = len(state)
    summary.unchanged = kept
    summary.removed = len([p for p in drop if p not in unread])
    batch: list[DocRows] = []
    touch: list[tuple[str, int, int, int, int]] = []
    workers = jobs or os.cpu_count() or 1
    # A build from nothing writes in one transaction and sorts its postings in once.
    fresh = not indexed and bool(todo)
    if fresh:
        store.begin_build()
    try:
        for n, (job, out) in enumerate(zip(todo, _run(todo, ledger_dir, workers), strict=True)):
            if isinstance(out, _Fatal):
                store.write(batch, rerank=False)  # what was done stays done
                if fresh:
                    store.finish_build()
                raise out.error
            if isinstance(out, InputError):
                summary.failed.append(out)
                if job.known is not None:
                    drop.append(job.rel)
            elif isinstance(out, DocRows):
                batch.append(out)
                if job.known is None:
                    summary.added += 1
                else:
                    summary.changed += 1
            else:
                touch.append((job.rel, *out))
                summary.unchanged += 1
            if len(batch) >= BATCH:
                store.write(batch, rerank=False)
                batch = []
            if progress is not None:
                progress(n + 1, len(todo))
        store.write(batch, drop, touch, rerank=True)
        if fresh:
            store.finish_build()
    finally:
        store.abort_build()  # only when the build did not finish
    if manifest is None or todo or drop:
        restamped = {rel: (size, mtime, lsize, lmtime) for rel, size, mtime, lsize, lmtime in touch}
        store.put_manifest(
            _next_manifest(store, manifest, state, paths, stamps, todo, drop, restamped, scanned)
        )
    summary.documents = summary.added + summary.changed + summary.unchanged
    summary.seconds = time.perf_counter() - started
    if store.reranked:
        summary.token = ""  # ranks rewritten: no earlier snapshot reads what this left
    return summary


def _stamp_at(stamps: array[int], i: int) -> Stamp:
    return stamps[4 * i], stamps[4 * i + 1], stamps[4 * i + 2], stamps[4 * i + 3]


def _against_state(
    state: dict[str, DocState], prefix: str, paths: list[str], stamps: array[int]
) -> tuple[list[_Job], list[str], int]:
    """The documents to read, the paths to drop and how many are unchanged, from every
    document's row (an index without a current manifest)."""
    todo: list[_Job] = []
    kept = 0
    for i, rel in enumerate(paths):
        stamp = _stamp_at(stamps, i)
        known = state.get(rel)
        if known is not None and stamp == known.stamp:
            kept += 1
        else:
            todo.append(_Job(prefix + rel, rel, stamp, known, i))
    seen = set(paths)
    return todo, sorted(p for p in state if p not in seen), kept


def _against_manifest(
    store: Store, manifest: Manifest, prefix: str, paths: list[str], stamps: array[int]
) -> tuple[list[_Job], list[str], int]:
    """The same from the manifest: positions compared as arrays, and only the rows of the
    documents that changed read from ``docs``."""
    if paths == manifest.paths:
        changed = differing(stamps, manifest.stamps)
        racy = set(manifest.recent(manifest.stamps)) - set(changed)
        drop: list[str] = []
    else:
        at = {p: i for i, p in enumerate(manifest.paths)}
        changed, maybe = [], []
        for i, rel in enumerate(paths):
            j = at.get(rel)
            if j is None or stamps[4 * i : 4 * i + 4] != manifest.stamps[4 * j : 4 * j + 4]:
                changed.append(i)
            else:
                maybe.append(i)
        racy = set(manifest.suspect(stamps, maybe))
        seen = set(paths)
        drop = sorted(p for p in manifest.paths if p not in seen)
    picked = sorted({*changed, *racy})
    known = store.doc_states(paths[i] for i in picked)
    todo = [
        _Job(
            prefix + paths[i],
            paths[i],
            _stamp_at(stamps, i),
            known.get(paths[i]),
            i,
            racy_ledger=i in racy and manifest.racy(stamps[4 * i + 3]),
        )
        for i in picked
    ]
    return todo, drop, len(paths) - len(picked)


def _next_manifest(
    store: Store,
    manifest: Manifest | None,
    state: dict[str, DocState] | None,
    paths: list[str],
    stamps: array[int],
    todo: list[_Job],
    drop: list[str],
    restamped: dict[str, Stamp],
    scanned: int,
) -> Manifest:
    """What ``docs`` holds after this sync: the readable files that are indexed, with
    the ids of those written and the stamps of those written or re-stamped."""
    gone = set(drop)
    for job in todo:
        if job.rel not in store.written and job.rel not in restamped:
            gone.add(job.rel)  # unreadable: dropped, or never added
    if manifest is not None and paths == manifest.paths and not gone:
        docs = array("q", manifest.docs)
        for job in todo:
            if job.rel in store.written:
                docs[job.at] = store.written[job.rel]
        return Manifest(paths, docs, stamps, scanned)
    old: dict[str, int]
    if manifest is not None:
        old = dict(zip(manifest.paths, manifest.docs, strict=True))
    else:
        assert state is not None
        old = {p: s.doc for p, s in state.items()}
    out = Manifest([], array("q"), array("q"), scanned)
    for i, rel in enumerate(paths):
        if rel in gone:
            continue
        doc = store.written.get(rel, old.get(rel))
        if doc is None:
            continue
        out.paths.append(rel)
        out.docs.append(doc)
        out.stamps.extend(stamps[4 * i : 4 * i + 4])
    return out
