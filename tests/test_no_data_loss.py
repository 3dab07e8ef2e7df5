"""Files claimcheck writes are replaced whole or not at all; nothing is deleted silently."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.files import write_atomic


def test_interrupted_write_leaves_the_previous_file_and_no_debris(
    tmp_path: Path, monkeypatch: Any
) -> None:
    target = tmp_path / "ledger.json"
    target.write_text("previous, reviewed by a person\n", encoding="utf-8")

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt  # Ctrl-C between writing and renaming

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new content\n")
    assert target.read_text(encoding="utf-8") == "previous, reviewed by a person\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.json"]


def test_write_atomic_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    target.write_text("x" * 10_000, encoding="utf-8")
    write_atomic(target, "short\n")
    assert target.read_text(encoding="utf-8") == "short\n"


def test_ledger_of_a_vanished_document_is_kept_and_reported(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Das said the vote was close.", encoding="utf-8")
    (corpus / "b.txt").write_text("Lee said the count was wrong.", encoding="utf-8")
    out = tmp_path / "claims"
    runner = CliRunner()
    assert runner.invoke(app, ["extract", str(corpus), "--out", str(out)]).exit_code == 0
    (corpus / "b.txt").unlink()
    res = runner.invoke(app, ["extract", str(corpus), "--out", str(out)])
    assert res.exit_code == 0
    assert (out / "b.json").exists()
    assert "b.json has no source among the inputs" in res.stderr
