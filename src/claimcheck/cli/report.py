"""``claimcheck report``: a saved JSON report re-rendered in any format."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.common import (
    AllowOutsideOpt,
    BaselineOpt,
    ConfigOpt,
    DiffOpt,
    ExitZeroOpt,
    FailOnOpt,
    FormatOpt,
    IsolatedOpt,
    MaxWarningsOpt,
    OutputFormat,
    ReportOpt,
    ci_options,
    confine,
    emit,
    fail,
    load_settings,
    policy_flags,
    report_paths,
)
from claimcheck.errors import ClaimcheckError


def report_cmd(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="REPORT", help="A report saved with --format json or --report json:FILE."
        ),
    ],
    fmt: FormatOpt = OutputFormat.text,
    report: ReportOpt = None,
    fail_on: FailOnOpt = None,
    max_warnings: MaxWarningsOpt = None,
    exit_zero: ExitZeroOpt = False,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
    baseline: BaselineOpt = None,
    diff: DiffOpt = None,
    read_drafts: Annotated[
        bool,
        typer.Option(
            "--read-drafts",
            help="Open the drafts the report names (for inline suppressions and byte "
            "columns); off by default, as a report may come from anyone (see SECURITY.md).",
        ),
    ] = False,
    allow_outside: AllowOutsideOpt = None,
) -> None:
    """Print a saved JSON report in another format, exiting as verify would.

    Examples:
      claimcheck report claimcheck.json
      claimcheck report claimcheck.json --format sarif -o claimcheck.sarif
      claimcheck report claimcheck.json --fail-on warning

    Exit codes:
      0  nothing at the fail level
      1  findings at the fail level
      2  the report cannot be read, or a bad option
    """
    from claimcheck.ci import outputs as ci

    try:
        loaded = load_settings(config, isolated, **policy_flags(fail_on, max_warnings, baseline))
        confine(loaded, allow_outside, file, baseline, config, *report_paths(report))
        options = ci_options(loaded, fmt, report, exit_zero, diff)
        saved = ci.read_report(file)
    except ClaimcheckError as err:
        fail(err)
    # The paths inside a report are its author's words: opened only when asked.
    emit(saved, options, texts=None if read_drafts else {})
