"""Accuracy gate on real quotes (Wikinews fixtures): each kind of restatement has a floor.

Includes a quote that repeats its own words ("ISIS is not defeated […] that ISIS
is defeated"): its pieces must be aligned in order, or a removed "not" goes unseen.
"""

from __future__ import annotations

import pytest

from realquotes import KINDS, run_suite

FLOORS = dict.fromkeys(KINDS, 1.0)
MINIMUM_CASES = {"exact": 40, "fragment": 40, "word": 40, "number": 10, "negation": 40}


@pytest.fixture(scope="module")
def suite() -> dict[str, tuple[int, int, list[str]]]:
    return run_suite()


@pytest.mark.parametrize("kind", KINDS)
def test_accuracy_floor(kind: str, suite: dict[str, tuple[int, int, list[str]]]) -> None:
    good, total, failures = suite[kind]
    assert total >= MINIMUM_CASES.get(kind, 8)
    assert good / total >= FLOORS[kind], failures
