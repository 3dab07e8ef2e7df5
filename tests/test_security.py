"""SECURITY.md's threat model, tried the way an outside pull request would.

The pull request controls the config, the drafts, the corpus, committed
symbolic links and any report in the repository. It must not make claimcheck
read or write outside the project (the runner's files), nor print what is
there; the command line and the environment may, explicitly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimcheck.cli.app import app

SECRET = "The launch code is 0000"
ARTICLE = "“It was not just to counter China,” Das said.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository under tmp_path/repo; the runner's secrets in tmp_path/outside."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(f"“{SECRET},” Das said.\n", "utf-8")
    (outside / "secret.txt").write_text(f"“{SECRET},” Das said.\n", "utf-8")
    repo = tmp_path / "repo"
    (repo / "corpus").mkdir(parents=True)
    (repo / "drafts").mkdir()
    (repo / "corpus" / "source.txt").write_text(ARTICLE, "utf-8")
    (repo / "drafts" / "draft.md").write_text(ARTICLE, "utf-8")
    monkeypatch.chdir(repo)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return repo


def cli(*args: str, env: dict[str, str] | None = None) -> Any:
    res = CliRunner().invoke(app, list(args), env=env)
    assert "Traceback" not in res.output, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    return res


def config(repo: Path, body: str) -> None:
    (repo / "claimcheck.toml").write_text(body, "utf-8")


@pytest.mark.parametrize("corpus", ["/etc", "../outside"])
def test_config_corpus_outside_the_project_is_refused(project: Path, corpus: str) -> None:
    config(project, f'corpus = "{corpus}"\ninclude = ["drafts/*.md"]\n')
    res = cli("verify", "-f", "json")
    assert res.exit_code == 2
    assert "corpus = " in res.stderr and "outside the project root" in res.stderr
    assert f"--corpus {corpus}" in res.stderr and "--allow-outside" in res.stderr
    assert SECRET not in res.output and "root:" not in res.output


def test_the_command_line_may_name_a_corpus_outside(project: Path) -> None:
    res = cli("verify", "drafts/draft.md", "--corpus", "../outside", "--isolated", "-f", "json")
    assert res.exit_code in (0, 1), res.output
    assert json.loads(res.stdout)["corpus"]["documents"] == 2


def test_a_committed_link_to_a_secret_is_not_read_as_a_draft(project: Path, tmp_path: Path) -> None:
    (project / "drafts" / "leak.md").symlink_to(tmp_path / "outside" / "secret.md")
    config(project, 'corpus = "corpus"\ninclude = ["drafts/*.md"]\n')
    summary = tmp_path / "summary.md"
    res = cli("verify", "-f", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert res.exit_code == 2
    assert "drafts/leak.md: is outside the project root" in res.stderr
    assert "--allow-outside" in res.stderr
    assert SECRET not in res.output
    assert SECRET not in summary.read_text("utf-8")
    as_json = cli("verify", "-f", "json")
    assert SECRET not in as_json.stdout
    assert [e["path"] for e in json.loads(as_json.stdout)["errors"]] == ["drafts/leak.md"]


def test_a_committed_link_named_on_the_command_line_is_not_read(
    project: Path, tmp_path: Path
) -> None:
    """A shell glob (drafts/*.md) names the link: the link itself is still the PR's."""
    (project / "drafts" / "leak.md").symlink_to(tmp_path / "outside" / "secret.md")
    res = cli("verify", "drafts/draft.md", "drafts/leak.md", "--isolated", "-f", "json")
    assert res.exit_code == 2 and SECRET not in res.output
    allowed = cli(
        "verify", "drafts/leak.md", "--isolated", "-f", "json", "--allow-outside", "../outside"
    )
    assert SECRET in allowed.stdout, "--allow-outside lets the command line read it"


def test_a_linked_corpus_file_or_folder_is_not_read(project: Path, tmp_path: Path) -> None:
    (project / "corpus" / "leak.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    (project / "corpus" / "more").symlink_to(tmp_path / "outside", target_is_directory=True)
    res = cli("verify", "--text", SECRET, "--speaker", "Das", "--isolated", "-f", "json")
    report = json.loads(res.stdout)
    assert res.exit_code == 2
    assert report["corpus"]["documents"] == 1
    assert report["results"][0]["verdict"] == "missing"
    assert sorted(e["path"] for e in report["errors"]) == ["corpus/leak.txt", "corpus/more"]
    extract = cli("extract", "corpus", "--format", "jsonl")
    assert extract.exit_code == 2 and SECRET not in extract.stdout


def test_baseline_from_the_config_is_not_written_outside(project: Path, tmp_path: Path) -> None:
    config(project, 'include = ["drafts/*.md"]\nbaseline = "../outside/baseline.json"\n')
    res = cli("baseline", "write")
    assert res.exit_code == 2 and "baseline = " in res.stderr
    assert not (tmp_path / "outside" / "baseline.json").exists()


def test_a_linked_claims_folder_is_not_written_into(project: Path, tmp_path: Path) -> None:
    (project / "claims").symlink_to(tmp_path / "outside", target_is_directory=True)
    res = cli("extract", "corpus", "--out", "claims")
    assert res.exit_code == 2 and "outside the project root" in res.stderr
    assert sorted(p.name for p in (tmp_path / "outside").iterdir()) == ["secret.md", "secret.txt"]


def test_report_does_not_open_the_files_a_report_names(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    res = cli("verify", "drafts/draft.md", "--isolated", "-f", "json")
    crafted = json.loads(res.stdout)
    inside = project / "drafts" / "inside.md"
    inside.write_text(ARTICLE, "utf-8")
    first = crafted["results"][0]
    crafted["results"] = [
        {**first, "statement": {**first["statement"], "path": path}}
        for path in (str(tmp_path / "outside" / "secret.md"), "drafts/inside.md")
    ]
    (project / "crafted.json").write_text(json.dumps(crafted), "utf-8")
    opened: list[str] = []
    from claimcheck.loaders import documents

    real = documents.load

    def spy(path: Any) -> Any:
        opened.append(str(path))
        return real(path)

    monkeypatch.setattr(documents, "load", spy)
    for fmt in ("text", "rdjson", "sarif", "github", "markdown"):
        assert cli("report", "crafted.json", "-f", fmt).exit_code in (0, 1)
    assert opened == []
    # Asked to, it reads the drafts inside the project, and still refuses the secret.
    asked = cli("report", "crafted.json", "-f", "rdjson", "--read-drafts")
    assert "drafts/inside.md" in opened and SECRET not in asked.output


def test_a_linked_report_file_is_not_read(project: Path, tmp_path: Path) -> None:
    (tmp_path / "outside" / "report.json").write_text("{}", "utf-8")
    (project / "report.json").symlink_to(tmp_path / "outside" / "report.json")
    res = cli("report", "report.json")
    assert res.exit_code == 2 and "outside the project root" in res.stderr


# Clear the screen, retitle the window, an 8-bit CSI, a carriage return over the line.
ESCAPES = "\x1b[2J\x1b]0;owned\x07\x9b31m\r"


def test_escape_sequences_from_the_repository_never_reach_the_terminal(project: Path) -> None:
    corpus = project / "corpus"
    (corpus / "source.txt").write_text(
        f"“It was not{ESCAPES} just to counter China,” Das{ESCAPES} said.\n", "utf-8"
    )
    (corpus / f"named{ESCAPES}.txt").write_text(ARTICLE, "utf-8")
    (corpus / f"broken{ESCAPES}.txt").write_bytes(b"caf\xe9 \x81\x8d\x8f")
    (project / "drafts" / "draft.md").write_text(
        f"“It was not{ESCAPES} just to counter China,” Das said.\n"
        f"“We never said{ESCAPES} that,” Das{ESCAPES} said.\n",
        "utf-8",
    )
    runs = [
        cli("verify", "drafts/draft.md", "--corpus", "corpus"),
        cli("extract", "corpus"),
        cli("extract", "corpus/source.txt", "--format", "text"),
        cli("extract", "corpus", "--out", "claims"),
    ]
    for res in runs:
        for stream in (res.stdout, res.stderr):
            control = [ch for ch in stream if ch in "\x1b\x07\x9b\r"]
            assert not control, stream
    # Written out, so a reader sees that the file holds them.
    assert "\\x1b[2J" in runs[0].stdout
    assert "broken\\x1b[2J" in runs[1].stderr
