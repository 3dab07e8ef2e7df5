"""The in-memory index's shortcuts give what the plain computation gives."""

from __future__ import annotations

from collections import Counter
from operator import itemgetter

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.index.memory import best_voted


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
