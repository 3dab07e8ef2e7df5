"""reviewdog Diagnostic Format: ``rdjson`` (one object) and ``rdjsonl`` (one per line).

reviewdog columns are 1-based UTF-8 *byte* offsets, end exclusive, while the
report counts code points; converting needs the line's text, so the caller
passes the drafts' texts (read through ``documents``). Without a draft's text
its columns stay code points, which agree for ASCII lines.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from claimcheck.catalogue import HELP_URL
from claimcheck.models import Report
from claimcheck.render.findings import Finding, findings, quoted_source

_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
_NEWLINE = re.compile(r"\r\n|\r|\n")


class ByteColumns:
    """Code-point columns to UTF-8 byte columns, per draft."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self._lines = {path: _NEWLINE.split(text) for path, text in texts.items()}

    def __call__(self, path: str, line: int, column: int) -> int:
        lines = self._lines.get(path)
        if lines is None or not 1 <= line <= len(lines):
            return column
        return len(lines[line - 1][: column - 1].encode("utf-8")) + 1


def _range(f: Finding, cols: ByteColumns) -> dict[str, Any]:
    return {
        "start": {"line": f.line, "column": cols(f.path, f.line, f.column)},
        "end": {"line": f.end_line, "column": cols(f.path, f.end_line, f.end_column)},
    }


def diagnostic(f: Finding, cols: ByteColumns) -> dict[str, Any]:
    rng = _range(f, cols)
    out: dict[str, Any] = {
        "message": f.message,
        "location": {"path": f.path, "range": rng},
        "severity": _SEVERITY[f.severity],
        "source": {"name": "claimcheck", "url": "https://claimcheck.dev"},
        "code": {"value": f.rule, "url": HELP_URL + f.rule},
    }
    r = f.result
    if r is None:
        return out
    replacement = quoted_source(r)
    if replacement is not None:
        out["suggestions"] = [{"range": rng, "text": replacement}]
    evidence = r.source or r.nearest
    if evidence is not None:
        label = "Source" if r.source is not None else "Nearest (a hint only)"
        # Source columns would need the source text to become bytes: lines only.
        out["related_locations"] = [
            {
                "message": f"{label}: {evidence.passage or evidence.text}",
                "location": {
                    "path": evidence.document,
                    "range": {
                        "start": {"line": evidence.line},
                        "end": {"line": evidence.end_line or evidence.line},
                    },
                },
            }
        ]
    return out


def _diagnostics(report: Report, texts: Mapping[str, str]) -> list[dict[str, Any]]:
    cols = ByteColumns(texts)
    return [diagnostic(f, cols) for f in findings(report, include_info=False)]


def render(report: Report, texts: Mapping[str, str] | None = None) -> str:
    doc = {
        "source": {"name": "claimcheck", "url": "https://claimcheck.dev"},
        "severity": "ERROR" if report.summary.errors else "WARNING",
        "diagnostics": _diagnostics(report, texts or {}),
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def render_lines(report: Report, texts: Mapping[str, str] | None = None) -> str:
    return "".join(
        json.dumps(d, ensure_ascii=False, separators=(",", ":")) + "\n"
        for d in _diagnostics(report, texts or {})
    )
