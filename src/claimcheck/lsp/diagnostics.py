"""A report as LSP diagnostics: the statement's range, the CI severity, the rule, the source.

Verified quotes (rule ``verified``) and suppressed findings are not shown: an
editor marks what needs the writer. The rule id is the diagnostic's ``code``
(what a severity override or a suppression comment names), and the source
passage is its related information, so "go to" opens the source article.
"""

from __future__ import annotations

from dataclasses import dataclass

from lsprotocol import types

from claimcheck.catalogue import HELP_URL, is_notice, rule_of
from claimcheck.lsp.positions import Lines
from claimcheck.lsp.project import Project
from claimcheck.models import Report, Result, SourceRef

SOURCE = "claimcheck"
_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


@dataclass(frozen=True)
class Shown:
    """A diagnostic and the result it shows (None for a notice about the draft)."""

    diagnostic: types.Diagnostic
    result: Result | None
    start: int  # offsets of the range in the text
    end: int


def statement_span(result: Result, lines: Lines) -> tuple[int, int]:
    s = result.statement
    if s.start is not None and s.end is not None:
        return s.start, s.end
    return lines.offset(s.line, s.column), lines.offset(s.end_line, s.end_column)


def _related(source: SourceRef, project: Project, label: str) -> types.DiagnosticRelatedInformation:
    path = project.resolve(source.document)
    start = types.Position(max(source.line - 1, 0), max(source.column - 1, 0))
    end_line = source.end_line or source.line
    end_column = source.end_column or source.column
    end = types.Position(max(end_line - 1, 0), max(end_column - 1, 0))
    said = ", ".join(source.speakers) or "no speaker"
    passage = " ".join((source.passage or source.text).split())
    return types.DiagnosticRelatedInformation(
        location=types.Location(uri=path.as_uri(), range=types.Range(start, end)),
        message=f"{label} ({said}): “{passage}”",
    )


def diagnostics(report: Report, lines: Lines, project: Project) -> list[Shown]:
    out: list[Shown] = []
    for r in report.results:
        rule = rule_of(r)
        if r.suppressed or rule == "verified":
            continue
        start, end = statement_span(r, lines)
        related = [_related(r.source, project, "source")] if r.source else []
        if r.nearest is not None:
            related.append(_related(r.nearest, project, "nearest, not a match"))
        d = types.Diagnostic(
            range=lines.range(start, end),
            message=r.message,
            severity=_SEVERITY[r.severity],
            code=rule,
            code_description=types.CodeDescription(href=HELP_URL + rule),
            source=SOURCE,
            related_information=related or None,
        )
        out.append(Shown(d, r, start, end))
    for e in report.errors:
        if not is_notice(e):  # the run's own trouble (a corpus file it could not read)
            where = f"{e.path}: " if e.path else ""
            d = problem(f"{where}{e.message}", "claimcheck checked without a source: ")
            d.severity = types.DiagnosticSeverity.Warning
            d.code = e.code
            out.append(Shown(d, None, 0, 0))
            continue
        line = e.line or 1
        start, end = lines.line_start(line), lines.line_end(line)
        d = types.Diagnostic(
            range=lines.range(start, end),
            message=e.message,
            severity=types.DiagnosticSeverity.Warning,
            code=e.code,
            code_description=types.CodeDescription(href=HELP_URL + e.code),
            source=SOURCE,
        )
        out.append(Shown(d, None, start, end))
    out.sort(key=lambda s: (s.start, s.end, str(s.diagnostic.code)))
    return out


def problem(
    message: str, lead: str = "claimcheck could not check this draft: "
) -> types.Diagnostic:
    """At the top of the draft: it could not be checked (a bad config, no corpus), or the
    corpus it was checked against is missing a file."""
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=lead + message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )
