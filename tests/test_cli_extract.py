from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from claimcheck.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def run(*args: str) -> Any:
    return runner.invoke(app, list(args))


def test_extract_json_is_a_ledger(monkeypatch: Any) -> None:
    monkeypatch.chdir(ROOT)
    res = run("extract", "corpus/india-japan-defense.txt", "--format", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["schema_version"] == "1.1"
    assert data["document"]["path"] == "corpus/india-japan-defense.txt"
    assert res.stdout == (ROOT / "claims" / "india-japan-defense.json").read_text("utf-8")


def test_extract_jsonl_one_line_per_file_in_order(tmp_path: Path) -> None:
    a = tmp_path / "b.txt"
    b = tmp_path / "a.txt"
    a.write_text("Das said the vote was close.", encoding="utf-8")
    b.write_text("“Yes,” Lee said.", encoding="utf-8")
    res = run("extract", str(a), str(b), "--format", "jsonl")
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert [json.loads(x)["document"]["path"] for x in lines] == [a.as_posix(), b.as_posix()]


def test_extract_text_table(monkeypatch: Any) -> None:
    monkeypatch.chdir(ROOT)
    res = run("extract", "corpus/india-japan-defense.txt", "--format", "text")
    assert res.exit_code == 0
    assert "Shubhamitra Das — associate professor at Jawaharlal Nehru University" in res.stdout
    assert "related-link" in res.stdout


def test_extract_out_writes_and_check_detects_stale(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text("Das said the vote was close.", encoding="utf-8")
    out = tmp_path / "claims"
    assert run("extract", str(corpus), "--out", str(out)).exit_code == 0
    assert (out / "one.json").exists()
    assert run("extract", str(corpus), "--out", str(out), "--check").exit_code == 0
    (corpus / "one.txt").write_text("Das said the vote was not close.", encoding="utf-8")
    res = run("extract", str(corpus), "--out", str(out), "--check")
    assert res.exit_code == 1
    assert "stale" in res.stderr and "document changed" in res.stderr
    # --check never writes.
    assert "vote was close" in (out / "one.json").read_text("utf-8")


def test_reviewed_correction_survives_regeneration(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    src = corpus / "one.txt"
    src.write_text("“We will win,” the coach said. Ana Ruiz said the team was ready.", "utf-8")
    out = tmp_path / "claims"
    assert run("extract", str(corpus), "--out", str(out)).exit_code == 0
    ledger = json.loads((out / "one.json").read_text("utf-8"))
    quote = next(c for c in ledger["claims"] if c["kind"] == "quote")
    quote["speaker"] = "Maria Lopez"
    quote["reviewed"] = True
    (out / "one.json").write_text(json.dumps(ledger, ensure_ascii=False, indent=2) + "\n", "utf-8")
    # The article changes elsewhere; the reviewed claim's text is still there.
    src.write_text(
        "“We will win,” the coach said. Ana Ruiz said the team was ready for Sunday.", "utf-8"
    )
    assert run("extract", str(corpus), "--out", str(out)).exit_code == 0
    again = json.loads((out / "one.json").read_text("utf-8"))
    fixed = next(c for c in again["claims"] if c["kind"] == "quote")
    assert fixed["speaker"] == "Maria Lopez" and fixed["reviewed"] is True
    assert "Maria Lopez" in [s["name"] for s in again["speakers"]]
    assert run("extract", str(corpus), "--out", str(out), "--check").exit_code == 0


def test_missing_file_exits_2_with_one_line(tmp_path: Path) -> None:
    res = run("extract", str(tmp_path / "nope.txt"))
    assert res.exit_code == 2
    assert res.stderr.count("\n") == 1 and "no such file" in res.stderr
    assert "Traceback" not in res.stderr + res.stdout


def test_undecodable_file_names_byte_and_offset(tmp_path: Path) -> None:
    bad = tmp_path / "cp1252.txt"
    bad.write_bytes(b"He said \x93hello\x94 to us.")
    res = run("extract", str(bad))
    assert res.exit_code == 2
    assert "0x93" in res.stderr and "offset 8" in res.stderr and "Windows-1252" in res.stderr


def test_schema_ledger_command() -> None:
    res = run("schema", "ledger")
    assert res.exit_code == 0
    assert json.loads(res.stdout)["title"] == "Ledger"


def test_extract_out_counts_one_ledger_in_the_singular(tmp_path: Path) -> None:
    article = tmp_path / "one.txt"
    article.write_text("“It was not just to counter China,” Das said.\n", "utf-8")
    res = run("extract", str(article), "--out", str(tmp_path / "claims"))
    assert res.exit_code == 0, res.output
    assert "extract: 1 ledger written (1 claim), 0 up to date, in " in res.stderr
