"""Data-driven verdicts, attributions and flags (tests/cases/verify/*.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from claimcheck.statements import standalone
from claimcheck.verify import Corpus, Settings, check
from seedledger import seed_ledger

CASES = sorted(Path(__file__).parent.glob("cases/verify/*.yaml"))


def _cases() -> list[Any]:
    out = []
    for path in CASES:
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            out.append(pytest.param(case, id=f"{path.stem}: {case['name']}"))
    return out


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.from_ledgers([seed_ledger()])


@pytest.mark.parametrize("case", _cases())
def test_case(case: dict[str, Any], corpus: Corpus) -> None:
    st = standalone(
        case["text"], case.get("speaker"), path="draft.md", kind=case.get("kind", "quote")
    )
    r = check(st, corpus, Settings(), "x")
    expect = case["expect"]
    got = {"verdict": r.verdict, "attribution": r.attribution, "flags": list(r.flags)}
    want = {k: expect[k] for k in ("verdict", "attribution", "flags")}
    assert got == want, r.message
    if "source_speaker" in expect:
        assert r.source is not None and r.source.speaker == expect["source_speaker"]
