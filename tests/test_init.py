"""``claimcheck init``: a working newsroom layout, and nothing that exists is touched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimcheck.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "src" / "claimcheck" / "ci" / "templates"
LAYOUT = [
    "claimcheck.toml",
    ".github/workflows/claimcheck.yml",
    ".pre-commit-config.yaml",
    "corpus/india-japan-defense.txt",
    "drafts/example.md",
    "claims/india-japan-defense.json",
]


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), env={"NO_COLOR": "1"})


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize(
    ("template", "twin"),
    [
        ("india-japan-defense.txt", "corpus/india-japan-defense.txt"),
        ("example.md", "examples/draft.md"),
        ("claimcheck.yml", "examples/newsroom/.github/workflows/claimcheck.yml"),
    ],
)
def test_templates_are_the_files_the_project_tests(template: str, twin: str) -> None:
    assert (TEMPLATES / template).read_bytes() == (ROOT / twin).read_bytes()


def test_init_writes_a_layout_that_works(here: Path) -> None:
    res = invoke("init")
    assert res.exit_code == 0, res.stderr
    assert _files(here) == sorted(LAYOUT)
    for path in LAYOUT:
        assert f"wrote    {path}" in res.stdout
    assert "claimcheck verify drafts/example.md" in res.stdout
    # The ledger is the one extract writes for the bundled corpus, and it is current.
    ledger = (here / "claims/india-japan-defense.json").read_bytes()
    assert ledger == (ROOT / "claims/india-japan-defense.json").read_bytes()
    assert invoke("extract", "corpus/", "--out", "claims/", "--check").exit_code == 0
    # The config is found and selects the sample draft; the draft is wrong on purpose.
    res = invoke("verify")
    assert res.exit_code == 1
    assert res.stdout.splitlines()[-1].startswith("18 statements: 10 exact, 6 fuzzy, 2 missing")
    assert invoke("config", "show").stdout.startswith("# config file: claimcheck.toml\n")


def test_init_never_overwrites_and_says_what_it_skipped(here: Path) -> None:
    (here / "drafts").mkdir()
    (here / "drafts" / "example.md").write_text("my own draft\n", encoding="utf-8")
    (here / "claimcheck.toml").write_text('corpus = "sources"\n', encoding="utf-8")
    res = invoke("init")
    assert res.exit_code == 0, res.stderr
    assert "skipped  claimcheck.toml" in res.stdout and "exists" in res.stdout
    assert "skipped  drafts/example.md" in res.stdout
    assert (here / "drafts" / "example.md").read_text(encoding="utf-8") == "my own draft\n"
    assert (here / "claimcheck.toml").read_text(encoding="utf-8") == 'corpus = "sources"\n'
    again = invoke("init")
    assert "Nothing written: every file is already there." in again.stdout
    assert "wrote" not in again.stdout


def test_init_leaves_an_existing_pyproject_config_in_charge(here: Path) -> None:
    (here / "pyproject.toml").write_text('[tool.claimcheck]\ncorpus = "c"\n', encoding="utf-8")
    res = invoke("init", "--bare")
    assert res.exit_code == 0, res.stderr
    assert "skipped  claimcheck.toml" in res.stdout
    assert "pyproject.toml already configures claimcheck here" in res.stdout
    assert _files(here) == sorted(
        ["pyproject.toml", ".github/workflows/claimcheck.yml", ".pre-commit-config.yaml"]
    )


def test_init_into_a_new_folder(here: Path) -> None:
    res = invoke("init", "newsroom")
    assert res.exit_code == 0, res.stderr
    assert _files(here / "newsroom") == sorted(LAYOUT)
    assert "cd newsroom && claimcheck verify drafts/example.md" in res.stdout


def test_init_where_nothing_can_be_written(here: Path) -> None:
    (here / "taken").write_text("a file, not a folder\n", encoding="utf-8")
    res = invoke("init", "taken")
    assert res.exit_code == 2
    assert res.stderr.startswith("claimcheck: error: taken: cannot write here")
