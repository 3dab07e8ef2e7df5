"""Data-driven verdicts, attributions and flags (tests/cases/verify/*.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from claimcheck.extract import extract
from claimcheck.loaders import from_text
from claimcheck.verify import Corpus, Settings, check
from claimcheck.verify.statements import from_document, standalone
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


DRAFT_CASES = sorted(Path(__file__).parent.glob("cases/verify_drafts/*.yaml"))


def _draft_cases() -> list[Any]:
    return [
        pytest.param(case, id=f"{path.stem}: {case['name']}")
        for path in DRAFT_CASES
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))
    ]


@pytest.mark.parametrize("case", _draft_cases())
def test_draft_case(case: dict[str, Any], corpus: Corpus) -> None:
    if "corpus" in case:
        corpus = Corpus.from_ledgers([extract(from_text(case["corpus"], path="source.txt"))])
    document = from_text(case["draft"], path="draft.md")
    got = [
        {"text": st.text, **_verdict(check(st, corpus, Settings(), "x"))}
        for st in from_document(document)
    ]
    assert got == case["expect"]


def _verdict(r: Any) -> dict[str, str]:
    return {"verdict": r.verdict, "attribution": r.attribution}
