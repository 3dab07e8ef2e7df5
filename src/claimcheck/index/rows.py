"""One document as the rows of an index: its claims, sentence units, passages and postings.

Pure and picklable, so worker processes make rows and one process writes them.
Ids are local to the document (``0 … n-1`` per layer); the store composes them
with the document's id. Posting kinds: ``EXACT``, ``GRAM`` and ``WORD`` post
claim units, ``TEXT`` posts passages (the documents' prose).
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from claimcheck.corpus.current import Stale
from claimcheck.corpus.prose import passages
from claimcheck.index.keys import cut, exact_key, shingles, spoken_text, winnow, word_key
from claimcheck.loaders.documents import Document
from claimcheck.models import Claim, Ledger

EXACT, GRAM, WORD, TEXT = 0, 1, 2, 3
CLAIMS, PASSAGES = 0, 1  # entry layers
# Ids are (document << 22) | (layer << 21) | local: at most 2**21 entries a document.
LOCAL_BITS = 21
MAX_LOCAL = (1 << LOCAL_BITS) - 1


class EntryRow(NamedTuple):
    """A claim or passage of a document. Named tuples, not dataclasses: a build sends
    ~600,000 of them from the workers to the writer at 10k articles, and a frozen
    dataclass costs ~20 µs to unpickle (its ``__setstate__`` looks up its fields
    each time), a tuple well under one."""

    local: int
    start: int
    end: int
    key: str
    claim: str  # the Claim as JSON
    speaker: str | None
    kind: str
    first_unit: int
    units: int


class UnitRow(NamedTuple):
    local: int
    entry: int
    lo: int
    hi: int
    cs: int
    ce: int


@dataclass
class DocRows:
    """Everything the index keeps of one document."""

    path: str  # relative to the corpus folder, POSIX
    sha256: str
    size: int
    mtime_ns: int
    ledger_size: int
    ledger_mtime_ns: int
    speakers: str  # JSON list of Speaker
    # JSON of ``corpus.current.Stale`` when the stored ledger was stale and this
    # document was extracted again; "" otherwise (the notice verify repeats).
    stale: str = ""
    claims: list[EntryRow] = field(default_factory=list)
    units: list[UnitRow] = field(default_factory=list)
    passages: list[EntryRow] = field(default_factory=list)

    def flat(self) -> array[int]:
        """The postings, (kind, key, local id) after one another."""
        return flat_postings(self.claims, self.units, self.passages)


def flat_postings(
    claims: list[EntryRow], units: list[UnitRow], texts: list[EntryRow]
) -> array[int]:
    """The postings of stored rows, each once, as (kind, key, local id) after one
    another in one array: ~1,000 a news article, made on the worker and pickled as
    bytes instead of as ~1,000 tuples. Deleting a document recomputes them from its
    rows."""
    out: list[int] = []
    add = out.extend
    for u in units:
        words = claims[u.entry].key[u.cs : u.ce].split()
        local = u.local
        add((EXACT, exact_key(words), local))
        for h in winnow(shingles(words)):
            add((GRAM, h, local))
        for k in map(word_key, set(words)):
            add((WORD, k, local))
    for p in texts:
        local = p.local
        for k in map(word_key, set(p.key.split())):
            add((TEXT, k, local))
    return array("q", out)


def triples(flat: array[int]) -> Iterator[tuple[int, int, int]]:
    it = iter(flat)
    return zip(it, it, it, strict=True)


def _entry(local: int, claim: Claim, text: str, first_unit: int) -> tuple[EntryRow, list[UnitRow]]:
    key, cuts = cut(text)
    units = [UnitRow(first_unit + i, local, c.lo, c.hi, c.cs, c.ce) for i, c in enumerate(cuts)]
    row = EntryRow(
        local,
        claim.start,
        claim.end,
        key,
        claim.model_dump_json(),
        claim.speaker,
        claim.kind,
        first_unit,
        len(units),
    )
    return row, units


def doc_rows(
    path: str,
    ledger: Ledger,
    document: Document | None,
    stat: tuple[int, int, int, int] = (0, 0, 0, 0),
    stale: Stale | None = None,
) -> DocRows:
    """The rows of a document from its ledger and, when given, its prose."""
    if len(ledger.claims) > MAX_LOCAL:
        raise ValueError(f"{path}: more than {MAX_LOCAL} claims")
    speakers = json.dumps([s.model_dump(mode="json") for s in ledger.speakers])
    rows = DocRows(path, ledger.document.sha256, *stat, speakers=speakers)
    if stale is not None:
        rows.stale = json.dumps({"reviewed": stale.reviewed, "orphans": list(stale.orphans)})
    for n, claim in enumerate(ledger.claims):
        entry, units = _entry(n, claim, spoken_text(claim), len(rows.units))
        rows.claims.append(entry)
        rows.units.extend(units)
    if len(rows.units) > MAX_LOCAL:
        raise ValueError(f"{path}: more than {MAX_LOCAL} sentences")
    if document is not None:
        for n, passage in enumerate(passages(document, ledger.skipped)):
            rows.passages.append(_entry(n, passage, passage.text, 0)[0])
    return rows
