"""``claimcheck extract``: articles become claims ledgers."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.common import AllowOutsideOpt, confine, fail, say
from claimcheck.errors import ClaimcheckError, UsageError
from claimcheck.files import encodable


class ExtractFormat(StrEnum):
    summary = "summary"
    json = "json"
    jsonl = "jsonl"
    text = "text"


class Engine(StrEnum):
    local = "local"
    dask = "dask"


def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="Source articles (.txt .md .html .docx) or folders of them; or archives "
            "with one article per row (.jsonl .parquet, globs, URLs).",
        ),
    ],
    fmt: Annotated[
        ExtractFormat | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="summary (a row per article), text (every claim, to review), "
            "json (one ledger) or jsonl (one ledger per line); default summary, "
            "jsonl for an archive.",
        ),
    ] = None,
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            metavar="DIR|TABLE",
            help="Write DIR/<name>.json, one ledger per article; or claims as rows of a "
            "Parquet table: X.parquet (one file) or X.parquet/ (a folder of parts).",
        ),
    ] = None,
    allow_outside: AllowOutsideOpt = None,
    check: Annotated[
        bool, typer.Option("--check", help="With --out DIR: exit 1 if any ledger is stale.")
    ] = False,
    engine: Annotated[
        Engine | None,
        typer.Option(
            "--engine",
            metavar="ENGINE",
            help="local (this process; the default) or dask (a Dask cluster).",
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="The Dask scheduler (tcp://host:8786); without it, dask starts a "
            "cluster on this machine.",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", min=1, metavar="N", help="Workers of that local cluster (default: cores)."
        ),
    ] = None,
    columns: Annotated[
        str | None,
        typer.Option(
            "--columns",
            metavar="ROLE=NAME,…",
            help="An archive's fields, where not id, text, title, date, url: "
            "e.g. id=article_id,text=body.",
        ),
    ] = None,
    body: Annotated[
        str,
        typer.Option(
            "--body", metavar="FORMAT", help="An archive's bodies: auto, txt, html or md."
        ),
    ] = "auto",
    partition_size: Annotated[
        str,
        typer.Option(
            "--partition-size", metavar="SIZE", help="Archive bytes per partition (default 8MB)."
        ),
    ] = "8MB",
    index: Annotated[
        str | None,
        typer.Option(
            "--index",
            metavar="FILE|URL",
            help="With an archive: fill this index (a file, or postgresql://…) as it goes.",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", metavar="N", min=1, help="With --out: processes (default: every core)."
        ),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="With --out: list every ledger written.")
    ] = False,
) -> None:
    """Split articles into attributed claims: who says what (the claims ledger).

    Each claim is a direct quote, reported speech or the writer's own factual
    sentence, with its speaker resolved to one person ("Das", "she" and
    "Dr. Shubhamitra Das" are one speaker). Ledgers written with --out are what
    verify checks drafts against; correct one by hand and set "reviewed": true,
    and the correction survives every later --out.

    An archive (JSON Lines or Parquet, one article per row) is cut into
    partitions and extracted here or, with --engine dask, on a Dask cluster;
    the claims are the same bytes either way (docs/archive.md).

    Examples:
      claimcheck extract corpus/
      claimcheck extract corpus/india-japan-defense.txt --format text
      claimcheck extract corpus/ --out claims/
      claimcheck extract 'archive/*.jsonl' --engine dask --out claims.parquet/

    Exit codes:
      0  done (with --check: every ledger is up to date)
      1  with --check: a ledger is stale (run again without --check)
      2  a file, row or partition could not be read or extracted, or a bad option
    """
    from claimcheck.corpus import ledgers
    from claimcheck.corpus.bulk import is_table
    from claimcheck.loaders.archive_plan import is_archive

    bulk = engine is not None or scheduler is not None or is_table(out) or index is not None
    if bulk or any(is_archive(p) for p in paths):
        options = (fmt, out, check, engine, scheduler, workers, columns, body, partition_size)
        _extract_archive(paths, *options, index)
        return
    out_dir = Path(out) if out is not None else None
    fmt = fmt or ExtractFormat.summary
    try:
        confine(None, allow_outside, *paths, out)
        if out_dir is not None:
            from claimcheck.cli.index import progress_bar

            with progress_bar("extracting") as tick:
                outcome = ledgers.write_ledgers(
                    paths, out_dir, check=check, jobs=jobs, progress=tick
                )
            for line in outcome.messages:
                say(line)
            if verbose:
                for path in outcome.written:
                    say(f"wrote {path}")
            if not check:
                say(outcome.line(out_dir))
                _update_index(paths, out_dir, jobs)
            # A file that could not be read outranks a stale ledger.
            raise typer.Exit(2 if outcome.failed else 1 if (check and outcome.stale) else 0)
        if check:
            raise ClaimcheckError("--check needs --out DIR")
        rendered = ledgers.render_paths(paths, fmt.value)
    except ClaimcheckError as err:
        fail(err)
    sys.stdout.write(encodable(rendered.text))
    for line in rendered.messages:
        say(line)
    if rendered.failed:
        raise typer.Exit(2)


def _extract_archive(
    paths: list[str],
    fmt: ExtractFormat | None,
    out: str | None,
    check: bool,
    engine: Engine | None,
    scheduler: str | None,
    workers: int | None,
    columns: str | None,
    body: str,
    partition_size: str,
    index: str | None,
) -> None:
    from claimcheck.cli.index import progress_bar
    from claimcheck.corpus import bulk
    from claimcheck.index.archive import IndexWriter, RowsSink
    from claimcheck.loaders.archive import Columns
    from claimcheck.loaders.archive_plan import parse_size

    try:
        if check:
            raise UsageError("--check works with --out DIR (JSON ledgers), not with archives")
        if out is not None and not bulk.is_table(out):
            raise UsageError(
                f"--out {out}: an archive's claims go to a Parquet table",
                hint="--out X.parquet (one file) or X.parquet/ (a folder of parts); "
                "or print them with --format jsonl",
            )
        if fmt in (ExtractFormat.json, ExtractFormat.summary) and out is None and index is None:
            raise UsageError(
                f"--format {fmt.value} is for a few articles; use --format jsonl or text "
                "for an archive, or --out X.parquet"
            )
        options = bulk.Options(
            columns=Columns.parse(columns, body),
            fmt=(fmt or ExtractFormat.jsonl).value,
            out=out,
            engine="dask" if scheduler is not None else (engine or Engine.local).value,
            scheduler=scheduler,
            workers=workers,
            sinks=(RowsSink(),) if index else (),
            receivers=(IndexWriter(index),) if index else (),
            quiet=out is None and index is not None,
        )
        plan = bulk.plan_inputs(paths, options.columns, parse_size(partition_size))
        for line in plan.warnings:
            say(line)
        with progress_bar("extracting") as tick:
            outcome = bulk.run(plan.parts, options, _print, _say, progress=tick)
    except ClaimcheckError as err:
        fail(err)
    _say(outcome.line())
    if outcome.failed:
        raise typer.Exit(2)


def _print(text: str) -> None:
    sys.stdout.write(encodable(text))


def _say(line: str) -> None:
    say(line)


def _update_index(paths: list[str], out: Path, jobs: int | None) -> None:
    """An index beside the corpus folder follows the ledgers just written."""
    from claimcheck.index.location import default_index

    if len(paths) != 1 or not Path(paths[0]).is_dir():
        return
    where = default_index(paths[0])
    if not Path(where).is_file():
        return
    from claimcheck.cli.index import progress_bar
    from claimcheck.index.store import open_store
    from claimcheck.index.update import sync

    store = open_store(where)
    with progress_bar("indexing") as tick:
        summary = sync(store, paths[0], out.as_posix(), jobs=jobs, progress=tick)
    store.close()
    say(summary.line(where))
