"""``claimcheck report``: a saved JSON report re-rendered in any format."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.common import (
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
    emit,
    fail,
    load_settings,
    policy_flags,
)
from claimcheck.errors import ClaimcheckError


def report_cmd(
    file: Annotated[Path, typer.Argument(help="A report saved with --format json.")],
    fmt: FormatOpt = OutputFormat.text,
    report: ReportOpt = None,
    fail_on: FailOnOpt = None,
    max_warnings: MaxWarningsOpt = None,
    exit_zero: ExitZeroOpt = False,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
    baseline: BaselineOpt = None,
    diff: DiffOpt = None,
) -> None:
    """Re-render a saved JSON report in any format, under the CI failure policy."""
    from claimcheck.ci import outputs as ci

    try:
        loaded = load_settings(config, isolated, **policy_flags(fail_on, max_warnings, baseline))
        options = ci_options(loaded, fmt, report, exit_zero, diff)
        saved = ci.read_report(file)
    except ClaimcheckError as err:
        fail(err)
    emit(saved, options)
