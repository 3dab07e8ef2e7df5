"""The ledger verify uses for a source file: its stored ledger while current, else a fresh one.

A stored ledger (``<ledgers>/<stem>.json``) is current while it records the
sha256 of the document's bytes; otherwise the document is extracted again now,
and the claims a person reviewed in the stale ledger are carried onto the new
extraction by the rule ``extract --out`` uses (``review.carry_corrections``):
an edit to a footer never loses a correction. One rule for the index in memory
and the index on disk, so both hold the same claims.
"""

from __future__ import annotations

from pathlib import Path

from claimcheck.corpus.ledgers import read_ledger
from claimcheck.corpus.review import carry_corrections
from claimcheck.extract.pipeline import extract
from claimcheck.loaders import documents
from claimcheck.loaders.documents import Document
from claimcheck.models import Ledger, RunError


def ledger_path(source: str, ledger_dir: Path) -> Path:
    return ledger_dir / f"{Path(source).stem}.json"


def current_ledger(source: str, ledger_dir: Path) -> tuple[Document, Ledger]:
    """The document and the ledger its claims come from (InputError when unreadable)."""
    doc = documents.load(source)
    return doc, ledger_of(doc, source, ledger_dir)


def ledger_of(doc: Document, source: str, ledger_dir: Path) -> Ledger:
    """The stored ledger while current, else a fresh one; a corrupt one is an InputError
    for the whole run (a person's corrections may be in it: never silently ignored)."""
    return ledger_and_notice(doc, source, ledger_dir, "")[0]


def ledger_and_notice(
    doc: Document, source: str, ledger_dir: Path, refresh: str
) -> tuple[Ledger, RunError | None]:
    """``ledger_of``, and a ``stale-ledger`` notice when the stored ledger was stale.

    ``refresh`` is the command that rewrites the stored ledgers, for the notice.
    """
    stored = ledger_path(source, ledger_dir)
    old = read_ledger(stored) if stored.is_file() else None
    if old is not None and old.document.sha256 == doc.sha256:
        return old, None
    fresh = extract(doc)
    if old is None:
        return fresh, None
    carried, orphans = carry_corrections(fresh, old)
    reviewed = sum(1 for c in old.claims if c.reviewed)
    kept = f"; {reviewed - len(orphans)} of its {reviewed} reviewed claims carried over"
    kept = kept if reviewed else ""
    lost = f" ({len(orphans)} no longer match: {', '.join(c.id for c in orphans)})"
    message = (
        f"ledger is stale: {source} changed since it was extracted, so it was extracted "
        f"again for this run{kept}{lost if orphans else ''}; refresh it: {refresh}"
    )
    notice = RunError(path=stored.as_posix(), line=None, code="stale-ledger", message=message)
    return carried, notice
