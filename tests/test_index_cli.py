"""``claimcheck index``, and ``verify`` / ``extract --out`` with an index beside the corpus."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from claimcheck.cli.app import app

DATA = Path(__file__).resolve().parent / "data" / "wikinews"
N = len(list(DATA.glob("*.txt")))  # the Wikinews fixtures
runner = CliRunner()


def run(*args: str) -> Any:
    return runner.invoke(app, list(args))


def _newsroom(tmp_path: Path, monkeypatch: Any) -> None:
    shutil.copytree(DATA, tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)


def test_index_then_verify_answers_from_it(tmp_path: Path, monkeypatch: Any) -> None:
    _newsroom(tmp_path, monkeypatch)
    without = run("verify", "--text", "patient and resilient", "--speaker", "Callamard")
    built = run("index", "--jobs", "1")
    assert built.exit_code == 0, built.stderr
    assert built.stderr.startswith(f"index: {N} documents ({N} added, 0 changed, 0 removed")
    assert Path(".claimcheck/index.sqlite").is_file()
    again = run("index")
    assert f"0 added, 0 changed, 0 removed, {N} unchanged" in again.stderr
    stored = run("verify", "--text", "patient and resilient", "--speaker", "Callamard")
    assert stored.stdout == without.stdout and stored.exit_code == without.exit_code
    assert "exact" in stored.stdout
    # An edited source is brought up to date by verify itself, and said so on stderr.
    doc = Path("corpus/arrest-made-as-mayor-of-gda-sk-poland-stabbed-on-stage.txt")
    doc.write_text(doc.read_text("utf-8") + "\nThe festival will go on next year.\n", "utf-8")
    late = run("verify", "--text", "The festival will go on next year")
    assert "1 changed" in late.stderr
    assert "exact" in late.stdout


def test_a_corrupt_index_is_exit_2_naming_the_rebuild(tmp_path: Path, monkeypatch: Any) -> None:
    _newsroom(tmp_path, monkeypatch)
    bad = tmp_path / "bad.sqlite"
    bad.write_text("garbage", encoding="utf-8")
    res = run("verify", "--index", str(bad), "--text", "anything at all here")
    assert res.exit_code == 2
    assert "claimcheck index --rebuild" in res.stderr and "Traceback" not in res.stderr
    res = run("index", "--index", str(bad), "--rebuild")
    assert res.exit_code == 0, res.stderr
    assert run("verify", "--index", str(bad), "--text", "patient and resilient").exit_code == 0


def test_extract_out_ends_with_one_line_and_updates_the_index(
    tmp_path: Path, monkeypatch: Any
) -> None:
    _newsroom(tmp_path, monkeypatch)
    assert run("index").exit_code == 0
    res = run("extract", "corpus", "--out", "claims")
    assert res.exit_code == 0, res.stderr
    lines = res.stderr.splitlines()
    assert lines[0].startswith(f"extract: {N} ledgers written (") and "0 up to date" in lines[0]
    assert lines[1].startswith(f"index: {N} documents (0 added, {N} changed")
    assert len(lines) == 2  # no line per ledger
    verbose = run("extract", "corpus", "--out", "claims", "-v")
    assert f"extract: 0 ledgers written (0 claims), {N} up to date" in verbose.stderr
    assert sorted(p.name for p in Path("claims").iterdir()) == sorted(
        p.stem + ".json" for p in DATA.iterdir()
    )
    assert not list(Path("claims").glob(".*.tmp"))


def test_verify_closes_the_index_it_opened(tmp_path: Path, monkeypatch: Any) -> None:
    """psycopg warned "connection deleted while still open" after every verify."""
    from claimcheck.verify.corpus import StoredCorpus

    _newsroom(tmp_path, monkeypatch)
    assert run("index", "--jobs", "1").exit_code == 0
    closed: list[bool] = []
    real = StoredCorpus.close

    def close(self: StoredCorpus) -> None:
        closed.append(True)
        real(self)

    monkeypatch.setattr(StoredCorpus, "close", close)
    done = run("verify", "--text", "patient and resilient", "--speaker", "Callamard")
    assert done.exit_code in (0, 1) and closed == [True]
