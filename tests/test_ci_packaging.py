"""The pre-commit hook, the composite action, and the documented sample layout."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "newsroom"


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_pre_commit_hook() -> None:
    (hook,) = _yaml(ROOT / ".pre-commit-hooks.yaml")
    assert hook["id"] == "claimcheck-verify"
    assert hook["entry"] == "claimcheck verify --force-exclude"
    assert hook["language"] == "python"
    assert hook["types"] == ["markdown"]


def test_action_is_composite_and_uses_only_declared_inputs() -> None:
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    action = yaml.safe_load(text)
    assert action["runs"]["using"] == "composite"
    used = set(re.findall(r"inputs\.([\w-]+)", text))
    assert used <= set(action["inputs"])
    run = next(s for s in action["runs"]["steps"] if s.get("id") == "run")
    assert "claimcheck verify $ARGS --format github" in run["run"]
    # Inputs reach scripts only through env, never pasted into a script.
    for step in action["runs"]["steps"]:
        assert "${{" not in step.get("run", "")
    uploads = [s for s in action["runs"]["steps"] if "upload-sarif" in s.get("uses", "")]
    assert uploads and uploads[0]["if"] == "inputs.sarif == 'true'"


def test_docs_show_the_tested_workflow_verbatim() -> None:
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    workflow = (EXAMPLE / ".github" / "workflows" / "claimcheck.yml").read_text(encoding="utf-8")
    assert workflow in docs
    assert "id: claimcheck-verify" in docs
    init_hook = ROOT / "src" / "claimcheck" / "ci" / "templates" / "pre-commit-config.yaml"
    hook = init_hook.read_text(encoding="utf-8").split("repos:", 1)[1]
    assert "repos:" + hook in docs  # the pre-commit config claimcheck init writes


def workflow_command() -> list[str]:
    """The claimcheck arguments of the sample workflow's ``claimcheck`` step."""
    import shlex

    workflow = _yaml(EXAMPLE / ".github" / "workflows" / "claimcheck.yml")
    (job,) = workflow["jobs"].values()
    step = next(s for s in job["steps"] if s.get("id") == "claimcheck")
    argv = shlex.split(step["run"])
    assert argv[0] == "claimcheck"
    return argv[1:]


def test_workflow_command_parses() -> None:
    assert workflow_command()[:3] == ["verify", "--format", "github"]


def test_no_requirement_names_the_unrelated_claimcheck_distribution() -> None:
    # "claimcheck" on PyPI is someone else's project; an extra that names it
    # (``claimcheck[lsp]``) installs that package over this one's import package
    # and every test fails to import (the CI run of 2026-12-03).
    import tomllib

    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        requirements.extend(extra)
    names = {Requirement(r).name.lower() for r in requirements}
    assert "claimcheck" not in names
    assert project["name"] == "claimcheck-news"


def test_install_hints_name_this_distribution() -> None:
    # Every "pip install 'X[extra]'" a user is told to run must install this
    # project: the bare name is the unrelated one.
    pattern = re.compile(r"(?<![\w-])claimcheck\[")
    offenders = []
    for path in [ROOT / "README.md", *ROOT.glob("docs/*.md"), *ROOT.glob("src/claimcheck/**/*.py")]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)
