"""One check of an open document: its text as the editor holds it, against the corpus.

The same report ``claimcheck verify`` would give for the file with this text,
after the same CI steps a draft sees (severity overrides by rule, inline
``claimcheck-disable`` comments), so the editor and CI never disagree.
"""

from __future__ import annotations

from pathlib import Path

from claimcheck.ci import exit_policy, suppress
from claimcheck.loaders import documents
from claimcheck.lsp.project import Project
from claimcheck.models import Report, RunError
from claimcheck.verify import Corpus, Settings, statements
from claimcheck.verify.pipeline import verify


def check_text(text: str, path: Path, project: Project, corpus: Corpus) -> Report:
    """The report for ``text``, the editor's content of the document at ``path``."""
    shown = str(path)
    fmt = documents.FORMATS.get(path.suffix.lower(), "txt")
    if fmt == "docx":
        fmt = "txt"  # an editor holds text, never a .docx's bytes
    doc = documents.from_text(text, shown, fmt)
    s = project.settings
    settings = Settings(scope=s.scope, claims=s.claims, threshold=s.threshold)
    report = verify(None, corpus, settings, statements_=statements.from_document(doc, s.scope))
    # A new, empty file is not a draft nobody read: it has no notice yet.
    warnings = doc.warnings if text.strip() else ()
    notices = [
        RunError(path=shown, line=None, code="draft-not-checked", message=w) for w in warnings
    ]
    report = report.model_copy(update={"errors": notices})
    report = exit_policy.override(report, s.severity)
    return suppress.apply(report, {shown: text})
