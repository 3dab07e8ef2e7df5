"""benchmarks/false_alarms.py counts what verify says of correct quotes and wrong speakers.

Run on one Wikinews article of the draft suite (tests/data/wikinews, CC BY 2.5, "Arrest
made as mayor of Gdańsk, Poland stabbed on stage", https://en.wikinews.org), with rows
labelled here the way benchmarks/labels/speakers-wikinews.json labels them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "benchmarks"))
pytest.importorskip("score_speakers")
import false_alarms as fa  # noqa: E402

ARTICLE = HERE / "data" / "wikinews" / "arrest-made-as-mayor-of-gda-sk-poland-stabbed-on-stage.txt"
URL = "https://en.wikinews.org/wiki/Gdansk_test"


def _row(text: str, words: str, speaker: str | None, split: str = "dev") -> dict[str, Any]:
    at = text.index(words)
    return {"url": URL, "offset": at, "end": at + len(words), "speaker": speaker, "split": split}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> list[fa.Outcome]:
    text = ARTICLE.read_text(encoding="utf-8")
    rows = [
        _row(text, "The next hours will decide everything", "Tomasz Stefaniak"),
        _row(
            text, "We are with Mayor Adamowicz in our thoughts and prayers.", "Mateusz Morawiecki"
        ),
        _row(text, "an act of inexplicable barbarity.", "Joachim Brudziński", split="test"),
        # Not counted: no speaker, and no quotation in the span.
        _row(text, "Gdańsk residents donated blood", None),
        _row(text, "a press badge was used by the assailant", "Mariusz Ciarka"),
    ]
    cs = fa.cases(rows, {URL: text})
    assert [(c.label, c.wrong) for c in cs] == [
        ("Tomasz Stefaniak", "Mateusz Morawiecki"),
        ("Mateusz Morawiecki", "Tomasz Stefaniak"),
        ("Joachim Brudziński", "Tomasz Stefaniak"),
    ]
    article = fa.Article(URL, "Arrest made as mayor of Gdańsk, Poland stabbed on stage", text)
    return fa.run([article], cs, tmp_path_factory.mktemp("fa"))


def test_correct_quotes_are_right_and_wrong_speakers_caught(outcomes: list[fa.Outcome]) -> None:
    got = [(o.kind, o.case.label, o.status) for o in outcomes]
    assert got == [
        ("a", "Tomasz Stefaniak", "right"),
        ("a", "Mateusz Morawiecki", "right"),
        ("a", "Joachim Brudziński", "right"),
        ("b", "Tomasz Stefaniak", "caught"),
        ("b", "Mateusz Morawiecki", "caught"),
        ("b", "Joachim Brudziński", "caught"),
    ]


def test_groups_count_read_and_scored_apart(outcomes: list[fa.Outcome]) -> None:
    rep = fa.report(outcomes)
    assert rep["read"]["correct"]["statements"] == 2 and rep["read"]["correct"]["right"] == 2
    assert rep["scored"]["wrong_speaker"]["caught"] == 1
    assert rep["read"]["correct"]["false-alarm"] == 0
    assert rep["read"]["correct"]["right_basis"] == {"alias": 1, "named": 1}


def _result(attribution: str, severity: str, flags: list[str] | None = None) -> dict[str, Any]:
    return {
        "verdict": "exact",
        "attribution": attribution,
        "severity": severity,
        "flags": flags or [],
        "rule": "misattributed" if attribution == "mismatch" else "verified",
        "source": {"speaker_basis": "pronoun", "speaker": "X"},
    }


def test_a_speaker_error_is_a_false_alarm_and_a_warning_is_hedged() -> None:
    assert fa.classify("a", [_result("mismatch", "error")])[0] == "false-alarm"
    assert fa.classify("a", [_result("mismatch", "warning")])[0] == "hedged"
    assert fa.classify("a", [_result("match", "warning", ["speaker-conflict"])])[0] == "hedged"
    assert fa.classify("a", [_result("match", "info")])[0] == "right"
    assert fa.classify("b", [_result("match", "info")])[:2] == ("missed", "match")
    assert fa.classify("a", []) == ("other", "no-statement", None)
