"""What a new user tries first: commands that do something useful, and output that reads right.

Each test here failed before the change it pins (issue 18): ``extract corpus/``
was an error, ``verify`` refused folders, ``--corpus FILE`` said "not found",
``--diff`` suggested the ref that was missing, "1 statements", baseline findings
printed in full, .docx drafts reported lines they do not have, and ``config
show`` printed a ``[tool.claimcheck]`` header for a ``claimcheck.toml``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.render.words import count, plural

ROOT = Path(__file__).resolve().parents[1]
QUOTE = "“India and Japan have been close since the 1952 peace treaty,” Das said.\n"
BAD = QUOTE.replace("1952", "1962")


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), env={"NO_COLOR": "1"})


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    (tmp_path / "drafts").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_extract_a_folder_with_no_flags_prints_a_summary_and_what_to_do_next() -> None:
    res = CliRunner().invoke(app, ["extract", str(ROOT / "corpus")])
    assert res.exit_code == 0, res.stderr
    header, row = res.stdout.splitlines()[:2]
    assert header.split()[:5] == ["article", "claims", "quotes", "reported", "narrative"]
    assert row.split()[1:5] == ["25", "5", "10", "10"]
    assert "Shubhamitra Das" in row
    assert "1 article, 25 claims" in res.stdout
    assert "--format text" in res.stdout and "--out claims/" in res.stdout


def test_verify_takes_a_folder_of_drafts(newsroom: Path) -> None:
    (newsroom / "drafts" / "a.md").write_text(QUOTE, encoding="utf-8")
    (newsroom / "drafts" / "b.txt").write_text(BAD, encoding="utf-8")
    (newsroom / "drafts" / "notes.yaml").write_text("- text: not a draft\n", encoding="utf-8")
    res = invoke("verify", "drafts", "-f", "json")
    assert res.exit_code == 1, res.stderr
    paths = [r["statement"]["path"] for r in json.loads(res.stdout)["results"]]
    assert paths == ["drafts/a.md", "drafts/b.txt"]


def test_verify_an_empty_folder_says_so(newsroom: Path) -> None:
    res = invoke("verify", "drafts")
    assert res.exit_code == 2
    assert "drafts: no drafts in this folder" in res.stderr


def test_corpus_given_as_a_file_is_named_a_file(newsroom: Path) -> None:
    (newsroom / "drafts" / "a.md").write_text(QUOTE, encoding="utf-8")
    res = invoke("verify", "drafts/a.md", "--corpus", "corpus/india-japan-defense.txt")
    assert res.exit_code == 2
    assert "is a file; the corpus is the folder of source articles" in res.stderr
    assert "(--corpus corpus)" in res.stderr


def test_diff_against_a_missing_ref_lists_the_refs_that_exist(newsroom: Path) -> None:
    (newsroom / "drafts" / "a.md").write_text(QUOTE, encoding="utf-8")
    git = ["git", "-c", "user.email=t@example.com", "-c", "user.name=t"]
    for args in (["init", "-q", "-b", "trunk"], ["add", "-A"], ["commit", "-qm", "x"]):
        subprocess.run([*git, *args], cwd=newsroom, check=True)
    res = invoke("verify", "drafts/a.md", "--diff", "origin/main")
    assert res.exit_code == 2
    assert "'origin/main' is not a git commit here" in res.stderr
    assert "refs here: trunk" in res.stderr
    assert "try origin/main" not in res.stderr


@pytest.mark.parametrize(
    ("n", "word", "expected"),
    [(1, "statement", "1 statement"), (0, "error", "0 errors"), (2, "match", "2 matches")],
)
def test_counted_nouns(n: int, word: str, expected: str) -> None:
    assert count(n, word) == expected
    assert plural(1, "warning") == "warning"


def test_one_statement_one_document(newsroom: Path) -> None:
    (newsroom / "drafts" / "a.md").write_text(QUOTE, encoding="utf-8")
    last = invoke("verify", "drafts/a.md").stdout.splitlines()[-1]
    assert last.startswith("1 statement: 1 exact")
    assert "1 document, " in last and "0 errors, 0 warnings" in last
    assert "1 statements" not in last and "1 documents" not in last


def test_baseline_findings_are_counted_not_printed_again(newsroom: Path) -> None:
    (newsroom / "drafts" / "a.md").write_text(BAD, encoding="utf-8")
    assert invoke("baseline", "write", "drafts/a.md", "-o", "base.json").exit_code == 0
    res = invoke("verify", "drafts/a.md", "--baseline", "base.json")
    assert res.exit_code == 0, res.stderr
    assert "1962" not in res.stdout
    assert "(1 known from the baseline, not shown)" in res.stdout
    report = json.loads(
        invoke("verify", "drafts/a.md", "--baseline", "base.json", "-f", "json").stdout
    )
    assert report["results"][0]["suppression_reason"] == "baseline"  # machines still see it


def test_docx_drafts_are_located_by_paragraph(newsroom: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("India and Japan are deepening their ties.")
    document.add_paragraph("")  # Word's empty paragraphs are not counted
    document.add_paragraph("Officials met on Monday.")
    document.add_paragraph(QUOTE.strip())
    document.save(str(newsroom / "drafts" / "story.docx"))
    res = invoke("verify", "drafts/story.docx", "-f", "json")
    (result,) = json.loads(res.stdout)["results"]
    assert result["statement"]["line"] == 3  # the third paragraph; its text has line 5
    text = invoke("verify", "drafts/story.docx").stdout
    assert text.startswith("drafts/story.docx, paragraph 3: info exact")


@pytest.mark.parametrize(
    ("name", "content", "header"),
    [
        ("claimcheck.toml", 'corpus = "corpus"\n', False),
        (".claimcheck.toml", 'corpus = "corpus"\n', False),
        ("pyproject.toml", '[tool.claimcheck]\ncorpus = "corpus"\n', True),
    ],
)
def test_config_show_prints_keys_as_that_file_holds_them(
    newsroom: Path, name: str, content: str, header: bool
) -> None:
    (newsroom / name).write_text(content, encoding="utf-8")
    res = invoke("config", "show")
    assert res.exit_code == 0, res.stderr
    assert res.stdout.startswith(f"# config file: {name}\n")
    assert ("[tool.claimcheck]" in res.stdout) is header


def test_force_exclude_leaves_out_what_the_config_excludes(newsroom: Path) -> None:
    (newsroom / "claimcheck.toml").write_text(
        'include = ["drafts/**/*.md"]\nexclude = ["drafts/archive/**"]\n', encoding="utf-8"
    )
    (newsroom / "drafts" / "archive").mkdir()
    (newsroom / "drafts" / "archive" / "old.md").write_text(BAD, encoding="utf-8")
    (newsroom / "README.md").write_text(BAD, encoding="utf-8")
    (newsroom / "drafts" / "new.md").write_text(QUOTE, encoding="utf-8")
    named = ["drafts/archive/old.md", "README.md"]
    assert invoke("verify", *named).exit_code == 1  # named files are checked...
    res = invoke("verify", "--force-exclude", *named)
    assert res.exit_code == 0  # ...unless the hook asks for the config's selection
    assert "nothing to check: the config leaves out 2 files" in res.stderr
    res = invoke("verify", "--force-exclude", *named, "drafts/new.md", "-f", "json")
    assert res.exit_code == 0
    paths = {r["statement"]["path"] for r in json.loads(res.stdout)["results"]}
    assert paths == {"drafts/new.md"}
