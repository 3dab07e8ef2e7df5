"""``ClaimIndex``: find the corpus sentences a statement might come from.

Corpus claims are folded once and cut into sentence units. A statement piece
finds its candidate units through, in order: the exact-sentence dict, word
3-gram postings (votes per unit), and, for pieces too short or too edited to
share a 3-gram, postings of their rarest words. Only the candidates are ever
aligned, so the cost of a lookup does not grow with the corpus.

``BruteForce`` scores every unit instead; it exists as the baseline that the
benchmark and the tests compare the index against.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from claimcheck.models import Claim, Speaker
from claimcheck.text import Folded, fold

# A shingle in more units than this is a stop phrase ("one of the"): no signal.
_MAX_POSTINGS = 5000
_SENTENCE_END = re.compile(r"[.!?]")


@dataclass(frozen=True)
class Entry:
    """One corpus claim, folded for matching."""

    claim: Claim
    document: str
    speakers: tuple[Speaker, ...]
    folded: Folded
    key: str  # " w1 w2 … " : word keys padded with spaces, for containment tests
    word_pos: tuple[int, ...]  # offset in ``key`` of each word


@dataclass(frozen=True)
class Unit:
    entry: int
    lo: int  # word range in the entry
    hi: int


def make_entry(claim: Claim, document: str, speakers: Sequence[Speaker]) -> Entry:
    folded = fold(claim.text)
    keys = folded.word_keys()
    pos: list[int] = []
    at = 1
    for k in keys:
        pos.append(at)
        at += len(k) + 1
    return Entry(claim, document, tuple(speakers), folded, " " + " ".join(keys) + " ", tuple(pos))


def sentence_ranges(folded: Folded) -> list[tuple[int, int]]:
    """Word ranges of the sentences in folded text (a gap with . ! ? ends one)."""
    words = folded.words
    out: list[tuple[int, int]] = []
    lo = 0
    for i in range(len(words) - 1):
        gap = folded.text[words[i].end : words[i + 1].start]
        if _SENTENCE_END.search(gap):
            out.append((lo, i + 1))
            lo = i + 1
    if words:
        out.append((lo, len(words)))
    return out


def shingles(keys: Sequence[str], n: int = 3) -> list[int]:
    return [hash(" ".join(keys[i : i + n])) for i in range(len(keys) - n + 1)]


@dataclass
class ClaimIndex:
    entries: list[Entry] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    exact: dict[str, list[int]] = field(default_factory=dict)
    grams: dict[int, list[int]] = field(default_factory=dict)
    vocab: dict[str, list[int]] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        eid = len(self.entries)
        self.entries.append(entry)
        keys = entry.folded.word_keys()
        for lo, hi in sentence_ranges(entry.folded):
            uid = len(self.units)
            self.units.append(Unit(eid, lo, hi))
            words = keys[lo:hi]
            self.exact.setdefault(" ".join(words), []).append(uid)
            for h in set(shingles(words)):
                self.grams.setdefault(h, []).append(uid)
            for w in set(words):
                self.vocab.setdefault(w, []).append(uid)

    def unit_keys(self, uid: int) -> list[str]:
        u = self.units[uid]
        return self.entries[u.entry].folded.word_keys()[u.lo : u.hi]

    def candidates(self, words: Sequence[str], limit: int = 8) -> list[int]:
        """Candidate unit ids for a piece of a statement, best first."""
        found = list(self.exact.get(" ".join(words), []))
        votes: Counter[int] = Counter()
        for h in set(shingles(words)):
            posting = self.grams.get(h)
            if posting is not None and len(posting) <= _MAX_POSTINGS:
                votes.update(posting)
        if len(words) < 6 or not votes or votes.most_common(1)[0][1] < 2:
            votes.update(self._rare_word_votes(words))
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
        seen = set(found)
        for uid, _ in ranked:
            if len(found) >= limit:
                break
            if uid not in seen:
                found.append(uid)
                seen.add(uid)
        return found

    def _rare_word_votes(self, words: Sequence[str]) -> Counter[int]:
        """Heavily edited or short pieces: units sharing their rarest words."""
        known = [(len(self.vocab[w]), w) for w in set(words) if w in self.vocab]
        known.sort()
        votes: Counter[int] = Counter()
        for df, w in known[:6]:
            if df > _MAX_POSTINGS:
                break
            votes.update(self.vocab[w])
        return votes


class BruteForce(ClaimIndex):
    """The baseline: score every unit of the corpus with rapidfuzz."""

    _choices: list[str] | None = None

    def candidates(self, words: Sequence[str], limit: int = 8) -> list[int]:
        if self._choices is None:
            self._choices = [" ".join(self.unit_keys(u)) for u in range(len(self.units))]
        query = " ".join(words)
        # ratio, not partial_ratio: partial_ratio over every unit is ~100x slower.
        found = process.extract(query, self._choices, scorer=fuzz.ratio, limit=limit)
        return [int(i) for _, _, i in sorted(found, key=lambda t: (-t[1], t[2]))]
