"""Config discovery, precedence, provenance, errors and the config JSON Schema."""

from __future__ import annotations

import subprocess
from pathlib import Path

import jsonschema
import pytest

from claimcheck.ci.selection import configured_drafts, select_drafts
from claimcheck.ci.settings import Settings, discover, json_schema, load, show
from claimcheck.errors import ConfigError, UsageError


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_any_file(tmp_path: Path) -> None:
    loaded = load(tmp_path, isolated=True)
    assert loaded.settings == Settings()
    assert loaded.file is None
    assert loaded.origin("fail_on") == "default"


def test_nearest_file_upward_wins(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", '[tool.claimcheck]\nfail-on = "warning"\n')
    sub = tmp_path / "drafts" / "2026"
    sub.mkdir(parents=True)
    assert discover(sub) == tmp_path / "pyproject.toml"
    _write(tmp_path / "drafts" / "claimcheck.toml", 'fail-on = "info"\ncorpus = "../src"\n')
    loaded = load(sub, overrides={})
    assert loaded.file == Path("../claimcheck.toml")
    assert loaded.settings.fail_on == "info"
    # Paths in a file are relative to that file, shown relative to the cwd.
    assert loaded.settings.corpus == "../../src"


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    assert discover(tmp_path) is None


def test_dot_file_before_plain_before_pyproject(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", "[tool.claimcheck]\n")
    _write(tmp_path / "claimcheck.toml", "")
    assert discover(tmp_path) == tmp_path / "claimcheck.toml"
    _write(tmp_path / ".claimcheck.toml", "")
    assert discover(tmp_path) == tmp_path / ".claimcheck.toml"


def test_cli_beats_file_beats_default_and_show_says_so(tmp_path: Path) -> None:
    _write(
        tmp_path / "claimcheck.toml",
        'fail-on = "warning"\nmax-warnings = 3\n[severity]\nspeaker-conflict = "info"\n'
        '[speakers]\n"Shubhamitra Das" = ["Dr Das", "S. Das"]\n',
    )
    loaded = load(tmp_path, overrides={"fail_on": ("--fail-on", "error"), "scope": ("--x", None)})
    s = loaded.settings
    assert (s.fail_on, s.max_warnings, s.severity) == ("error", 3, {"speaker-conflict": "info"})
    assert loaded.origin("fail_on") == "--fail-on"
    assert loaded.origin("max_warnings") == "claimcheck.toml"
    assert loaded.origin("scope") == "default"
    text = show(loaded)
    assert "# config file: claimcheck.toml" in text
    assert 'fail-on = "error"' in text and "# --fail-on" in text
    assert 'severity = { speaker-conflict = "info" }' in text
    assert '"Shubhamitra Das" = ["Dr Das", "S. Das"]' in text
    assert "# claims = (unset)" in text


def test_explicit_config_and_isolated(tmp_path: Path) -> None:
    _write(tmp_path / "claimcheck.toml", 'fail-on = "warning"\n')
    other = _write(tmp_path / "ci" / "strict.toml", 'fail-on = "info"\n')
    assert load(tmp_path, config=other).settings.fail_on == "info"
    assert load(tmp_path, isolated=True).settings.fail_on == "error"
    with pytest.raises(ConfigError, match="exclude each other"):
        load(tmp_path, config=other, isolated=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('fial-on = "error"\n', "fial-on: unknown key; did you mean 'fail-on'?"),
        ('threshold = "high"\n', "threshold: Input should be a valid number"),
        ("threshold = 120\n", "threshold: Input should be less than or equal to 100"),
        ('[severity]\nspeaker-confict = "warning"\n', "did you mean 'speaker-conflict'"),
        ('[severity]\nmissing = "fatal"\n', "severity.missing: Input should be"),
        ("fail-on = [", "is not valid TOML"),
    ],
)
def test_bad_config_names_file_and_key(tmp_path: Path, text: str, expected: str) -> None:
    _write(tmp_path / "claimcheck.toml", text)
    with pytest.raises(ConfigError) as info:
        load(tmp_path)
    line = info.value.one_line()
    assert line.startswith("claimcheck.toml: ")
    assert expected in line


def test_missing_config_file_and_missing_table(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load(tmp_path, config=tmp_path / "nope.toml")
    pyproject = _write(tmp_path / "pyproject.toml", "[project]\n")
    with pytest.raises(ConfigError, match=r"no \[tool.claimcheck\] table"):
        load(tmp_path, config=pyproject)


def test_config_schema_accepts_a_good_file_and_rejects_typos() -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    good = {"corpus": "corpus", "fail-on": "warning", "severity": {"speaker-conflict": "warning"}}
    jsonschema.validate(good, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"severity": {"nope": "warning"}}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"fial-on": "error"}, schema)


def _layout(root: Path) -> None:
    for name in ("drafts/a.md", "drafts/b.md", "drafts/tmp/c.md", "corpus/s.md", "README.md"):
        _write(root / name, "x\n")
    _write(root / ".gitignore", "drafts/tmp/\n")


def test_select_drafts_outside_git(tmp_path: Path) -> None:
    _layout(tmp_path)
    got = select_drafts(tmp_path, ["drafts/**/*.md"], [], ["corpus"])
    assert got == ["drafts/a.md", "drafts/b.md"]
    got = select_drafts(tmp_path, ["*.md"], ["README.md"], ["corpus"])
    assert got == ["drafts/a.md", "drafts/b.md"]


def test_select_drafts_in_git_respects_gitignore(tmp_path: Path) -> None:
    _layout(tmp_path)
    _write(tmp_path / "drafts" / ".gitignore", "b.md\n")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    got = select_drafts(tmp_path, ["*.md"], [], ["corpus"])
    assert got == ["README.md", "drafts/a.md"]


def test_configured_drafts_are_relative_to_the_config_and_shown_from_cwd(tmp_path: Path) -> None:
    _layout(tmp_path)
    _write(tmp_path / "claimcheck.toml", 'include = ["drafts/**/*.md"]\n')
    sub = tmp_path / "drafts"
    loaded = load(sub)
    assert configured_drafts(loaded, sub) == ["a.md", "b.md"]
    _write(tmp_path / "claimcheck.toml", 'include = ["nothing/*.md"]\n')
    with pytest.raises(UsageError, match="nothing to check"):
        configured_drafts(load(sub), sub)
