"""From a finished report to an exit code, and the per-rule severity overrides.

Exit codes: 0 nothing at or above the fail level, 1 findings, 2 the run failed
(a run error that is not a notice about the draft). Where the report is
written never matters: the same report gives the same code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from claimcheck.catalogue import is_notice, rule_of
from claimcheck.models import Report, Result, Severity
from claimcheck.verify.summary import summarise

FailOn = Literal["error", "warning", "info", "never"]
_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class ExitPolicy:
    fail_on: FailOn = "error"
    max_warnings: int | None = None
    exit_zero: bool = False


def override(report: Report, severities: Mapping[str, Severity]) -> Report:
    """Re-grade results by their rule id, e.g. ``{"speaker-conflict": "warning"}``.

    The key is the result's primary rule (the one every format shows), so a
    user overrides exactly the name they read in the output.
    """
    if not severities:
        return report
    results = [_regrade(r, severities) for r in report.results]
    return with_results(report, results)


def _regrade(result: Result, severities: Mapping[str, Severity]) -> Result:
    wanted = severities.get(rule_of(result))
    if wanted is None or wanted == result.severity:
        return result
    return result.model_copy(update={"severity": wanted})


def with_results(report: Report, results: list[Result]) -> Report:
    summary = summarise(results, report.errors)
    return report.model_copy(update={"results": results, "summary": summary})


def exit_code(report: Report, policy: ExitPolicy) -> int:
    if any(not is_notice(e) for e in report.errors):
        return 2
    if policy.exit_zero:
        return 0
    s = report.summary
    if policy.max_warnings is not None and s.warnings > policy.max_warnings:
        return 1
    if policy.fail_on == "never":
        return 0
    floor = _RANK[policy.fail_on]
    counts = {"error": s.errors, "warning": s.warnings, "info": s.infos}
    return 1 if any(n and _RANK[sev] >= floor for sev, n in counts.items()) else 0
