"""Exit codes under each failure policy, and per-rule severity overrides."""

from __future__ import annotations

import pytest

from ci_report import make_report
from claimcheck.ci.exit_policy import ExitPolicy, exit_code, override, with_results
from claimcheck.models import Report, RunError


def _only(report: Report, severity: str) -> Report:
    kept = [r for r in report.results if r.severity == severity and not r.suppressed]
    return with_results(report.model_copy(update={"errors": []}), kept)


@pytest.mark.parametrize(
    ("fail_on", "errors", "warnings", "infos", "clean"),
    [
        ("error", 1, 0, 0, 0),
        ("warning", 1, 1, 0, 0),
        ("info", 1, 1, 1, 0),
        ("never", 0, 0, 0, 0),
    ],
)
def test_fail_on_levels(fail_on: str, errors: int, warnings: int, infos: int, clean: int) -> None:
    report = make_report()
    policy = ExitPolicy(fail_on=fail_on)  # type: ignore[arg-type]
    assert exit_code(_only(report, "error"), policy) == errors
    assert exit_code(_only(report, "warning"), policy) == warnings
    assert exit_code(_only(report, "info"), policy) == infos
    assert exit_code(with_results(report.model_copy(update={"errors": []}), []), policy) == clean


def test_max_warnings_counts_unused_suppressions() -> None:
    report = _only(make_report(), "warning")
    assert report.summary.warnings == 2
    assert exit_code(report, ExitPolicy(max_warnings=2)) == 0
    assert exit_code(report, ExitPolicy(max_warnings=1)) == 1
    full = make_report()
    assert full.summary.warnings == 3  # two results and one unused suppression
    assert exit_code(full, ExitPolicy(fail_on="never", max_warnings=2)) == 1


def test_exit_zero_but_run_errors_still_exit_2() -> None:
    report = make_report()
    assert exit_code(report, ExitPolicy(exit_zero=True)) == 0
    broken = report.model_copy(
        update={"errors": [RunError(path="x.md", code="input", message="no such file")]}
    )
    assert exit_code(broken, ExitPolicy(exit_zero=True)) == 2
    assert exit_code(broken, ExitPolicy(fail_on="never")) == 2


def test_suppressed_results_never_fail() -> None:
    report = make_report()
    suppressed = [r for r in report.results if r.suppressed]
    only = with_results(report.model_copy(update={"errors": []}), suppressed)
    assert exit_code(only, ExitPolicy(fail_on="info")) == 0
    assert only.summary.suppressed == 1


def test_override_regrades_by_rule_id() -> None:
    report = make_report()
    softer = override(report, {"misattributed": "warning", "speaker-conflict": "error"})
    by_id = {r.id: r.severity for r in softer.results}
    assert by_id["a1f0c0de00000003"] == "warning"
    assert by_id["a1f0c0de00000004"] == "error"
    assert softer.summary.errors == report.summary.errors
    assert override(report, {}) is report
