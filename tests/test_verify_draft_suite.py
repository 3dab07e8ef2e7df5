"""The draft suite (tests/cases/verify_suite/): reporters' statements about real Wikinews articles.

One test per statement; a known failure carries its reason in the case file
(``xfail``, strict: a fix shows up as news). The score over the whole suite
must stay at or above ``FLOOR``.
"""

from __future__ import annotations

import pytest

from claimcheck.verify import Corpus
from draftsuite import Item, corpus, expected, explain, items, observed, results

ITEMS = items()
# 83 of 83 right: issue 14's speaker fixes (PG&E, Pompeo, Sarea) passed the last
# three known failures.
FLOOR = 83 / 83


@pytest.fixture(scope="module")
def sources() -> Corpus:
    return corpus()


def _param(item: Item) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=item.xfail)] if item.xfail else []
    return pytest.param(item, id=f"{item.file}: {item.id}", marks=marks)


@pytest.mark.parametrize("item", [_param(i) for i in ITEMS])
def test_statement(item: Item, sources: Corpus) -> None:
    found = results(item, sources)
    assert observed(item, found) == expected(item), explain(item, found)


def test_suite_size_and_score(sources: Corpus) -> None:
    assert len(ITEMS) >= 60
    assert len({i.file for i in ITEMS}) >= 12
    wrong = [i for i in ITEMS if observed(i, results(i, sources)) != expected(i)]
    assert 1 - len(wrong) / len(ITEMS) >= FLOOR
    assert all(i.xfail for i in wrong), [i.id for i in wrong if not i.xfail]
