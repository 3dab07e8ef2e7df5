"""``ClaimIndex`` and ``TextIndex`` in memory: the corpus sentences a statement may come from.

Corpus claims are folded once and cut into sentence units. A statement piece
finds its candidate units through, in order: the exact-sentence table, word
3-gram postings (votes per unit), and, for pieces too short or too edited to
share a 3-gram, postings of their rarest words. Only the candidates are ever
aligned, so the cost of a lookup does not grow with the corpus.

Memory decides how large a corpus fits, so the index stores keys, not objects:
3-grams are *winnowed* (the smallest hash of every 4 consecutive ones is kept,
which still guarantees a hit for any shared run of 6 words), a posting list
with one unit is a bare int, longer ones are ``array('i')``, 3-grams and words
post distinct unit texts (wire copies repeat a sentence dozens of times; each text
knows its units), units are parallel int arrays, and the offset maps (``Folded``) are built only for
candidates, then cached.

The rules that turn postings into candidates (``candidate_units``,
``verbatim_candidates``) are shared with the index on disk
(``claimcheck.index.stored``), which answers the same lookups from its tables,
so both give the same candidates in the same order.

``BruteForce`` scores every unit instead; it is the baseline that the
benchmark and the tests compare the index against.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress, repeat
from operator import itemgetter
from typing import Protocol, Union

from rapidfuzz import fuzz, process

from claimcheck.index.keys import (
    MAX_POSTINGS,
    ById,
    Entry,
    Unit,
    cut,
    exact_key,
    shingles,
    spoken_text,
    winnow,
)
from claimcheck.models import Claim, Speaker
from claimcheck.text import Folded, fold

Posting = Union[int, "array[int]"]
Candidate = tuple[int, int]  # unit id, votes
# Verbatim search looks at the entries holding the statement's rarest words; a
# statement made only of words this common is not looked for in document text.
MAX_TEXT_DF = 20000
_RAREST = 3
_FEW = 16
# ``ClaimIndex.lacking`` reads the postings of a word held by this many texts at most.
_LACKING_MAX = 2000


def _always(eid: int) -> bool:
    return True


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


class ClaimLookup(Protocol):
    """What matching asks of a claims index: ``ClaimIndex`` in memory, ``StoredClaims``."""

    @property
    def entries(self) -> ById[Entry]: ...

    @property
    def unit_entry(self) -> ById[int]: ...

    def unit(self, uid: int) -> Unit: ...

    def entry_units(self, eid: int) -> range: ...

    def folded(self, eid: int) -> Folded: ...

    def unit_text(self, uid: int) -> str: ...

    def narrow(self, words: Sequence[str], pool: Sequence[Candidate], limit: int) -> list[int]: ...

    def candidates(self, words: Sequence[str], limit: int = 8) -> list[Candidate]: ...


class TextLookup(Protocol):
    """What verbatim search asks of a passages index: ``TextIndex``, ``StoredText``."""

    @property
    def entries(self) -> ById[Entry]: ...

    def folded(self, eid: int) -> Folded: ...

    def candidates(self, words: Sequence[str]) -> list[int]: ...


class Postings(Protocol):
    """The lookups a candidate rule asks of a store of claim units."""

    def exact_units(self, key: int) -> Sequence[int]: ...

    def gram_units(self, hashes: set[int]) -> Iterable[Sequence[int]]:
        """The postings of the hashes that have at most ``MAX_POSTINGS``."""
        ...

    def word_df(self, words: set[str]) -> dict[str, int]:
        """How many units hold each word; words no unit holds are left out."""
        ...

    def word_units(self, words: Sequence[str]) -> Iterable[Sequence[int]]: ...


def candidate_units(store: Postings, words: Sequence[str], limit: int) -> list[Candidate]:
    """Candidate units for a piece of a statement with their votes, best first."""
    found = sorted(store.exact_units(exact_key(words)))
    if found:  # the whole sentence is in the corpus: nothing closer to look for
        return [(u, 1 << 20) for u in found]
    votes: Counter[int] = Counter()
    for posting in store.gram_units(set(shingles(words))):
        votes.update(posting)
    if len(words) < 6 or not votes or max(votes.values()) < 2:
        # Heavily edited or short pieces: units sharing their rarest words.
        known = sorted((df, w) for w, df in store.word_df(set(words)).items())
        rare = []
        for df, w in known[:6]:
            if df > MAX_POSTINGS:
                break
            rare.append(w)
        for posting in store.word_units(rare):
            votes.update(posting)
    return best_voted(votes, limit)


def best_voted(votes: Counter[int], limit: int) -> list[Candidate]:
    """The ``limit`` units with the most votes, by votes then id.

    Rare-word postings give thousands of units a vote or two, and only the best
    few are kept: the vote that the ``limit``-th unit has (the floor) is read off
    a histogram of the votes, and only the units above it are sorted; of those
    at the floor, the lowest ids, as the full sort would keep them.
    """
    if len(votes) <= limit:
        return sorted(sorted(votes.items()), key=itemgetter(1), reverse=True)
    tally = Counter(votes.values())
    room = limit
    for floor in sorted(tally, reverse=True):
        if tally[floor] >= room:
            break
        room -= tally[floor]
    above = sorted([(u, n) for u, n in votes.items() if n > floor])
    ties = sorted([u for u, n in votes.items() if n == floor])[:room]
    # By id, then stably by votes: deterministic ties, no lambda.
    return sorted(above, key=itemgetter(1), reverse=True) + [(u, floor) for u in ties]


@dataclass
class ClaimIndex:
    entries: list[Entry] = field(default_factory=list)
    unit_entry: array[int] = field(default_factory=lambda: array("i"))
    unit_lo: array[int] = field(default_factory=lambda: array("i"))
    unit_hi: array[int] = field(default_factory=lambda: array("i"))
    first_unit: array[int] = field(default_factory=lambda: array("i"))  # per entry
    unit_cs: array[int] = field(default_factory=lambda: array("i"))  # unit's chars in entry.key
    unit_ce: array[int] = field(default_factory=lambda: array("i"))
    exact: dict[int, Posting] = field(default_factory=dict)  # of units
    # 3-grams and words post *texts*: the distinct unit texts, each with its units.
    # Wire copies repeat a sentence dozens of times, and a vote counted once per text
    # is every copy's vote (same words, same 3-grams).
    grams: dict[int, Posting] = field(default_factory=dict)
    vocab: dict[str, Posting] = field(default_factory=dict)
    word_units_n: dict[str, int] = field(default_factory=dict)  # units holding the word
    text_ids: dict[str, int] = field(default_factory=dict)
    text_units: list[Posting] = field(default_factory=list)  # per text, ascending
    text_units_n: array[int] = field(default_factory=lambda: array("i"))
    unit_text_id: array[int] = field(default_factory=lambda: array("i"))  # per unit
    # Per text: its words joined (the keys of ``text_ids``, by id). A unit's text read
    # from here does not read its entry's key: candidates' entries are read at random,
    # each a cache miss, and every narrowed or bounded unit asks for its text.
    texts: list[str] = field(default_factory=list)
    _gram_units_n: dict[int, int] = field(default_factory=dict)  # units per 3-gram, as read
    # Entries with one key (copies) share its id: containment is asked once an id.
    key_ids: dict[str, int] = field(default_factory=dict)
    entry_key: array[int] = field(default_factory=lambda: array("i"))
    _folded: dict[int, Folded] = field(default_factory=dict)

    def add(self, claim: Claim, document: str, speakers: tuple[Speaker, ...] = ()) -> None:
        eid = len(self.entries)
        key, units = cut(spoken_text(claim))
        self.entries.append(Entry(claim, document, speakers, key))
        self.entry_key.append(self.key_ids.setdefault(key, len(self.key_ids)))
        self.first_unit.append(len(self.unit_entry))
        if self._gram_units_n:
            self._gram_units_n.clear()
        for u in units:
            uid = len(self.unit_entry)
            self.unit_entry.append(eid)
            self.unit_lo.append(u.lo)
            self.unit_hi.append(u.hi)
            self.unit_cs.append(u.cs)
            self.unit_ce.append(u.ce)
            _post(self.exact, exact_key(u.words), uid)
            distinct = set(u.words)
            for w in distinct:
                self.word_units_n[w] = self.word_units_n.get(w, 0) + 1
            text = key[u.cs : u.ce]
            tid = self.text_ids.get(text)
            if tid is not None:
                have = self.text_units[tid]
                if isinstance(have, int):
                    self.text_units[tid] = array("i", (have, uid))
                else:
                    have.append(uid)
                self.text_units_n[tid] += 1
                self.unit_text_id.append(tid)
                continue
            tid = self.text_ids[text] = len(self.text_units)
            self.texts.append(text)
            self.unit_text_id.append(tid)
            self.text_units.append(uid)
            self.text_units_n.append(1)
            for h in winnow(shingles(u.words)):
                _post(self.grams, h, tid)
            for w in distinct:
                _post(self.vocab, w, tid)

    @property
    def size(self) -> int:
        return len(self.unit_entry)

    def unit(self, uid: int) -> Unit:
        return Unit(self.unit_entry[uid], self.unit_lo[uid], self.unit_hi[uid])

    def entry_units(self, eid: int) -> range:
        end = self.first_unit[eid + 1] if eid + 1 < len(self.entries) else self.size
        return range(self.first_unit[eid], end)

    def lacking(self, words: Collection[str]) -> Callable[[int], bool] | None:
        """A test that an entry's key lacks one of ``words`` (True: it cannot hold them),
        from the postings of the rarest; None when even that word is too common to test
        this way (reading its postings would cost more than the searches it spares).

        A key's words are its units' words, and the units' texts post their words."""
        df = self.word_units_n
        n, rarest = min(zip(map(df.get, words, repeat(0)), words, strict=True))
        if n == 0:
            return _always  # no unit holds the word
        posting = self.vocab[rarest]
        if not isinstance(posting, int) and len(posting) > _LACKING_MAX:
            return None
        texts = set(_ids(posting))
        first, tid_of, last = self.first_unit, self.unit_text_id, len(self.entries) - 1

        def lacks(eid: int) -> bool:
            end = first[eid + 1] if eid < last else len(tid_of)
            return texts.isdisjoint(tid_of[first[eid] : end])

        return lacks

    def folded(self, eid: int) -> Folded:
        """The offset map of an entry, made when it first becomes a candidate."""
        found = self._folded.get(eid)
        if found is None:
            found = self._folded[eid] = fold(spoken_text(self.entries[eid].claim))
        return found

    def unit_text(self, uid: int) -> str:
        """The unit's folded words joined by spaces (its entry's key, ``unit_cs`` to
        ``unit_ce``)."""
        return self.texts[self.unit_text_id[uid]]

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
        # Scored once a distinct text (a wire-copied sentence is the same few texts many
        # times over), read from the texts by id: no entry is read for a copy.
        tids = list(map(self.unit_text_id.__getitem__, [u for u, _ in pool]))
        distinct = list(dict.fromkeys(tids))
        texts = list(map(self.texts.__getitem__, distinct))
        score = dict(zip(distinct, _scores(" ".join(words), texts), strict=True))
        return _ranked([score[t] for t in tids], pool, limit)

    def candidates(self, words: Sequence[str], limit: int = 8) -> list[Candidate]:
        """Candidate units for a piece of a statement with their votes, best first.

        ``candidate_units`` over the units, counted over texts: the same candidates
        in the same order, with a vote per distinct text instead of per copy."""
        found = sorted(_ids(self.exact.get(exact_key(words))))
        if found:
            return [(u, 1 << 20) for u in found]
        votes: Counter[int] = Counter()  # per text
        for h in set(shingles(words)):
            posting = self.grams.get(h)
            if posting is not None and self._units_of_gram(h, posting) <= MAX_POSTINGS:
                votes.update(_ids(posting))
        if len(words) < 6 or not votes or max(votes.values()) < 2:
            df = self.word_units_n
            known = sorted((df[w], w) for w in set(words) if w in df)
            for n, w in known[:6]:
                if n > MAX_POSTINGS:
                    break
                votes.update(_ids(self.vocab[w]))
        return self._best_units(votes, limit)

    def _units_of_gram(self, h: int, posting: Posting) -> int:
        if isinstance(posting, int):
            return self.text_units_n[posting]
        if len(posting) > MAX_POSTINGS:
            return len(posting)  # more texts than the limit: more units too
        n = self._gram_units_n.get(h)
        if n is None:
            n = self._gram_units_n[h] = sum(map(self.text_units_n.__getitem__, posting))
        return n

    def _best_units(self, votes: Counter[int], limit: int) -> list[Candidate]:
        """``best_voted`` of the units, from the votes of their texts (each unit has its
        text's votes), reading the units of only the few texts that can be kept.

        Text ids follow their first units, so at the floor the lowest unit ids are
        those of the lowest text ids: each of the ``room`` lowest texts holds a unit
        below every unit of a later one. A text has a unit at least, so the vote at
        which the texts alone reach ``limit`` is at or below the floor, and only the
        texts above it are weighed by their units: a lookup per text costs more than
        its vote (the texts' tables are large and read at random), and the texts with
        the fewest votes are the most numerous by far.
        """
        units, size = self.text_units, self.text_units_n
        texts = Counter(votes.values())
        low, seen = 0, 0
        for low in sorted(texts, reverse=True):
            seen += texts[low]
            if seen >= limit:
                break
        # The scans over every voted text are C loops (``compress`` by a bound compare):
        # thousands of texts have a vote or two, and a comprehension over them all cost
        # more than the rest of the lookup.
        top = [(t, votes[t]) for t in compress(votes.keys(), map(low.__lt__, votes.values()))]
        weighed: Counter[int] = Counter()
        for t, v in top:
            weighed[v] += size[t]
        floor, room = low, limit
        for v in sorted(weighed, reverse=True):
            if weighed[v] >= room:
                floor = v
                break
            room -= weighed[v]
        # By votes, then id: one sort of (-votes, unit), no key function.
        above = sorted([(-v, u) for t, v in top if v > floor for u in _ids(units[t])])
        out = [(u, -n) for n, u in above]
        if floor > low:
            at = sorted([t for t, v in top if v == floor])[:room]
        else:
            at = sorted(compress(votes.keys(), map(floor.__eq__, votes.values())))[:room]
        # A unit is in one text only, and a text's units ascend from its first: the
        # ``room`` lowest units of these texts are at or below the last text's first unit
        # (the texts' first units alone are that many), and each text gives ``room`` at
        # most (a boilerplate sentence has thousands of copies).
        postings = [_ids(units[t]) for t in at]
        bound = postings[-1][0] if len(at) == room else None
        cut = (
            (p[: min(room, bisect_right(p, bound))] for p in postings)
            if bound is not None
            else (p[:room] for p in postings)
        )
        ties = sorted(chain.from_iterable(cut))[:room]
        return out + [(u, floor) for u in ties]


def best_of_pool(
    words: Sequence[str], texts: Sequence[str], pool: Sequence[Candidate], limit: int
) -> list[int]:
    """The ``limit`` units of ``pool`` (their ``texts``) that score best against ``words``,
    then by votes, then by id.

    The scores are rounded to 32-bit floats, as ``process.cdist`` stored them when it
    ranked the pool (ties, hence candidates, stay the same); not by cdist, which
    imports numpy, 0.15 s of a cold verify. A text is scored once: the pool of a
    wire-copied sentence is the same few texts many times over."""
    distinct = list(dict.fromkeys(texts))
    score = dict(zip(distinct, _scores(" ".join(words), distinct), strict=True))
    return _ranked([score[t] for t in texts], pool, limit)


def _scores(query: str, texts: list[str]) -> array[float]:
    """``token_set_ratio`` of each text, rounded to 32-bit floats (as ``cdist`` gave them).

    ``process.extract`` prepares the query once for all the texts."""
    out = array("f", bytes(4 * len(texts)))
    for _, s, i in process.extract(query, texts, scorer=fuzz.token_set_ratio, limit=None):
        out[i] = s
    return out


def _ranked(scores: Sequence[float], pool: Sequence[Candidate], limit: int) -> list[int]:
    """The ``limit`` units of ``pool`` by score, then votes, then id (ids are distinct)."""
    order = sorted([(-s, -v, u) for s, (u, v) in zip(scores, pool, strict=True)])
    return [u for _, _, u in order[:limit]]


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


class Holds(Protocol):
    """The lookups of the verbatim rule, asked of a store of passages."""

    def frequency(self, word: str) -> int: ...

    def holding(self, word: str, among: set[int] | None = None) -> set[int]: ...


# A posting this many times longer than the passages asked of it is searched, not read.
_BISECTED = 16


def _posted(ids: Sequence[int], eid: int) -> bool:
    """``eid`` is in the ascending posting ``ids``."""
    at = bisect_left(ids, eid)
    return at < len(ids) and ids[at] == eid


def verbatim_candidates(index: Holds, words: Sequence[str]) -> list[int]:
    """Passages holding the rarest words, the rarest first, until few are left.

    Shared by every store of passages (memory, SQLite, PostgreSQL), so they find
    the same candidates; the containment itself is checked on each candidate.
    """
    ranked = sorted((index.frequency(w), w) for w in set(words))
    if not ranked or ranked[0][0] == 0 or ranked[0][0] > MAX_TEXT_DF:
        return []  # a word no passage holds: no passage holds them all
    found: set[int] | None = None
    for _, w in ranked[:_RAREST]:
        found = index.holding(w, found)
        if len(found) <= _FEW:
            break
    return sorted(found or ())


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
        key, _ = cut(passage.text)
        self.entries.append(Entry(passage, document, (), key))
        for w in set(key.split()):
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
        if among is None:
            return set(ids)
        if len(among) * _BISECTED < len(ids):
            # A few passages asked of a long posting: each looked up in it (postings
            # ascend, passages are added in order), not the posting read whole.
            return {e for e in among if _posted(ids, e)}
        return among.intersection(ids)

    def candidates(self, words: Sequence[str]) -> list[int]:
        """Passages holding every one of the rarest words of ``words``, in corpus order."""
        return verbatim_candidates(self, words)
