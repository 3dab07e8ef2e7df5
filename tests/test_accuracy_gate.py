"""Accuracy gates on PolNeAR dev and GGT dev: fail when the extractor drops below pinned floors.

PolNeAR is evaluation-only (no licence), so it is never copied into the
project: the gate reads it from ``../shared/eval/polnear/dev`` when present (as
on every developer machine and in CI) and is skipped elsewhere. It scores
in-process with the shared scorer's own functions, so the numbers agree with
``python ../shared/tools/score_extract.py --data ../shared/eval/polnear/dev`` (and
``--dataset ggt --data ../shared/eval/ggt/dev.jsonl``).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from claimcheck.extract import extract
from claimcheck.loaders import from_text

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "eval" / "polnear" / "dev"
SCORER = SHARED / "tools" / "score_extract.py"

pytestmark = pytest.mark.skipif(not DEV.is_dir(), reason="../shared/eval/polnear/dev not present")

# Pinned floors (dev): raise them when the extractor improves; never lower them silently.
FLOORS = {
    # Issue 14 raised quote F1@0.8 0.80 -> 0.86 (0.862 measured), quote F1@0.3 0.85 -> 0.91
    # (0.912), all F1@0.8 0.665 -> 0.667 (0.669), indirect 0.578 -> 0.60 (0.602).
    ("quote", 0.8): {"f1": 0.86, "speaker_mention_acc": 0.93},
    # Mention 0.91 -> 0.905 (fifth session): in "what it calls “…”" the claim's mention is
    # "it", while PolNeAR marks the antecedent; the resolved speaker is the same.
    ("quote", 0.3): {"f1": 0.91, "speaker_mention_acc": 0.905},
    # All F1@0.3 0.732 -> 0.734 (0.7340 measured: clauses after ", and" and "because",
    # "why critics say", "both candidates", asides between commas, bracketed sentences).
    # Mention 0.915 -> 0.918 (0.9202 measured, seventh session: a "that" after a cue opens
    # its content, so the name after it speaks only its own clause).
    # Eighth session: precision 0.91 -> 0.92 (0.9206), mention 0.918 -> 0.920 (0.9208), all
    # F1@0.8 0.667 -> 0.670 (0.6712); all F1@0.3 0.7342 -> 0.7344 keeps its 0.734.
    ("all", 0.3): {"f1": 0.734, "precision": 0.92, "speaker_mention_acc": 0.920},
    ("all", 0.8): {"f1": 0.670},
    ("indirect", 0.3): {"f1": 0.60},
}

GGT_DEV = SHARED / "eval" / "ggt" / "dev.jsonl"

# GGT dev (issue 14, measured 0.855 / 0.820 / 0.953 / 0.830 when set; entity 0.830 ->
# 0.864, mention 0.955 after the speaker-resolution work; entity 0.890, mention 0.968
# after the possessive, epithet, given-name and surname work; entity 0.903 after the
# dev2 pass; F1@0.3 0.865, F1@0.8 0.835, mention 0.97 after the eighth session's mention
# work, entity 0.905 after its descriptions and pronouns): each segment of
# an interrupted quote scored apart and only spoken or written claims, as GGT's
# annotators did; "entity" compares the resolved speaker's surname with GGT's.
GGT_FLOORS = {
    0.3: {"f1": 0.865, "speaker_mention_acc": 0.97, "speaker_entity_acc": 0.905},
    0.8: {"f1": 0.835},
}


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extract", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored() -> dict[tuple[str, float], dict[str, Any]]:
    scorer = _scorer()
    docs = scorer.load_polnear(DEV)
    ledgers = [extract(from_text(text, path=f"{name}.txt")).model_dump() for name, text, _ in docs]
    out: dict[tuple[str, float], dict[str, Any]] = {}
    for kind in ("all", "quote", "indirect"):
        kinds = ("quote", "indirect") if kind == "all" else (kind,)
        subset = (
            docs
            if kind == "all"
            else [(n, t, [g for g in gold if g["kind"] == kind]) for n, t, gold in docs]
        )
        for t in (0.3, 0.8):
            out[(kind, t)] = scorer.score(subset, ledgers, t, kinds)
    return out


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_polnear_dev_floors(
    scored: dict[tuple[str, float], dict[str, Any]], key: tuple[str, float]
) -> None:
    result = scored[key]
    for metric, floor in FLOORS[key].items():
        assert result[metric] >= floor, f"{key} {metric} {result[metric]} < floor {floor}"


@pytest.fixture(scope="module")
def ggt_scored() -> dict[float, dict[str, Any]]:
    if not GGT_DEV.is_file():
        pytest.skip("../shared/eval/ggt/dev.jsonl not present")
    scorer = _scorer()
    docs = scorer.load_ggt(GGT_DEV)
    ledgers = [extract(from_text(text, path=f"{name}.txt")).model_dump() for name, text, _ in docs]
    return {t: scorer.score(docs, ledgers, t, split_segments=True) for t in GGT_FLOORS}


@pytest.mark.parametrize("threshold", sorted(GGT_FLOORS))
def test_ggt_dev_floors(ggt_scored: dict[float, dict[str, Any]], threshold: float) -> None:
    result = ggt_scored[threshold]
    for metric, floor in GGT_FLOORS[threshold].items():
        assert result[metric] >= floor, f"GGT@{threshold} {metric} {result[metric]} < {floor}"
