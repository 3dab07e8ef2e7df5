from __future__ import annotations

from pathlib import Path

import pytest

from casefile import Case, load_cases
from claimcheck.extract import extract
from claimcheck.loaders import from_text

CASES = sorted((Path(__file__).parent / "cases" / "extract").glob("*.txt"))
ALL = [c for f in CASES for c in load_cases(f)]


def _dash(v: str | None) -> str:
    return v if v else "-"


def actual_rows(case: Case) -> list[tuple[str, ...]]:
    ledger = extract(from_text(case.text, path="case.txt"))
    want_narrative = any(row[0] == "narrative" for row in case.expected)
    want_skipped = any(row[0] == "skipped" for row in case.expected)
    # Six columns ask also how the speaker was found and what the cue reports:
    # kind | speaker | speaker_basis | cue | cue.act | text.
    wide = any(len(row) == 6 for row in case.expected)
    rows: list[tuple[str, ...]] = []
    for c in ledger.claims:
        if c.kind == "narrative" and not want_narrative:
            continue
        cue = c.cue.text if c.cue and c.kind != "narrative" else None
        text = " ".join(c.text.split())
        if wide:
            act = c.cue.act if c.cue and c.kind != "narrative" else None
            basis = c.speaker_basis
            if c.speaker_alternatives:
                basis = f"{basis} (or {', '.join(c.speaker_alternatives)})"
            rows.append((c.kind, _dash(c.speaker), _dash(basis), _dash(cue), _dash(act), text))
        else:
            rows.append((c.kind, _dash(c.speaker), _dash(cue), text))
    if want_skipped:
        rows.extend(("skipped", s.reason, " ".join(s.text.split())) for s in ledger.skipped)
    return rows


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            c, id=f"{c.file}:{c.title}", marks=[pytest.mark.xfail(strict=True)] if c.xfail else []
        )
        for c in ALL
    ],
)
def test_case(case: Case) -> None:
    assert actual_rows(case) == [tuple(r) for r in case.expected]


def test_case_files_exist_for_each_concern() -> None:
    names = {f.stem for f in CASES}
    assert {"quotes", "cues", "speakers", "pronouns", "boilerplate"} <= names
