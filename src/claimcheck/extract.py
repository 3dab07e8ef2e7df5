"""``extract(document) -> Ledger``: the stage order for extraction."""

from __future__ import annotations

from claimcheck.documents import Document
from claimcheck.models import DocumentInfo, Ledger


def extract(document: Document) -> Ledger:
    info = DocumentInfo(path=document.path, sha256=document.sha256, title=document.title)
    return Ledger(document=info)
