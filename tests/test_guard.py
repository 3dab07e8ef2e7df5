"""claimcheck guard: pairs of drafts where an edit kept or broke its quotations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from claimcheck.catalogue import rule_of
from claimcheck.guard import guard
from claimcheck.models import Report

CASES = Path(__file__).parent / "cases" / "guard" / "edits.yaml"
DATA: dict[str, Any] = yaml.safe_load(CASES.read_text(encoding="utf-8"))
BASE: str = DATA["base"]


def edited(case: dict[str, Any]) -> str:
    text = BASE
    for old, new in case["replace"]:
        assert old in text, f"{case['name']}: {old!r} is not in the base draft"
        text = text.replace(old, new)
    return text


def found(report: Report) -> list[str]:
    return sorted(
        f"{rule_of(r)}:{r.statement.line}"
        for r in report.results
        if r.severity != "info" and not r.suppressed
    )


@pytest.mark.parametrize("case", DATA["cases"], ids=[c["name"] for c in DATA["cases"]])
def test_case(case: dict[str, Any]) -> None:
    after = edited(case)
    if case["replace"]:
        assert after != BASE  # a case that changes nothing tests nothing
    report = guard(BASE, after, before_path="before.md", after_path="after.md")
    assert found(report) == sorted(case["expect"])
    assert len(report.results) == 7  # one result per quotation of the earlier version


def test_kept_quotes_are_info_with_their_source() -> None:
    report = guard(BASE, BASE, before_path="before.md", after_path="after.md")
    assert {r.severity for r in report.results} == {"info"}
    first = report.results[0]
    assert first.message == "Kept word for word."
    assert first.source is not None and first.source.document == "before.md"
    assert (first.source.line, first.source.column) == (3, 2)


def test_changed_quote_carries_the_word_diff_and_the_earlier_wording() -> None:
    report = guard(BASE, BASE.replace("12 seats", "15 seats"), after_path="after.md")
    (r,) = [r for r in report.results if r.severity == "error"]
    assert [(c.op, c.source, c.statement) for c in r.changes] == [("replace", "12", "15")]
    assert r.statement.text == "has 15 seats"
    assert r.source is not None and r.source.passage == "has 12 seats"
    assert '"12" became "15"' in r.message


def test_merge_names_the_other_quotation() -> None:
    after = BASE.replace(
        "“We’re ready for the next step,” Smith said on Monday.\n\n"
        "“The plan starts in March,” Smith said on Tuesday.",
        "“We’re ready for the next step, and the plan starts in March,” Smith said.",
    )
    merged = [r for r in guard(BASE, after).results if "quotes-merged" in r.flags]
    assert "“The plan starts in March” (line 13)" in merged[0].message


def test_reattribution_names_both_speakers() -> None:
    after = BASE.replace("result,” Berg said", "result,” Smith said")
    (r,) = [r for r in guard(BASE, after).results if r.severity == "error"]
    assert r.attribution == "mismatch"
    assert "gives it to Tom Berg, not Jane Smith" in r.message


def test_declared_removal_is_suppressed_with_its_reason() -> None:
    after = BASE.replace(
        "“Nobody expected this result,” Berg said later.",
        "<!-- claimcheck-removed: Nobody expected this result -- Berg withdrew it -->",
    )
    report = guard(BASE, after)
    (r,) = [r for r in report.results if r.suppressed]
    assert r.flags == ["quote-dropped"]
    assert r.suppression_reason == "declared removed: Berg withdrew it"
    assert report.summary.suppressed == 1 and report.summary.errors == 0


def test_allow_removed_names_a_quotation_by_its_first_words() -> None:
    after = BASE.replace("“Nobody expected this result,” Berg said later.\n\n", "")
    assert guard(BASE, after, allow_removed=["nobody expected this result"]).summary.errors == 0
    # Too few words to name a quotation: "we" would allow dropping any quote starting "We".
    assert guard(BASE, after, allow_removed=["Nobody expected"]).summary.errors == 1


def test_dropped_quote_is_placed_where_it_was() -> None:
    after = BASE.replace("“Nobody expected this result,” Berg said later.\n\n", "")
    (r,) = [r for r in guard(BASE, after, after_path="after.md").results if r.severity == "error"]
    assert r.statement.path == "after.md"
    assert r.statement.line == 9  # the line that followed it, now in its place
    assert after.splitlines()[8].startswith("“We’re ready")


def test_same_input_same_report() -> None:
    after = BASE.replace("12 seats", "15 seats")
    assert guard(BASE, after).model_dump_json() == guard(BASE, after).model_dump_json()
