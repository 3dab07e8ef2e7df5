"""The CI options end to end through the CLI, on a saved report over ``data/ci``."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from ci_report import DATA
from claimcheck.cli.app import app

SCHEMAS = Path(__file__).parent / "schemas"


@pytest.fixture(autouse=True)
def in_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    res = CliRunner().invoke(app, ["report", "report.json", "--isolated", *args], env=env)
    return res.exit_code, res.stdout, res.stderr


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((), 1),
        (("--fail-on", "error"), 1),
        (("--fail-on", "warning"), 1),
        (("--fail-on", "never"), 0),
        (("--fail-on", "never", "--max-warnings", "3"), 0),
        (("--fail-on", "never", "--max-warnings", "2"), 1),
        (("--exit-zero",), 0),
    ],
)
def test_exit_code_under_each_policy(args: tuple[str, ...], code: int) -> None:
    assert run(*args)[0] == code


def test_writing_reports_never_changes_exit_code(tmp_path: Path) -> None:
    plain = run("--fail-on", "never")
    sarif, junit = tmp_path / "out.sarif", tmp_path / "out.xml"
    with_files = run(
        "--fail-on", "never", "--report", f"sarif:{sarif}", "--report", f"junit:{junit}"
    )
    assert plain[0] == with_files[0] == 0
    assert plain[1] == with_files[1]  # text still goes to the log
    doc = json.loads(sarif.read_text(encoding="utf-8"))
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(doc)
    assert junit.read_text(encoding="utf-8").startswith("<?xml")


def test_suppressions_apply_and_unused_one_is_a_warning() -> None:
    # Inline suppressions are in the drafts, which report opens only when asked.
    code, out, _ = run("-f", "json", "--read-drafts")
    report = json.loads(out)
    suppressed = [r for r in report["results"] if r["suppressed"]]
    assert [r["suppression_reason"] for r in suppressed] == ["the archive copy has a typo"]
    assert [e["code"] for e in report["errors"]] == ["unused-suppression"]
    assert report["summary"]["warnings"] == 3 and code == 1


def test_config_severity_override_and_fail_on(tmp_path: Path) -> None:
    cfg = tmp_path / "claimcheck.toml"
    cfg.write_text(
        'fail-on = "error"\n[severity]\nmissing = "warning"\nmisattributed = "warning"\n'
        'negation-changed = "info"\n',
        encoding="utf-8",
    )
    res = CliRunner().invoke(app, ["report", "report.json", "--config", str(cfg), "-f", "json"])
    assert res.exit_code == 0
    assert json.loads(res.stdout)["summary"]["errors"] == 0


def test_github_format_appends_step_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    code, out, _ = run("-f", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert code == 1
    assert out.startswith("::error file=drafts/india-japan.md,line=3,col=23,")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## claimcheck\n")
    assert "| ❌ error | drafts/india-japan.md:3:23 | negation-changed |" in text


def test_baseline_write_then_only_new_findings_fail(tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    res = CliRunner().invoke(
        app, ["baseline", "write", "--from", "report.json", "-o", str(base), "--isolated"]
    )
    assert res.exit_code == 0, res.stderr
    assert "wrote 5 findings" in res.stderr
    assert run("--baseline", str(base), "--fail-on", "error")[0] == 0
    # The unused suppression is a new warning that the baseline does not hide.
    assert run("--baseline", str(base), "--fail-on", "warning")[0] == 1


def test_bad_input_is_one_line_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "claimcheck.toml"
    bad.write_text('fial-on = "error"\n', encoding="utf-8")
    res = CliRunner().invoke(app, ["report", "report.json", "--config", str(bad)])
    assert res.exit_code == 2
    assert (
        res.stderr
        == f"claimcheck: error: {bad.as_posix()}: fial-on: unknown key; did you mean 'fail-on'?\n"
    )
    for args in (["--report", "nope"], ["--baseline", "missing.json"], ["--diff", "no-such-ref"]):
        code, out, err = run(*args)
        assert (code, out) == (2, "")
        assert err.startswith("claimcheck: error: ") and err.count("\n") == 1
    res = CliRunner().invoke(app, ["report", "missing.json"])
    assert res.exit_code == 2 and "no such report file" in res.stderr


def test_invalid_option_value_exits_2() -> None:
    assert run("--fail-on", "sometimes")[0] == 2
    assert run("--max-warnings", "-1")[0] == 2


def test_config_show_and_schema_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.claimcheck]\ncorpus = "sources"\nmax-warnings = 5\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(app, ["config", "show", "--isolated"])
    assert "# config file: none" in res.stdout
    res = CliRunner().invoke(app, ["config", "show"])
    assert res.exit_code == 0
    assert 'corpus = "sources"' in res.stdout and "# config file: pyproject.toml" in res.stdout
    assert "max-warnings = 5" in res.stdout
    res = CliRunner().invoke(app, ["schema", "config"])
    schema = json.loads(res.stdout)
    assert schema["properties"]["fail-on"]["enum"] == ["error", "warning", "info", "never"]
