"""``claimcheck extract``: articles become claims ledgers."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.common import fail
from claimcheck.errors import ClaimcheckError
from claimcheck.files import encodable


class ExtractFormat(StrEnum):
    summary = "summary"
    json = "json"
    jsonl = "jsonl"
    text = "text"


def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="Source articles (.txt .md .html .docx) or folders of them.",
        ),
    ],
    fmt: Annotated[
        ExtractFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="summary (a row per article), text (every claim, to review), "
            "json (one ledger) or jsonl (one ledger per line).",
        ),
    ] = ExtractFormat.summary,
    out: Annotated[
        Path | None,
        typer.Option("--out", metavar="DIR", help="Write DIR/<name>.json, one ledger per article."),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="With --out: exit 1 if any ledger is stale.")
    ] = False,
) -> None:
    """Split articles into attributed claims: who says what (the claims ledger).

    Each claim is a direct quote, reported speech or the writer's own factual
    sentence, with its speaker resolved to one person ("Das", "she" and
    "Dr. Shubhamitra Das" are one speaker). Ledgers written with --out are what
    verify checks drafts against; correct one by hand and set "reviewed": true,
    and the correction survives every later --out.

    Examples:
      claimcheck extract corpus/
      claimcheck extract corpus/india-japan-defense.txt --format text
      claimcheck extract corpus/ --out claims/
      claimcheck extract corpus/ --out claims/ --check

    Exit codes:
      0  done (with --check: every ledger is up to date)
      1  with --check: a ledger is stale (run again without --check)
      2  a file could not be read, or a bad option
    """
    from claimcheck.corpus import ledgers

    try:
        if out is not None:
            outcome = ledgers.write_ledgers(paths, out, check=check)
            for line in outcome.messages:
                typer.echo(line, err=True)
            # A file that could not be read outranks a stale ledger.
            raise typer.Exit(2 if outcome.failed else 1 if (check and outcome.stale) else 0)
        if check:
            raise ClaimcheckError("--check needs --out DIR")
        rendered = ledgers.render_paths(paths, fmt.value)
    except ClaimcheckError as err:
        fail(err)
    sys.stdout.write(encodable(rendered.text))
    for line in rendered.messages:
        typer.echo(line, err=True)
    if rendered.failed:
        raise typer.Exit(2)
