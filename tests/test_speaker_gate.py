"""Speaker-name gate: hand-labelled claim speakers of Wikinews articles, both halves.

The labels (``benchmarks/labels/speakers-wikinews.json``) hold URLs, offsets and
the speaker each claim belongs to, no article text; the articles are read from
``../shared/corpora/wikinews`` when present (as on every developer machine and in
CI), and the gate is skipped elsewhere. The test half is scored only, never read.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "score_speakers.py"
WIKINEWS = ROOT.parent / "shared" / "corpora" / "wikinews" / "wikinews_2019_2020.jsonl"

pytestmark = pytest.mark.skipif(not WIKINEWS.is_file(), reason="../shared Wikinews not present")

# Pinned floors (issue 14): canonical-name precision dev 0.846 -> 0.858 -> 0.888 -> 0.938
# -> 0.975 -> 0.981, test 0.735 -> 0.770 -> 0.783 -> 0.811 -> 0.829; junk dev 0.012 -> 0.006 -> 0,
# test 0.012 -> 0.006; dev2 (the fresh draw read while working) 0.875 -> 0.909 -> 0.914
# -> 0.920 (the scorer drops a leading "a" as it drops "the"); dev3 (the third draw, seventh
# session) 0.808 -> 0.898; test 0.829 -> 0.836. Eighth session: dev2 0.920 -> 0.930 (0.925
# of it a relabelled row), dev3 0.898 -> 0.937, and four fresh reading samples, dev4 0.883 ->
# 0.947, dev5 0.812 -> 0.912, dev6 0.810 -> 0.896, dev7 0.914 -> 0.931, dev8 0.897 -> 0.925;
# test unchanged at 0.836. Raise them, never lower them.
FLOORS = {
    "dev": 0.975,
    "dev2": 0.925,
    "dev3": 0.93,
    "dev4": 0.94,
    "dev5": 0.905,
    "dev6": 0.89,
    "dev7": 0.925,
    "dev8": 0.92,
    "test": 0.83,
}
JUNK_CEILING = 0.013
# dev4's one "junk" row (1 of 76) is a right answer: an unnamed "the prime minister", which
# the scorer's closed title rule counts as a bare title.
JUNK_CEILINGS = {"dev4": 0.014}


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_speakers", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def outcomes() -> list[object]:
    return list(_module().score())


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_speaker_name_floors(outcomes: list[object], split: str) -> None:
    numbers = _module().numbers(o for o in outcomes if getattr(o, "split", None) == split)
    assert numbers["precision"] >= FLOORS[split], numbers
    assert numbers["junk"] <= JUNK_CEILINGS.get(split, JUNK_CEILING), numbers


def test_junk_pair_needs_each_name_not_the_pair() -> None:
    junk = _module().junk_reason
    text = "Robert Mugabe ran against Morgan Tsvangirai. Both claimed victory."
    assert junk("Robert Mugabe and Morgan Tsvangirai", text) is None
    assert junk("Robert Mugabe and Grace Mugabe", text) == "absent"
    assert junk("Grace Mugabe", text) == "absent"
