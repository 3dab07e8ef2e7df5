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


# ---------------------------------------------------------------- killed runs (issue 17, item 12)

_DIE_BEFORE_RENAME = """
import os, sys
os.replace = lambda src, dst: os._exit(137)  # killed between writing and renaming
from claimcheck.cli import main
sys.argv = ["claimcheck", "extract", sys.argv[1], "--out", sys.argv[2]]
main()
"""


def _corpus(tmp_path: Path) -> tuple[Path, Path]:
    corpus, claims = tmp_path / "corpus", tmp_path / "claims"
    corpus.mkdir()
    (corpus / "one.txt").write_text("“We will win,” Ana Ruiz said.\n", encoding="utf-8")
    (corpus / "two.txt").write_text("Lee said the plan was fine.\n", encoding="utf-8")
    return corpus, claims


def test_a_killed_extract_leaves_temporary_files_the_next_run_removes(tmp_path: Path) -> None:
    import subprocess
    import sys

    corpus, claims = _corpus(tmp_path)
    claims.mkdir()
    # Files that only look like ours, and one a live writer holds: all must stay.
    foreign = [".one.json.notours.tmp", "one.json.abcdefgh.tmp", ".notes.txt.abcdefgh.tmp"]
    for name in foreign:
        (claims / name).write_text("someone else's\n", encoding="utf-8")
    live = claims / f".two.json.claimcheck-{os.getpid()}-abcdefgh.tmp"
    live.write_text("being written\n", encoding="utf-8")
    killed = subprocess.run(
        [sys.executable, "-c", _DIE_BEFORE_RENAME, str(corpus), str(claims)], check=False
    )
    assert killed.returncode == 137
    left = [p.name for p in claims.glob(".one.json.claimcheck-*.tmp")]
    assert len(left) == 1, sorted(p.name for p in claims.iterdir())

    res = CliRunner().invoke(app, ["extract", str(corpus), "--out", str(claims)])
    assert res.exit_code == 0, res.output
    assert f"removed {(claims / left[0]).as_posix()} (left by a run that was killed)" in res.stderr
    names = sorted(p.name for p in claims.iterdir())
    assert names == sorted(["one.json", "two.json", live.name, *foreign])


def test_temporary_files_of_an_old_version_are_removed_when_old(tmp_path: Path) -> None:
    import time

    from claimcheck.files import clean_stale_temps

    (tmp_path / "one.json").write_text("{}", encoding="utf-8")
    old = tmp_path / ".one.json.k2j4_x9a.tmp"  # what 0.1's mkstemp named them
    fresh = tmp_path / ".one.json.zzzzzzzz.tmp"
    orphan = tmp_path / ".gone.json.k2j4_x9a.tmp"  # no ledger beside it: not known ours
    for p in (old, fresh, orphan):
        p.write_text("{", encoding="utf-8")
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    os.utime(orphan, (hour_ago, hour_ago))
    assert clean_stale_temps(tmp_path) == [old]
    assert fresh.exists() and orphan.exists()
