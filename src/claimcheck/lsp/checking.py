"""One check of an open document: its text as the editor holds it, against the corpus.

The same report ``claimcheck verify`` would give for the file with this text,
after the same CI steps a draft sees (severity overrides by rule, inline
``claimcheck-disable`` comments), so the editor and CI never disagree.

An edit changes a sentence or two, so a ``Checker`` remembers each statement's
result by what ``verify.check`` reads of it (its words, speaker and kind):
the next check re-verifies only the statements the edit changed, and moves
the others to where they are now.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from claimcheck import __version__
from claimcheck.ci import exit_policy, suppress
from claimcheck.loaders import documents
from claimcheck.lsp.project import Project
from claimcheck.models import Report, Result, RunError, StatementRef, ToolInfo
from claimcheck.text import fold_key
from claimcheck.verify import Corpus, Settings, statements
from claimcheck.verify.checker import check, result_id
from claimcheck.verify.summary import summarise

_Key = tuple[Settings, str, str | None, str]
MAX_REMEMBERED = 20_000  # statements; a long session of many drafts starts afresh past this


class Checker:
    """Checks against one corpus, remembering each statement's result."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.known: dict[_Key, Result] = {}
        self.checked = 0  # statements verified, not remembered: what the cache saves is visible

    def check_all(self, items: Sequence[StatementRef], settings: Settings) -> list[Result]:
        """``verify.checker.check_all``, re-using what was checked before."""
        if len(self.known) > MAX_REMEMBERED:
            self.known.clear()
        seen: Counter[tuple[str, str]] = Counter()
        out: list[Result] = []
        for st in items:
            occurrence = (st.path, fold_key(st.text))
            seen[occurrence] += 1
            rid = result_id(st, seen[occurrence])
            key = (settings, st.text, st.speaker, st.kind)
            found = self.known.get(key)
            if found is None:
                found = self.known[key] = check(st, self.corpus, settings, rid)
                self.checked += 1
            out.append(found.model_copy(update={"id": rid, "statement": st}))
        return out

    def check_text(self, text: str, path: Path, project: Project) -> Report:
        """The report for ``text``, the editor's content of the document at ``path``."""
        shown = str(path)
        fmt = documents.FORMATS.get(path.suffix.lower(), "txt")
        if fmt == "docx":
            fmt = "txt"  # an editor holds text, never a .docx's bytes
        doc = documents.from_text(text, shown, fmt)
        s = project.settings
        settings = Settings(scope=s.scope, claims=s.claims, threshold=s.threshold)
        results = self.check_all(statements.from_document(doc, s.scope), settings)
        errors = [
            RunError(path=e.path, line=e.line, code=e.code, message=e.one_line())
            for e in self.corpus.errors
        ]
        # A new, empty file is not a draft nobody read: it has no notice yet.
        warnings = doc.warnings if text.strip() else ()
        errors += [RunError(path=shown, code="draft-not-checked", message=w) for w in warnings]
        report = Report(
            tool=ToolInfo(version=__version__),
            corpus=self.corpus.info(),
            summary=summarise(results),
            results=results,
            errors=errors,
        )
        report = exit_policy.override(report, s.severity)
        return suppress.apply(report, {shown: text})


def check_text(text: str, path: Path, project: Project, corpus: Corpus) -> Report:
    """One check with nothing remembered (what ``claimcheck verify`` on this text gives)."""
    return Checker(corpus).check_text(text, path, project)
