"""A stale ledger keeps a person's corrections in verify, and says it is stale (issue 15).

Both tests fail before the fix: verify re-extracted a changed source silently and
dropped its reviewed claims, and a mistyped --claims folder was silently ignored.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli.app import app

runner = CliRunner()
ARTICLE = (
    "“We will appeal the ruling and we expect to win,” the spokesperson said.\n\n"
    "Shubhamitra Das teaches at Jawaharlal Nehru University.\n"
)


def _newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # the project root: files outside it are not read
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "ruling.txt").write_text(ARTICLE, encoding="utf-8")
    res = runner.invoke(
        app, ["extract", str(tmp_path / "corpus"), "--out", str(tmp_path / "claims")]
    )
    assert res.exit_code == 0, res.stderr
    ledger_path = tmp_path / "claims" / "ruling.json"
    ledger = json.loads(ledger_path.read_text(encoding="utf-8"))
    (quote,) = [c for c in ledger["claims"] if c["kind"] == "quote"]
    quote.update(speaker="Shubhamitra Das", reviewed=True)  # a person's correction
    ledger_path.write_text(json.dumps(ledger), encoding="utf-8")
    return tmp_path


def _verify(root: Path, *args: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    res = runner.invoke(
        app,
        [
            "verify",
            "--corpus",
            str(root / "corpus"),
            "--text",
            "We will appeal the ruling and we expect to win",
            "--speaker",
            "Das",
            "-f",
            "json",
            *args,
        ],
    )
    return res.exit_code, json.loads(res.stdout), res.stderr


def test_a_stale_ledger_keeps_its_corrections_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _newsroom(tmp_path, monkeypatch)
    code, report, _ = _verify(root)
    assert code == 0 and report["errors"] == []
    assert report["results"][0]["attribution"] == "match"
    source = root / "corpus" / "ruling.txt"
    source.write_text(ARTICLE + "\nCopyright 2024 The Daily.\n", encoding="utf-8")
    code, report, err = _verify(root)
    (result,) = report["results"]
    assert result["attribution"] == "match", result["message"]
    (notice,) = report["errors"]
    assert notice["code"] == "stale-ledger"
    assert notice["path"].endswith("claims/ruling.json")
    assert "claimcheck extract" in notice["message"] and "1 of its 1 reviewed" in notice["message"]
    assert "stale" in err
    assert code == 0  # a notice is a warning, never a run failure (2)
    assert _verify(root, "--fail-on", "warning")[0] == 1


def test_a_claims_folder_given_that_does_not_exist_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _newsroom(tmp_path, monkeypatch)
    res = runner.invoke(
        app,
        [
            "verify",
            "--corpus",
            str(root / "corpus"),
            "--claims",
            str(root / "claimz"),
            "--text",
            "x",
        ],
    )
    assert res.exit_code == 2
    assert "ledger folder not found" in res.stderr and "claimz" in res.stderr


def test_verify_on_an_index_gives_the_same_stale_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, location: str
) -> None:
    """Answered from an index (SQLite or PostgreSQL), verify brings it up to date with
    the changed source and reports exactly what it reports without one, notice
    included, on that run and on every later one until the ledger is refreshed
    (the index had kept no notice: errors[] was empty)."""
    root = _newsroom(tmp_path, monkeypatch)
    built = runner.invoke(app, ["index", "--corpus", str(root / "corpus"), "--index", location])
    assert built.exit_code == 0, built.stderr
    source = root / "corpus" / "ruling.txt"
    source.write_text(ARTICLE + "\nCopyright 2024 The Daily.\n", encoding="utf-8")
    code, memory, _ = _verify(root)
    assert memory["errors"][0]["code"] == "stale-ledger"
    for run, said in (("updates the index", "1 changed"), ("answers from it", "")):
        code_i, indexed, err = _verify(root, "--index", location)
        assert (code_i, indexed) == (code, memory), run
        assert "ledger is stale" in err and said in err
    refreshed = runner.invoke(app, ["extract", str(root / "corpus"), "--out", str(root / "claims")])
    assert refreshed.exit_code == 0, refreshed.stderr
    assert _verify(root, "--index", location)[1]["errors"] == []
