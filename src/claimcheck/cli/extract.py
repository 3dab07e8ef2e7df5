"""``claimcheck extract``: articles become claims ledgers."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.common import fail
from claimcheck.errors import ClaimcheckError


class ExtractFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    text = "text"


def extract(
    paths: Annotated[list[str], typer.Argument(help="Files or folders of source articles.")],
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.json,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write <stem>.json ledgers into this folder.")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="With --out: exit 1 if any ledger is stale.")
    ] = False,
) -> None:
    """Split articles into attributed claims (the claims ledger)."""
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
    sys.stdout.write(rendered.text)
    for line in rendered.messages:
        typer.echo(line, err=True)
    if rendered.failed:
        raise typer.Exit(2)
