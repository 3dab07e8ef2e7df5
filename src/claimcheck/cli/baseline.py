"""``claimcheck baseline write``: today's findings recorded so only new ones fail."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.common import (
    AllowOutsideOpt,
    ConfigOpt,
    IsolatedOpt,
    configured_drafts,
    confine,
    fail,
    load_settings,
    say,
)
from claimcheck.cli.verify import run_verify
from claimcheck.errors import ClaimcheckError


def baseline_write(
    drafts: Annotated[
        list[str] | None,
        typer.Argument(metavar="DRAFT...", help="Drafts (default: those the config selects)."),
    ] = None,
    source: Annotated[
        Path | None,
        typer.Option(
            "--from", metavar="REPORT", help="Use a saved JSON report instead of running verify."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Where to write (default: the config's baseline).",
        ),
    ] = None,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
    allow_outside: AllowOutsideOpt = None,
) -> None:
    """Record today's errors and warnings, so that verify --baseline fails only on new ones.

    A finding is known by its draft and its words, not its line: moving a
    paragraph keeps it known, editing the quote makes it new.

    Examples:
      claimcheck baseline write -o claimcheck-baseline.json
      claimcheck verify --baseline claimcheck-baseline.json
      claimcheck baseline write --from report.json

    Exit codes:
      0  written
      2  nothing to check, or a draft, corpus or report cannot be read
    """
    from claimcheck.ci import baseline
    from claimcheck.ci import outputs as ci
    from claimcheck.render import words

    try:
        loaded = load_settings(config, isolated)
        confine(loaded, allow_outside, *(drafts or []), source, output, config)
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
        n = baseline.write(ci.postprocess(found, texts, options), target)
    except ClaimcheckError as err:
        fail(err)
    written = words.count(n, "finding")
    say(f"claimcheck: wrote {written} to {target.as_posix()}")
