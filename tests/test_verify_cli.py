"""The verify command: exit codes 0/1/2, formats, statement files, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
CORPUS = str(ROOT / "corpus")
runner = CliRunner()


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    res = runner.invoke(app, ["verify", "--corpus", CORPUS, *args], input=stdin)
    return res.exit_code, res.stdout, res.stderr


def test_exact_quote_exits_0() -> None:
    code, out, _ = run("--text", "institution builders", "--speaker", "Das")
    assert code == 0
    assert "exact" in out


def test_misquote_exits_1() -> None:
    code, out, _ = run("--text", "It was just to counter China", "--speaker", "Das")
    assert code == 1
    assert "[-not-]" in out


def test_json_is_the_report_contract() -> None:
    code, out, _ = run("--text", "institution builders", "--speaker", "Dasgupta", "-f", "json")
    data = json.loads(out)
    assert code == 1
    assert data["schema_version"] == "1"
    (result,) = data["results"]
    assert result["attribution"] == "mismatch"
    assert result["source"]["speakers"] == ["Shubhamitra Das"]


def test_jsonl_one_result_per_line(tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("“It was not just to counter China,” Das said.\n\n“We won,” Das said.\n")
    code, out, _ = run(str(draft), "-f", "jsonl")
    lines = out.splitlines()
    assert [json.loads(x)["verdict"] for x in lines] == ["exact", "missing"]
    assert code == 1


def test_stdin_draft() -> None:
    quote = "It was not just to counter China but also to build a regional grouping"
    code, out, _ = run("-", stdin=f"“{quote},” Das said.\n")
    assert code == 0, out
    assert "-:1:2:" in out


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("s.yaml", "- text: institution builders\n  speaker: Das\n"),
        ("s.json", '[{"text": "institution builders", "speaker": "Das"}]'),
        ("s.jsonl", '{"text": "institution builders", "speaker": "Das", "id": 7}\n'),
        ("s.csv", "text,speaker\ninstitution builders,Das\n"),
    ],
)
def test_statement_files(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    code, out, _ = run(str(path), "-f", "json")
    assert code == 0
    (result,) = json.loads(out)["results"]
    assert result["verdict"] == "exact"
    assert result["attribution"] == "match"


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        ("bad.yaml", "- text: ok\n- text: [unclosed\n", "bad.yaml:3"),
        ("bomb.yaml", "- &a {text: x}\n- *a\n", "bomb.yaml:2"),
        ("bad.jsonl", '{"text": "ok"}\n{"text": \n', "bad.jsonl:2"),
        ("bad.csv", "words\nhello\n", "bad.csv:1"),
        ("notext.yaml", "- speaker: Das\n", "notext.yaml:1"),
    ],
)
def test_bad_statement_file_exits_2(tmp_path: Path, name: str, content: str, where: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    code, out, err = run(str(path), "-f", "json")
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("claimcheck: error: ")
    assert where in err
    assert "Traceback" not in err
    assert json.loads(out)["errors"][0]["code"] == "input"


def test_missing_draft_exits_2(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path / "nope.md"))
    assert code == 2
    assert "no such file" in err


def test_missing_corpus_exits_2(tmp_path: Path) -> None:
    res = runner.invoke(app, ["verify", "--corpus", str(tmp_path / "x"), "--text", "hi"])
    assert res.exit_code == 2
    assert res.stderr.startswith("claimcheck: error:") and "corpus" in res.stderr


def test_nothing_to_check_exits_2() -> None:
    code, _, err = run()
    assert code == 2
    assert "nothing to check" in err


def test_threshold_changes_the_verdict() -> None:
    text = "India and Japan have long been close friends since the treaty"
    loose = run("--text", text, "--speaker", "Das", "-f", "json", "--threshold", "50")
    strict = run("--text", text, "--speaker", "Das", "-f", "json", "--threshold", "99")
    assert json.loads(loose[1])["results"][0]["verdict"] == "fuzzy"
    assert json.loads(strict[1])["results"][0]["verdict"] == "missing"


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    code, stdout, _ = run("--text", "institution builders", "-f", "json", "-o", str(out))
    assert code == 0 and stdout == ""
    assert json.loads(out.read_text())["summary"]["exact"] == 1


# A draft the loader could not read as prose is a warning, never a silent green run.
@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("empty.md", "", "is empty"),
        ("blank.txt", "  \n\t\n", "contains only whitespace"),
        (
            "fence.md",
            '# Draft\n\n```\ncode\n\nDas said "It was just to counter China".\n',
            "never closed",
        ),
    ],
)
def test_unchecked_draft_is_a_warning(tmp_path: Path, name: str, content: str, said: str) -> None:
    draft = tmp_path / name
    draft.write_text(content, encoding="utf-8")
    code, out, _ = run(str(draft))
    assert code == 0  # a warning: the default policy fails on errors only
    assert "warning [draft-not-checked]" in out and said in out
    code, out, err = run(str(draft), "--format", "json")
    report = json.loads(out)
    notices = [e for e in report["errors"] if e["code"] == "draft-not-checked"]
    assert len(notices) == 1 and said in notices[0]["message"]
    assert notices[0]["path"] == str(draft)
    assert report["summary"]["warnings"] == 1
    assert said in err  # machine formats keep stdout clean; the warning goes to stderr
    assert run(str(draft), "--max-warnings", "0")[0] == 1


def test_readable_draft_has_no_notice(tmp_path: Path) -> None:
    draft = tmp_path / "ok.md"
    draft.write_text('Das said the ties were "institution builders".\n', encoding="utf-8")
    code, out, _ = run(str(draft), "--format", "json")
    assert code == 0
    assert not json.loads(out)["errors"]
