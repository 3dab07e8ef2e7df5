"""The keys every index stores: what a claim or passage is cut into, and how it is hashed.

One definition for the index in memory and the index on disk, so both find the
same candidates: a claim's *spoken* text (a split quote's cue blanked), its
sentence *units* (folded words, with their word and character ranges in the
entry's key), word 3-gram hashes, winnowed, and a 64-bit exact-sentence key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from hashlib import blake2b
from typing import Protocol, TypeVar
from zlib import crc32

from claimcheck.models import Claim, Speaker
from claimcheck.text import Folded, key_sentences

WINDOW = 4
# A key in more units than this is a stop phrase ("one of the"): no signal.
MAX_POSTINGS = 5000


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


T_co = TypeVar("T_co", covariant=True)


class ById(Protocol[T_co]):
    """``x[id]``: a list in memory, a mapping read from a store."""

    def __getitem__(self, key: int, /) -> T_co: ...


class Entries(Protocol):
    """What reading a found entry needs; every index and store provides it."""

    @property
    def entries(self) -> ById[Entry]: ...

    def folded(self, eid: int) -> Folded: ...


@dataclass(frozen=True, slots=True)
class Unit:
    entry: int
    lo: int  # word range in the entry
    hi: int


@dataclass(frozen=True, slots=True)
class Cut:
    """One sentence unit of an entry: word range, character range in the key, words."""

    lo: int
    hi: int
    cs: int
    ce: int
    words: list[str]


def cut(text: str) -> tuple[str, list[Cut]]:
    """An entry's key and its sentence units."""
    sentences = key_sentences(text)
    joined = [" ".join(words) for words in sentences]  # no sentence is empty
    units: list[Cut] = []
    lo, at = 0, 1
    for words, spelled in zip(sentences, joined, strict=True):
        width = len(spelled)
        units.append(Cut(lo, lo + len(words), at, at + width, words))
        lo, at = lo + len(words), at + width + 1
    return " " + " ".join(joined) + " ", units


def shingles(keys: Sequence[str], n: int = 3) -> list[int]:
    """Word n-gram hashes. crc32, not ``hash()``: winnowing keeps the smallest hash,
    and ``hash()`` of a str changes from process to process, so the postings (and
    with them the candidates and the report) would too."""
    if n == 3:  # every caller: three words spelled at once, not a slice joined
        threes = zip(keys, keys[1:], keys[2:], strict=False)  # stops at the last three
        return [crc32(f"{a} {b} {c}".encode()) for a, b, c in threes]
    return [crc32(" ".join(keys[i : i + n]).encode()) for i in range(len(keys) - n + 1)]


def exact_key(words: Sequence[str]) -> int:
    """The exact-sentence key: 64 bits, the same in every process (an index on disk
    stores it), where ``hash()`` of a str is salted per process."""
    digest = blake2b(" ".join(words).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


@lru_cache(maxsize=1 << 18)
def word_key(word: str) -> int:
    """A folded word as a 64-bit key, for stores that post integers.

    Remembered: indexing a document posts each distinct word of each of its
    sentences and passages (~800 a news article), mostly the same few thousand
    words, and a blake2b digest costs 20 times a lookup."""
    return exact_key((word,))


def winnow(hashes: list[int], w: int = WINDOW) -> set[int]:
    """The minimum of every window of ``w`` hashes (all of them when fewer)."""
    if len(hashes) <= w:
        return {min(hashes)} if hashes else set()
    # The windows as ``w`` shifted copies side by side (map stops at the shortest).
    return set(map(min, *(hashes[i:] for i in range(w))))
