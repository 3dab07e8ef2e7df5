"""Inline suppressions in drafts, as HTML comments (invisible when Markdown renders).

    <!-- claimcheck-disable-next-line [rule ...] [-- reason] -->
    <!-- claimcheck-disable [rule ...] [-- reason] --> ... <!-- claimcheck-enable -->

"Next line" is the next non-blank line, since Markdown writers put a blank
line after a comment as often as not. A result is covered when its statement
*starts* on a covered line and, if rules are listed, its rule is one of them.
A comment that covers nothing is reported as a run error with code
``unused-suppression``: a notice about the draft (a warning, counted by
``--max-warnings``), never a failure of the run. Comments inside fenced code
blocks are examples, not directives.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from claimcheck.catalogue import rule_of
from claimcheck.ci.exit_policy import with_results
from claimcheck.models import Report, Result, RunError

_COMMENT = re.compile(
    r"<!--\s*claimcheck-(?P<kind>disable-next-line|disable|enable)\b"
    r"(?P<rules>[^>]*?)(?:\s--\s*(?P<reason>.*?))?\s*-->"
)
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
# Lines end as the report counts them (documents.Document), not as str.splitlines.
_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass
class Directive:
    path: str
    line: int
    kind: str
    first: int
    last: int
    rules: frozenset[str]
    reason: str | None
    used: bool = False

    def covers(self, result: Result) -> bool:
        s = result.statement
        if s.path != self.path or not self.first <= s.line <= self.last:
            return False
        return not self.rules or rule_of(result) in self.rules


def parse(path: str, text: str) -> list[Directive]:
    lines = _NEWLINE.split(text)
    found: list[Directive] = []
    open_block: Directive | None = None
    in_fence = False
    for number, line in enumerate(lines, start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            continue
        for m in _COMMENT.finditer(line):
            kind = m["kind"]
            rules = frozenset(m["rules"].replace(",", " ").split())
            reason = (m["reason"] or "").strip() or None
            if kind == "enable":
                if open_block is not None:
                    open_block.last = number - 1
                    open_block = None
                continue
            target = _next_nonblank(lines, number) if kind == "disable-next-line" else number
            d = Directive(path, number, kind, target, target, rules, reason)
            if kind == "disable":
                d.first, d.last = number + 1, len(lines)
                open_block = d
            found.append(d)
    return found


def _next_nonblank(lines: list[str], after: int) -> int:
    for number in range(after + 1, len(lines) + 1):
        if lines[number - 1].strip():
            return number
    return after + 1


def apply(report: Report, texts: Mapping[str, str]) -> Report:
    """Mark covered results suppressed and report the comments that covered nothing."""
    directives = [d for path in sorted(texts) for d in parse(path, texts[path])]
    results: list[Result] = []
    for r in report.results:
        hit = None if r.suppressed else next((d for d in directives if d.covers(r)), None)
        if hit is None:
            results.append(r)
            continue
        hit.used = True
        reason = hit.reason or f"claimcheck-{hit.kind} (no reason given)"
        results.append(r.model_copy(update={"suppressed": True, "suppression_reason": reason}))
    unused = [
        RunError(
            path=d.path,
            line=d.line,
            code="unused-suppression",
            message=f"claimcheck-{d.kind} suppressed nothing; delete it",
        )
        for d in directives
        if not d.used
    ]
    updated = report.model_copy(update={"errors": [*report.errors, *unused]})
    return with_results(updated, results)
