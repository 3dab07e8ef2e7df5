"""A run that cannot start still speaks its format: errors[] in JSON, a notification in SARIF."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from claimcheck.cli.app import app

ROOT = Path(__file__).resolve().parent.parent


def _corpus_with_corrupt_ledger(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    claims = tmp_path / "claims"
    corpus.mkdir()
    claims.mkdir()
    shutil.copy(ROOT / "corpus" / "india-japan-defense.txt", corpus)
    (claims / "india-japan-defense.json").write_text('{"schema_version": "1", "document": {')
    return corpus


def _run(tmp_path: Path, monkeypatch: Any, fmt: str) -> Any:
    corpus = _corpus_with_corrupt_ledger(tmp_path)
    monkeypatch.chdir(tmp_path)
    args = ["verify", "--text", "It was just to counter China", "--speaker", "Das"]
    return CliRunner().invoke(app, [*args, "--corpus", str(corpus), "--isolated", "--format", fmt])


def test_corrupt_ledger_json_report_carries_the_error(tmp_path: Path, monkeypatch: Any) -> None:
    res = _run(tmp_path, monkeypatch, "json")
    assert res.exit_code == 2
    report = json.loads(res.stdout)
    assert report["results"] == []
    [error] = report["errors"]
    assert error["path"].endswith("claims/india-japan-defense.json")
    assert "ledger is corrupt" in error["message"]
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.stderr


def test_corrupt_ledger_sarif_marks_execution_failed(tmp_path: Path, monkeypatch: Any) -> None:
    res = _run(tmp_path, monkeypatch, "sarif")
    assert res.exit_code == 2
    invocation = json.loads(res.stdout)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False


def test_corrupt_ledger_text_is_one_line_and_nothing_on_stdout(
    tmp_path: Path, monkeypatch: Any
) -> None:
    res = _run(tmp_path, monkeypatch, "text")
    assert res.exit_code == 2
    assert res.stdout == ""
    assert "ledger is corrupt" in res.stderr and res.stderr.count("\n") == 1
