"""An archive's claims in the shared index, on SQLite and on a real PostgreSQL server:
filled by an extract run, or loaded from the claims table; verify answers from it;
a folder update never touches it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

pytest.importorskip("pyarrow")

from claimcheck.cli.app import app
from claimcheck.index.store import open_store

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = ROOT / "tests" / "data" / "archive" / "wikinews-24.jsonl"
QUOTE = "The government will fully withdraw the bill in order to fully allay public concerns"


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def _draft(tmp_path: Path) -> Path:
    draft = tmp_path / "draft.md"
    draft.write_text(f"Carrie Lam said: “{QUOTE}.”\n", "utf-8")
    return draft


def _docs(location: str) -> list[tuple[Any, ...]]:
    store = open_store(location)
    rows = store.run("SELECT path, sha256, claims FROM docs ORDER BY path")
    store.close()
    return rows


def _verified(draft: Path, location: str) -> dict[str, Any]:
    res = run("verify", str(draft), "--index", location, "--format", "json")
    assert res.exit_code == 0, res.stderr
    result = json.loads(res.stdout)["results"][0]
    assert result["verdict"] == "exact" and result["attribution"] == "match", result
    return dict(result["source"])


def test_an_extract_run_fills_the_index_verify_answers_from(
    location: str, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.chdir(tmp_path)  # no corpus/ here: the index is the corpus
    res = run("extract", str(ARCHIVE), "--index", location, "--partition-size", "16KB")
    assert res.exit_code == 0, res.stderr
    assert not res.stdout  # the index is the output
    assert "index: 24 documents written in" in res.stderr
    docs = _docs(location)
    assert len(docs) == 24 and docs[0][0] == f"{ARCHIVE.as_posix()}#1"
    source = _verified(_draft(tmp_path), location)
    assert source["document"] == f"{ARCHIVE.as_posix()}#9" and source["speaker"] == "Carrie Lam"
    # Again: the same rows replaced, not added.
    assert run("extract", str(ARCHIVE), "--index", location).exit_code == 0
    assert _docs(location) == docs


def test_the_claims_table_loads_into_the_index(location: str, tmp_path: Path) -> None:
    table = f"{tmp_path}/claims.parquet/"
    assert run("extract", str(ARCHIVE), "--out", table, "--partition-size", "16KB").exit_code == 0
    res = run("index", "--table", table, "--index", location)
    assert res.exit_code == 0, res.stderr
    filled = tmp_path / "filled.sqlite"
    run("extract", str(ARCHIVE), "--index", str(filled))
    # The count is the extractor's, whatever its rules: the one a direct run writes.
    claims = sum(row[2] for row in _docs(str(filled)))
    assert f"index: 24 documents ({claims} claims) loaded from the claims table" in res.stderr
    assert _docs(location) == _docs(str(filled))
    assert _verified(_draft(tmp_path), location)["document"] == f"{ARCHIVE.as_posix()}#9"


def test_an_archive_index_and_a_folder_index_stay_apart(
    location: str, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.chdir(ROOT)
    assert run("extract", str(ARCHIVE), "--index", location).exit_code == 0
    res = run("index", "--corpus", "corpus", "--index", location)
    assert res.exit_code == 2
    assert "holds an archive's claims, not a corpus folder's" in res.stderr
    assert len(_docs(location)) == 24  # untouched
    folder = tmp_path / "folder.sqlite"
    assert run("index", "--corpus", "corpus", "--index", str(folder)).exit_code == 0
    res = run("extract", str(ARCHIVE), "--index", str(folder))
    assert res.exit_code == 2 and "an archive needs an index of its own" in res.stderr
    assert run("index", "--table", "x.parquet").exit_code == 2
