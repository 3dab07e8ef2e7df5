"""A hand-built report over the drafts in ``data/ci``: every kind of finding once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimcheck.ci.exit_policy import with_results
from claimcheck.models import (
    Change,
    CorpusInfo,
    Report,
    Result,
    RunError,
    SourceRef,
    StatementRef,
    Summary,
    ToolInfo,
)

DATA = Path(__file__).parent / "data" / "ci"
DRAFT = "drafts/india-japan.md"
NOTES = "drafts/notes.md"
SOURCE_DOC = "corpus/india-japan-defense.txt"


def draft_texts() -> dict[str, str]:
    return {p: (DATA / p).read_text(encoding="utf-8") for p in (DRAFT, NOTES)}


def stmt(path: str, text: str, speaker: str | None, kind: Any = "quote") -> StatementRef:
    doc = draft_texts()[path]
    start = doc.index(text)
    end = start + len(text)
    line = doc.count("\n", 0, start) + 1
    col = start - (doc.rfind("\n", 0, start) + 1) + 1
    end_line = doc.count("\n", 0, end) + 1
    end_col = end - (doc.rfind("\n", 0, end) + 1) + 1
    return StatementRef(
        text=text,
        speaker=speaker,
        path=path,
        line=line,
        column=col,
        end_line=end_line,
        end_column=end_col,
        kind=kind,
        start=start,
        end=end,
    )


def src(text: str, line: int, speakers: list[str], kind: Any = "quote") -> SourceRef:
    return SourceRef(
        document=SOURCE_DOC,
        claim_id=f"india-japan-defense:{line}:1",
        text=text,
        kind=kind,
        speaker=speakers[0] if speakers else None,
        speakers=speakers,
        line=line,
        column=2,
        end_line=line,
        end_column=2 + len(text),
        passage=text,
    )


DAS = ["Shubhamitra Das"]


def make_report() -> Report:
    results = [
        Result(
            id="a1f0c0de00000001",
            statement=stmt(DRAFT, "It was just to counter China", "Das"),
            verdict="fuzzy",
            score=91.3,
            attribution="match",
            source=src("It was not just to counter China", 7, DAS),
            changes=[Change(op="delete", source="not", statement="")],
            flags=["negation-changed"],
            severity="error",
            message='Misquote: the source says "was not just"; the draft drops "not".',
        ),
        Result(
            id="a1f0c0de00000002",
            statement=stmt(DRAFT, "We will deploy 500 troops to the islands.", "Kishida"),
            verdict="missing",
            score=42.0,
            attribution="not-applicable",
            nearest=src("We will deepen defence ties, 100% of them", 12, ["Fumio Kishida"]),
            nearest_score=42.0,
            severity="error",
            message="Not in the corpus: nothing close to these words (nearest 42%, a hint only).",
        ),
        Result(
            id="a1f0c0de00000003",
            statement=stmt(DRAFT, "have been close since the 1952 peace treaty.", "Modi"),
            verdict="exact",
            score=100.0,
            attribution="mismatch",
            source=src("India and Japan have been close since the 1952 peace treaty.", 6, DAS),
            severity="error",
            message="Misattributed: the source gives these words to Shubhamitra Das, not Modi.",
        ),
        Result(
            id="a1f0c0de00000004",
            statement=stmt(DRAFT, "The partnership is a cornerstone,", "the ministry"),
            verdict="exact",
            score=100.0,
            attribution="match",
            source=src("The partnership is a cornerstone", 9, ["the ministry", "Das"]),
            flags=["speaker-conflict"],
            severity="warning",
            message="Sources disagree on the speaker: the ministry, Das.",
        ),
        Result(
            id="a1f0c0de00000005",
            statement=stmt(DRAFT, "growing rapidly in every field.", "Das"),
            verdict="fuzzy",
            score=88.0,
            attribution="match",
            source=src("growing quickly in every field", 10, DAS),
            changes=[Change(op="replace", source="quickly", statement="rapidly")],
            severity="warning",
            message='Wording differs: "quickly" → "rapidly".',
        ),
        Result(
            id="a1f0c0de00000006",
            statement=stmt(DRAFT, "Both nations shares values,", "Das"),
            verdict="fuzzy",
            score=90.0,
            attribution="match",
            source=src("Both nations share values", 11, DAS),
            changes=[Change(op="replace", source="share", statement="shares")],
            severity="warning",
            message='Wording differs: "share" → "shares".',
            suppressed=True,
            suppression_reason="the archive copy has a typo",
        ),
        Result(
            id="a1f0c0de00000007",
            statement=stmt(DRAFT, "Japan is India’s most trusted partner,", "Das"),
            verdict="exact",
            score=100.0,
            attribution="match",
            source=src("Japan is India’s most trusted partner", 14, DAS),
            severity="info",
            message="Verified.",
        ),
        Result(
            id="a1f0c0de00000008",
            statement=stmt(NOTES, "Tokyo and Delhi will keep talking,", "Das"),
            verdict="exact",
            score=100.0,
            attribution="match",
            source=src("Tokyo and Delhi will keep talking", 15, DAS),
            severity="info",
            message="Verified.",
        ),
    ]
    errors = [
        RunError(
            path=DRAFT,
            line=18,
            code="unused-suppression",
            message="claimcheck-disable-next-line suppressed nothing",
        )
    ]
    report = Report(
        tool=ToolInfo(version="0.1.0"),
        corpus=CorpusInfo(documents=1, claims=24, fingerprint="f00dfeed"),
        summary=Summary(),
        results=results,
        errors=errors,
    )
    return with_results(report, results)
