"""Which quotation of the edited version each quotation of the earlier one became.

1. Word for word: the same folded words (one to one, the same speaker first).
2. Otherwise the edited quotation that holds most of its words, in order
   (``difflib`` on folded words), if it holds at least half of them; one
   edited quotation can take several earlier ones only where their words do
   not overlap in it (that is a merge).
3. Nothing holds half its words: the quotation was dropped.

A quotation found word for word inside a longer one, on the longer one's
part boundaries (an ellipsis, a split by its cue), is kept, not changed: the
edit put another quoted part beside it.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field

from claimcheck.guard.quotations import Quotation
from claimcheck.verify.align import Edit
from claimcheck.verify.names import same_person

MIN_COVER = 0.5  # share of a quotation's words that must survive for "changed", not "dropped"


@dataclass
class Pair:
    before: Quotation
    after: Quotation | None  # None: dropped
    lo: int = 0  # the window of ``after.keys`` aligned with ``before``
    hi: int = 0
    edits: list[Edit] = field(default_factory=list)
    cover: float = 0.0
    merged_with: list[Quotation] = field(default_factory=list)

    @property
    def exact(self) -> bool:
        return self.after is not None and not self.edits and not self.merged_with


@dataclass(frozen=True)
class _Fit:
    after: int
    cover: float
    lo: int
    hi: int


def same_speaker(before: Quotation, after: Quotation) -> bool | None:
    """None when the earlier version names no speaker (nothing to keep)."""
    if before.ref.speaker is None:
        return None
    if after.ref.speaker is None:
        return False
    if before.person is not None and same_person(after.ref.speaker, before.person):
        return True
    return after.person is not None and same_person(before.ref.speaker, after.person)


def pair(before: list[Quotation], after: list[Quotation]) -> list[Pair]:
    """One ``Pair`` per earlier quotation, in the earlier version's order."""
    pairs: dict[int, Pair] = {}
    used: set[int] = set()
    by_key: dict[str, list[int]] = defaultdict(list)
    for j, a in enumerate(after):
        by_key[a.key].append(j)
    for i, b in enumerate(before):
        free = [j for j in by_key.get(b.key, []) if j not in used]
        if free:
            j = next((j for j in free if same_speaker(b, after[j]) is not False), free[0])
            used.add(j)
            pairs[i] = Pair(b, after[j], 0, len(after[j].keys), cover=1.0)
    rest = [i for i in range(len(before)) if i not in pairs]
    fits = {i: _fits(before[i], after, used) for i in rest}
    taken: dict[int, list[tuple[int, int, int]]] = defaultdict(list)  # after -> windows
    for i in sorted(rest, key=lambda i: (-(fits[i][0].cover if fits[i] else 0.0), i)):
        for fit in fits[i]:
            if all(fit.hi <= lo or fit.lo >= hi for _, lo, hi in taken[fit.after]):
                taken[fit.after].append((i, fit.lo, fit.hi))
                pairs[i] = Pair(before[i], after[fit.after], fit.lo, fit.hi, cover=fit.cover)
                break
        else:
            pairs[i] = Pair(before[i], None)
    for j, windows in taken.items():
        _settle([pairs[i] for i, _, _ in sorted(windows, key=lambda w: w[1])], after[j])
    return [pairs[i] for i in range(len(before))]


def _fits(b: Quotation, after: list[Quotation], used: set[int]) -> list[_Fit]:
    """Edited quotations holding at least ``MIN_COVER`` of ``b``'s words, best first."""
    out: list[_Fit] = []
    for j, a in enumerate(after):
        if j in used:
            continue
        sm = difflib.SequenceMatcher(None, b.keys, a.keys, autojunk=False)
        blocks = [m for m in sm.get_matching_blocks() if m.size]
        cover = sum(m.size for m in blocks) / len(b.keys)
        if blocks and cover >= MIN_COVER:
            out.append(_Fit(j, cover, blocks[0].b, blocks[-1].b + blocks[-1].size))
    out.sort(key=lambda f: (-f.cover, f.after))
    return out


def _settle(group: list[Pair], a: Quotation) -> None:
    """Window, edits and merge partners of the earlier quotations one edited one took.

    Two of them are merged when their windows fall in the same quoted part of
    ``a``; one alone in its part is changed, and its window widens to the part,
    so words the edit added around it show as added.
    """
    bounds = sorted({0, len(a.keys), *a.breaks})
    part = {id(p): _part(bounds, p.lo, p.hi) for p in group}
    for p in group:
        lo, hi = part[id(p)]
        p.merged_with = [
            q.before for q in group if q is not p and part[id(q)][0] < hi and part[id(q)][1] > lo
        ]
        if not p.merged_with:
            p.lo, p.hi = lo, hi
        p.edits = diff(p.before, a, p.lo, p.hi)


def _part(bounds: list[int], lo: int, hi: int) -> tuple[int, int]:
    return max(x for x in bounds if x <= lo), min(x for x in bounds if x >= hi)


def diff(b: Quotation, a: Quotation, lo: int, hi: int) -> list[Edit]:
    """Word edits from ``b`` to the window ``[lo, hi)`` of ``a``, in the words as written."""
    sm = difflib.SequenceMatcher(None, b.keys, a.keys[lo:hi], autojunk=False)
    edits: list[Edit] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        edits.append(
            Edit(op, b.words[i1:i2], a.words[lo + j1 : lo + j2], at_start=i1 == 0 or j1 == 0)
        )
    return edits
