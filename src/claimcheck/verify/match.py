"""Alignment: where in the corpus a statement's words are, and what was changed.

A statement is parsed into *parts* (separated by an ellipsis or a bracketed
editorial insertion) and each part into sentence-sized *pieces*. Exact means
every part occurs, in order, inside one corpus claim. Otherwise each piece is
aligned with its candidate units: rapidfuzz finds the window (pieces are at
most a sentence, because ``partial_ratio`` explodes on long needles), the
window is snapped to words, widened and re-aligned word by word, so the edits
are whole words and never "…budg". A window that leaves the draft's last or
first words unmatched is stretched to where the source has them: a clause the
draft left out is a removal, not a replacement. Adjacent edits are one edit.

In a source, words in [brackets] are an editor's, not the speaker's: a draft
that leaves them out still quotes the speaker exactly.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from itertools import accumulate, chain, pairwise
from operator import itemgetter
from typing import TypeVar, cast

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from claimcheck.text import WORD_RE, Folded, fold
from claimcheck.verify.align import Edit, bounded, stretch, word_runs
from claimcheck.verify.index import Candidate, ClaimLookup, Entries, Entry

T = TypeVar("T")
_BRACKETS = re.compile(r"\[[^\]]*\]")
_GAP = re.compile(r"\[[^\]]*\]|\(\s*\.\.\.\s*\)|\.\.\.+")
_SENTENCE_END = re.compile(r"[.!?]")
_WIDEN = 2
_REORDER_MARGIN = 5.0
# Scores are floats: a ceiling this close to the best may still tie it.
_EPSILON = 1e-6
_first = itemgetter(0)


@dataclass(frozen=True)
class Piece:
    keys: tuple[str, ...]
    words: tuple[str, ...]  # original spelling, for the report


@dataclass(frozen=True)
class Query:
    parts: tuple[tuple[str, ...], ...]
    pieces: tuple[Piece, ...]

    @property
    def size(self) -> int:
        return sum(len(p.keys) for p in self.pieces)

    @cached_property
    def weights(self) -> tuple[float, ...]:
        """What each piece counts for in a statement's score: its characters."""
        return tuple(float(sum(len(k) + 1 for k in p.keys)) for p in self.pieces)

    @cached_property
    def part_keys(self) -> tuple[str, ...]:
        """Each part as it stands in a space-padded key."""
        return tuple(" " + " ".join(part) + " " for part in self.parts)

    @cached_property
    def needles(self) -> tuple[str, ...]:
        """Each word of the parts as it stands in a space-padded key, longest first (the
        rarer words, so a passage without them is told soonest)."""
        # By (-len, word) without a key function per word: sorted by word, then stably
        # by length (``reverse`` keeps the order of equal lengths).
        words = sorted(self.words)
        words.sort(key=len, reverse=True)
        return tuple([f" {w} " for w in words])

    @cached_property
    def words(self) -> frozenset[str]:
        """The words of the parts."""
        return frozenset(chain.from_iterable(self.parts))


@dataclass
class EntryMatch:
    entry: int
    score: float
    exact: bool
    lo: int  # passage: word range in the entry
    hi: int
    edits: list[Edit] = field(default_factory=list)
    gaps: tuple[tuple[int, int], ...] = ()  # source words an ellipsis leaves out, exact only


def parse(text: str) -> Query:
    """Parts and pieces of a statement.

    >>> q = parse("[Japan] has chosen … to trust India. It works")
    >>> q.parts
    (('has', 'chosen'), ('to', 'trust', 'india', 'it', 'works'))
    >>> [p.keys for p in q.pieces]
    [('has', 'chosen'), ('to', 'trust', 'india'), ('it', 'works')]
    """
    return parse_keyed(text)[0]


def parse_keyed(text: str) -> tuple[Query, str]:
    """``parse`` and ``fold_key`` of the text (all its words, bracketed ones too), from
    one fold.

    >>> parse_keyed("[Japan] has chosen")[1]
    'japan has chosen'
    """
    f = fold(text)
    gaps = [(m.start(), m.end()) for m in _GAP.finditer(f.text)]
    marks = [m.start() for m in _SENTENCE_END.finditer(f.text)]
    return _one_part(f, marks) if not gaps else _parts(f, gaps, marks)


def _one_part(f: Folded, marks: list[int]) -> tuple[Query, str]:
    """``_parts`` of a text without gaps (most statements): every word, one part."""
    keys = tuple([w.text for w in f.words])
    if not keys:
        return Query((), ()), ""
    return Query((keys,), tuple(_sentences(f, range(len(keys)), marks, keys))), " ".join(keys)


def _parts(f: Folded, gaps: list[tuple[int, int]], marks: list[int]) -> tuple[Query, str]:
    """The words between the gaps (``gaps``: an ellipsis or a bracket, as offsets in
    ``f.text``), as parts, and each part as pieces."""
    parts: list[list[int]] = [[]]
    g = 0
    for i, w in enumerate(f.words):
        while g < len(gaps) and gaps[g][1] <= w.start:
            g += 1
            if parts[-1]:
                parts.append([])
        if g < len(gaps) and gaps[g][0] < w.end:
            continue
        parts[-1].append(i)
    parts = [p for p in parts if p]
    pieces = [piece for part in parts for piece in _sentences(f, part, marks)]
    keys = tuple(tuple(f.words[i].text for i in part) for part in parts)
    return Query(keys, tuple(pieces)), " ".join([w.text for w in f.words])


def _sentences(
    f: Folded, part: Sequence[int], marks: list[int], keys: tuple[str, ...] | None = None
) -> list[Piece]:
    """The part's words cut where a sentence mark (``marks``: offsets in ``f.text``,
    ascending) stands between two of them; ``keys``: the part's words, when the caller
    has them."""
    if not part:
        return []
    words, source, offsets = f.words, f.source, f.offsets
    last = len(part) - 1
    # A piece ends after word ``n`` of the part when a mark stands at or after its end and
    # before the next word's start: a mark's word is the last one ending at or before it.
    ends: list[int] = []
    if marks:
        word_ends = [words[i].end for i in part]
        for m in marks:
            n = bisect.bisect_right(word_ends, m) - 1
            if 0 <= n < last and m < words[part[n + 1]].start and (not ends or ends[-1] != n):
                ends.append(n)
    ends.append(last)
    out: list[Piece] = []
    lo = 0
    for n in ends:
        run = part[lo : n + 1]
        if keys is not None and lo == 0 and n == last:
            piece_keys = keys  # the whole part is one piece
        else:
            piece_keys = tuple([words[j].text for j in run])
        orig = tuple([source[offsets[words[j].start] : offsets[words[j].end - 1] + 1] for j in run])
        out.append(Piece(piece_keys, orig))
        lo = n + 1
    return out


def exact_all(index: Entries, eids: list[int], query: Query) -> list[EntryMatch]:
    """The entries of ``eids`` whose text holds the parts in order, on word boundaries
    (failing that, in its words without its bracketed insertions), in their order."""
    return _Copies(index).exact_all(eids, query)


def _unbracketed_parts(f: Folded, query: Query) -> list[tuple[int, int]] | None:
    """Word ranges of the query's parts in ``f``'s words less its bracketed ones."""
    found = _parts_in(_unbracketed_key(f), query)
    if found is None:
        return None
    _, kept = _unbracketed(f)
    return [(kept[a], kept[b - 1] + 1) for a, b in found]


def _unbracketed_span(f: Folded, query: Query) -> _Span | None:
    return _span(_unbracketed_parts(f, query))


def _parts_in(key: str, query: Query) -> list[tuple[int, int]] | None:
    """Word ranges of the query's parts found in order in a space-padded key."""
    at = 0
    out: list[tuple[int, int]] = []
    for part, needle in zip(query.parts, query.part_keys, strict=True):
        found = key.find(needle, at)
        if found < 0:
            return None
        start = key.count(" ", 0, found)  # words before the match
        out.append((start, start + len(part)))
        at = found + 1
    return out


# Words looked for one by one in a key before its words are read as a set.
_SEARCHED = 16


def _lacks_word(key: str, query: Query) -> bool:
    """A word of the query's parts is not a word of the space-padded ``key``.

    The longest words are looked for first, one search each; a long statement that
    a copy has with one word changed passes a hundred searches of a long key before
    it fails, and past a few, splitting the key once costs less."""
    needles = query.needles
    for n in needles[:_SEARCHED]:
        if n not in key:
            return True
    return len(needles) > _SEARCHED and not query.words.issubset(key.split())


def _gaps(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    return tuple((a[1], b[0]) for a, b in pairwise(spans) if b[0] > a[1])


_Span = tuple[int, int, tuple[tuple[int, int], ...]]


def _span(found: list[tuple[int, int]] | None) -> _Span | None:
    """The passage the parts ``found`` cover and the words between them, or None."""
    if found is None:
        return None
    return found[0][0], found[-1][1], _gaps(found)


def _unbracketed_key(f: Folded) -> str:
    """``_unbracketed(f)[0]`` by the regex engine: a word is never half in a bracket
    (neither bracket is a word character), so the words left when the brackets are
    blanked are the words outside them."""
    return _words_outside_brackets(f.text)


@lru_cache(maxsize=2048)
def _words_outside_brackets(folded: str) -> str:
    # Remembered by text: a long interview answer with a "[laughs]" is a candidate of
    # statement after statement, and cutting it costs more than searching it.
    return " " + " ".join(WORD_RE.findall(_BRACKETS.sub(" ", folded))) + " "


def _unbracketed(f: Folded) -> tuple[str, list[int]]:
    """The key without words inside [brackets], and each kept word's index in the entry."""
    spans = [(m.start(), m.end()) for m in _BRACKETS.finditer(f.text)]
    kept: list[int] = []
    s = 0
    for i, w in enumerate(f.words):
        # Spans and words both run left to right without overlapping: a span that ends
        # before this word ends holds no later word either, and a later span starts
        # after this one ends, so only span ``s`` can hold word ``i``.
        while s < len(spans) and spans[s][1] < w.end:
            s += 1
        if s == len(spans) or not spans[s][0] < w.start:
            kept.append(i)
    return " " + " ".join(f.words[i].text for i in kept) + " ", kept


@dataclass(frozen=True)
class _PieceFit:
    score: float
    lo: int
    hi: int
    edits: tuple[Edit, ...]
    whole: bool = False  # the fit is a whole unit (a source sentence), not a piece of one

    def beats(self, other: _PieceFit) -> bool:
        """Higher score; at equal score, a whole sentence ("I may do it.") over a piece."""
        return (self.score, self.whole) > (other.score, other.whole)


def align_piece(
    index: ClaimLookup,
    uid: int,
    piece: Piece,
    after: int = 0,
    before: int = 1 << 30,
    keys: Sequence[str] | None = None,
) -> _PieceFit | None:
    """The best window for ``piece`` in unit ``uid``, within words ``[after, before)``;
    ``keys``: the entry's word keys, when the caller has them."""
    unit = index.unit(uid)
    if keys is None:
        keys = index.folded(unit.entry).keys
    start, stop = max(unit.lo, after), min(unit.hi, before)
    if start >= stop:
        return None
    src = keys[start:stop]
    pstr, ustr = " ".join(piece.keys), " ".join(src)
    a, b = 0, len(src)
    if len(pstr) < len(ustr):
        al = fuzz.partial_ratio_alignment(pstr, ustr)
        assert al is not None  # no score_cutoff: always an alignment
        starts = list(accumulate([len(w) + 1 for w in src[:-1]], initial=0))
        a = max(0, bisect.bisect_right(starts, al.dest_start) - 1 - _WIDEN)
        b = min(len(src), bisect.bisect_left(starts, al.dest_end) + _WIDEN)
    lo, hi, _ = stretch(src, piece.keys, a, b)
    lo, hi = start + lo, start + hi
    score = fuzz.ratio(pstr, " ".join(keys[lo:hi]))
    edits = tuple(_edits(index, unit.entry, lo, hi, piece, keys))
    return _PieceFit(score, lo, hi, edits, (lo, hi) == (unit.lo, unit.hi))


def _edits(
    index: ClaimLookup, eid: int, lo: int, hi: int, piece: Piece, keys: Sequence[str]
) -> list[Edit]:
    """Word-level edits, adjacent ones merged: "reported by The" → "to gain entry" is one."""
    f = index.folded(eid)
    source, offsets = f.source, f.offsets
    out: list[Edit] = []
    for s0, s1, d0, d1 in word_runs(keys[lo:hi], piece.keys):
        # ``f.original`` of each word, inline (a word is never empty).
        src = tuple(
            [source[offsets[w.start] : offsets[w.end - 1] + 1] for w in f.words[lo + s0 : lo + s1]]
        )
        st = piece.words[d0:d1]
        tag = "replace" if src and st else ("delete" if src else "insert")
        whole = tag == "delete" and bounded(f, lo + s0, lo + s1)
        out.append(Edit(tag, src, st, d0 == 0, d1 == len(piece.words), whole))
    return out


class _Copies:
    """One statement's work on the passages it is matched against, done once a text.

    Wire copies and reprints hold the same claims word for word, so a statement's
    candidates are often one passage many times over. Containment reads only an
    entry's key (and, for its bracketed words, the offset map), alignment only the
    offset map and a word window, and both find a word range of that text: one
    answer serves every entry with the same text, only the entry id differs.
    """

    def __init__(self, index: Entries) -> None:
        self.index = index
        self._done: dict[tuple[object, ...], object] = {}

    def once(self, key: tuple[object, ...], work: Callable[[], T]) -> T:
        if key not in self._done:
            self._done[key] = work()
        return self._done[key]  # type: ignore[return-value]

    def exact_all(self, eids: list[int], query: Query) -> list[EntryMatch]:
        """The entries of ``eids`` that hold the statement's parts, in order.

        The parts are looked for once per key text: copies share one, and a lookup
        of its id costs less than the searches.
        """
        entries = self.index.entries
        out: list[EntryMatch] = []
        # An index in memory numbers its keys: once one copy's key holds the parts, or
        # lacks a word of them, the other copies are answered without reading their
        # entries (copies are most candidates, and in a large corpus each entry read
        # is a cache miss). Elsewhere the key itself is the key's id.
        key_of = getattr(self.index, "entry_key", None)
        # A key without the statement's rarest word is told from the index's postings,
        # without reading the key: most candidates of a statement no claim holds.
        lacking = getattr(self.index, "lacking", None)
        words = query.words
        lacks = lacking(words) if lacking is not None and words else None
        held: dict[int | str, _Span] = {}
        failed: set[int | str] = set()
        tried: set[int | str] = set()
        for eid in eids:
            entry: Entry | None = None
            kid: int | str
            if key_of is not None:
                kid = key_of[eid]
            else:
                entry = entries[eid]
                kid = entry.key
            if kid in failed:
                continue
            span = held.get(kid)
            if span is None:
                if kid not in tried and lacks is not None and lacks(eid):
                    tried.add(kid)
                    failed.add(kid)
                    continue
                if entry is None:
                    entry = entries[eid]
                if kid not in tried:
                    tried.add(kid)
                    key = entry.key
                    span = _span(_parts_in(key, query))
                    if span is not None:
                        held[kid] = span
                    else:
                        # Words outside brackets are words of the key (the key and the
                        # offset map agree word for word), so a key without one of them
                        # cannot hold the parts. Asked of the key before the claim's
                        # text: most candidates fail it, and their texts need not be read.
                        if _lacks_word(key, query):
                            failed.add(kid)
                            continue
                if span is None:
                    # Copies with one key may differ in brackets ("[Trump]" / "Trump"):
                    # the claim's own text says whether its key had some.
                    if "[" not in entry.claim.text:
                        continue
                    f = self.index.folded(eid)
                    span = self.once(
                        ("unbracketed", f.source), partial(_unbracketed_span, f, query)
                    )
                    if span is None:
                        continue
            lo, hi, gaps = span
            out.append(EntryMatch(eid, 100.0, True, lo, hi, gaps=gaps))
        return out

    def words(self, eid: int) -> tuple[str, ...]:
        return self.index.folded(eid).keys

    def ceiling(self, uid: int, pstr: str, after: int, before: int) -> float:
        """No window of unit ``uid`` within the bounds scores higher against ``pstr``.

        A window is a run of the unit's words, so it shares at most L characters
        with the piece, L the longest common subsequence of the piece and the whole
        unit; ``fuzz.ratio`` is 200·l / (|piece| + |window|) with l ≤ L and
        |window| ≥ l, so it is at most 200·L / (|piece| + L).
        """
        index = cast("ClaimLookup", self.index)
        unit = index.unit(uid)
        if after <= unit.lo < unit.hi <= before:
            return self.unit_ceiling(uid, pstr)  # the same text, kept once
        source = index.folded(unit.entry).source
        start, stop = max(unit.lo, after), min(unit.hi, before)
        if start >= stop:
            return -1.0  # no window: ``align_piece`` gives None

        def work() -> float:
            return _ceiling(pstr, " ".join(self.words(unit.entry)[start:stop]))

        return self.once(("ceiling", source, start, stop, pstr), work)

    def unit_ceiling(self, uid: int, pstr: str) -> float:
        """``ceiling`` of the whole unit, from its text in the index: copies share it,
        and an entry that is never aligned needs no offset map."""
        text = cast("ClaimLookup", self.index).unit_text(uid)
        return self.once(("unit ceiling", text, pstr), partial(_ceiling, pstr, text))

    def align(
        self, uid: int, piece: Piece, after: int = 0, before: int = 1 << 30
    ) -> _PieceFit | None:
        index = cast("ClaimLookup", self.index)
        unit = index.unit(uid)
        source = index.folded(unit.entry).source
        # ``align_piece`` reads the bounds only as this window of the unit.
        start, stop = max(unit.lo, after), min(unit.hi, before)
        key = ("fit", source, unit.lo, unit.hi, start, stop, id(piece))
        keys = self.words(unit.entry)
        return self.once(key, lambda: align_piece(index, uid, piece, after, before, keys))


def _ceiling(pstr: str, text: str) -> float:
    common = LCSseq.similarity(pstr, text)
    return 200.0 * common / (len(pstr) + common) if common else 0.0


def match(
    index: ClaimLookup,
    query: Query,
    limit: int = 8,
    pool: int = 64,
    within: float | None = None,
    pools: Sequence[Sequence[Candidate]] | None = None,
) -> list[EntryMatch]:
    """Entries that could be the statement's source, best first.

    A wide pool of candidates is checked for exact containment (a string search);
    only the ``limit`` closest of them are aligned. ``within``: the caller reads only
    the entries scoring within this many points of the best; an entry whose ceiling
    says it cannot is left out, unaligned. ``pools``: ``candidate_pools(index, query,
    pool)``, when the caller has them.
    """
    copies = _Copies(index)
    if pools is None:
        pools = candidate_pools(index, query, pool)
    # In C: exact pools of a boilerplate sentence hold thousands of units.
    wide = sorted(set(map(index.unit_entry.__getitem__, map(_first, chain.from_iterable(pools)))))
    exact = copies.exact_all(wide, query)
    if exact:
        return exact
    per_piece = [index.narrow(p.keys, c, limit) for p, c in zip(query.pieces, pools, strict=True)]
    # Each entry's candidate units, piece by piece in candidate order: of equal fits of a
    # piece in one entry, the first is kept.
    units: dict[int, list[tuple[int, int]]] = {}
    for n, cands in enumerate(per_piece):
        for uid in cands:
            units.setdefault(index.unit_entry[uid], []).append((n, uid))
    order = sorted(units)
    ceilings: dict[int, float] = {}
    slack = 0.0
    if within is not None:
        ceilings = _ceilings(copies, query, units)
        order.sort(key=lambda e: -ceilings[e])  # stable: by entry among equal ceilings
        # The best may lose up to the re-ordering margin when re-aligned in order, and
        # scores are rounded to a tenth.
        slack = within + (_REORDER_MARGIN if len(query.pieces) > 1 else 0.0) + _ROUNDING
    best: dict[tuple[int, int], _PieceFit] = {}
    out: list[EntryMatch] = []
    top = -1.0
    for e in order:
        if within is not None and ceilings[e] < top - slack:
            break  # ceilings descend: no later entry can come within reach either
        for n, uid in units[e]:
            fit = copies.align(uid, query.pieces[n])
            k = (n, e)
            if fit is not None and (k not in best or fit.beats(best[k])):
                best[k] = fit
        m = _combine(query, e, best)
        top = max(top, m.score)
        out.append(m)
    out.sort(key=lambda m: (-m.score, m.entry))
    if len(query.pieces) > 1 and out:
        out[0] = _in_order(index, copies, query, out[0])
    return out


def candidate_pools(index: ClaimLookup, query: Query, pool: int = 64) -> list[list[Candidate]]:
    """Each piece's candidate units: what ``match`` looks in, and paraphrase search too."""
    return [index.candidates(p.keys, pool) for p in query.pieces]


# Half a tenth on each side: the best's rounded score may sit that much below its own
# score, an entry's that much above its ceiling.
_ROUNDING = 0.1 + _EPSILON


def _ceilings(
    copies: _Copies, query: Query, units: dict[int, list[tuple[int, int]]]
) -> dict[int, float]:
    """The most each entry can score (``_combine`` of its pieces' ceilings)."""
    pstrs = [" ".join(p.keys) for p in query.pieces]
    total = sum(query.weights)
    out: dict[int, float] = {}
    for e, pairs in units.items():
        top: dict[int, float] = {}
        for n, uid in pairs:
            c = copies.unit_ceiling(uid, pstrs[n])
            if c > top.get(n, 0.0):
                top[n] = c
        out[e] = sum(query.weights[n] * c for n, c in top.items()) / total if total else 0.0
    return out


def _in_order(index: ClaimLookup, copies: _Copies, query: Query, free: EntryMatch) -> EntryMatch:
    """Re-align the pieces of a multi-part statement left to right in its best source.

    Aligned one by one, a piece can land on a later repeat of its words ("ISIS is
    not defeated […] that ISIS is defeated"); in order, it cannot. The free
    alignment wins only when the draft clearly reordered the source.
    """
    eid = free.entry
    units = index.entry_units(eid)
    loose = [_best_fit(copies, units, p, 0, 1 << 30) for p in query.pieces]
    best: dict[tuple[int, int], _PieceFit] = {}
    after = 0
    for n, piece in enumerate(query.pieces):
        nxt = loose[n + 1] if n + 1 < len(loose) else None
        before = nxt.lo if nxt is not None and nxt.lo > after else 1 << 30
        top = _best_fit(copies, units, piece, after, before) or _best_fit(
            copies, units, piece, after, 1 << 30
        )
        if top is not None:
            best[(n, eid)] = top
            after = top.hi
    ordered = _combine(query, eid, best)
    return ordered if ordered.score >= free.score - _REORDER_MARGIN else free


def _best_fit(
    copies: _Copies, units: range, piece: Piece, after: int, before: int
) -> _PieceFit | None:
    """The best fit of ``piece`` in ``units`` (the first of equal ones), aligning only the
    units whose ceiling reaches the best score found so far, highest ceilings first."""
    pstr = " ".join(piece.keys)
    ranked = sorted(
        ((copies.ceiling(u, pstr, after, before), k, u) for k, u in enumerate(units)),
        key=lambda t: (-t[0], t[1]),
    )
    best: _PieceFit | None = None
    rank: tuple[float, bool, int] = (-1.0, False, 0)
    for ceiling, k, u in ranked:
        if best is not None and ceiling + _EPSILON < best.score:
            break  # no later unit can reach, let alone tie, the best
        fit = copies.align(u, piece, after, before)
        if fit is not None and (fit.score, fit.whole, -k) > rank:
            best, rank = fit, (fit.score, fit.whole, -k)
    return best


def _combine(query: Query, eid: int, best: dict[tuple[int, int], _PieceFit]) -> EntryMatch:
    total = weighted = 0.0
    lo, hi = 1 << 30, -1
    edits: list[Edit] = []
    for n, (piece, weight) in enumerate(zip(query.pieces, query.weights, strict=True)):
        total += weight
        fit = best.get((n, eid))
        if fit is None:
            edits.append(Edit("insert", (), piece.words, at_start=True))
            continue
        weighted += weight * fit.score
        lo, hi = min(lo, fit.lo), max(hi, fit.hi)
        edits.extend(fit.edits)
    score = round(weighted / total, 1) if total else 0.0
    return EntryMatch(eid, score, False, max(lo, 0) if hi >= 0 else 0, max(hi, 0), edits)
