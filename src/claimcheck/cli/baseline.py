"""``claimcheck baseline write``: today's findings recorded so only new ones fail."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.common import ConfigOpt, IsolatedOpt, configured_drafts, fail, load_settings
from claimcheck.cli.verify import run_verify
from claimcheck.errors import ClaimcheckError


def baseline_write(
    drafts: Annotated[
        list[str] | None, typer.Argument(help="Drafts (default: those the config selects).")
    ] = None,
    source: Annotated[
        Path | None,
        typer.Option("--from", help="Use a saved JSON report instead of running verify."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Default: the configured baseline.")
    ] = None,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
) -> None:
    """Write the fingerprints of today's errors and warnings to the baseline file."""
    from claimcheck.ci import baseline
    from claimcheck.ci import outputs as ci

    try:
        loaded = load_settings(config, isolated)
        target = output or Path(loaded.settings.baseline or "claimcheck-baseline.json")
        if source is not None:
            found = ci.read_report(source)
        else:
            if not drafts and loaded.file is not None:
                drafts = configured_drafts(loaded)
            if not drafts:
                raise ClaimcheckError("nothing to check: give a DRAFT or --from REPORT")
            found = run_verify(loaded, drafts)
        texts = ci.draft_texts(found, drafts or [])
        options = ci.Options(severity=loaded.settings.severity)
        count = baseline.write(ci.postprocess(found, texts, options), target)
    except ClaimcheckError as err:
        fail(err)
    typer.echo(f"claimcheck: wrote {count} finding(s) to {target.as_posix()}", err=True)
