"""Inline suppressions (used and unused), baselines and --diff."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from ci_report import DRAFT, draft_texts, make_report
from claimcheck.ci import baseline, suppress
from claimcheck.ci import changed_lines as gitdiff
from claimcheck.errors import InputError, UsageError
from claimcheck.models import Report


def _fresh() -> Report:
    """The fixture without its hand-made suppression and notice: suppress.apply decides."""
    report = make_report()
    results = [
        r.model_copy(update={"suppressed": False, "suppression_reason": None})
        for r in report.results
    ]
    return report.model_copy(update={"results": results, "errors": []})


def test_next_line_suppression_and_unused_one() -> None:
    out = suppress.apply(_fresh(), draft_texts())
    hit = next(r for r in out.results if r.id == "a1f0c0de00000006")
    assert hit.suppressed and hit.suppression_reason == "the archive copy has a typo"
    assert sum(r.suppressed for r in out.results) == 1
    assert [(e.path, e.line, e.code) for e in out.errors] == [(DRAFT, 18, "unused-suppression")]
    assert out.summary.suppressed == 1


def test_block_suppression_rules_and_next_nonblank_line() -> None:
    text = draft_texts()[DRAFT]
    lines = text.split("\n")
    lines.insert(4, "<!-- claimcheck-disable missing -- waiting for the transcript -->")
    lines.insert(9, "<!-- claimcheck-enable -->")
    texts = {DRAFT: "\n".join(lines)}
    parsed = suppress.parse(DRAFT, texts[DRAFT])
    block = parsed[0]
    assert (block.kind, block.first, block.last, block.rules) == ("disable", 6, 9, {"missing"})
    assert [(d.kind, d.line, d.first) for d in parsed[1:]] == [
        ("disable-next-line", 15, 16),
        ("disable-next-line", 20, 21),
    ]


def test_block_covers_only_listed_rules() -> None:
    report = _fresh()
    texts = {DRAFT: "<!-- claimcheck-disable missing -- transcript pending -->\n" + "x\n" * 30}
    out = suppress.apply(report, texts)
    done = {r.id: r.suppression_reason for r in out.results if r.suppressed}
    assert done == {"a1f0c0de00000002": "transcript pending"}
    assert out.errors == []


def test_comments_in_code_fences_are_examples() -> None:
    text = "```\n<!-- claimcheck-disable -->\n```\ntext\n"
    assert suppress.parse("d.md", text) == []


def test_baseline_round_trip_only_new_findings_fail(tmp_path: Path) -> None:
    report = _fresh()
    path = tmp_path / "claimcheck-baseline.json"
    assert baseline.write(report, path) == 6
    known = baseline.read(path)
    again = baseline.apply(report, known)
    assert again.summary.errors == 0 and again.summary.warnings == 0
    assert {r.suppression_reason for r in again.results if r.suppressed} == {"baseline"}
    # A moved paragraph keeps its id; a new finding does not match.
    moved = report.results[0].model_copy(
        update={"statement": report.results[0].statement.model_copy(update={"line": 40})}
    )
    new = report.results[1].model_copy(update={"id": "new"})
    later = report.model_copy(update={"results": [moved, new]})
    out = baseline.apply(later, known)
    assert [r.suppressed for r in out.results] == [True, False]
    assert out.summary.errors == 1


def test_baseline_file_is_deterministic_and_errors_are_one_line(tmp_path: Path) -> None:
    assert baseline.render(_fresh()) == baseline.render(_fresh())
    with pytest.raises(InputError, match="no such baseline"):
        baseline.read(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        baseline.read(bad)
    bad.write_text("[]", encoding="utf-8")
    with pytest.raises(InputError, match="not a claimcheck baseline"):
        baseline.read(bad)


def test_parse_hunks() -> None:
    diff = "@@ -3 +3 @@\n-a\n+b\n@@ -10,0 +11,2 @@\n+c\n+d\n@@ -20,2 +22,0 @@\n"
    assert gitdiff.parse_hunks(diff) == {3, 11, 12}


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_changed_lines_against_a_ref(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "t@example.com")
    _git(tmp_path, "config", "user.name", "t")
    (tmp_path / "a.md").write_text("one\ntwo\nthree\n", encoding="utf-8")
    _git(tmp_path, "add", "a.md")
    _git(tmp_path, "commit", "-qm", "a")
    (tmp_path / "a.md").write_text("one\nTWO\nthree\nfour\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("new\n", encoding="utf-8")
    got = gitdiff.changed_lines("HEAD", ["a.md", "b.md"], tmp_path)
    assert got["a.md"] == {2, 4}
    assert got["b.md"] is gitdiff.ALL
    with pytest.raises(UsageError, match="not a git commit"):
        gitdiff.changed_lines("no-such-ref", ["a.md"], tmp_path)


def test_only_changed_keeps_touched_statements() -> None:
    report = make_report()
    out = gitdiff.only_changed(report, {DRAFT: frozenset({3, 18})})
    assert [r.id for r in out.results] == ["a1f0c0de00000001"]
    assert [e.line for e in out.errors] == [18]
    assert out.summary.statements == 1
    everything = gitdiff.only_changed(report, {DRAFT: gitdiff.ALL})
    assert len(everything.results) == 7


def test_drafts_without_results_still_have_their_suppressions_checked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ci_report import DATA
    from claimcheck.ci import outputs as ci

    monkeypatch.chdir(DATA)
    empty = make_report().model_copy(update={"results": [], "errors": []})
    texts = ci.draft_texts(empty, [DRAFT, "-", "drafts/missing.md"])
    assert list(texts) == [DRAFT]
    out = suppress.apply(empty, texts)
    assert [e.line for e in out.errors] == [13, 18]
