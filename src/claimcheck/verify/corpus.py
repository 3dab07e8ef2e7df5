"""The corpus as verify sees it: current ledgers, the index over their claims, and
the index over the documents' prose (``TextIndex``), where words the extractor
made no claim of are still found.

A stored ledger (``claims/<stem>.json``) is used only while its document's
sha256 is current; otherwise the document is extracted again now, with the
ledger's reviewed claims carried over and a ``stale-ledger`` notice
(``corpus.current``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.corpus.current import (
    Stale,
    ledger_and_notice,
    ledger_folder,
    refresh_command,
    stale_notice,
)
from claimcheck.corpus.gather import gather
from claimcheck.corpus.prose import passages
from claimcheck.errors import InputError
from claimcheck.index.location import index_in_use
from claimcheck.index.rows import LOCAL_BITS
from claimcheck.index.store import Store, entry_id
from claimcheck.index.update import Summary

if TYPE_CHECKING:
    from claimcheck.index.ahead import Ahead
from claimcheck.loaders import documents
from claimcheck.loaders.documents import Document
from claimcheck.models import CorpusInfo, Ledger, RunError
from claimcheck.verify import aliases
from claimcheck.verify.index import ClaimIndex, ClaimLookup, TextIndex, TextLookup


@dataclass
class Corpus:
    """Ledgers and the indexes over them; build once, verify many times."""

    ledgers: list[Ledger]
    index: ClaimLookup
    text: TextLookup = field(default_factory=TextIndex)
    _info: CorpusInfo | None = None
    _spans: dict[str, list[Span]] | None = None
    # Source files that could not be read: reported in the report's errors[] (exit 2);
    # the other documents are still checked.
    errors: list[InputError] = field(default_factory=list)
    # Notices about the corpus (a stale ledger), for the report's errors[]; not failures.
    notices: list[RunError] = field(default_factory=list)

    @classmethod
    def from_ledgers(
        cls,
        ledgers: Iterable[Ledger],
        index: ClaimIndex | None = None,
        documents: Mapping[str, Document] | None = None,
        text: TextLookup | None = None,
    ) -> Corpus:
        """The corpus of these ledgers; with their ``documents`` (by path), their prose too.

        ``text`` reuses an index of the prose already built (the speakers of the
        ledgers changed, not their documents).
        """
        index = index if index is not None else ClaimIndex()
        kept = list(ledgers)
        prose = TextIndex()
        for ledger in kept:
            path = ledger.document.path
            speakers = tuple(ledger.speakers)
            for claim in ledger.claims:
                index.add(claim, path, speakers)
            doc = documents.get(path) if documents and text is None else None
            if doc is not None:
                for passage in passages(doc, ledger.skipped):
                    prose.add(passage, path)
        return cls(kept, index, text if text is not None else prose)

    def close(self) -> None:
        """Nothing to release in memory; an index's corpus closes its connection."""

    def covering(self, document: str, start: int, end: int) -> int | None:
        """The claim entry of ``document`` that covers ``[start, end)``: it shares most of
        the span's characters, at least half of them (ties: the earlier claim). ``None``
        when no claim does: a claim that only touches the passage says nothing of who
        speaks the rest."""
        if self._spans is None:
            self._spans = _claim_spans(self.index)
        return best_cover(self._spans.get(document, ()), start, end)

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
    if Path(folder).is_file():
        parent = Path(folder).parent.as_posix()
        raise InputError(
            "is a file; the corpus is the folder of source articles",
            path=folder,
            hint=f"--corpus {parent}" if parent != "." else "put it in a folder: --corpus DIR",
        )
    if not Path(folder).is_dir():
        raise InputError("corpus folder not found", path=folder, hint="pass --corpus DIR")
    errors: list[InputError] = []
    files = gather([folder], errors)
    if not files and not errors:
        raise InputError("no source files in the corpus folder", path=folder)
    ledger_dir = ledger_folder(folder, claims)
    refresh = refresh_command(folder, ledger_dir)
    ledgers: list[Ledger] = []
    notices: list[RunError] = []
    texts: dict[str, Document] = {}
    for f in files:
        try:
            doc = documents.load(f)
        except InputError as err:  # a FIFO, a dangling link, /dev/zero: this file only
            errors.append(err)
            continue
        ledger, notice = ledger_and_notice(doc, f, ledger_dir, refresh)
        notices.extend([notice] if notice else [])
        ledgers.append(ledger)
        texts[ledger.document.path] = doc
    corpus = Corpus.from_ledgers(ledgers, documents=texts)
    corpus.errors = errors
    corpus.notices = notices
    return corpus


Span = tuple[int, int, int]  # claim start, end, entry id


def best_cover(spans: Iterable[Span], start: int, end: int) -> int | None:
    """The entry sharing most (and at least half) of ``[start, end)``; ties: lower id."""
    best: tuple[int, int] | None = None
    for a, b, eid in spans:
        shared = min(b, end) - max(a, start)
        if shared > 0 and 2 * shared >= end - start and (best is None or (-shared, eid) < best):
            best = (-shared, eid)
    return best[1] if best is not None else None


def _claim_spans(index: ClaimLookup) -> dict[str, list[Span]]:
    if not isinstance(index, ClaimIndex):
        raise TypeError("a stored index answers covering() itself")
    rows: dict[str, list[Span]] = {}
    for eid, entry in enumerate(index.entries):
        rows.setdefault(entry.document, []).append((entry.claim.start, entry.claim.end, eid))
    return rows


class StoredCorpus(Corpus):
    """A corpus answered from an index on disk or on a server (``claimcheck.index``).

    Nothing is loaded at start: lookups stream from the store, inside one
    snapshot, so a concurrent update is seen whole or not at all.
    """

    def __init__(self, store: Store, root: str, declared: Mapping[str, list[str]] | None = None):
        from claimcheck.index.stored import Ranks, StoredClaims, StoredText

        extend = (lambda people: aliases.extend(people, declared)) if declared else None
        self._ranks = Ranks(store, root, extend=extend)
        self.store = store
        store.begin_read()
        super().__init__([], StoredClaims(self._ranks), StoredText(self._ranks))

    def covering(self, document: str, start: int, end: int) -> int | None:
        rel = Path(document).relative_to(self._ranks.root).as_posix()
        found = self.store.run("SELECT doc FROM docs WHERE path = ?", (rel,))
        if not found:
            return None
        doc = int(found[0][0])
        self._ranks.learn([doc])
        lo, hi = entry_id(doc, 0, 0), entry_id(doc, 1, 0)
        rows = self.store.run(
            "SELECT id, start_at, end_at FROM entries WHERE id >= ? AND id < ? AND end_at > ? "
            "AND start_at < ?",
            (lo, hi, start, end),
        )
        spans = [(a, b, self._ranks.order(i, LOCAL_BITS + 1)) for i, a, b in rows]
        return best_cover(spans, start, end)

    def stale_notices(self, ledger_dir: Path) -> list[RunError]:
        """The ``stale-ledger`` notices verify in memory gives, from what the index
        recorded when it re-extracted a document whose stored ledger was stale."""
        rows = self.store.run("SELECT path, stale FROM docs WHERE stale <> '' ORDER BY rank")
        refresh = refresh_command(self._ranks.root, ledger_dir)
        out = []
        for rel, stale in rows:
            facts = json.loads(stale)
            kept = Stale(int(facts["reviewed"]), tuple(facts["orphans"]))
            out.append(stale_notice(_joined(self._ranks.root, rel), ledger_dir, kept, refresh))
        return out

    def _count(self) -> CorpusInfo:
        documents, claims, digest = self.store.info()
        return CorpusInfo(documents=documents, claims=claims, fingerprint=digest)

    def close(self) -> None:
        self.store.rollback()
        self.store.close()


def open_corpus(
    corpus: str,
    claims: str | None = None,
    index: str | None = None,
    *,
    declared: Mapping[str, list[str]] | None = None,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    ahead: Ahead | None = None,
) -> tuple[Corpus, Summary | None]:
    """The corpus verify checks against, and what bringing its index up to date did.

    With an index (``index``, or the default file when it exists) the index is
    first updated with the documents that changed, then answered from; without
    one, every ledger is read and indexed in memory, as before there were indexes.
    ``ahead``: that update, started in another process (``index.ahead.start``);
    waited for here, and done here if it did not finish.
    """
    from claimcheck.index.archive import is_archive_index
    from claimcheck.index.store import open_store
    from claimcheck.index.update import sync

    synced = ahead.result() if ahead is not None else None
    location = index_in_use(corpus, index)
    if location is None:
        loaded = load_corpus(corpus, claims)
        if declared:
            unread, notices = loaded.errors, loaded.notices
            loaded = Corpus.from_ledgers(aliases.apply(loaded.ledgers, declared), text=loaded.text)
            loaded.errors, loaded.notices = unread, notices
        return loaded, None
    store = open_store(location, create=True)
    if is_archive_index(store):  # an archive's rows: no folder to bring it up to date with
        return StoredCorpus(store, ".", declared), None
    summary = synced or sync(store, corpus, claims, jobs=jobs, progress=progress)
    if summary.documents == 0 and not summary.failed:
        store.close()
        raise InputError("no source files in the corpus folder", path=corpus)
    stored = StoredCorpus(store, corpus, declared)
    stored.errors = list(summary.failed)
    ledger_dir = ledger_folder(corpus, claims)
    stored.notices = stored.stale_notices(ledger_dir)
    return stored, summary


def _joined(root: str, rel: str) -> str:
    """A stored path as ``gather`` spells it under ``root``."""
    return (Path(root) / rel).as_posix()
