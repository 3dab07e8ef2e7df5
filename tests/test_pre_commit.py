"""The pre-commit hook through the real ``pre-commit`` tool, on a temporary git repository.

Two set-ups, one repository each: the hook this project publishes
(``.pre-commit-hooks.yaml``, named by a ``repo:`` that is a copy of this
checkout, so pre-commit installs claimcheck into its own environment as it would
for a user), and the ``repo: local`` config that ``claimcheck init`` writes (the
claimcheck on PATH). In both, a staged draft the config excludes does not block
the commit, and a staged misquote does.

Slow-ish (pre-commit builds an environment once: ~30 s); needs git and PyPI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
GOOD = "“India and Japan have been close since the 1952 peace treaty,” Das said.\n"
BAD = GOOD.replace("1952", "1962")
GIT = [
    "git",
    "-c",
    "user.email=t@example.com",
    "-c",
    "user.name=t",
    "-c",
    "init.defaultBranch=main",
]

pytest.importorskip("pre_commit")
if shutil.which("git") is None:
    pytest.skip("needs git", allow_module_level=True)


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*GIT, *args], cwd=repo, capture_output=True, text=True, env=_env())


_CACHE: list[Path] = []  # pre-commit's environments, one folder for the module


def _env() -> dict[str, str]:
    env = dict(os.environ)
    if _CACHE:
        env["PRE_COMMIT_HOME"] = str(_CACHE[0])
    # The test's own interpreter and its claimcheck come first (the `language: system` hook).
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.pop("GITHUB_ACTIONS", None)
    env["NO_COLOR"] = "1"
    return env


def _hook_repo(tmp: Path) -> tuple[Path, str]:
    """This checkout as it is now (uncommitted edits too), committed in a repository of its own."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    repo = tmp / "hook-repo"
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / name)
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "hook"]):
        assert _git(repo, *args).returncode == 0
    return repo, _git(repo, "rev-parse", "HEAD").stdout.strip()


def _newsroom(tmp: Path, name: str, pre_commit_config: str | None) -> Path:
    """A newsroom made by ``claimcheck init`` (its sample draft removed), committed."""
    from typer.testing import CliRunner

    repo = tmp / name
    assert CliRunner().invoke(app, ["init", str(repo)]).exit_code == 0
    (repo / "drafts" / "example.md").unlink()  # wrong on purpose; not this test's subject
    if pre_commit_config is not None:
        (repo / ".pre-commit-config.yaml").write_text(pre_commit_config, encoding="utf-8")
    assert _git(repo, "init", "-q").returncode == 0
    assert _git(repo, "add", "-A").returncode == 0
    assert _git(repo, "commit", "-qm", "newsroom").returncode == 0
    hook = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=_env(), capture_output=True
    )
    assert hook.returncode == 0, hook.stderr
    return repo


def _commit(repo: Path, path: str, text: str) -> subprocess.CompletedProcess[str]:
    (repo / path).parent.mkdir(parents=True, exist_ok=True)
    (repo / path).write_text(text, encoding="utf-8")
    assert _git(repo, "add", path).returncode == 0
    return _git(repo, "commit", "-m", f"add {path}")


@pytest.fixture(scope="module")
def repos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("pre-commit")
    _CACHE[:] = [tmp / "cache"]
    hook_repo, rev = _hook_repo(tmp)
    published = (
        f"repos:\n  - repo: {hook_repo.as_posix()}\n    rev: {rev}\n"
        "    hooks:\n      - id: claimcheck-verify\n"
    )
    return {
        "published": _newsroom(tmp, "published", published),
        "init": _newsroom(tmp, "init", None),
    }


@pytest.mark.parametrize("setup", ["published", "init"])
def test_an_excluded_draft_does_not_block_the_commit(repos: dict[str, Path], setup: str) -> None:
    done = _commit(repos[setup], "drafts/archive/old.md", BAD)
    assert done.returncode == 0, done.stdout + done.stderr
    assert _git(repos[setup], "log", "-1", "--format=%s").stdout.strip() == (
        "add drafts/archive/old.md"
    )


@pytest.mark.parametrize("setup", ["published", "init"])
def test_a_staged_misquote_blocks_the_commit(repos: dict[str, Path], setup: str) -> None:
    refused = _commit(repos[setup], "drafts/story.md", BAD)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    said = refused.stdout + refused.stderr
    assert "claimcheck verify" in said and "Failed" in said
    assert '"1952" became "1962"' in said
    fixed = _commit(repos[setup], "drafts/story.md", GOOD)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr


def test_a_staged_file_outside_include_is_not_checked(repos: dict[str, Path]) -> None:
    done = _commit(repos["published"], "NOTES.md", BAD)
    assert done.returncode == 0, done.stdout + done.stderr
