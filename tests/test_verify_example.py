"""The example draft exercises every verdict, attribution and flag; its report is a golden file."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest
from pytest_regressions.data_regression import DataRegressionFixture

from claimcheck import verify
from claimcheck.models import FLAGS, GUARD_FLAGS, Report

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def report() -> Report:
    with contextlib.chdir(ROOT):  # paths in the report are as given: relative to the repository
        return verify(["examples/draft.md"], "corpus")


def test_golden_report(report: Report, data_regression: DataRegressionFixture) -> None:
    data: dict[str, Any] = report.model_dump(mode="json")
    data_regression.check(data)


def test_example_covers_everything(report: Report) -> None:
    results = report.results
    assert {r.verdict for r in results} == {"exact", "fuzzy", "missing"}
    assert {r.attribution for r in results} == {
        "match",
        "mismatch",
        "unattributed-source",
        "not-stated",
        "not-applicable",
    }
    assert {f for r in results for f in r.flags} == set(FLAGS) - set(GUARD_FLAGS)
    assert {r.severity for r in results} == {"error", "warning", "info"}


def test_report_is_deterministic(report: Report) -> None:
    with contextlib.chdir(ROOT):
        again = verify(["examples/draft.md"], "corpus")
    assert again.model_dump_json() == report.model_dump_json()
    assert len({r.id for r in report.results}) == len(report.results)
