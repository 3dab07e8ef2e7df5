"""Word-level alignment of a statement piece with a source window, and its edits.

Words are aligned as *sub-words*, contractions spelled out ("shouldn't" is
"should" "not"), so "you shouldn't panic" against "you should not panic" is one
edit of whole words, never "clear you shouldn't" → "you should not". The
window is trimmed to the draft's words and, when that matches clearly more of
them, stretched over a clause the draft left out. Adjacent edits are one edit.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import Levenshtein

from claimcheck.text import Folded
from claimcheck.verify.wording import expand


@dataclass(frozen=True)
class Edit:
    op: str  # replace | delete | insert
    source: tuple[str, ...]
    statement: tuple[str, ...]
    at_start: bool = False  # the edit touches the first word of a piece
    at_end: bool = False  # … or its last word
    clause: bool = False  # a deletion of a whole clause (between commas, dashes, brackets)


def _subwords(words: Sequence[str]) -> tuple[Sequence[str], Sequence[int]]:
    """Words with contractions spelled out ("shouldn't" → "should", "not"), and the word
    each sub-word came from: alignment on these pairs "shouldn't" with "should not"."""
    return _spelled_out(tuple(words))


def _source_subwords(words: Sequence[str]) -> tuple[Sequence[str], Sequence[int]]:
    """``_subwords`` of a window of the corpus, remembered apart from the draft's pieces:
    the corpus does not change when the draft does, and the same windows are aligned
    again for the statements an edit left as they were."""
    return _spelled_out_source(tuple(words))


def _spell(words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    # One scan of the joined words, not a generator over them: most sentences have
    # one sub-word a word, and this runs on every window aligned.
    if "'" not in "".join(words) and "cannot" not in words:
        return words, tuple(range(len(words)))
    subs: list[str] = []
    owner: list[int] = []
    for i, w in enumerate(words):
        parts = expand([w], spell=False) if "'" in w or w == "cannot" else [w]
        for part in parts:
            subs.append(part.split("|")[0])
            owner.append(i)
    return tuple(subs), tuple(owner)


# Remembered by the words: a piece is trimmed against a window two or three times and
# its edits read once more, and against every unit it is aligned with.
_spelled_out = lru_cache(maxsize=4096)(_spell)
_spelled_out_source = lru_cache(maxsize=4096)(_spell)


def forget() -> None:
    """Forget the draft's words spelled out so far (``pipeline.forget_drafts``); the
    corpus windows' are kept, as the index keeps its offset maps."""
    _spelled_out.cache_clear()


def _trimmed(src: Sequence[str], keys: tuple[str, ...], a: int, b: int) -> tuple[int, int, int]:
    """Window ``[a, b)`` less the source words beyond either end of the piece, and the
    number of words matched: source words outside the quote are context, not deletions.

    Before the first matched word, the passage keeps only as many source words as the
    draft has there ("should follow" for "must follow", not "that priests should").
    """
    s_sub, s_own = _source_subwords(src[a:b])
    d_sub, _ = _subwords(keys)
    ops = Levenshtein.opcodes(s_sub, d_sub)
    same = [o for o in ops if o.tag == "equal"]
    if not s_sub:
        return a, a, 0
    if not same:
        head = ops[0].src_end if ops and ops[0].tag == "delete" else 0
        tail = ops[-1].src_start if ops and ops[-1].tag == "delete" else len(s_sub)
    else:
        first, last = same[0], same[-1]
        head = first.src_start - min(first.src_start, first.dest_start)
        tail = last.src_end + min(len(s_sub) - last.src_end, len(d_sub) - last.dest_end)
    if head >= tail:
        return a, a, 0
    lo, hi = s_own[head], s_own[tail - 1] + 1
    return a + lo, a + hi, sum(o.src_end - o.src_start for o in same)


# A stretched window must match this many more words than the snapped one.
_STRETCH_GAIN = 2


def stretch(src: Sequence[str], keys: tuple[str, ...], a: int, b: int) -> tuple[int, int, int]:
    """The window, or the window run on to the unit's end (or start) when that matches
    clearly more of the piece: the draft dropped a clause and went on after it."""
    best = _trimmed(src, keys, a, b)
    if best[2] == len(keys):
        return best  # every word of the piece matched: nothing to stretch for
    for wider in ((a, len(src)), (0, b)):
        if wider != (a, b):
            fit = _trimmed(src, keys, *wider)
            if fit[2] >= best[2] + _STRETCH_GAIN:
                best = fit
    return best


def word_runs(src: Sequence[str], st: Sequence[str]) -> list[tuple[int, int, int, int]]:
    """The edits between two word lists as word ranges ``(s0, s1, d0, d1)``.

    Aligned on sub-words, so "We're" against "We are" is one edit of whole words;
    adjacent edits are one edit.

    >>> word_runs(["we're", "not", "going"], ["we", "are", "not", "going"])
    [(0, 1, 0, 2)]
    >>> word_runs("a b c d".split(), "a x d".split())
    [(1, 3, 1, 2)]
    """
    s_sub, s_own = _source_subwords(src)
    d_sub, d_own = _subwords(st)
    if len(s_sub) == len(src) and len(d_sub) == len(st):
        return _merged(Levenshtein.opcodes(s_sub, d_sub))  # no contraction on either side
    s2d: dict[int, int] = {}
    runs: list[list[int]] = []
    for op in Levenshtein.opcodes(s_sub, d_sub):
        if op.tag == "equal":
            for k in range(op.src_end - op.src_start):
                s2d[op.src_start + k] = op.dest_start + k
        else:
            runs.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    d2s = {d: s for s, d in s2d.items()}
    # Sub-words that align but belong to differently written words ("we're" / "we are")
    # are an edit too: typography is shown, never hidden.
    by_word: dict[int, list[int]] = {}
    for k, o in enumerate(s_own):
        by_word.setdefault(o, []).append(k)
    for i, word in enumerate(src):
        subs = by_word.get(i, [])
        if subs and all(k in s2d for k in subs):
            ds = [s2d[k] for k in subs]
            if {d_own[d] for d in ds} != {d_own[ds[0]]} or st[d_own[ds[0]]] != word:
                runs.append([subs[0], subs[-1] + 1, min(ds), max(ds) + 1])
    runs.sort()
    words: list[tuple[int, int, int, int]] = []
    for run in runs:
        _to_words(run, s_own, d_own, s2d, d2s)
        s0, s1, d0, d1 = run
        w = (
            s_own[s0] if s1 > s0 else _gap_word(s_own, s0, len(src)),
            s_own[s1 - 1] + 1 if s1 > s0 else _gap_word(s_own, s0, len(src)),
            d_own[d0] if d1 > d0 else _gap_word(d_own, d0, len(st)),
            d_own[d1 - 1] + 1 if d1 > d0 else _gap_word(d_own, d0, len(st)),
        )
        if words and w[0] <= words[-1][1] and w[2] <= words[-1][3]:
            last = words[-1]
            w = (last[0], max(last[1], w[1]), last[2], max(last[3], w[3]))
            words[-1] = w
        else:
            words.append(w)
    return words


def _merged(ops: Any) -> list[tuple[int, int, int, int]]:
    """Non-equal opcodes as word ranges, adjacent ones joined."""
    out: list[tuple[int, int, int, int]] = []
    for op in ops:
        if op.tag == "equal":
            continue
        if out and out[-1][1] == op.src_start and out[-1][3] == op.dest_start:
            out[-1] = (out[-1][0], op.src_end, out[-1][2], op.dest_end)
        else:
            out.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    return out


def _gap_word(owner: Sequence[int], at: int, n: int) -> int:
    """The word boundary an empty sub-word range sits at."""
    return owner[at] if at < len(owner) else n


def _to_words(
    run: list[int],
    s_own: Sequence[int],
    d_own: Sequence[int],
    s2d: dict[int, int],
    d2s: dict[int, int],
) -> None:
    """Grow a sub-word run to whole words on both sides (with what they align to)."""
    changed = True
    while changed:
        changed = False
        for own, lo_i, hi_i, cross, other_lo, other_hi in (
            (s_own, 0, 1, s2d, 2, 3),
            (d_own, 2, 3, d2s, 0, 1),
        ):
            lo, hi = run[lo_i], run[hi_i]
            if hi <= lo:
                continue
            first, last = own[lo], own[hi - 1]
            # Owners ascend (sub-words are spelled out word by word, in order): a word's
            # sub-words are the run of its index.
            new_lo, new_hi = bisect_left(own, first), bisect_right(own, last)
            for k in [*range(new_lo, lo), *range(hi, new_hi)]:
                if k in cross:
                    j = cross[k]
                    if run[other_hi] <= run[other_lo]:
                        run[other_lo], run[other_hi] = j, j + 1
                    else:
                        run[other_lo], run[other_hi] = (
                            min(run[other_lo], j),
                            max(run[other_hi], j + 1),
                        )
                    changed = True
            if (new_lo, new_hi) != (lo, hi):
                run[lo_i], run[hi_i] = new_lo, new_hi
                changed = True


_CLAUSE_MARK = re.compile(r"[,;:()\[\]\-]")


def bounded(f: Folded, a: int, b: int) -> bool:
    """Words ``[a, b)`` of ``f`` are a clause: punctuation on both sides (or the end)."""
    words = f.words
    before = f.text[words[a - 1].end : words[a].start] if a > 0 else ","
    after = f.text[words[b - 1].end : words[b].start] if b < len(words) else ","
    return bool(_CLAUSE_MARK.search(before)) and bool(_CLAUSE_MARK.search(after))
