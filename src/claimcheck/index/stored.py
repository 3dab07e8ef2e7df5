"""``StoredClaims`` and ``StoredText``: the lookups of ``ClaimIndex``/``TextIndex``, from a store.

Nothing is loaded up front: each lookup is a few indexed queries, and only the
candidates' entries are read (and cached for the run), so memory does not grow
with the corpus. The candidate rules are those of ``index.memory``, so the
answers are the in-memory index's.

Ids: matching breaks ties by id, and the index in memory numbers entries in
corpus order. A store's ids embed a document id that is stable across updates,
so the ids handed to matching are re-made from the document's *rank* (its
place in path order): ``rank << 21 | local``, the same order as in memory.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

from pydantic import TypeAdapter

from claimcheck.index.keys import MAX_POSTINGS, Entry, Unit, spoken_text, word_key
from claimcheck.index.memory import (
    Candidate,
    best_of_pool,
    candidate_units,
    verbatim_candidates,
)
from claimcheck.index.rows import CLAIMS, EXACT, GRAM, LOCAL_BITS, PASSAGES, TEXT, WORD
from claimcheck.index.store import Store, entry_id
from claimcheck.models import Claim, Speaker
from claimcheck.text import Folded, fold

_LOCAL = (1 << LOCAL_BITS) - 1
_FEW_DEAD = 64  # removed documents told by id ranges; with more, id by id
Speakers = Callable[[list[Speaker]], list[Speaker]]


@dataclass
class Ranks:
    """Document id ↔ rank, and each document's path; read once, on first use.

    Every document's rank in one query (~40 ms at 100k documents, from the
    ``docs_rank`` index) rather than those of the documents met, batch by batch: a
    verify meets thousands of documents through the postings of rare words, and
    turning a posting list into corpus order is then one addition per id."""

    store: Store
    root: str  # the corpus folder as given: stored paths are relative to it
    rank: dict[int, int] = field(default_factory=dict)
    doc: dict[int, int] = field(default_factory=dict)
    _docs: dict[int, tuple[str, tuple[Speaker, ...]]] = field(default_factory=dict)
    _paths: dict[int, str] = field(default_factory=dict)  # by document id, as gathered
    _speakers: dict[int, tuple[Speaker, ...]] = field(default_factory=dict)
    _raw: dict[int, str] = field(default_factory=dict)  # speakers read, not parsed yet
    _met: set[int] = field(default_factory=set)  # documents whose speakers are not read
    _listed: list[str] | None = None  # the manifest's paths, in rank order
    # By document id: what turns a store id into a corpus-order id, None for a
    # document no longer indexed (its ids may still be in the parts: see ``schema``).
    _shift: list[int | None] | None = None
    _dead: list[int] | None = None  # document ids below the top with no rank, ascending
    extend: Speakers | None = None  # the team's declared aliases

    def learn(self, docs: Iterable[int] = ()) -> list[int | None]:
        """Every document's rank (``docs``: those the caller needs; all are read)."""
        if self._shift is None:
            # The manifest lists the documents in rank order, as one row.
            manifest = self.store.manifest()
            pairs: Iterable[tuple[int, int]]
            if manifest is not None:
                ids = manifest.docs
                pairs = zip(ids, range(len(ids)), strict=True)
                top = max(ids, default=0)
                self._listed = manifest.paths
            else:
                rows = self.store.run("SELECT doc, rank FROM docs")
                pairs = rows
                top = max((d for d, _ in rows), default=0)
            # A removed document's id may be above every indexed one.
            top = max(top, self.store.counter("next_doc"))
            shift: list[int | None] = [None] * (top + 1)
            rank, doc = self.rank, self.doc
            for d, r in pairs:
                shift[d] = (r - d) << LOCAL_BITS
                rank[d], doc[r] = r, d
            self._shift = shift
        return self._shift

    def live(self, db_ids: Sequence[int]) -> list[int]:
        """Posting ids (``doc << 21 | local``) in corpus order, without those of documents
        removed or replaced since their part was written."""
        shift = self._shift if self._shift is not None else self.learn()
        return [i + t for i in db_ids if (t := shift[i >> LOCAL_BITS]) is not None]

    def alive(self, ids: set[int], parts: Sequence[Sequence[int]]) -> set[int]:
        """``ids`` (store ids, the union of the sorted ``parts``) less those of documents
        no longer indexed: a few after updates, each one id range of each part."""
        shift = self._shift if self._shift is not None else self.learn()
        if self._dead is None:
            self._dead = [d for d, t in enumerate(shift) if t is None]
        dead = self._dead
        if len(dead) > _FEW_DEAD:
            return {i for i in ids if shift[i >> LOCAL_BITS] is not None}
        for part in parts:
            if not part:
                continue
            first = bisect_left(dead, part[0] >> LOCAL_BITS)
            last = bisect_right(dead, part[-1] >> LOCAL_BITS)
            for d in dead[first:last]:
                lo = bisect_left(part, d << LOCAL_BITS)
                hi = bisect_left(part, (d + 1) << LOCAL_BITS, lo)
                ids.difference_update(part[lo:hi])
        return ids

    def order(self, db_id: int, shift: int) -> int:
        """A store id (``doc << shift | local``) as an id in corpus order."""
        if self._shift is None:
            self.learn()
        return (self.rank[db_id >> shift] << LOCAL_BITS) | (db_id & _LOCAL)

    def document(self, doc: int) -> tuple[str, tuple[Speaker, ...]]:
        found = self._docs.get(doc)
        if found is None:
            found = self._docs[doc] = (self.path(doc), self.speakers(doc))
        return found

    def path(self, doc: int) -> str:
        found = self._paths.get(doc)
        if found is None:
            self.documents([doc])
            found = self._paths[doc]
        return found

    def speakers(self, doc: int) -> tuple[Speaker, ...]:
        """A document's speakers, parsed when first asked for (of the thousands of
        documents a verify meets, it asks for the speakers of a third); their JSON is
        read in one query for every document met since the last read."""
        found = self._speakers.get(doc)
        if found is None:
            raw = self._raw.pop(doc, None)
            if raw is None:
                self._met.add(doc)
                for d, text in self.store.select_in(
                    "SELECT doc, speakers FROM docs WHERE {in}", "doc", (), self._met
                ):
                    self._raw[d] = text
                self._met = set()
                raw = self._raw.pop(doc)
            people = _speakers_of(raw)
            if self.extend is not None:
                people = self.extend(people)
            found = self._speakers[doc] = tuple(people)
        return found

    def documents(self, docs: Iterable[int]) -> None:
        """Know the paths of ``docs``: from the manifest, or those not known yet in one
        query."""
        unknown = {d for d in docs if d not in self._paths}
        if not unknown:
            return
        self._met |= unknown
        self.learn()
        if self._listed is not None:
            for d in unknown:
                self._paths[d] = _join(self.root, self._listed[self.rank[d]])
            return
        for doc, path in self.store.select_in(
            "SELECT doc, path FROM docs WHERE {in}", "doc", (), unknown
        ):
            self._paths[doc] = _join(self.root, path)


class _StoredEntry(Entry):
    """An ``Entry`` whose claim (JSON) and speakers are read when first used: matching
    reads the key of every candidate, the claim of few, the speakers of fewer."""

    __slots__ = ("_claim", "_doc", "_ranks", "_raw")
    _raw: str
    _claim: Claim | None
    _ranks: Ranks | None
    _doc: int

    def __init__(self, raw: str, document: str, key: str, ranks: Ranks | None, doc: int) -> None:
        object.__setattr__(self, "_raw", raw)
        object.__setattr__(self, "_claim", None)
        object.__setattr__(self, "document", document)
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "_ranks", ranks)
        object.__setattr__(self, "_doc", doc)

    @property
    def claim(self) -> Claim:
        found: Claim | None = self._claim
        if found is None:
            found = Claim.model_validate_json(self._raw)
            object.__setattr__(self, "_claim", found)
        return found

    @property
    def speakers(self) -> tuple[Speaker, ...]:
        return () if self._ranks is None else self._ranks.speakers(self._doc)


@lru_cache(maxsize=1)
def _speaker_list() -> TypeAdapter[list[Speaker]]:
    return TypeAdapter(list[Speaker])


def _speakers_of(raw: str) -> list[Speaker]:
    """A document's speakers from their JSON in one call of pydantic's parser: at 100k
    articles a verify parses the speakers of ~3,300 documents, and ``json.loads`` then a
    ``model_validate`` per speaker took 2.5x as long (the same models: the JSON is what
    ``rows`` wrote from them)."""
    return _speaker_list().validate_json(raw)


def _join(root: str, rel: str) -> str:
    """``(Path(root) / rel).as_posix()``, as gather spells a path, without a Path per
    candidate document."""
    if rel.startswith("/"):
        from pathlib import Path

        return (Path(root) / rel).as_posix()
    return _prefix(root) + rel


@lru_cache(maxsize=8)
def _prefix(root: str) -> str:
    from pathlib import Path

    from claimcheck.corpus.gather import folder_prefix

    return folder_prefix(Path(root))


class _Lazy(Mapping[int, Entry]):
    """``entries[eid]`` read from the store on first use."""

    def __init__(self, load: Callable[[Sequence[int]], None], cache: dict[int, Entry]) -> None:
        self._load, self._cache = load, cache

    def __getitem__(self, eid: int) -> Entry:
        if eid not in self._cache:
            self._load([eid])
        return self._cache[eid]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._cache)

    def __len__(self) -> int:
        return len(self._cache)


class StoredClaims:
    """The claims layer: what ``match`` asks of a ``ClaimIndex``."""

    def __init__(self, ranks: Ranks) -> None:
        self.ranks, self.store = ranks, ranks.store
        self._entries: dict[int, Entry] = {}
        self._units: dict[int, tuple[int, int, int, int, int, int, int]] = {}
        self._folded: dict[int, Folded] = {}
        self._span: dict[int, range] = {}
        self.entries = _Lazy(self._load_entries, self._entries)
        self.unit_entry = _UnitField(self, 0)

    # ---- ids: a unit's store id is doc << 21 | local; an entry's doc << 22 | local
    def _db_entry(self, eid: int) -> int:
        return entry_id(self.ranks.doc[eid >> LOCAL_BITS], CLAIMS, eid & _LOCAL)

    def _load_units(self, uids: Sequence[int]) -> None:
        # Ids turned with the maps inline: at 100k articles a verify loads ~21,000 units
        # (every wire copy of an exact sentence), two method calls each.
        ranks, units = self.ranks, self._units
        ranks.learn()
        doc_of, rank_of = ranks.doc, ranks.rank
        need = [
            (doc_of[u >> LOCAL_BITS] << LOCAL_BITS) | (u & _LOCAL) for u in uids if u not in units
        ]
        rows = self.store.select_in(
            "SELECT id, entry, lo, hi, cs, ce FROM units WHERE {in}", "id", (), need
        )
        for uid_db, entry, lo, hi, cs, ce in rows:
            base = rank_of[uid_db >> LOCAL_BITS] << LOCAL_BITS
            units[base | (uid_db & _LOCAL)] = (base | entry, lo, hi, cs, ce, 0, 0)
        self._load_entries([units[u][0] for u in uids])

    def _load_entries(self, eids: Sequence[int]) -> None:
        need = [self._db_entry(e) for e in set(eids) if e not in self._entries]
        rows = self.store.select_in(
            "SELECT id, key, claim, first_unit, units FROM entries WHERE {in}", "id", (), need
        )
        ranks = self.ranks
        ranks.documents({r[0] >> (LOCAL_BITS + 1) for r in rows})
        for db_id, key, claim, first, count in rows:
            doc = db_id >> (LOCAL_BITS + 1)
            eid = (ranks.rank[doc] << LOCAL_BITS) | (db_id & _LOCAL)
            base = (eid >> LOCAL_BITS) << LOCAL_BITS
            self._entries[eid] = _StoredEntry(claim, ranks.path(doc), key, ranks, doc)
            self._span[eid] = range(base | first, base | (first + count))

    def unit(self, uid: int) -> Unit:
        if uid not in self._units:
            self._load_units([uid])
        eid, lo, hi, *_ = self._units[uid]
        return Unit(eid, lo, hi)

    def entry_units(self, eid: int) -> range:
        self.entries[eid]
        span = self._span[eid]
        self._load_units([u for u in span if u not in self._units])
        return span

    def folded(self, eid: int) -> Folded:
        found = self._folded.get(eid)
        if found is None:
            found = self._folded[eid] = fold(spoken_text(self.entries[eid].claim))
        return found

    def unit_text(self, uid: int) -> str:
        if uid not in self._units:
            self._load_units([uid])
        eid, _, _, cs, ce, *_ = self._units[uid]
        return self.entries[eid].key[cs:ce]

    def unit_keys(self, uid: int) -> list[str]:
        return self.unit_text(uid).split()

    def narrow(self, words: Sequence[str], pool: Sequence[Candidate], limit: int) -> list[int]:
        if len(pool) <= limit:
            return [uid for uid, _ in pool]
        return best_of_pool(words, [self.unit_text(u) for u, _ in pool], pool, limit)

    def candidates(self, words: Sequence[str], limit: int = 8) -> list[Candidate]:
        found = candidate_units(self, words, limit)
        self._load_units([u for u, _ in found if u not in self._units])
        return found

    # ---- the lookups of ``memory.Postings``
    def _posts(self, kind: int, keys: Iterable[int]) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        live = self.ranks.live
        for key, ids in self.store.posts(kind, keys):
            found = live(ids)
            if found:
                out.setdefault(key, []).extend(found)
        return out

    def _df(self, kind: int, keys: Iterable[int]) -> dict[int, int]:
        rows = self.store.select_in(
            "SELECT key, n FROM df WHERE kind = ? AND {in}", "key", (kind,), keys
        )
        return {k: int(n) for k, n in rows}

    def exact_units(self, key: int) -> Sequence[int]:
        return self._posts(EXACT, [key]).get(key, [])

    def gram_units(self, hashes: set[int]) -> Iterable[Sequence[int]]:
        few = [h for h, n in self._df(GRAM, hashes).items() if n <= MAX_POSTINGS]
        return list(self._posts(GRAM, few).values())

    def word_df(self, words: set[str]) -> dict[str, int]:
        keys = {word_key(w): w for w in words}
        return {keys[k]: n for k, n in self._df(WORD, keys).items()}

    def word_units(self, words: Sequence[str]) -> Iterable[Sequence[int]]:
        return list(self._posts(WORD, [word_key(w) for w in words]).values())


class _UnitField(Mapping[int, int]):
    """``unit_entry[uid]``: the entry of a unit, as ``ClaimIndex`` keeps it."""

    def __init__(self, owner: StoredClaims, column: int) -> None:
        self._owner, self._column = owner, column

    def __getitem__(self, uid: int) -> int:
        if uid not in self._owner._units:
            self._owner._load_units([uid])
        return self._owner._units[uid][self._column]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._owner._units)

    def __len__(self) -> int:
        return len(self._owner._units)


class StoredText:
    """The passages layer: what ``verbatim`` asks of a ``TextIndex``."""

    def __init__(self, ranks: Ranks) -> None:
        self.ranks, self.store = ranks, ranks.store
        self._entries: dict[int, Entry] = {}
        self._folded: dict[int, Folded] = {}
        self.entries = _Lazy(self._load, self._entries)

    def _load(self, eids: Sequence[int]) -> None:
        need = [
            entry_id(self.ranks.doc[e >> LOCAL_BITS], PASSAGES, e & _LOCAL)
            for e in eids
            if e not in self._entries
        ]
        rows = self.store.select_in("SELECT id, key, claim FROM entries WHERE {in}", "id", (), need)
        ranks = self.ranks
        ranks.documents({r[0] >> (LOCAL_BITS + 1) for r in rows})
        for db_id, key, claim in rows:
            doc = db_id >> (LOCAL_BITS + 1)
            eid = (ranks.rank[doc] << LOCAL_BITS) | (db_id & _LOCAL)
            self._entries[eid] = _StoredEntry(claim, ranks.path(doc), key, None, doc)

    def folded(self, eid: int) -> Folded:
        found = self._folded.get(eid)
        if found is None:
            found = self._folded[eid] = fold(self.entries[eid].claim.text)
        return found

    def frequency(self, word: str) -> int:
        rows = self.store.run("SELECT n FROM df WHERE kind = ? AND key = ?", (TEXT, word_key(word)))
        return int(rows[0][0]) if rows else 0

    def holding(self, word: str, among: set[int] | None = None) -> set[int]:
        ids = {
            i for _, part in self.store.posts(TEXT, [word_key(word)]) for i in self.ranks.live(part)
        }
        return ids if among is None else among & ids

    def candidates(self, words: Sequence[str]) -> list[int]:
        """``verbatim_candidates`` asked in store ids (``_InStore``), the few passages it
        keeps turned into corpus order: the rule only counts and intersects sets, which a
        one-to-one renaming of the ids does not change."""
        live = self.ranks.live(verbatim_candidates(_InStore(self), words))
        found = sorted(live)
        self._load(found)
        return found


class _InStore:
    """``StoredText``'s lookups for ``verbatim_candidates`` in store ids: the postings of
    a word made a set as read (a C loop), without the ids of removed documents. At 100k
    articles the rarest words of a verify's statements hold ~250,000 passages in all,
    and turning each into corpus order (``Ranks.live``) cost more than the rest."""

    def __init__(self, text: StoredText) -> None:
        self.text = text

    def frequency(self, word: str) -> int:
        return self.text.frequency(word)

    def holding(self, word: str, among: set[int] | None = None) -> set[int]:
        parts = [part for _, part in self.text.store.posts(TEXT, [word_key(word)])]
        ids = self.text.ranks.alive(set(chain.from_iterable(parts)), parts)
        return ids if among is None else among & ids
