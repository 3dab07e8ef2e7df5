"""``ClaimIndex``: find the corpus sentences a statement might come from.

Corpus claims are folded once and cut into sentence units. A statement piece
finds its candidate units through, in order: the exact-sentence table, word
3-gram postings (votes per unit), and, for pieces too short or too edited to
share a 3-gram, postings of their rarest words. Only the candidates are ever
aligned, so the cost of a lookup does not grow with the corpus.

Memory decides how large a corpus fits, so the index stores keys, not objects:
3-grams are *winnowed* (the smallest hash of every 4 consecutive ones is kept,
which still guarantees a hit for any shared run of 6 words), a posting list
with one unit is a bare int, longer ones are ``array('i')``, units are three
parallel int arrays, and the offset maps (``Folded``) are built only for
candidates, then cached.

``BruteForce`` scores every unit instead; it is the baseline that the
benchmark and the tests compare the index against.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from hashlib import blake2b
from operator import itemgetter
from typing import Protocol, Union
from zlib import crc32

from rapidfuzz import fuzz, process

from claimcheck.models import Claim, Speaker
from claimcheck.text import Folded, fold, key_sentences

# A key in more units than this is a stop phrase ("one of the"): no signal.
_MAX_POSTINGS = 5000
_WINDOW = 4
Posting = Union[int, "array[int]"]
Candidate = tuple[int, int]  # unit id, votes


def spoken_text(claim: Claim) -> str:
    """The claim's text with the cue of a split quotation blanked out.

    “We will appeal,” Das said, “and we expect to win.” is one quotation: a
    draft that quotes it without the cue quotes it exactly. Blanking (rather
    than cutting) keeps every offset equal to the claim text's, so passages and
    locations still point at the source as written.
    """
    if claim.form != "split" or len(claim.verbatim) < 2:
        return claim.text
    chars = [" "] * len(claim.text)
    for part in claim.verbatim:
        a, b = part.start - claim.start, part.end - claim.start
        chars[a:b] = claim.text[a:b]
    return "".join(chars)


@dataclass(frozen=True, slots=True)
class Entry:
    """One corpus claim; ``key`` is its folded words, space-padded: " w1 w2 … "."""

    claim: Claim
    document: str
    speakers: tuple[Speaker, ...]
    key: str


class Entries(Protocol):
    """What reading a found entry needs; every index and store provides it."""

    @property
    def entries(self) -> Sequence[Entry]: ...

    def folded(self, eid: int) -> Folded: ...


@dataclass(frozen=True, slots=True)
class Unit:
    entry: int
    lo: int  # word range in the entry
    hi: int


def shingles(keys: Sequence[str], n: int = 3) -> list[int]:
    """Word n-gram hashes. crc32, not ``hash()``: winnowing keeps the smallest hash,
    and ``hash()`` of a str changes from process to process, so the postings (and
    with them the candidates and the report) would too."""
    return [crc32(" ".join(keys[i : i + n]).encode()) for i in range(len(keys) - n + 1)]


def exact_key(words: Sequence[str]) -> int:
    """The exact-sentence key: 64 bits, the same in every process (an index on disk
    stores it), where ``hash()`` of a str is salted per process."""
    digest = blake2b(" ".join(words).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def winnow(hashes: list[int], w: int = _WINDOW) -> set[int]:
    """The minimum of every window of ``w`` hashes (all of them when fewer)."""
    if len(hashes) <= w:
        return {min(hashes)} if hashes else set()
    return {min(hashes[i : i + w]) for i in range(len(hashes) - w + 1)}


def _post(table: dict[int, Posting] | dict[str, Posting], key: int | str, uid: int) -> None:
    have = table.get(key)  # type: ignore[arg-type]
    if have is None:
        table[key] = uid  # type: ignore[index]
    elif isinstance(have, int):
        table[key] = array("i", (have, uid))  # type: ignore[index]
    else:
        have.append(uid)


def _ids(posting: Posting | None) -> Sequence[int]:
    if posting is None:
        return ()
    return (posting,) if isinstance(posting, int) else posting


@dataclass
class ClaimIndex:
    entries: list[Entry] = field(default_factory=list)
    unit_entry: array[int] = field(default_factory=lambda: array("i"))
    unit_lo: array[int] = field(default_factory=lambda: array("i"))
    unit_hi: array[int] = field(default_factory=lambda: array("i"))
    first_unit: array[int] = field(default_factory=lambda: array("i"))  # per entry
    unit_cs: array[int] = field(default_factory=lambda: array("i"))  # unit's chars in entry.key
    unit_ce: array[int] = field(default_factory=lambda: array("i"))
    exact: dict[int, Posting] = field(default_factory=dict)
    grams: dict[int, Posting] = field(default_factory=dict)
    vocab: dict[str, Posting] = field(default_factory=dict)
    _folded: dict[int, Folded] = field(default_factory=dict)

    def add(self, claim: Claim, document: str, speakers: tuple[Speaker, ...] = ()) -> None:
        eid = len(self.entries)
        sentences = key_sentences(spoken_text(claim))
        keys = [w for s in sentences for w in s]
        self.entries.append(Entry(claim, document, speakers, " " + " ".join(keys) + " "))
        self.first_unit.append(len(self.unit_entry))
        lo, at = 0, 1
        for words in sentences:
            uid = len(self.unit_entry)
            self.unit_entry.append(eid)
            self.unit_lo.append(lo)
            self.unit_hi.append(lo + len(words))
            width = sum(len(w) + 1 for w in words) - 1
            self.unit_cs.append(at)
            self.unit_ce.append(at + width)
            lo, at = lo + len(words), at + width + 1
            _post(self.exact, exact_key(words), uid)
            for h in winnow(shingles(words)):
                _post(self.grams, h, uid)
            for w in set(words):
                _post(self.vocab, w, uid)

    @property
    def size(self) -> int:
        return len(self.unit_entry)

    def unit(self, uid: int) -> Unit:
        return Unit(self.unit_entry[uid], self.unit_lo[uid], self.unit_hi[uid])

    def entry_units(self, eid: int) -> range:
        end = self.first_unit[eid + 1] if eid + 1 < len(self.entries) else self.size
        return range(self.first_unit[eid], end)

    def folded(self, eid: int) -> Folded:
        """The offset map of an entry, made when it first becomes a candidate."""
        found = self._folded.get(eid)
        if found is None:
            found = self._folded[eid] = fold(spoken_text(self.entries[eid].claim))
        return found

    def unit_text(self, uid: int) -> str:
        """The unit's folded words joined by spaces."""
        return self.entries[self.unit_entry[uid]].key[self.unit_cs[uid] : self.unit_ce[uid]]

    def unit_keys(self, uid: int) -> list[str]:
        return self.unit_text(uid).split()

    def narrow(self, words: Sequence[str], pool: Sequence[Candidate], limit: int) -> list[int]:
        """The ``limit`` units of ``pool`` most worth aligning.

        Votes come from winnowed 3-grams and tie among near-duplicates (wire copy,
        corrections), so the pool is ranked by a cheap whole-string score first
        (``token_set_ratio``: blind to length, so a short piece is not pushed towards
        short sentences), votes second.
        """
        if len(pool) <= limit:
            return [uid for uid, _ in pool]
        query = " ".join(words)
        texts = [self.unit_text(u) for u, _ in pool]
        scores = process.cdist([query], texts, scorer=fuzz.token_set_ratio)[0]
        order = sorted(range(len(pool)), key=lambda i: (-scores[i], -pool[i][1], pool[i][0]))
        return [pool[i][0] for i in order[:limit]]

    def candidates(self, words: Sequence[str], limit: int = 8) -> list[Candidate]:
        """Candidate units for a piece of a statement with their votes, best first."""
        found: list[Candidate] = [(u, 1 << 20) for u in _ids(self.exact.get(exact_key(words)))]
        if found:  # the whole sentence is in the corpus: nothing closer to look for
            return found
        votes: Counter[int] = Counter()
        for h in set(shingles(words)):
            posting = _ids(self.grams.get(h))
            if len(posting) <= _MAX_POSTINGS:
                votes.update(posting)
        if len(words) < 6 or not votes or votes.most_common(1)[0][1] < 2:
            votes.update(self._rare_word_votes(words))
        # Two C-level sorts (by id, then stably by votes): deterministic ties, no lambda.
        return sorted(sorted(votes.items()), key=itemgetter(1), reverse=True)[:limit]

    def _rare_word_votes(self, words: Sequence[str]) -> Counter[int]:
        """Heavily edited or short pieces: units sharing their rarest words."""
        known = [(len(_ids(self.vocab.get(w))), w) for w in set(words) if w in self.vocab]
        known.sort()
        votes: Counter[int] = Counter()
        for df, w in known[:6]:
            if df > _MAX_POSTINGS:
                break
            votes.update(_ids(self.vocab[w]))
        return votes


class BruteForce(ClaimIndex):
    """The baseline: score every unit of the corpus with rapidfuzz."""

    def narrow(self, words: Sequence[str], pool: Sequence[Candidate], limit: int) -> list[int]:
        return [uid for uid, _ in pool[:limit]]

    _choices: list[str] | None = None

    def candidates(self, words: Sequence[str], limit: int = 8) -> list[Candidate]:
        if self._choices is None:
            self._choices = [self.unit_text(u) for u in range(self.size)]
        query = " ".join(words)
        # ratio, not partial_ratio: partial_ratio over every unit is ~100x slower.
        found = process.extract(query, self._choices, scorer=fuzz.ratio, limit=limit)
        return [(int(i), 0) for _, _, i in sorted(found, key=lambda t: (-t[1], t[2]))]


# Verbatim search looks at the entries holding the statement's rarest words; a
# statement made only of words this common is not looked for in document text.
_MAX_TEXT_DF = 20000
_RAREST = 3
_FEW = 16


@dataclass
class TextIndex:
    """The prose of the source documents, for words no claim holds verbatim.

    Only verbatim containment is asked of it, so it keeps less than
    ``ClaimIndex``: the passages and, per folded word, the passages holding it.
    Every word of a verbatim passage is in its passage, so the candidates are the
    passages that hold the statement's rarest words, all of them.
    """

    entries: list[Entry] = field(default_factory=list)
    vocab: dict[str, Posting] = field(default_factory=dict)
    _folded: dict[int, Folded] = field(default_factory=dict)

    def add(self, passage: Claim, document: str) -> None:
        eid = len(self.entries)
        keys = [w for s in key_sentences(passage.text) for w in s]
        self.entries.append(Entry(passage, document, (), " " + " ".join(keys) + " "))
        for w in set(keys):
            _post(self.vocab, w, eid)

    @property
    def size(self) -> int:
        return len(self.entries)

    def folded(self, eid: int) -> Folded:
        found = self._folded.get(eid)
        if found is None:
            found = self._folded[eid] = fold(self.entries[eid].claim.text)
        return found

    def frequency(self, word: str) -> int:
        return len(_ids(self.vocab.get(word)))

    def holding(self, word: str, among: set[int] | None = None) -> set[int]:
        ids = _ids(self.vocab.get(word))
        return set(ids) if among is None else among.intersection(ids)

    def candidates(self, words: Sequence[str]) -> list[int]:
        """Passages holding every one of the rarest words of ``words``, in corpus order."""
        return verbatim_candidates(self, words)


class _Holds(Protocol):
    def frequency(self, word: str) -> int: ...
    def holding(self, word: str, among: set[int] | None = None) -> set[int]: ...


def verbatim_candidates(index: _Holds, words: Sequence[str]) -> list[int]:
    """Passages holding the rarest words, the rarest first, until few are left.

    Shared by every store of passages (memory, SQLite, PostgreSQL), so they find
    the same candidates; the containment itself is checked on each candidate.
    """
    ranked = sorted((index.frequency(w), w) for w in set(words))
    if not ranked or ranked[0][0] == 0 or ranked[0][0] > _MAX_TEXT_DF:
        return []  # a word no passage holds: no passage holds them all
    found: set[int] | None = None
    for _, w in ranked[:_RAREST]:
        found = index.holding(w, found)
        if len(found) <= _FEW:
            break
    return sorted(found or ())
