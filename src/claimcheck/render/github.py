"""GitHub Actions workflow commands: one annotation per finding, errors first.

GitHub shows at most 10 error and 10 warning annotations per step and drops
the rest silently, so the dropped count is said in a final notice.
"""

from __future__ import annotations

from claimcheck.catalogue import is_notice
from claimcheck.models import Report
from claimcheck.render.findings import Finding, findings
from claimcheck.render.words import plural

LIMIT = 10
_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    props = [
        ("file", f.path),
        ("line", str(f.line)),
        ("col", str(f.column)),
        ("endLine", str(f.end_line)),
        ("endColumn", str(f.end_column)),
        ("title", f"claimcheck {f.rule}: {f.title}"),
    ]
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    message = f.message
    if f.result is not None and f.result.source is not None:
        s = f.result.source
        message += f"\nSource: {s.document}:{s.line}: {s.passage or s.text}"
    return f"::{_LEVEL[f.severity]} {head}::{escape_data(message)}"


def render(report: Report, *, include_info: bool = False) -> str:
    lines: list[str] = []
    shown = {"error": 0, "warning": 0, "info": 0}
    dropped = {"error": 0, "warning": 0, "info": 0}
    for f in findings(report, include_info=include_info):
        if shown[f.severity] < LIMIT:
            shown[f.severity] += 1
            lines.append(annotation(f))
        else:
            dropped[f.severity] += 1
    for e in report.errors:
        if not is_notice(e):
            where = f"file={escape_property(e.path)}," if e.path else ""
            title = escape_property(f"claimcheck {e.code}")
            lines.append(f"::error {where}title={title}::{escape_data(e.message)}")
    if any(dropped.values()):
        parts = [f"{n} more {plural(n, sev)}" for sev, n in dropped.items() if n]
        lines.append(
            "::notice title=claimcheck::GitHub shows 10 annotations of each kind per step; "
            + escape_data(", ".join(parts))
            + " are in the log and the job summary."
        )
    return "".join(line + "\n" for line in lines)
