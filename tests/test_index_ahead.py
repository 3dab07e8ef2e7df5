"""A verify process brings its index up to date in a forked child while it imports the
pipeline (``claimcheck.index.ahead``): the same report and stderr as a sync in the process,
and a problem there is reported by the process as before."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data" / "wikinews"
DOC = "arrest-made-as-mayor-of-gda-sk-poland-stabbed-on-stage.txt"

# Runs the real entry point, noting which process ran each sync of the index.
_PROBE = """
import os, sys
import claimcheck.index.update as update
import importlib
checker = importlib.import_module("claimcheck.verify.checker")
real = update.sync
def sync(*args, **kwargs):
    with open("syncs", "a") as fh:
        fh.write(f"{os.getpid()}\\n")
    found = real(*args, **kwargs)
    if os.environ.get("PROBE_TOKEN"):  # as if another writer had written meanwhile
        found.token = os.environ["PROBE_TOKEN"]
    return found
update.sync = sync
check_all = checker.check_all
def counted(*args, **kwargs):
    with open("checks", "a") as fh:
        fh.write(f"{os.getpid()}\\n")
    return check_all(*args, **kwargs)
checker.check_all = counted  # before the pipeline imports it
from claimcheck.cli import main
sys.argv = ["claimcheck", *sys.argv[1:]]
try:
    main()
finally:
    with open("main", "w") as fh:
        fh.write(str(os.getpid()))
"""

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="forks on Linux only")


def _cli(cwd: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"CI": "1"} | extra
    return subprocess.run(
        [sys.executable, "-c", _PROBE, *args], cwd=cwd, capture_output=True, text=True, env=env
    )


def _syncs(cwd: Path, name: str = "syncs") -> tuple[list[str], str]:
    found = (cwd / name).read_text().split() if (cwd / name).exists() else []
    (cwd / name).unlink(missing_ok=True)
    return found, (cwd / "main").read_text()


def test_the_sync_runs_in_a_child_and_the_report_is_the_same(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "corpus")
    verify = ["verify", "--text", "The festival will go on next year", "--format", "json"]
    built = _cli(tmp_path, "index", "--jobs", "1")
    assert built.returncode == 0, built.stderr
    _syncs(tmp_path)
    doc = tmp_path / "corpus" / DOC
    doc.write_text(doc.read_text("utf-8") + "\nThe festival will go on next year.\n", "utf-8")
    late = _cli(tmp_path, *verify)
    pids, parent = _syncs(tmp_path)
    assert len(pids) == 1 and pids[0] != parent  # once, in the child
    assert "1 changed" in late.stderr, late.stderr
    assert '"exact"' in late.stdout
    # The child's update is the index's: the next verify finds nothing to do.
    again = _cli(tmp_path, *verify)
    assert again.stdout == late.stdout and "changed" not in again.stderr
    pids, parent = _syncs(tmp_path)
    assert len(pids) == 1 and pids[0] != parent
    shutil.rmtree(tmp_path / ".claimcheck")
    memory = _cli(tmp_path, *verify)  # no index: every ledger read, no sync
    assert _syncs(tmp_path)[0] == []
    assert memory.stdout == late.stdout


def test_a_problem_in_the_child_is_reported_by_the_process(tmp_path: Path) -> None:
    """The child says nothing: the process syncs itself and meets the problem as before."""
    (tmp_path / "corpus").mkdir()
    verify = ["verify", "--text", "anything at all here", "--index", "i.sqlite"]
    res = _cli(tmp_path, *verify, "--corpus", "missing")
    pids, parent = _syncs(tmp_path)
    assert res.returncode == 2
    assert res.stderr.count("corpus folder not found") == 1, res.stderr
    assert "Traceback" not in res.stderr
    assert len(pids) == 2 and pids[1] == parent  # the child's, then the process's own


def test_the_draft_is_checked_while_the_child_syncs_and_kept_only_if_nothing_changed(
    tmp_path: Path, location: str
) -> None:
    """The process checks the draft against the index as it is while the child syncs it;
    that report stands only when the sync changed nothing, else the draft is checked
    again against the index brought up to date. Both backends."""
    shutil.copytree(DATA, tmp_path / "corpus")
    verify = ["verify", "--text", "The festival will go on next year", "--format", "json"]
    verify += ["--index", location]
    assert _cli(tmp_path, "index", "--jobs", "1", "--index", location).returncode == 0
    first = _cli(tmp_path, *verify)  # nothing changed: one check, the early one
    checks, parent = _syncs(tmp_path, "checks")
    assert checks == [parent], first.stderr
    assert '"missing"' in first.stdout
    doc = tmp_path / "corpus" / DOC
    doc.write_text(doc.read_text("utf-8") + "\nThe festival will go on next year.\n", "utf-8")
    late = _cli(tmp_path, *verify)  # the early check read the old rows: checked again
    checks, parent = _syncs(tmp_path, "checks")
    assert checks == [parent, parent], late.stderr
    assert '"exact"' in late.stdout and "1 changed" in late.stderr
    again = _cli(tmp_path, *verify)
    checks, parent = _syncs(tmp_path, "checks")
    assert checks == [parent] and again.stdout == late.stdout
    # Another writer between the child's read and this process's snapshot: checked again.
    other = _cli(tmp_path, *verify, PROBE_TOKEN="another writer's")
    checks, parent = _syncs(tmp_path, "checks")
    assert checks == [parent, parent] and other.stdout == late.stdout
    os.utime(doc, ns=(1, 10**18))  # the same bytes, another mtime: only re-stamped
    touched = _cli(tmp_path, *verify)
    checks, parent = _syncs(tmp_path, "checks")
    assert checks == [parent] and touched.stdout == late.stdout
