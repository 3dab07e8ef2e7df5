"""``guard(before, after) -> Report``: every quotation of the earlier version, judged.

Each earlier quotation is one result, in the edited version's order: kept
(info), or changed, merged, re-attributed or dropped (errors). A dropped one
that the edited version declares removed (``removals``) is a suppressed
result, its reason kept, so the JSON report still shows what went.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from claimcheck import __version__
from claimcheck.guard import anchors, removals, results
from claimcheck.guard.pairing import pair
from claimcheck.guard.quotations import quotations
from claimcheck.loaders import documents
from claimcheck.loaders.documents import Document
from claimcheck.models import CorpusInfo, Report, Result, RunError, ToolInfo
from claimcheck.text import fold_key
from claimcheck.verify.summary import summarise


def guard(
    before: str,
    after: str,
    *,
    before_path: str = "<before>",
    after_path: str = "<after>",
    fmt: str | None = None,
    allow_removed: Iterable[str] = (),
) -> Report:
    """Check that an edit kept every quotation of ``before``; texts in memory.

    ``fmt`` is txt, md or html (default: what ``after_path``'s suffix says, else txt).
    ``allow_removed``: quotations (their first words) the edit may drop.
    """
    fmt = fmt or documents.FORMATS.get(Path(after_path).suffix.lower(), "txt")
    return guard_documents(
        documents.from_text(before, before_path, fmt),
        documents.from_text(after, after_path, fmt),
        allow_removed=allow_removed,
    )


def guard_documents(
    before: Document, after: Document, *, allow_removed: Iterable[str] = ()
) -> Report:
    """``guard`` for loaded documents (any format ``claimcheck.loaders`` reads)."""
    earlier, edited = quotations(before), quotations(after)
    declared = removals.declared(after.text) + removals.allowed(allow_removed)
    lines = anchors.line_map(before.text, after.text)
    edited_key = f" {fold_key(after.view)} "
    seen: Counter[str] = Counter()
    out: list[Result] = []
    for p in pair(earlier, edited):
        seen[p.before.key] += 1
        rid = results.result_id(after.path, p.before, seen[p.before.key])
        if p.after is not None:
            out.append(results.kept_or_changed(p, rid))
            continue
        where = anchors.anchor(p.before.ref, after, lines)
        unquoted = f" {p.before.key} " in edited_key
        r = results.dropped(p.before, where, rid, unquoted)
        removal = removals.declaring(declared, p.before.key)
        if removal is not None:
            r = r.model_copy(update={"suppressed": True, "suppression_reason": removal.reason})
        out.append(r)
    out.sort(key=lambda r: (r.statement.line, r.statement.column, r.source and r.source.line))
    notices = [
        RunError(path=d.path, line=None, code="draft-not-checked", message=w)
        for d in (before, after)
        for w in d.warnings
    ]
    return Report(
        tool=ToolInfo(version=__version__),
        corpus=CorpusInfo(
            documents=1,
            claims=len(earlier),
            fingerprint=hashlib.sha256(before.sha256.encode()).hexdigest()[:16],
        ),
        summary=summarise(out, notices),
        results=out,
        errors=notices,
    )
