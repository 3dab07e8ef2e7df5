"""``claimcheck index``: build or update the corpus index that verify answers from."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Protocol

import typer

from claimcheck.cli.common import ConfigOpt, IsolatedOpt, fail, load_settings, say
from claimcheck.errors import ClaimcheckError


def index(
    corpus: Annotated[
        str | None,
        typer.Option(
            "--corpus", metavar="DIR", help="Folder of source articles (default: corpus)."
        ),
    ] = None,
    claims: Annotated[
        str | None,
        typer.Option(
            "--claims",
            metavar="DIR",
            help="Folder of ledgers written by extract --out (default: claims/ beside the corpus).",
        ),
    ] = None,
    location: Annotated[
        str | None,
        typer.Option(
            "--index",
            metavar="FILE|URL",
            help="Where the index is: a file, or a postgresql:// URL for a shared index "
            "(default: .claimcheck/index.sqlite beside the corpus).",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", metavar="N", min=1, help="Processes (default: every core)."),
    ] = None,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Start from an empty index (a corrupt or old one).")
    ] = False,
    table: Annotated[
        str | None,
        typer.Option(
            "--table",
            metavar="CLAIMS.parquet",
            help="Load an archive's claims table (extract --out X.parquet) into --index.",
        ),
    ] = None,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
) -> None:
    """Build or update the corpus index, so verify starts in a fraction of a second.

    The index keeps what verify looks up (the claims' sentences, their word
    3-grams and rare words, the documents' prose) in one SQLite file, or on a
    PostgreSQL server that a whole desk shares. Only documents whose size, time
    and then sha256 changed are read again; a document's ledger in claims/ is
    used while it is current (a person's corrections included), else the
    document is extracted now. extract --out and verify bring an existing index
    up to date themselves; an interrupted run leaves the index usable.

    Examples:
      claimcheck index
      claimcheck index --corpus archive/ --jobs 2
      claimcheck index --index postgresql://desk@db.example/claims
      claimcheck index --table claims.parquet/ --index archive.sqlite

    Exit codes:
      0  the index is up to date
      2  a usage or input problem (an unreadable source file is listed, the rest indexed)
    """
    from claimcheck.index.location import default_index
    from claimcheck.index.store import is_url, open_store
    from claimcheck.index.update import sync

    if table is not None:
        _load_table(table, location, rebuild)
        return
    try:
        loaded = load_settings(
            config,
            isolated,
            corpus=("--corpus", corpus),
            claims=("--claims", claims),
            index=("--index", location),
        )
        s = loaded.settings
        where = s.index or default_index(s.corpus)
        if rebuild:
            _discard(where, is_url(where))
        store = open_store(where, create=True)
        with progress_bar("indexing") as tick:
            summary = sync(store, s.corpus, s.claims, jobs=jobs, progress=tick)
        store.close()
    except ClaimcheckError as err:
        fail(err)
    for problem in summary.failed:
        say(f"claimcheck: error: {problem.one_line()}")
    say(summary.line(where))
    raise typer.Exit(2 if summary.failed else 0)


def _load_table(table: str, location: str | None, rebuild: bool) -> None:
    """An archive's index from its claims table (docs/archive.md)."""
    from claimcheck.errors import UsageError
    from claimcheck.index.archive import load_table
    from claimcheck.index.store import is_url

    try:
        if location is None:
            raise UsageError("--table needs --index FILE|URL: an archive has an index of its own")
        if rebuild:
            _discard(location, is_url(location))
        loaded = load_table(table, location)
    except ClaimcheckError as err:
        fail(err)
    say(loaded.line(location))


def _discard(where: str, url: bool) -> None:
    """An empty index in place of the old one (a file is replaced only once the new
    one exists: until then the old one is the index)."""
    from claimcheck.index.store import open_store

    if url:
        store = open_store(where, create=True)
        store.drop_all()
        store.close()
        return
    for suffix in ("", "-wal", "-shm"):
        try:
            os.unlink(where + suffix)
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise ClaimcheckError(f"cannot remove the index ({exc.strerror})", path=where) from None


class Tick(Protocol):
    def __call__(self, done: int, total: int, note: str = "") -> None: ...


@contextmanager
def progress_bar(label: str) -> Iterator[Tick | None]:
    """A progress bar on a terminal; nothing when stderr is piped or in CI.

    ``tick(done, total, note)``: the note (an archive run's articles and rate)
    is shown after the count."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[note]}"))
    # On stderr, the terminal that was checked. rich's default is stdout, which holds
    # the ledgers (``extract ARCHIVE > ledgers.jsonl`` got the bar's last newline), and
    # it would move what is written to stdout onto its own console: leave stdout alone.
    console = Console(stderr=True)
    with Progress(
        label,
        *columns,
        TimeRemainingColumn(),
        transient=True,
        console=console,
        redirect_stdout=False,
    ) as bar:
        task = bar.add_task(label, total=None, note="")

        def tick(done: int, total: int, note: str = "") -> None:
            bar.update(task, completed=done, total=total, note=note)

        yield tick
