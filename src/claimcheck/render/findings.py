"""One flat view of what a CI format shows: results and draft notices, worst first.

Suppressed results are not findings (they stay in the JSON report); run errors
whose code is a rule (``unused-suppression``) are warnings about the draft.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.catalogue import BY_ID, is_notice, rule_of
from claimcheck.models import Report, Result, Severity

RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    severity: Severity
    rule: str
    message: str
    result: Result | None = None

    @property
    def title(self) -> str:
        return BY_ID[self.rule].short


def findings(
    report: Report, *, include_info: bool = True, include_suppressed: bool = False
) -> list[Finding]:
    out: list[Finding] = []
    for r in report.results:
        if (r.suppressed and not include_suppressed) or (r.severity == "info" and not include_info):
            continue
        s = r.statement
        out.append(
            Finding(
                s.path,
                s.line,
                s.column,
                s.end_line,
                s.end_column,
                r.severity,
                rule_of(r),
                r.message,
                r,
            )
        )
    for e in report.errors:
        if is_notice(e) and e.path is not None:
            line = e.line or 1
            out.append(Finding(e.path, line, 1, line, 1, "warning", e.code, e.message))
    out.sort(key=lambda f: (RANK[f.severity], f.path, f.line, f.column, f.rule))
    return out


def quoted_source(result: Result) -> str | None:
    """The exact source wording, the replacement a misquote fix offers."""
    if result.source is None or result.verdict != "fuzzy":
        return None
    return result.source.passage or result.source.text
