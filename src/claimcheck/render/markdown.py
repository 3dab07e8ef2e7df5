"""A Markdown table for a pull-request comment or ``$GITHUB_STEP_SUMMARY``."""

from __future__ import annotations

from claimcheck.catalogue import is_notice
from claimcheck.models import Report
from claimcheck.render.findings import findings
from claimcheck.render.words import count

_ICON = {"error": "❌ error", "warning": "⚠️ warning", "info": "ℹ️ info"}


def cell(text: str) -> str:
    """Table cells cannot hold pipes or newlines; HTML-looking text must stay text."""
    text = " ".join(text.split())
    for a, b in (("\\", "\\\\"), ("|", "\\|"), ("<", "&lt;"), (">", "&gt;"), ("`", "\\`")):
        text = text.replace(a, b)
    return text


# A pull-request comment holds 65,536 characters; a long table must stop early.
MAX_ROWS = 150


def render(report: Report, *, include_info: bool = False, max_rows: int = MAX_ROWS) -> str:
    s = report.summary
    out = ["## claimcheck", ""]
    verdict = "✅ no errors" if s.errors == 0 else f"❌ {count(s.errors, 'error')}"
    out.append(
        f"{verdict} · {count(s.warnings, 'warning')} · {count(s.statements, 'statement')}: "
        f"{s.exact} exact, {s.fuzzy} fuzzy, {s.missing} missing, "
        f"{s.misattributed} misattributed · {s.suppressed} suppressed"
    )
    out.append("")
    shown = findings(report, include_info=include_info)
    if shown:
        out.append("| | Location | Rule | Statement | Finding | Source |")
        out.append("|---|---|---|---|---|---|")
        for f in shown[:max_rows]:
            r = f.result
            said = f"“{cell(r.statement.text)}”" if r else ""
            if r and r.statement.speaker:
                said += f" — {cell(r.statement.speaker)}"
            where = ""
            if r and r.source is not None:
                where = f"{cell(r.source.document)}:{r.source.line}"
            out.append(
                f"| {_ICON[f.severity]} | {cell(f.path)}:{f.line}:{f.column} | {f.rule} "
                f"| {said} | {cell(f.message)} | {where} |"
            )
        if len(shown) > max_rows:
            out.append("")
            out.append(f"…and {len(shown) - max_rows} more; see the log or the JSON report.")
        out.append("")
    failures = [e for e in report.errors if not is_notice(e)]
    if failures:
        out.append("**Run errors**")
        out.append("")
        for e in failures:
            where = f"{cell(e.path)}: " if e.path else ""
            out.append(f"- {where}{cell(e.message)} ({e.code})")
        out.append("")
    return "\n".join(out)
