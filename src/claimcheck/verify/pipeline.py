"""``verify(drafts, corpus, settings) -> Report``: the stage order for verification.

corpus → ledgers (current ``claims/<stem>.json`` or extracted now) → ClaimIndex;
drafts → statements; statement → match → judge → Result; Results → Report.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

from claimcheck import __version__, limits
from claimcheck.errors import ClaimcheckError, InputError
from claimcheck.loaders import documents
from claimcheck.loaders.documents import Document
from claimcheck.models import CorpusInfo, Report, RunError, StatementRef, Summary, ToolInfo
from claimcheck.verify import align, checker, statements
from claimcheck.verify.checker import Settings, check_all
from claimcheck.verify.corpus import Corpus, load_corpus
from claimcheck.verify.summary import summarise

__all__ = [
    "Corpus",
    "Settings",
    "failed_report",
    "forget_drafts",
    "load_corpus",
    "read_draft",
    "run",
    "verify",
]


def read_draft(
    path: str, scope: statements.Scope, stdin: str | None = None
) -> tuple[list[StatementRef], list[RunError]]:
    """Statements of one input (a statement file, a draft, or ``-``), and its notices.

    What the loader noticed (an empty file, an unclosed code fence that hides the
    rest) is a ``draft-not-checked`` notice: a green run must not hide a draft
    that was never read.
    """
    if path == "-":
        limits.check_size(len((stdin or "").encode("utf-8", "surrogatepass")), "-")
    doc = documents.from_text(stdin or "", "-") if path == "-" else documents.load(path)
    notices = [
        RunError(path=doc.path, line=None, code="draft-not-checked", message=w)
        for w in doc.warnings
    ]
    if path != "-" and statements.is_statement_file(path):
        return statements.from_file(doc), notices
    return _statements_of(doc, scope), notices


# A warm process (a watch loop, a server, the benchmark) verifies one draft again and
# again. Its statements are a function of its bytes, path and format (the extractor
# reads nothing else), and extracting them is most of the cost of reading a draft.
_DRAFTS: OrderedDict[tuple[object, ...], tuple[StatementRef, ...]] = OrderedDict()
_DRAFTS_KEPT = 8


def forget_drafts() -> None:
    """Forget the drafts' statements and parses kept by this process (as if every
    draft had changed)."""
    _DRAFTS.clear()
    checker.parsed.cache_clear()
    align.forget()  # the draft's words spelled out (the corpus windows' are kept)


def _statements_of(doc: Document, scope: statements.Scope) -> list[StatementRef]:
    """``statements.from_document``, remembered for the last few drafts by content."""
    key = (doc.path, doc.id, doc.format, doc.sha256, scope)
    found = _DRAFTS.get(key)
    if found is None:
        found = _DRAFTS[key] = tuple(statements.from_document(doc, scope))
        if len(_DRAFTS) > _DRAFTS_KEPT:
            _DRAFTS.popitem(last=False)
    else:
        _DRAFTS.move_to_end(key)
    return list(found)  # the models are frozen: two reports may share them


def verify(
    drafts: Sequence[str] | None = None,
    corpus: str | Corpus = "corpus",
    settings: Settings | None = None,
    *,
    statements_: Sequence[StatementRef] = (),
    stdin: str | None = None,
) -> Report:
    """Check drafts (paths, ``-``) and/or ready-made statements against a corpus.

    An unreadable draft does not stop the run: it is reported in ``errors``.
    A corpus that cannot be loaded raises ``ClaimcheckError``.
    """
    settings = settings or Settings()
    if not isinstance(corpus, Corpus):
        corpus = load_corpus(corpus, settings.claims)
    items: list[StatementRef] = list(statements_)
    errors = [
        RunError(path=e.path, line=e.line, code=e.code, message=e.one_line()) for e in corpus.errors
    ]
    errors += corpus.notices  # a stale ledger: a notice, not a failure
    for path in drafts or ():
        try:
            found, notices = read_draft(path, settings.scope, stdin)
            items.extend(found)
            errors.extend(notices)
        except ClaimcheckError as err:
            where = err.path or path
            errors.append(
                RunError(path=where, line=err.line, code=err.code, message=err.one_line())
            )
    results = check_all(items, corpus, settings)
    return Report(
        tool=ToolInfo(version=__version__),
        corpus=corpus.info(),
        summary=summarise(results),  # errors[] are counted by the CI layer
        results=results,
        errors=errors,
    )


def run(
    drafts: Sequence[str],
    corpus: str | Corpus,
    settings: Settings,
    *,
    text: str | None = None,
    speaker: str | None = None,
    stdin: str | None = None,
) -> Report:
    """The CLI's one library call: drafts plus an optional ``--text`` statement."""
    extra: list[StatementRef] = []
    if text is not None:
        if not text.strip():
            raise InputError("--text is empty")
        for option, value in (("--text", text), ("--speaker", speaker or "")):
            # The command line's bytes that are not UTF-8 arrive as surrogate escapes.
            if any("\ud800" <= ch <= "\udfff" for ch in value):
                raise InputError(f"{option} is not valid UTF-8", hint="check the terminal's locale")
        extra.append(statements.standalone(text, speaker))
    return verify(drafts, corpus, settings, statements_=extra, stdin=stdin)


def failed_report(err: ClaimcheckError) -> Report:
    """A report for a run that could not start (no corpus, a corrupt ledger).

    Programs reading ``--format json`` or SARIF get their format even then,
    with the problem in ``errors[]``; the exit code is 2.
    """
    return Report(
        tool=ToolInfo(version=__version__),
        corpus=CorpusInfo(documents=0, claims=0, fingerprint=""),
        summary=Summary(),
        errors=[RunError(path=err.path, line=err.line, code=err.code, message=err.one_line())],
    )
