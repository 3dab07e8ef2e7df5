"""The ledger verify uses for a source file: its stored ledger while current, else a fresh one.

A stored ledger (``<ledgers>/<stem>.json``) is current while it records the
sha256 of the document's bytes; otherwise the document is extracted again now,
and the claims a person reviewed in the stale ledger are carried onto the new
extraction by the rule ``extract --out`` uses (``review.carry_corrections``):
an edit to a footer never loses a correction. One rule for the index in memory
and the index on disk, so both hold the same claims.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from claimcheck.corpus.ledgers import read_ledger
from claimcheck.corpus.review import carry_corrections
from claimcheck.loaders import documents
from claimcheck.loaders.documents import Document
from claimcheck.models import Ledger, RunError


def ledger_folder(corpus: str | Path, claims: str | Path | None) -> Path:
    """Where a corpus's ledgers are: ``claims`` if given, else ``claims/`` beside the corpus
    (the default of ``extract --out``, verify and the index alike)."""
    return Path(claims) if claims else Path(corpus).parent / "claims"


def ledger_path(source: str, ledger_dir: Path) -> Path:
    return ledger_dir / f"{Path(source).stem}.json"


def current_ledger(source: str, ledger_dir: Path) -> tuple[Document, Ledger]:
    """The document and the ledger its claims come from (InputError when unreadable)."""
    doc = documents.load(source)
    return doc, ledger_of(doc, source, ledger_dir)


def ledger_of(doc: Document, source: str, ledger_dir: Path) -> Ledger:
    """The stored ledger while current, else a fresh one; a corrupt one is an InputError
    for the whole run (a person's corrections may be in it: never silently ignored)."""
    return ledger_and_staleness(doc, source, ledger_dir)[0]


def ledger_and_notice(
    doc: Document, source: str, ledger_dir: Path, refresh: str
) -> tuple[Ledger, RunError | None]:
    """``ledger_of``, and a ``stale-ledger`` notice when the stored ledger was stale.

    ``refresh`` is the command that rewrites the stored ledgers, for the notice.
    """
    ledger, stale = ledger_and_staleness(doc, source, ledger_dir)
    if stale is None:
        return ledger, None
    return ledger, stale_notice(source, ledger_dir, stale, refresh)


@dataclass(frozen=True)
class Stale:
    """What a stale ledger's re-extraction kept: its reviewed claims, and those lost."""

    reviewed: int
    orphans: tuple[str, ...]  # ids of reviewed claims that no longer match


def ledger_and_staleness(
    doc: Document, source: str, ledger_dir: Path
) -> tuple[Ledger, Stale | None]:
    """The ledger verify uses, and, when the stored one was stale, what carrying kept.

    The index stores the ``Stale`` of each document, so a verify answered from it
    gives the notice a verify in memory gives (``stale_notice``)."""
    stored = ledger_path(source, ledger_dir)
    old = read_ledger(stored) if stored.is_file() else None
    if old is not None and old.document.sha256 == doc.sha256:
        return old, None
    # Imported here: the extractor is 0.3-0.8 s of imports (its patterns compile),
    # and an index update or a verify whose ledgers are current never extracts.
    from claimcheck.extract.pipeline import extract

    fresh = extract(doc)
    if old is None:
        return fresh, None
    carried, orphans = carry_corrections(fresh, old)
    reviewed = sum(1 for c in old.claims if c.reviewed)
    return carried, Stale(reviewed, tuple(c.id for c in orphans))


def stale_notice(source: str, ledger_dir: Path, stale: Stale, refresh: str) -> RunError:
    stored = ledger_path(source, ledger_dir)
    carried = stale.reviewed - len(stale.orphans)
    kept = f"; {carried} of its {stale.reviewed} reviewed claims carried over"
    kept = kept if stale.reviewed else ""
    lost = f" ({len(stale.orphans)} no longer match: {', '.join(stale.orphans)})"
    message = (
        f"ledger is stale: {source} changed since it was extracted, so it was extracted "
        f"again for this run{kept}{lost if stale.orphans else ''}; refresh it: {refresh}"
    )
    return RunError(path=stored.as_posix(), line=None, code="stale-ledger", message=message)


def refresh_command(folder: str, ledger_dir: Path) -> str:
    """The command a stale-ledger notice names."""
    return f"claimcheck extract {folder} --out {ledger_dir.as_posix()}"
