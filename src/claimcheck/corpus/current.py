"""The ledger verify uses for a source file: its stored ledger while current, else a fresh one.

A stored ledger (``<ledgers>/<stem>.json``) is current while it records the
sha256 of the document's bytes; otherwise the document is extracted again now.
One rule for the index in memory and the index on disk, so both hold the same
claims.
"""

from __future__ import annotations

from pathlib import Path

from claimcheck.corpus.ledgers import read_ledger
from claimcheck.extract.pipeline import extract
from claimcheck.loaders import documents
from claimcheck.loaders.documents import Document
from claimcheck.models import Ledger


def ledger_path(source: str, ledger_dir: Path) -> Path:
    return ledger_dir / f"{Path(source).stem}.json"


def current_ledger(source: str, ledger_dir: Path) -> tuple[Document, Ledger]:
    """The document and the ledger its claims come from (InputError when unreadable)."""
    doc = documents.load(source)
    return doc, ledger_of(doc, source, ledger_dir)


def ledger_of(doc: Document, source: str, ledger_dir: Path) -> Ledger:
    """The stored ledger while current, else a fresh one; a corrupt one is an InputError
    for the whole run (a person's corrections may be in it: never silently ignored)."""
    stored = ledger_path(source, ledger_dir)
    ledger = read_ledger(stored) if stored.is_file() else None
    if ledger is None or ledger.document.sha256 != doc.sha256:
        ledger = extract(doc)
    return ledger
