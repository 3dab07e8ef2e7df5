"""Extraction at archive scale: parts of an archive extracted by an engine, in order.

``run_part`` is what a worker runs: read one part (``loaders.archive``),
extract each article, and hand the ledgers to what the run asked for: text
for stdout, an Arrow table for one Parquet file, or sinks that write on the
worker itself (a Parquet part per partition, ``PartFiles``; a shared index).
A row that cannot be read or extracted is reported and skipped; the part
goes on.

``extract_archive`` plans the parts, runs them on an engine
(``corpus.engines``: this process or a Dask cluster) and writes the results
in partition order, so both engines produce the same bytes.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from claimcheck.corpus import engines, table
from claimcheck.corpus.gather import gather
from claimcheck.errors import InputError, UsageError
from claimcheck.extract.pipeline import extract
from claimcheck.loaders import archive_plan
from claimcheck.loaders.archive import Article, Columns, Part, read_part
from claimcheck.models import ArticleInfo, Ledger, dump_json, dump_jsonl

# Beyond this many, errors and warnings are counted, not printed one by one.
MAX_MESSAGES = 100
Extracted = tuple[Article, Ledger]


class WorkerSink(Protocol):
    """What a worker does with a part's ledgers (picklable: it travels with the task).

    What ``write`` returns comes back to this process as the part's
    ``payloads[name]``, for the receivers (``Receiver``), in partition order."""

    @property
    def name(self) -> str: ...

    def write(self, index: int, items: list[Extracted]) -> object: ...


class Receiver(Protocol):
    """In this process: each part's payloads in partition order, then the end."""

    def open(self) -> None: ...

    def take(self, index: int, payloads: dict[str, Any]) -> None: ...

    def finish(self) -> list[str]: ...

    def abort(self) -> None: ...


@dataclass(frozen=True)
class PartFiles:
    """``folder/part-NNNNNN.parquet``, one per part, written by the worker that ran it."""

    folder: str
    name: str = "parts"

    def write(self, index: int, items: list[Extracted]) -> None:
        table.write_part(self.folder, index, table.to_table(_rows(items)))


@dataclass(frozen=True)
class Task:
    part: Part
    columns: Columns
    fmt: str | None = None
    table: bool = False
    sinks: tuple[WorkerSink, ...] = ()


@dataclass
class PartResult:
    index: int
    articles: int = 0
    claims: int = 0
    failed: int = 0
    messages: list[str] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)
    table: Any = None
    payloads: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0


def run_part(task: Task) -> PartResult:
    """Extract one part (on a worker, or here)."""
    started = time.perf_counter()
    result = PartResult(task.part.index)
    items: list[Extracted] = []
    for item in read_part(task.part, task.columns):
        if isinstance(item, InputError):
            result.messages.append(f"claimcheck: error: {item.one_line()}")
            result.failed += 1
            continue
        doc = item.document
        empty = "; its ledger has no claims" if not doc.blocks else ""
        result.messages.extend(f"claimcheck: warning: {doc.path}: {w}{empty}" for w in doc.warnings)
        try:
            ledger = extract(doc)
        except Exception as exc:  # one article's bug must not lose the other rows
            result.messages.append(
                f"claimcheck: error: {doc.path}: extraction failed ({engines.describe(exc)})"
            )
            result.failed += 1
            continue
        result.articles += 1
        result.claims += len(ledger.claims)
        if task.fmt is not None:
            result.pieces.append(_render(ledger, task.fmt))
        items.append((item, ledger))
    for sink in task.sinks:
        payload = sink.write(task.part.index, items)
        if payload is not None:
            result.payloads[sink.name] = payload
    if task.table:
        result.table = table.to_table(_rows(items))
    result.seconds = time.perf_counter() - started
    return result


def warm_up() -> None:
    """Load what the first part would (the extractor, its caches, the table code)."""
    from claimcheck.loaders.documents import from_text

    extract(from_text("“We will win,” Ana Ruiz, the coach, said on Monday. She was sure."))
    with contextlib.suppress(ImportError):
        table.schema()


def _rows(items: list[Extracted]) -> list[tuple[ArticleInfo, Ledger]]:
    return [(ArticleInfo(id=a.id, url=a.url, date=a.date), ledger) for a, ledger in items]


def _render(ledger: Ledger, fmt: str) -> str:
    if fmt == "jsonl":
        return dump_jsonl(ledger) + "\n"
    if fmt == "text":
        from claimcheck.render.ledger_text import render_ledger

        return render_ledger(ledger)
    return dump_json(ledger)


def plan_inputs(inputs: list[str], columns: Columns, partition_size: int) -> archive_plan.Plan:
    """The parts of the archives named (files, globs, URLs), or of the source files
    under the paths given; one run takes one kind or the other."""
    archives = [p for p in inputs if archive_plan.is_archive(p)]
    if archives and len(archives) < len(inputs):
        other = next(p for p in inputs if not archive_plan.is_archive(p))
        raise UsageError(
            f"{other} is not an archive, {archives[0]} is",
            hint="extract archives and folders of articles in separate runs",
        )
    if archives:
        files = archive_plan.expand(archives)
        if not files:
            raise InputError("no archive files found", path=", ".join(inputs))
        return archive_plan.plan(files, columns, partition_size)
    errors: list[InputError] = []
    files = gather(inputs, errors)
    if errors:
        raise errors[0]
    if not files:
        raise InputError("no source files found", path=", ".join(inputs))
    return archive_plan.plan_files(files, partition_size)


def is_table(out: str | None) -> bool:
    """``--out X.parquet`` (a file) or ``X.parquet/`` (a folder of parts)."""
    return out is not None and out.rstrip("/").lower().endswith(".parquet")


@dataclass(frozen=True)
class Options:
    columns: Columns = field(default_factory=Columns)
    fmt: str = "jsonl"
    out: str | None = None
    engine: str = "local"
    scheduler: str | None = None
    workers: int | None = None
    retries: int = 2
    sinks: tuple[WorkerSink, ...] = ()
    receivers: tuple[Receiver, ...] = ()
    quiet: bool = False  # no ledgers on stdout (an index run without --out)
    client: Any = None  # an open dask.distributed Client to use instead of starting one


@dataclass
class Outcome:
    parts: int = 0
    articles: int = 0
    claims: int = 0
    failed_rows: int = 0
    failed_parts: list[str] = field(default_factory=list)
    workers: int = 1
    seconds: float = 0.0  # from the first part submitted to the last written
    startup: float = 0.0  # starting or joining the cluster, before that
    destination: str | None = None

    @property
    def failed(self) -> bool:
        return bool(self.failed_rows or self.failed_parts)

    def line(self) -> str:
        """The run in one line, as ``extract --out`` ends."""
        rate = self.articles / self.seconds if self.seconds > 0 else 0.0
        workers = f"{self.workers} worker{'s' if self.workers != 1 else ''}"
        bad = f", {self.failed_rows:,} rows unreadable" if self.failed_rows else ""
        if self.failed_parts:
            bad += f", {len(self.failed_parts):,} partitions failed"
        start = f"; cluster start {self.startup:.1f} s" if self.startup >= 0.05 else ""
        where = f": {self.destination}" if self.destination else ""
        return (
            f"extract: {self.articles:,} articles ({self.claims:,} claims) in "
            f"{self.parts:,} partitions on {workers}{bad}, in {self.seconds:.1f} s "
            f"({rate:,.1f} articles/s{start}){where}"
        )


def run(
    parts: list[Part],
    options: Options,
    write: Callable[[str], object],
    say: Callable[[str], object],
    on_event: Callable[[engines.Event[PartResult]], object] | None = None,
    progress: Callable[[int, int, str], object] | None = None,
) -> Outcome:
    """Extract every part with the engine asked for, writing in partition order.

    ``write`` takes stdout's text, ``say`` stderr's lines, ``progress(parts done,
    parts, "N articles, R/s")`` is called as parts finish."""
    output = _Output(options, write)
    tasks = [(p.index, output.task(p, options)) for p in parts]
    collect = _Collector(parts, output, say, progress)
    started = time.perf_counter()
    try:
        output.open()
        if options.engine == "dask" or options.client is not None:
            collect.outcome.workers = _run_dask(tasks, options, collect, on_event, started)
        elif options.engine == "local":
            for event in engines.run_local(tasks, run_part, options.retries):
                collect.take(event)
                if on_event is not None:
                    on_event(event)
        else:
            raise UsageError(f"unknown engine {options.engine!r}", hint="use local or dask")
    except BaseException:
        output.abort()
        raise
    collect.outcome.seconds = time.perf_counter() - started - collect.outcome.startup
    for line in output.finish(len(parts), collect.failed):
        say(line)
    collect.flush_notes()
    collect.outcome.parts = len(parts)
    collect.outcome.destination = options.out
    return collect.outcome


def _run_dask(
    tasks: list[tuple[int, Task]],
    options: Options,
    collect: _Collector,
    on_event: Callable[[engines.Event[PartResult]], object] | None,
    started: float,
) -> int:
    def go(client: Any) -> int:
        collect.started = time.perf_counter()
        collect.outcome.startup = collect.started - started
        workers = engines.worker_count(client)  # at the start: one may be restarting at the end
        for event in engines.run_dask(client, tasks, run_part, options.retries):
            collect.take(event)
            if on_event is not None:
                on_event(event)
        return workers

    if options.client is not None:
        return go(options.client)
    with engines.dask_client(options.scheduler, options.workers) as client:
        return go(client)


class _Output:
    """Where the results go, in partition order: stdout, one Parquet file, or parts
    the workers wrote themselves."""

    def __init__(self, options: Options, write: Callable[[str], object]) -> None:
        self.write = write
        self.fmt: str | None = None
        self.file: table.TableFile | None = None
        self.folder: str | None = None
        self.written = 0
        out = options.out
        if out is None:
            self.fmt = None if options.quiet else options.fmt
        elif out.endswith("/") or _is_dir(out):
            self.folder = out.rstrip("/")
        else:
            self.file = table.TableFile(out)
        self.out = out
        self.sinks = options.sinks + ((PartFiles(self.folder),) if self.folder else ())
        self.receivers = options.receivers

    def open(self) -> None:
        for receiver in self.receivers:
            receiver.open()

    def task(self, part: Part, options: Options) -> Task:
        return Task(part, options.columns, self.fmt, self.file is not None, self.sinks)

    def take(self, result: PartResult) -> None:
        for piece in result.pieces:
            if self.written and self.fmt == "text":
                self.write("\n")
            self.write(piece)
            self.written += 1
        if self.file is not None and result.table is not None:
            self.file.write(result.table)
        for receiver in self.receivers:
            receiver.take(result.index, result.payloads)

    def finish(self, parts: int, failed: list[int]) -> list[str]:
        lines: list[str] = []
        if self.file is not None:
            self.file.commit()
        if self.folder is not None:
            # A failed part's file from an earlier run would mix old claims in.
            gone = table.tidy_parts(self.folder, parts, failed)
            if gone:
                lines.append(f"removed {len(gone)} parts of an earlier run: {self.folder}/")
        for receiver in self.receivers:
            lines.extend(receiver.finish())
        return lines

    def abort(self) -> None:
        if self.file is not None:
            self.file.abort()
        for receiver in self.receivers:
            receiver.abort()


def _is_dir(path: str) -> bool:
    import fsspec

    fs, p = fsspec.core.url_to_fs(path)
    return bool(fs.isdir(p))


class _Collector:
    """Takes events in any order and hands results to the output in partition order."""

    def __init__(
        self,
        parts: list[Part],
        output: _Output,
        say: Callable[[str], object],
        progress: Callable[[int, int, str], object] | None,
    ) -> None:
        self.parts = parts
        self.output = output
        self.say = say
        self.progress = progress
        self.started = time.perf_counter()
        self.finished = 0
        self.articles = 0
        self.outcome = Outcome()
        self.waiting: dict[int, PartResult | None] = {}
        self.failed: list[int] = []
        self.next = 0
        self.shown = 0
        self.hidden = 0

    def take(self, event: engines.Event[PartResult]) -> None:
        if isinstance(event, engines.Retry):
            self.note(
                f"claimcheck: warning: {self.parts[event.index].describe()} failed "
                f"(try {event.attempt}: {event.error}); trying again"
            )
            return
        if isinstance(event, engines.Failed):
            where = self.parts[event.index].describe()
            self.note(
                f"claimcheck: error: {where} failed on every try ({event.attempts}; "
                f"last: {event.error}); its articles are not in the output"
            )
            self.outcome.failed_parts.append(where)
            self.waiting[event.index] = None
            self.failed.append(event.index)
            self._advance(0)
        else:
            self.waiting[event.index] = event.result
            self._advance(event.result.articles)
        while self.next in self.waiting:
            result = self.waiting.pop(self.next)
            self.next += 1
            if result is not None:
                self._emit(result)

    def _advance(self, articles: int) -> None:
        self.finished += 1
        self.articles += articles
        if self.progress is not None:
            elapsed = time.perf_counter() - self.started
            rate = self.articles / elapsed if elapsed > 0 else 0.0
            note = f"{self.articles:,} articles, {rate:,.1f}/s"
            self.progress(self.finished, len(self.parts), note)

    def _emit(self, result: PartResult) -> None:
        self.outcome.articles += result.articles
        self.outcome.claims += result.claims
        self.outcome.failed_rows += result.failed
        for line in result.messages:
            self.note(line)
        self.output.take(result)

    def note(self, line: str) -> None:
        if self.shown >= MAX_MESSAGES:
            self.hidden += 1
            return
        self.say(line)
        self.shown += 1

    def flush_notes(self) -> None:
        if self.hidden:
            self.say(f"claimcheck: … and {self.hidden} more errors and warnings not shown")
