"""The in-memory index's shortcuts give what the plain computation gives."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from operator import itemgetter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.index import memory
from claimcheck.index.keys import exact_key, shingles, winnow
from claimcheck.index.memory import ClaimIndex, best_voted, candidate_units
from claimcheck.models import Claim


def _full_sort(votes: Counter[int], limit: int) -> list[tuple[int, int]]:
    return sorted(sorted(votes.items()), key=itemgetter(1), reverse=True)[:limit]


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.integers(0, 400), st.integers(1, 6), max_size=120),
    st.integers(1, 70),
)
def test_best_voted_is_the_full_sort(votes: dict[int, int], limit: int) -> None:
    tally = Counter(votes)
    assert best_voted(tally, limit) == _full_sort(tally, limit)


def test_best_voted_ties_at_the_floor_keep_the_lowest_ids() -> None:
    votes = Counter({9: 1, 3: 1, 7: 2, 5: 1, 1: 1})
    assert best_voted(votes, 3) == [(7, 2), (1, 1), (3, 1)]


class _UnitPostings:
    """The reference: every unit posted on its own, as ``candidate_units`` reads a store."""

    def __init__(self, index: ClaimIndex) -> None:
        self.exact: dict[int, list[int]] = {}
        self.grams: dict[int, list[int]] = {}
        self.vocab: dict[str, list[int]] = {}
        for uid in range(index.size):
            words = index.unit_keys(uid)
            self.exact.setdefault(exact_key(words), []).append(uid)
            for h in winnow(shingles(words)):
                self.grams.setdefault(h, []).append(uid)
            for w in set(words):
                self.vocab.setdefault(w, []).append(uid)

    def exact_units(self, key: int) -> list[int]:
        return self.exact.get(key, [])

    def gram_units(self, hashes: set[int]) -> Iterator[list[int]]:
        for h in hashes:
            posting = self.grams.get(h, [])
            if len(posting) <= memory.MAX_POSTINGS:
                yield posting

    def word_df(self, words: set[str]) -> dict[str, int]:
        return {w: len(self.vocab[w]) for w in words if w in self.vocab}

    def word_units(self, words: list[str]) -> list[list[int]]:
        return [self.vocab.get(w, []) for w in words]


_WORDS = st.sampled_from("the plan is not finished we will go on".split())
_SENTENCE = st.lists(_WORDS, min_size=1, max_size=9).map(lambda ws: " ".join(ws) + ".")


@settings(max_examples=500, deadline=None)
@given(
    st.lists(_SENTENCE, min_size=1, max_size=12),
    st.lists(st.lists(st.integers(0, 11), min_size=1, max_size=3), min_size=1, max_size=30),
    st.lists(_WORDS, min_size=1, max_size=10),
    st.integers(1, 12),
    st.integers(1, 8),
)
def test_votes_per_text_are_the_votes_per_unit(
    pool: list[str], claims: list[list[int]], piece: list[str], limit: int, crowded: int
) -> None:
    """Claims made of a few sentences (copies, shared 3-grams, ties at every vote),
    ``MAX_POSTINGS`` low enough that some postings are too common to count."""
    index = ClaimIndex()
    for n, picks in enumerate(claims):
        text = " ".join(pool[k % len(pool)] for k in picks)
        claim = Claim(
            id=f"d{n}:1:1", kind="quote", text=text, start=0, end=len(text), line=1, rule="test"
        )
        index.add(claim, f"corpus/d{n % 4}.md")
    with pytest.MonkeyPatch.context() as m:
        m.setattr(memory, "MAX_POSTINGS", crowded)
        assert index.candidates(piece, limit) == candidate_units(_UnitPostings(index), piece, limit)


def _index(texts: list[str]) -> ClaimIndex:
    index = ClaimIndex()
    for n, text in enumerate(texts):
        claim = Claim(
            id=f"d{n}:1:1", kind="quote", text=text, start=0, end=len(text), line=1, rule="test"
        )
        index.add(claim, f"corpus/d{n}.md")
    return index


@pytest.mark.parametrize("crowded", [1, 2, 3, 4, 5])
def test_a_3gram_is_too_common_by_its_units_not_its_texts(crowded: int) -> None:
    """Two texts share a winnowed 3-gram; one of them has three copies: four units, two
    texts."""
    copied, other = "So we will go on with the plan.", "So we will go on with it."
    index = _index([copied, other, copied, copied])
    piece = "we will go on with the work".split()
    with pytest.MonkeyPatch.context() as m:
        m.setattr(memory, "MAX_POSTINGS", crowded)
        assert index.candidates(piece, 8) == candidate_units(_UnitPostings(index), piece, 8)


def _plain_narrow(index: ClaimIndex, words: list[str], pool: list[tuple[int, int]], limit: int):
    """The ranking spelled out: every unit's text scored, rounded to a 32-bit float."""
    import struct

    from rapidfuzz import fuzz

    query = " ".join(words)

    def f32(x: float) -> float:
        return struct.unpack("f", struct.pack("f", x))[0]

    scored = [(f32(fuzz.token_set_ratio(query, index.unit_text(u))), v, u) for u, v in pool]
    scored.sort(key=lambda t: (-t[0], -t[1], t[2]))
    return [u for _, _, u in scored[:limit]]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_SENTENCE, min_size=1, max_size=12),
    st.lists(st.lists(st.integers(0, 11), min_size=1, max_size=3), min_size=1, max_size=30),
    st.lists(_WORDS, min_size=1, max_size=10),
    st.integers(1, 12),
    st.data(),
)
def test_narrow_scores_each_text_once_and_ranks_as_every_unit(
    pool: list[str], claims: list[list[int]], piece: list[str], limit: int, data: st.DataObject
) -> None:
    """Copies share a text id; the pool's order is score, then votes, then id."""
    index = _index([" ".join(pool[k % len(pool)] for k in picks) for picks in claims])
    uids = data.draw(st.lists(st.integers(0, index.size - 1), unique=True, max_size=40))
    cands = [(u, data.draw(st.integers(1, 4))) for u in uids]
    expected = _plain_narrow(index, piece, cands, limit)
    texts = [index.unit_text(u) for u, _ in cands]
    assert memory.best_of_pool(piece, texts, cands, limit) == expected
    # A pool no larger than the limit is kept as it is, in candidate order.
    kept = expected if len(cands) > limit else [u for u, _ in cands]
    assert index.narrow(piece, cands, limit) == kept


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_SENTENCE, min_size=1, max_size=12),
    st.lists(st.lists(st.integers(0, 11), min_size=1, max_size=3), min_size=1, max_size=30),
)
def test_a_units_text_kept_by_id_is_its_slice_of_the_entry_key(
    pool: list[str], claims: list[list[int]]
) -> None:
    """``unit_text`` reads the text by its id, not the entry's key: the same string."""
    index = _index([" ".join(pool[k % len(pool)] for k in picks) for picks in claims])
    for uid in range(index.size):
        key = index.entries[index.unit_entry[uid]].key
        assert index.unit_text(uid) == key[index.unit_cs[uid] : index.unit_ce[uid]]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_SENTENCE, min_size=1, max_size=12),
    st.lists(st.lists(st.integers(0, 11), min_size=1, max_size=3), min_size=1, max_size=30),
    st.lists(st.sampled_from("the plan is not finished we will go on never".split()), min_size=1),
)
def test_lacking_is_true_only_for_keys_without_a_word(
    pool: list[str], claims: list[list[int]], words: list[str]
) -> None:
    """The test from the postings agrees with reading the key for the word it asks about
    (the rarest), and never says a key that holds every word lacks one."""
    index = _index([" ".join(pool[k % len(pool)] for k in picks) for picks in claims])
    lacks = index.lacking(words)
    assert lacks is not None
    for eid, entry in enumerate(index.entries):
        if all(f" {w} " in entry.key for w in words):
            assert not lacks(eid)
        if lacks(eid):
            assert any(f" {w} " not in entry.key for w in words)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sets(st.sampled_from("a b c d e".split()), min_size=1), min_size=1, max_size=300),
    st.sampled_from("a b c d e".split()),
    st.sampled_from("a b c d e".split()),
)
def test_holding_among_a_few_passages_is_the_intersection(
    passages: list[set[str]], first: str, then: str
) -> None:
    """A long posting is searched for the few passages asked of it: the same set."""
    index = memory.TextIndex()
    for n, words in enumerate(passages):
        text = " ".join(sorted(words))
        passage = Claim(
            id=f"d{n}:1:1", kind="narrative", text=text, start=0, end=len(text), line=1, rule="t"
        )
        index.add(passage, f"corpus/d{n}.md")
    among = index.holding(first)
    small = set(sorted(among)[:3])  # few enough that ``then``'s posting is searched
    for asked in (among, small, set()):
        want = {n for n in asked if then in passages[n]}
        assert index.holding(then, set(asked)) == want
