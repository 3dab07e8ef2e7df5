"""The install lines install this project, and the documented commands work from it.

The wheel and sdist are built from this checkout (``python -m build``: the
sdist first, then the wheel from the sdist, so a file missing from the sdist
shows). One virtual environment, made by the README's own set-up lines in a
folder outside the clone, serves every check of this module:

- the README's quick start, line by line, in an empty folder;
- the example workflow's install and check steps, on a copy of examples/newsroom;
- the composite action's install step (from its own checkout) and its run step.

The README installs from a copy of the repository (``pip install ./claimcheck``:
here the unpacked sdist), so its commands work on a fresh machine today. The
workflow's ``pip install claimcheck-news`` is run as written, with
``PIP_FIND_LINKS`` pointing at the built files and ``PIP_NO_INDEX`` set, so a
wrong name fails.

Slow-ish (a build and an install: ~1 minute); needs PyPI for the dependencies.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from test_docs import README, block_after

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "newsroom"
QUICK_START = block_after(README, "quick-start").strip().splitlines()
SETUP = [line for line in QUICK_START if line.startswith("python3 -m ")]

pytest.importorskip("build")


def _sh(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def _base_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env.pop("GITHUB_ACTIONS", None)
    env.pop("GITHUB_STEP_SUMMARY", None)
    # python3 is this test's interpreter; nothing else of the clone is on the path.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["HOME"] = str(tmp / "home")
    env["NO_COLOR"] = "1"
    return env


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("install")
    dist = tmp / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    (tmp / "home").mkdir()
    # "./claimcheck" in the README is a copy of this repository: the unpacked sdist.
    (sdist,) = dist.glob("claimcheck_news-*.tar.gz")
    with tarfile.open(sdist) as tar:
        tar.extractall(tmp / "unpacked", filter="data")
    (unpacked,) = (tmp / "unpacked").iterdir()
    unpacked.rename(tmp / "home" / "claimcheck")
    base = _base_env(tmp)
    # The README's set-up lines, as written, in a folder of their own.
    setup = _sh("set -e\n" + "\n".join(SETUP), tmp / "home", base)
    assert setup.returncode == 0, setup.stdout[-2000:] + setup.stderr[-2000:]
    venv = tmp / "home" / "claimcheck-env"
    activated = {
        **base,
        "VIRTUAL_ENV": str(venv),
        "PATH": os.pathsep.join([str(venv / "bin"), base["PATH"]]),
    }
    return {"tmp": tmp, "dist": dist, "venv": venv, "env": activated}


def test_the_built_distribution_is_this_project(env: dict[str, Any]) -> None:
    (wheel,) = env["dist"].glob("claimcheck_news-*.whl")
    (sdist,) = env["dist"].glob("claimcheck_news-*.tar.gz")
    shown = _sh("pip show claimcheck-news", env["tmp"], env["env"]).stdout
    assert "Name: claimcheck-news" in shown
    assert "quotes and attributed claims" in shown
    where = _sh("python -c 'import claimcheck; print(claimcheck.__file__)'", env["tmp"], env["env"])
    assert str(env["venv"]) in where.stdout  # the installed copy, not this checkout
    assert str(ROOT) not in where.stdout
    with tarfile.open(sdist) as tar:
        names = tar.getnames()
    assert any(n.endswith("src/claimcheck/ci/templates/claimcheck.toml") for n in names)
    assert wheel.name.startswith("claimcheck_news-")


def test_the_readme_quick_start(env: dict[str, Any]) -> None:
    work = env["tmp"] / "quick-start"
    work.mkdir()
    rest = [line for line in QUICK_START if line not in SETUP]
    res = _sh("set -e\n" + "\n".join(rest), work, env["env"])
    assert res.returncode == 1, res.stdout[-2000:] + res.stderr[-2000:]  # the example is wrong
    for line in block_after(README, "quick-start-output").splitlines():
        assert line in res.stdout.splitlines(), line
    assert (work / "newsroom" / "claimcheck.toml").is_file()


def _workflow_steps() -> list[dict[str, Any]]:
    workflow = yaml.safe_load((EXAMPLE / ".github/workflows/claimcheck.yml").read_text("utf-8"))
    (job,) = workflow["jobs"].values()
    return [s for s in job["steps"] if "run" in s]


def _checkout(env: dict[str, Any], name: str) -> Path:
    """examples/newsroom as actions/checkout leaves it: a git work tree, outside the clone."""
    repo = env["tmp"] / name
    shutil.copytree(EXAMPLE, repo)
    git = "git -c user.email=t@example.com -c user.name=t"
    assert (
        _sh(f"{git} init -q && {git} add -A && {git} commit -qm x", repo, env["env"]).returncode
        == 0
    )
    return repo


def test_the_example_workflow_install_and_check_lines(env: dict[str, Any]) -> None:
    install, check = _workflow_steps()
    assert install["run"].startswith("pip install ")
    repo = _checkout(env, "workflow")
    only_ours = {**env["env"], "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(env["dist"])}
    done = _sh(install["run"], repo, only_ours)
    assert done.returncode == 0, done.stdout + done.stderr
    summary = repo / "summary.md"
    ci = {**env["env"], "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    res = _sh(check["run"], repo, ci)
    assert res.returncode == 1, res.stdout[-2000:] + res.stderr[-2000:]  # findings: exit 1
    assert res.stdout.startswith("::error file=drafts/india-japan.md,line=5")
    assert json.loads((repo / "claimcheck.json").read_text("utf-8"))["summary"]["statements"] == 7
    assert json.loads((repo / "claimcheck.sarif").read_text("utf-8"))["version"] == "2.1.0"
    assert "## claimcheck" in summary.read_text("utf-8")


def _action_steps() -> dict[str, str]:
    action = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
    return {s["name"]: s["run"] for s in action["runs"]["steps"] if "run" in s}


def test_the_action_installs_from_its_own_checkout_and_runs(env: dict[str, Any]) -> None:
    steps = _action_steps()
    (sdist,) = env["dist"].glob("claimcheck_news-*.tar.gz")
    with tarfile.open(sdist) as tar:
        tar.extractall(env["tmp"] / "action", filter="data")
    (checkout,) = (env["tmp"] / "action").iterdir()  # the action's files, as a release holds them
    install = {**env["env"], "PACKAGE": "", "ACTION_PATH": str(checkout)}
    done = _sh(steps["Install claimcheck"], env["tmp"], install)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    repo = _checkout(env, "action-run")
    output = repo / "github-output"
    run = {
        **env["env"],
        "ARGS": "",
        "SUMMARY": "false",
        "SARIF": "true",
        "SARIF_FILE": "claimcheck.sarif",
        "GITHUB_OUTPUT": str(output),
        "GITHUB_ACTIONS": "true",
    }
    res = _sh(steps["Run claimcheck"], repo, run)
    assert res.returncode == 0, res.stderr  # the step records the code; a later step fails
    assert output.read_text("utf-8").strip() == "exit-code=1"
    assert (repo / "claimcheck.sarif").is_file()
    assert re.search(r"^::error ", res.stdout, re.M)
