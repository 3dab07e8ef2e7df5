"""The language server's pure parts: positions in every encoding, the wording fix."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lsprotocol import types
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.lsp.positions import Lines

ENC = types.PositionEncodingKind


@pytest.mark.parametrize(("encoding", "character"), [(ENC.Utf16, 3), (ENC.Utf8, 5), (ENC.Utf32, 2)])
def test_columns_count_in_the_agreed_encoding(encoding: str, character: int) -> None:
    lines = Lines("a😀b “x”\r\nline two\rthree", encoding)
    assert lines.position(2) == types.Position(0, character)  # "b", after an astral emoji
    assert lines.to_offset(types.Position(0, character)) == 2
    assert lines.position(lines.text.index("two")) == types.Position(1, 5)
    assert lines.position(lines.text.index("three")) == types.Position(2, 0)


def test_lines_end_as_lsp_says_not_as_splitlines() -> None:
    text = "one\x0ctwo\u2028three\nfour"  # a form feed and U+2028 end no LSP line
    assert Lines(text).position(text.index("four")) == types.Position(1, 0)


def test_lsp_without_pygls_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pygls", None)
    monkeypatch.delitem(sys.modules, "claimcheck.lsp.server", raising=False)
    res = CliRunner().invoke(app, ["lsp"])
    assert res.exit_code == 2
    assert "pip install 'claimcheck-news[lsp]'" in res.stderr


def test_a_remembered_check_is_the_check_verify_gives() -> None:
    """The server re-checks only changed statements; the report must not show it."""
    from claimcheck.lsp.checking import Checker, check_text
    from claimcheck.lsp.project import project_for
    from claimcheck.lsp.sources import LoadedCorpora

    root = Path(__file__).resolve().parent.parent
    draft = root / "examples" / "draft.md"
    text = draft.read_text(encoding="utf-8")
    project = project_for(draft, root)
    corpus = LoadedCorpora().get(project)
    checker = Checker(corpus)
    checker.check_text(text, draft, project)
    first = checker.checked
    # One quote edited, a paragraph added above: every other statement moves down.
    edited = text.replace("since the 1962 peace treaty", "since the 1972 peace treaty")
    edited = edited.replace("# India and Japan draw closer\n", "# India and Japan\n\nAdded.\n")
    again = checker.check_text(edited, draft, project)
    assert checker.checked == first + 1  # only the changed quote was verified again
    assert again.model_dump() == check_text(edited, draft, project, corpus).model_dump()


def test_the_server_answers_from_the_projects_index(tmp_path: Path) -> None:
    """With `claimcheck index` built, the corpus comes from it, and says the same."""
    import shutil

    from claimcheck.lsp.checking import Checker
    from claimcheck.lsp.project import project_for
    from claimcheck.lsp.sources import LoadedCorpora
    from claimcheck.verify.corpus import StoredCorpus

    root = Path(__file__).resolve().parent.parent
    for folder in ("corpus", "claims"):
        shutil.copytree(root / folder, tmp_path / folder)
    draft = tmp_path / "draft.md"
    shutil.copy(root / "examples" / "draft.md", draft)
    text = draft.read_text(encoding="utf-8")
    project = project_for(draft, tmp_path)
    in_memory = Checker(LoadedCorpora().get(project)).check_text(text, draft, project)
    res = CliRunner().invoke(app, ["index", "--corpus", str(tmp_path / "corpus"), "--isolated"])
    assert res.exit_code == 0, res.stderr
    sources = LoadedCorpora()
    stored = sources.get(project)
    assert isinstance(stored, StoredCorpus)
    from_index = Checker(stored).check_text(text, draft, project)
    sources.reload()
    assert [(r.verdict, r.attribution, r.flags) for r in from_index.results] == [
        (r.verdict, r.attribution, r.flags) for r in in_memory.results
    ]


def test_a_config_cannot_point_the_server_outside_its_project(tmp_path: Path) -> None:
    from claimcheck.lsp.server import ClaimcheckServer

    outside = tmp_path / "secret"
    (outside / "corpus").mkdir(parents=True)
    (outside / "corpus" / "a.txt").write_text("“Private words,” Ann Lee said.\n", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "claimcheck.toml").write_text('corpus = "../secret/corpus"\n', encoding="utf-8")

    class Server(ClaimcheckServer):
        root = project  # type: ignore[assignment]  # no client: the workspace is the project

    done = Server().run_check(project / "draft.md", "“Private words,” Ann Lee said.\n", 1, "utf-16")
    (shown,) = done.shown
    assert "outside the project root" in shown.diagnostic.message


def test_the_configs_severity_overrides_reach_the_editor(tmp_path: Path) -> None:
    """The policy CI applies: a rule the config raises or lowers is shown so."""
    import shutil

    from claimcheck.lsp.checking import check_text
    from claimcheck.lsp.diagnostics import diagnostics
    from claimcheck.lsp.project import project_for
    from claimcheck.lsp.sources import LoadedCorpora

    root = Path(__file__).resolve().parent.parent
    for folder in ("corpus", "claims"):
        shutil.copytree(root / folder, tmp_path / folder)
    draft = tmp_path / "drafts" / "story.md"
    draft.parent.mkdir()
    text = (root / "examples" / "draft.md").read_text(encoding="utf-8")
    (tmp_path / "claimcheck.toml").write_text(
        'corpus = "corpus"\nclaims = "claims"\n\n[severity]\n'
        'speaker-conflict = "error"\nmissing = "warning"\n',
        encoding="utf-8",
    )
    project = project_for(draft, None)
    report = check_text(text, draft, project, LoadedCorpora().get(project))
    shown = diagnostics(report, Lines(text), project)
    severity = {str(s.diagnostic.code): s.diagnostic.severity for s in shown}
    assert severity["speaker-conflict"] == types.DiagnosticSeverity.Error  # a warning in CI
    assert severity["missing"] == types.DiagnosticSeverity.Warning  # an error in CI
    assert severity["number-changed"] == types.DiagnosticSeverity.Error
    number = next(s.diagnostic for s in shown if s.diagnostic.code == "number-changed")
    (related,) = number.related_information or []
    assert related.location.uri == (tmp_path / "corpus" / "india-japan-defense.txt").as_uri()


def test_a_loaded_corpus_is_kept_out_of_the_collectors_full_passes() -> None:
    """A full garbage collection inside a check walked the whole corpus (bench_lsp: a
    45 ms check took 250 ms); once loaded, it is frozen, and a reload thaws it."""
    import gc

    from claimcheck.lsp.server import ClaimcheckServer

    repository = Path(__file__).resolve().parent.parent
    draft = repository / "examples" / "draft.md"

    class Server(ClaimcheckServer):
        root = repository  # type: ignore[assignment]  # no client: the workspace

    server = Server()
    gc.unfreeze()
    try:
        done = server.run_check(draft, draft.read_text(encoding="utf-8"), 1, "utf-16")
        assert done.shown and all(s.result is not None for s in done.shown)
        server.worker.submit(lambda: None).result()  # after what the first check queued
        frozen = gc.get_freeze_count()
        assert frozen > 0
        server.run_check(draft, draft.read_text(encoding="utf-8"), 2, "utf-16")
        server.worker.submit(lambda: None).result()
        assert gc.get_freeze_count() == frozen  # the same corpus: nothing frozen again
        server.forget()
        assert gc.get_freeze_count() == 0 and not server.checkers
    finally:
        gc.unfreeze()
        server.worker.shutdown()
