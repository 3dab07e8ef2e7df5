"""End to end: the sample newsroom's workflow command, every format, every policy.

Needs the ``verify`` command; skipped on a branch that does not have it yet.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from test_ci_packaging import EXAMPLE, workflow_command

pytest.importorskip("claimcheck.verify.pipeline")

from claimcheck.cli.app import app

SCHEMAS = Path(__file__).parent / "schemas"
FORMATS = [
    ("text", ".txt"),
    ("json", ".json"),
    ("github", ".txt"),
    ("sarif", ".sarif"),
    ("rdjson", ".json"),
    ("rdjsonl", ".jsonl"),
    ("junit", ".xml"),
    ("markdown", ".md"),
]


@pytest.fixture(autouse=True)
def in_example(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLE)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")


def invoke(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(app, list(args), env=env)


def test_the_documented_workflow_command(tmp_path: Path, file_regression: Any) -> None:
    summary = tmp_path / "summary.md"
    argv = workflow_command()
    # The workflow writes its reports beside the checkout; keep the example clean.
    argv = [a.replace(":claimcheck.", f":{tmp_path}/claimcheck.") for a in argv]
    res = invoke(*argv, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert res.exit_code == 1, res.stderr
    file_regression.check(res.stdout, extension=".txt", basename="workflow_github")
    sarif = json.loads((tmp_path / "claimcheck.sarif").read_text(encoding="utf-8"))
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(sarif)
    report = json.loads((tmp_path / "claimcheck.json").read_text(encoding="utf-8"))
    assert report["summary"]["suppressed"] == 1
    assert "## claimcheck" in summary.read_text(encoding="utf-8")


@pytest.mark.parametrize(("fmt", "ext"), FORMATS)
def test_each_format(fmt: str, ext: str, file_regression: Any) -> None:
    res = invoke("verify", "drafts/india-japan.md", "--format", fmt)
    assert res.exit_code == 1, res.stderr
    file_regression.check(res.stdout, extension=ext, basename=f"e2e_{fmt}")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((), 1),
        (("--fail-on", "never"), 0),
        (("--exit-zero",), 0),
        (("drafts/india-japan.md", "--isolated", "--fail-on", "warning"), 1),
        (("--isolated",), 2),
        (("--config", "missing.toml"), 2),
    ],
)
def test_exit_codes(args: tuple[str, ...], code: int, tmp_path: Path) -> None:
    plain = invoke("verify", *args)
    assert plain.exit_code == code
    if code != 2:
        res = invoke("verify", *args, "--report", f"sarif:{tmp_path / 'out.sarif'}")
        assert res.exit_code == code


def test_severity_override_from_config_turns_errors_into_warnings(tmp_path: Path) -> None:
    cfg = tmp_path / "strict.toml"
    corpus = (EXAMPLE / "corpus").as_posix()
    cfg.write_text(
        f'corpus = "{corpus}"\n[severity]\nmissing = "warning"\n'
        'negation-changed = "warning"\nmisattributed = "warning"\n',
        encoding="utf-8",
    )
    assert invoke("verify", "drafts/india-japan.md", "--config", str(cfg)).exit_code == 0
    res = invoke("verify", "drafts/india-japan.md", "--config", str(cfg), "--max-warnings", "1")
    assert res.exit_code == 1


def test_declared_speaker_aliases_count_as_the_same_person() -> None:
    def attribution(*args: str) -> str:
        res = invoke("verify", "drafts/india-japan.md", "-f", "json", *args)
        report = json.loads(res.stdout)
        (hit,) = [r for r in report["results"] if r["statement"]["speaker"] == "Arnab"]
        return str(hit["attribution"])

    assert attribution() == "match"
    assert attribution("--isolated") == "mismatch"


def test_diff_reports_only_changed_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil
    import subprocess

    repo = tmp_path / "newsroom"
    shutil.copytree(EXAMPLE, repo)
    git = ["git", "-c", "user.email=t@example.com", "-c", "user.name=t"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "drafts"]):
        subprocess.run([*git, *args], cwd=repo, check=True)
    draft = repo / "drafts" / "india-japan.md"
    draft.write_text(
        draft.read_text(encoding="utf-8").replace("We will build", "We shall build"),
        encoding="utf-8",
    )
    monkeypatch.chdir(repo)
    res = invoke("verify", "--diff", "HEAD", "-f", "json")
    assert res.exit_code == 1, res.stderr
    report = json.loads(res.stdout)
    assert [r["statement"]["line"] for r in report["results"]] == [13]
    assert invoke("verify", "--diff", "HEAD", "drafts/india-japan.md").exit_code == 1
    subprocess.run([*git, "commit", "-qam", "edit"], cwd=repo, check=True)
    assert invoke("verify", "--diff", "HEAD").exit_code == 0


def test_baseline_write_runs_verify_then_only_new_findings_fail(tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    res = invoke("baseline", "write", "-o", str(base))
    assert res.exit_code == 0, res.stderr
    assert "wrote 4 findings" in res.stderr
    assert invoke("verify", "--baseline", str(base)).exit_code == 0
    assert invoke("verify", "--baseline", str(base), "--fail-on", "info").exit_code == 1
