"""The seed article's ledger: golden file plus the facts a reviewer checks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from claimcheck.extract import extract
from claimcheck.loaders import load
from claimcheck.models import Ledger

ROOT = Path(__file__).resolve().parent.parent
SEED = "corpus/india-japan-defense.txt"


def seed_ledger(monkeypatch: Any) -> Ledger:
    monkeypatch.chdir(ROOT)
    return extract(load(SEED))


def test_seed_ledger_golden(data_regression: Any, monkeypatch: Any) -> None:
    data_regression.check(seed_ledger(monkeypatch).model_dump(mode="json"))


def test_committed_ledger_is_current(monkeypatch: Any) -> None:
    ledger = seed_ledger(monkeypatch)
    committed = json.loads((ROOT / "claims" / "india-japan-defense.json").read_text("utf-8"))
    assert committed == ledger.model_dump(mode="json"), (
        "run: claimcheck extract corpus/ --out claims/"
    )


def test_seed_speakers(monkeypatch: Any) -> None:
    ledger = seed_ledger(monkeypatch)
    names = [s.name for s in ledger.speakers]
    assert names == ["Shubhamitra Das", "Arnab Dasgupta", "Subrahmanyam Jaishankar", "Dongkeun Lee"]
    das = ledger.speakers[0]
    assert "Das" in das.aliases and "Dr. Shubhamitra Das" in das.aliases
    assert "Dasgupta" not in das.aliases
    assert das.role == "associate professor at Jawaharlal Nehru University"
    # People only acted upon, and the outlet, speak nothing.
    for silent in ("Shinzo Abe", "Rajnath Singh", "Gen Nakatani", "This Week in Asia"):
        assert silent not in names
        assert all(c.speaker != silent for c in ledger.claims)


def test_sentence_given_to_both_das_and_dasgupta(monkeypatch: Any) -> None:
    ledger = seed_ledger(monkeypatch)
    words = "India and Japan share common understandings of the Indo-Pacific situation"
    speakers = sorted(
        c.speaker or "" for c in ledger.claims if c.kind == "quote" and words in c.text
    )
    assert speakers == ["Arnab Dasgupta", "Shubhamitra Das"]


def test_seed_boilerplate_skipped(monkeypatch: Any) -> None:
    ledger = seed_ledger(monkeypatch)
    reasons = {s.line: s.reason for s in ledger.skipped}
    assert reasons == {
        1: "kicker",
        3: "heading",
        5: "related-link",
        12: "related-link",
        13: "heading",
        18: "related-link",
    }
    for claim in ledger.claims:
        assert claim.line not in (3, 5, 12, 13, 18)


def test_seed_claims_are_exact_slices(monkeypatch: Any) -> None:
    ledger = seed_ledger(monkeypatch)
    text = (ROOT / SEED).read_text(encoding="utf-8")
    for c in ledger.claims:
        assert text[c.start : c.end] == c.text
    assert len({c.id for c in ledger.claims}) == len(ledger.claims)


def test_seed_scare_quote_and_partial_quote(monkeypatch: Any) -> None:
    ledger = seed_ledger(monkeypatch)
    quotes = {c.text: c for c in ledger.claims if c.kind == "quote"}
    assert "memorandum of implementation" not in quotes
    partial = quotes["inclusive and plural approach"]
    assert partial.speaker == "Shubhamitra Das" and partial.form == "partial"
    she = next(c for c in ledger.claims if c.mention and c.mention.text == "She")
    assert she.speaker == "Shubhamitra Das"
