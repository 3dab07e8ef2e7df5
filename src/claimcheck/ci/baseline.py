"""Baselines: adopt the check on an existing archive and fail only on new findings.

A baseline is the set of fingerprints (``Result.id``) of today's unsuppressed
errors and warnings. The fingerprint holds the draft path and the statement's
words, not its line, so moving a paragraph keeps it matched; editing the
quote makes it a new finding, which is the point.
"""

from __future__ import annotations

import json
from pathlib import Path

from claimcheck import paths
from claimcheck.catalogue import rule_of
from claimcheck.ci.exit_policy import with_results
from claimcheck.errors import InputError
from claimcheck.files import write_atomic
from claimcheck.models import Report

VERSION = "1"
REASON = "baseline"


def render(report: Report) -> str:
    findings = sorted(
        (
            {"id": r.id, "rule": rule_of(r), "path": r.statement.path, "text": r.statement.text}
            for r in report.results
            if not r.suppressed and r.severity in ("error", "warning")
        ),
        key=lambda f: (f["path"], f["id"]),
    )
    doc = {"schema_version": VERSION, "tool": "claimcheck", "findings": findings}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def write(report: Report, path: Path) -> int:
    content = render(report)
    write_atomic(path, content)
    return len(json.loads(content)["findings"])


def read(path: Path) -> frozenset[str]:
    shown = path.as_posix()
    paths.check(path, shown)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(
            "no such baseline file", path=shown, hint="create it with: claimcheck baseline write"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read baseline ({exc})", path=shown) from None
    except json.JSONDecodeError as exc:
        msg = f"baseline is not valid JSON ({exc.msg}, line {exc.lineno})"
        raise InputError(msg, path=shown) from None
    findings = doc.get("findings") if isinstance(doc, dict) else None
    if not isinstance(findings, list) or not all(
        isinstance(f, dict) and isinstance(f.get("id"), str) for f in findings
    ):
        raise InputError("is not a claimcheck baseline (no findings[].id)", path=shown)
    return frozenset(f["id"] for f in findings)


def apply(report: Report, known: frozenset[str]) -> Report:
    """Known findings become suppressed (reason ``baseline``): kept in JSON, never failing."""
    results = [
        r.model_copy(update={"suppressed": True, "suppression_reason": REASON})
        if r.id in known and not r.suppressed
        else r
        for r in report.results
    ]
    return with_results(report, results)
