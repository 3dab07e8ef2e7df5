"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Columns are code points (``columnKind: unicodeCodePoints``), end columns
exclusive, as in the report. The source passage is a ``relatedLocation``; a
misquote carries a ``fix`` whose replacement is the exact source wording.
Suppressed results stay in, with ``suppressions`` (inline comment: inSource;
baseline: external), so code scanning closes their alerts.
"""

from __future__ import annotations

import json
from typing import Any

from claimcheck.catalogue import HELP_URL, RULES, is_notice
from claimcheck.models import Report, SourceRef
from claimcheck.render.findings import Finding, findings, quoted_source

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _region(line: int, col: int, end_line: int, end_col: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": r.id,
            "name": r.name,
            "shortDescription": {"text": r.short},
            "fullDescription": {"text": r.full},
            "help": {"text": r.help},
            "helpUri": HELP_URL + r.id,
        }
        for r in RULES
    ]


def _related(source: SourceRef, index: int, label: str) -> dict[str, Any]:
    end_line = source.end_line or source.line
    end_col = source.end_column or source.column + len(source.text)
    return {
        "id": index,
        "message": {"text": f"{label}: {source.passage or source.text}"},
        "physicalLocation": {
            "artifactLocation": {"uri": source.document},
            "region": _region(source.line, source.column, end_line, end_col),
        },
    }


def _result(f: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    region = _region(f.line, f.column, f.end_line, f.end_column)
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index[f.rule],
        "level": _LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": f.path}, "region": region}}
        ],
    }
    r = f.result
    if r is None:
        out["partialFingerprints"] = {"claimcheck/v1": f"{f.rule}:{f.path}:{f.line}"}
        return out
    out["partialFingerprints"] = {"claimcheck/v1": r.id}
    related = []
    if r.source is not None:
        related.append(_related(r.source, 1, "Source"))
    elif r.nearest is not None:
        related.append(_related(r.nearest, 1, "Nearest (a hint only)"))
    if related:
        out["relatedLocations"] = related
    replacement = quoted_source(r)
    if replacement is not None:
        out["fixes"] = [
            {
                "description": {"text": "Use the exact source wording"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": f.path},
                        "replacements": [
                            {"deletedRegion": region, "insertedContent": {"text": replacement}}
                        ],
                    }
                ],
            }
        ]
    if r.suppressed:
        # Code scanning shows these as dismissed instead of dropping them silently.
        kind = "external" if r.suppression_reason == "baseline" else "inSource"
        suppression = {"kind": kind, "status": "accepted"}
        if r.suppression_reason:
            suppression["justification"] = r.suppression_reason
        out["suppressions"] = [suppression]
    out["properties"] = {"score": r.score, "verdict": r.verdict, "attribution": r.attribution}
    return out


def render(report: Report) -> str:
    rule_index = {r.id: i for i, r in enumerate(RULES)}
    results = [_result(f, rule_index) for f in findings(report, include_suppressed=True)]
    notifications = [
        {"level": "error", "message": {"text": e.message}, "descriptor": {"id": e.code}}
        | (
            {"locations": [{"physicalLocation": {"artifactLocation": {"uri": e.path}}}]}
            if e.path
            else {}
        )
        for e in report.errors
        if not is_notice(e)
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "claimcheck",
                "version": report.tool.version,
                "informationUri": "https://claimcheck.dev",
                "rules": _rules(),
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [
            {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
        ],
        "properties": {"corpusFingerprint": report.corpus.fingerprint},
    }
    doc = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
