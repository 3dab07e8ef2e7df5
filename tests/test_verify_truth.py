"""Verify tells the truth (issue 15): one case file per kind of truth, tests/cases/verify_truth/.

Each case is a source article (``corpus``) and either a ``draft`` (read by the
extractor; ``expect`` is then a list, one item per statement) or one statement
(``text``, ``speaker``, ``kind``; ``expect`` one item). Only the keys an
expectation lists are compared; ``passage`` is the source passage shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from claimcheck.extract import extract
from claimcheck.loaders import from_text
from claimcheck.models import Result
from claimcheck.verify import Corpus, Settings, check
from claimcheck.verify.statements import from_document, standalone

CASES = sorted(Path(__file__).parent.glob("cases/verify_truth/*.yaml"))


def _cases() -> list[Any]:
    return [
        pytest.param(case, id=f"{path.stem}: {case['name']}")
        for path in CASES
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))
    ]


def observed(r: Result, want: dict[str, Any]) -> dict[str, Any]:
    got: dict[str, Any] = {
        "text": r.statement.text,
        "verdict": r.verdict,
        "attribution": r.attribution,
        "flags": list(r.flags),
        "severity": r.severity,
        "basis": getattr(r, "basis", None),  # getattr: the same cases run on older versions
        "matched": getattr(r, "matched", None),
        "changes": [c.model_dump() for c in r.changes],
        "passage": r.source.passage if r.source else None,
    }
    return {k: got[k] for k in want}


@pytest.mark.parametrize("case", _cases())
def test_case(case: dict[str, Any]) -> None:
    corpus = Corpus.from_ledgers([extract(from_text(case["corpus"], path="source.txt"))])
    if "draft" in case:
        statements = from_document(from_text(case["draft"], path="draft.md"))
        wants = case["expect"]
    else:
        kind = case.get("kind", "quote")
        statements = [standalone(case["text"], case.get("speaker"), kind=kind)]
        wants = [case["expect"]]
    results = [check(st, corpus, Settings(), "x") for st in statements]
    assert len(results) == len(wants), [r.statement.text for r in results]
    for r, want in zip(results, wants, strict=True):
        assert observed(r, want) == want, r.message
