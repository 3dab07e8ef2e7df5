"""``claimcheck init``: a newsroom layout in a folder, nothing overwritten."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.common import fail
from claimcheck.errors import ClaimcheckError


def init(
    folder: Annotated[
        Path, typer.Argument(metavar="[DIR]", help="Where to write (created if missing).")
    ] = Path("."),
    bare: Annotated[
        bool,
        typer.Option("--bare", help="Only the config, the workflow and the hook; no samples."),
    ] = False,
) -> None:
    """Write a newsroom layout here: config, corpus/, claims/, drafts/, CI workflow, hook.

    Writes a commented claimcheck.toml, a sample source article in corpus/ with
    its ledger in claims/, a sample draft in drafts/ (wrong on purpose, to show
    what claimcheck reports), the GitHub Actions workflow and a pre-commit
    config. A file that exists is never overwritten: it is listed as skipped.

    Examples:
      claimcheck init
      claimcheck init newsroom && cd newsroom && claimcheck verify drafts/example.md
      claimcheck init --bare

    Exit codes:
      0  done (files that existed are skipped, not an error)
      2  the folder cannot be written
    """
    from claimcheck.ci import starter

    try:
        outcome = starter.init(folder, bare=bare)
    except OSError as exc:
        fail(ClaimcheckError(f"cannot write here ({exc.strerror})", path=folder.as_posix()))
    except ClaimcheckError as err:
        fail(err)
    width = max((len(p) for p, _ in outcome.written + outcome.skipped), default=0)
    where = "this folder" if folder == Path(".") else folder.as_posix()
    typer.echo(f"claimcheck init: a newsroom layout in {where}")
    for path, what in outcome.written:
        typer.echo(f"  wrote    {path.ljust(width)}  {what}")
    for path, why in outcome.skipped:
        typer.echo(f"  skipped  {path.ljust(width)}  {why}")
    if not outcome.written:
        typer.echo("Nothing written: every file is already there.")
        return
    go = "" if folder == Path(".") else f"cd {folder.as_posix()} && "
    typer.echo("\nNext:")
    if any(path == "drafts/example.md" for path, _ in outcome.written):
        typer.echo(f"  {go}claimcheck verify drafts/example.md   # what claimcheck reports")
    typer.echo(
        "  put your source articles in corpus/, then: claimcheck extract corpus/ --out claims/"
    )
    typer.echo("  put drafts in drafts/ and run: claimcheck verify")
