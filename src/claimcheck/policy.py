"""From a finished report to an exit code, and the per-rule severity overrides.

Exit codes: 0 nothing at or above the fail level, 1 findings, 2 the run failed
(a run error that is not a notice about the draft). Where the report is
written never matters: the same report gives the same code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from claimcheck.models import Report, Result, RunError, Severity, Summary
from claimcheck.rules import is_notice, rule_of

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


def summarise(results: Sequence[Result], errors: Sequence[RunError] = ()) -> Summary:
    """Counts of what is left; suppressed results count only as suppressed.

    The one place a Summary is counted: verify builds the first one, and the CI
    layer recounts after severity overrides and suppressions.
    """
    verdicts = Counter(r.verdict for r in results)
    live = Counter(r.severity for r in results if not r.suppressed)
    notices = sum(1 for e in errors if is_notice(e))
    return Summary(
        statements=len(results),
        exact=verdicts["exact"],
        fuzzy=verdicts["fuzzy"],
        missing=verdicts["missing"],
        misattributed=sum(1 for r in results if r.attribution == "mismatch"),
        errors=live["error"],
        warnings=live["warning"] + notices,
        infos=live["info"],
        suppressed=sum(1 for r in results if r.suppressed),
    )


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
