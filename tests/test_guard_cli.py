"""claimcheck guard on files: every output format, exit codes, .docx and HTML, --rev."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from claimcheck.ci.outputs import FORMATS
from claimcheck.cli.app import app

SCHEMAS = Path(__file__).parent / "schemas"
BEFORE = (
    "“We will win the vote on Tuesday,” Jane Smith, the mayor, said.\n\n"
    "“Nobody expected this result,” Tom Berg said later.\n\n"
    "“The council has 12 seats,” Smith said.\n"
)
AFTER = BEFORE.replace("12 seats", "15 seats")
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    res = runner.invoke(app, ["guard", "--isolated", *args])
    return res.exit_code, res.stdout, res.stderr


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    monkeypatch.chdir(tmp_path)
    Path("before.md").write_text(BEFORE, encoding="utf-8")
    Path("after.md").write_text(AFTER, encoding="utf-8")
    return "before.md", "after.md"


def test_kept_quotes_exit_0(pair: tuple[str, str]) -> None:
    code, out, _ = run(pair[0], pair[0])
    assert code == 0
    assert "Kept word for word." in out


def test_changed_quote_exits_1_with_the_diff(pair: tuple[str, str]) -> None:
    code, out, _ = run(*pair)
    assert code == 1
    assert "after.md:5:2: error fuzzy" in out
    assert "[-12-] {+15+}" in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_shows_the_finding(pair: tuple[str, str], fmt: str) -> None:
    code, out, _ = run(*pair, "--format", fmt)
    assert code == 1
    assert "number-changed" in out and "after.md" in out
    if fmt == "sarif":
        doc = json.loads(out)
        schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
        jsonschema.Draft7Validator(schema).validate(doc)
        (result,) = [r for r in doc["runs"][0]["results"] if r["level"] == "error"]
        related = result["relatedLocations"][0]["physicalLocation"]
        assert related["artifactLocation"]["uri"] == "before.md"
        fix = result["fixes"][0]["artifactChanges"][0]["replacements"][0]
        assert fix["insertedContent"]["text"] == "The council has 12 seats"


def test_fail_on_and_exit_zero_as_verify(pair: tuple[str, str]) -> None:
    assert run(*pair, "--fail-on", "never")[0] == 0
    assert run(*pair, "--exit-zero")[0] == 0


def test_inline_suppression_covers_a_guard_finding(pair: tuple[str, str]) -> None:
    comment = "<!-- claimcheck-disable-next-line number-changed -- corrected -->\n"
    text = AFTER.replace("“The council", comment + "“The council")
    Path("after.md").write_text(text, encoding="utf-8")
    assert run(*pair)[0] == 0


def test_unreadable_file_exits_2(pair: tuple[str, str]) -> None:
    code, _, err = run(pair[0], "missing.md")
    assert code == 2
    assert "missing.md" in err and "Traceback" not in err


def test_docx_and_html(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import docx

    monkeypatch.chdir(tmp_path)
    for name, text in (("before.docx", BEFORE), ("after.docx", AFTER)):
        d = docx.Document()
        for para in text.strip().split("\n\n"):
            d.add_paragraph(para)
        d.save(name)
    assert run("before.docx", "after.docx")[0] == 1
    assert run("before.docx", "before.docx")[0] == 0
    html = "<html><body>" + "".join(f"<p>{p}</p>" for p in BEFORE.split("\n\n")) + "</body></html>"
    Path("before.html").write_text(html, encoding="utf-8")
    Path("after.html").write_text(html.replace("12 seats", "15 seats"), encoding="utf-8")
    code, out, _ = run("before.html", "after.html", "-f", "github")
    assert code == 1 and "number-changed" in out


def _git(*args: str) -> None:
    subprocess.run(["git", *args], check=True, capture_output=True)


def test_rev_compares_two_revisions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _git("init", "-q")
    _git("config", "user.email", "t@example.org")
    _git("config", "user.name", "t")
    Path("drafts").mkdir()
    story = Path("drafts/story.md")
    story.write_text(BEFORE, encoding="utf-8")
    _git("add", ".")
    _git("commit", "-qm", "reporter")
    story.write_text(AFTER, encoding="utf-8")
    _git("commit", "-qam", "copy edit")
    code, out, _ = run("drafts/story.md", "--rev", "HEAD~1..HEAD", "-f", "json")
    assert code == 1
    (finding,) = [r for r in json.loads(out)["results"] if r["severity"] == "error"]
    assert finding["statement"]["path"] == "drafts/story.md"
    assert finding["source"]["document"] == "drafts/story.md@HEAD~1"
    assert run("drafts/story.md", "--rev", "HEAD~1..HEAD~1")[0] == 0
    story.write_text(BEFORE, encoding="utf-8")  # the working tree undoes the edit
    assert run("drafts/story.md", "--rev", "HEAD~1")[0] == 0
    assert run("drafts/story.md", "--rev", "HEAD..")[0] == 1
    code, _, err = run("drafts/story.md", "--rev", "nosuchrev..HEAD")
    assert code == 2 and "nosuchrev" in err


def test_rev_and_two_files_exclude_each_other(pair: tuple[str, str]) -> None:
    code, _, err = run(*pair, "--rev", "HEAD~1..HEAD")
    assert code == 2 and "--rev" in err
    assert run(pair[0])[0] == 2
