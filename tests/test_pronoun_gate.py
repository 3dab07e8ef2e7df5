"""Pronoun-resolution gate: hand labels for pronoun speakers in Wikinews articles.

The labels (``benchmarks/labels/pronouns-wikinews.json``) hold URLs, offsets and
expected speakers, no article text; the articles are read from
``../shared/corpora/wikinews`` when present (as on every developer machine and
in CI), and the gate is skipped elsewhere.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "score_pronouns.py"
WIKINEWS = ROOT.parent / "shared" / "corpora" / "wikinews" / "wikinews_2019_2020.jsonl"

pytestmark = pytest.mark.skipif(not WIKINEWS.is_file(), reason="../shared Wikinews not present")

# Pinned floor: 52/60 when set (41/60 before subject salience), raised at 55/60 (sixth
# session); raise it, never lower it.
FLOOR = 0.9


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_pronouns", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up by name
    spec.loader.exec_module(module)
    return module


def test_pronoun_speakers_floor() -> None:
    outcomes = _module().score(WIKINEWS)
    right = sum(o.ok for o in outcomes)
    wrong = [f"{o.url} @{o.offset}: want {o.expected}, got {o.got}" for o in outcomes if not o.ok]
    assert right / len(outcomes) >= FLOOR, "\n".join(wrong)
