"""The corpus as verify sees it: current ledgers and the index over their claims.

A stored ledger (``claims/<stem>.json``) is used only while its document's
sha256 is current; otherwise the document is extracted again now.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from claimcheck.corpus.gather import gather
from claimcheck.corpus.ledgers import read_ledger
from claimcheck.errors import InputError
from claimcheck.extract.pipeline import extract
from claimcheck.loaders import documents
from claimcheck.models import CorpusInfo, Ledger
from claimcheck.verify.index import ClaimIndex


@dataclass
class Corpus:
    """Ledgers and the index over their claims; build once, verify many times."""

    ledgers: list[Ledger]
    index: ClaimIndex
    _info: CorpusInfo | None = None

    @classmethod
    def from_ledgers(cls, ledgers: Iterable[Ledger], index: ClaimIndex | None = None) -> Corpus:
        index = index if index is not None else ClaimIndex()
        kept = list(ledgers)
        for ledger in kept:
            speakers = tuple(ledger.speakers)
            for claim in ledger.claims:
                index.add(claim, ledger.document.path, speakers)
        return cls(kept, index)

    def info(self) -> CorpusInfo:
        """Counts and fingerprint; computed once, as it walks every ledger (~0.2 s at 100k)."""
        if self._info is None:
            self._info = self._count()
        return self._info

    def _count(self) -> CorpusInfo:
        shas = sorted(ledger.document.sha256 for ledger in self.ledgers)
        digest = hashlib.sha256("\n".join(shas).encode()).hexdigest()[:16]
        claims = sum(len(ledger.claims) for ledger in self.ledgers)
        return CorpusInfo(documents=len(self.ledgers), claims=claims, fingerprint=digest)


def load_corpus(folder: str, claims: str | None = None) -> Corpus:
    """Every source under ``folder``; a ledger is used only while its sha256 is current."""
    if not Path(folder).is_dir():
        raise InputError("corpus folder not found", path=folder, hint="pass --corpus DIR")
    files = gather([folder])
    if not files:
        raise InputError("no source files in the corpus folder", path=folder)
    ledger_dir = Path(claims) if claims else Path(folder).parent / "claims"
    ledgers: list[Ledger] = []
    for f in files:
        doc = documents.load(f)
        stored = ledger_dir / f"{Path(f).stem}.json"
        ledger = read_ledger(stored) if stored.is_file() else None
        if ledger is None or ledger.document.sha256 != doc.sha256:
            ledger = extract(doc)
        ledgers.append(ledger)
    return Corpus.from_ledgers(ledgers)
