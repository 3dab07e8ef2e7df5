"""A person's corrections are never lost (issue 17, item 11).

Editing one word of a reviewed claim, two claims with the same words, renaming
the document: each once dropped a correction or put it on the wrong claim.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from claimcheck.cli.app import app

ARTICLE = (
    "“We will not back down,” said Ana Ruiz, the union's leader.\n\n"
    "“No comment,” Lee said on Monday.\n\n"
    "Das was asked about the strike. “No comment,” Das said.\n\n"
    "“The talks resume on Friday,” Ruiz added.\n"
)


def _extract(corpus: Path, claims: Path) -> Any:
    res = CliRunner().invoke(app, ["extract", str(corpus), "--out", str(claims)])
    assert res.exit_code == 0, res.output
    return res


def _setup(tmp_path: Path, name: str = "strike.txt") -> tuple[Path, Path, Path]:
    corpus, claims = tmp_path / "corpus", tmp_path / "claims"
    corpus.mkdir()
    (corpus / name).write_text(ARTICLE, encoding="utf-8")
    _extract(corpus, claims)
    return corpus, claims, claims / (Path(name).stem + ".json")


def _review(ledger: Path, text: str, speaker: str, nth: int = 0) -> None:
    data = json.loads(ledger.read_text("utf-8"))
    claim = [c for c in data["claims"] if c["text"] == text][nth]
    claim["speaker"], claim["reviewed"] = speaker, True
    ledger.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")


def _reviewed(ledger: Path) -> list[tuple[str, str]]:
    data = json.loads(ledger.read_text("utf-8"))
    return [(c["text"], c["speaker"]) for c in data["claims"] if c["reviewed"]]


def _pending(ledger: Path) -> list[str]:
    data = json.loads(ledger.read_text("utf-8"))
    return [c["text"] for c in data.get("pending_corrections", [])]


def test_an_edited_claim_keeps_its_correction_waiting_and_gets_it_back(tmp_path: Path) -> None:
    corpus, claims, ledger = _setup(tmp_path)
    _review(ledger, "We will not back down", "Ana Ruiz-Lopez")
    source = corpus / "strike.txt"
    source.write_text(ARTICLE.replace("not back down", "never back down"), "utf-8")
    for _ in range(2):  # said on every run, not only the first
        res = _extract(corpus, claims)
        assert "1 correction(s) wait for claims whose text changed" in res.stderr
        assert _pending(ledger) == ["We will not back down"]
        assert _reviewed(ledger) == []
    source.write_text(ARTICLE, "utf-8")
    res = _extract(corpus, claims)
    assert "wait" not in res.stderr
    assert _reviewed(ledger) == [("We will not back down", "Ana Ruiz-Lopez")]
    assert _pending(ledger) == []


def test_a_correction_goes_to_its_own_claim_not_one_with_the_same_words(tmp_path: Path) -> None:
    corpus, claims, ledger = _setup(tmp_path)
    _review(ledger, "No comment", "Lee Chang", nth=0)
    (corpus / "strike.txt").write_text("A new first line.\n\n" + ARTICLE, "utf-8")
    _extract(corpus, claims)
    data = json.loads(ledger.read_text("utf-8"))
    said = [(c["speaker"], c["reviewed"]) for c in data["claims"] if c["text"] == "No comment"]
    assert said == [("Lee Chang", True), ("Das", False)]


def test_a_renamed_document_keeps_its_corrections(tmp_path: Path) -> None:
    corpus, claims, ledger = _setup(tmp_path)
    _review(ledger, "The talks resume on Friday", "Ana Ruiz")
    (corpus / "strike.txt").rename(corpus / "strike-2024.txt")
    res = _extract(corpus, claims)
    assert "correction(s) carried from" in res.stderr
    moved = claims / "strike-2024.json"
    assert _reviewed(moved) == [("The talks resume on Friday", "Ana Ruiz")]
    assert ledger.exists(), "the old ledger is never deleted"


def test_a_renamed_and_edited_document_keeps_its_corrections(tmp_path: Path) -> None:
    corpus, claims, ledger = _setup(tmp_path)
    _review(ledger, "The talks resume on Friday", "Ana Ruiz")
    (corpus / "strike.txt").unlink()
    edited = ARTICLE.replace("on Monday", "on Tuesday")
    (corpus / "strike-final.txt").write_text(edited, "utf-8")
    _extract(corpus, claims)
    assert _reviewed(claims / "strike-final.json") == [("The talks resume on Friday", "Ana Ruiz")]


def test_another_document_does_not_take_the_corrections(tmp_path: Path) -> None:
    corpus, claims, ledger = _setup(tmp_path)
    _review(ledger, "The talks resume on Friday", "Ana Ruiz")
    (corpus / "other.txt").write_text("“The talks resume on Friday,” Lee said.\n", "utf-8")
    _extract(corpus, claims)
    assert _reviewed(claims / "other.json") == []
    assert _reviewed(ledger) == [("The talks resume on Friday", "Ana Ruiz")]


def test_carry_corrections_keeps_its_signature() -> None:
    from claimcheck.corpus.review import carry_corrections
    from claimcheck.extract import extract
    from claimcheck.loaders import from_text

    old = extract(from_text(ARTICLE, "strike.txt"))
    fixed = [
        c.model_copy(update={"speaker": "X", "reviewed": True}) if i == 0 else c
        for i, c in enumerate(old.claims)
    ]
    old = old.model_copy(update={"claims": fixed})
    new = extract(from_text(ARTICLE.replace("not back", "never back"), "strike.txt"))
    ledger, pending = carry_corrections(new, old)
    assert [c.text for c in pending] == [fixed[0].text]
    assert ledger.pending_corrections == pending
    again, still = carry_corrections(extract(from_text(ARTICLE, "strike.txt")), ledger)
    assert still == [] and again.claims[0].speaker == "X" and again.claims[0].reviewed
