"""claimcheck lsp, end to end: a real LSP client (pytest-lsp) drives the server over stdio.

The client opens the example draft (examples/draft.md against corpus/), gets a
diagnostic for each known misquote with its range and rule, edits one
misquote right and sees its diagnostic go, then asks for code actions and
applies them as an editor would.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "examples" / "draft.md"
SOURCE = ROOT / "corpus" / "india-japan-defense.txt"
TEXT = DRAFT.read_text(encoding="utf-8")
URI = DRAFT.as_uri()
PUBLISHED = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
TIMEOUT = 60  # the first check loads the corpus; a shared machine can be slow

# (rule, line, character, end line, end character), 0-based as LSP counts: what
# `claimcheck verify examples/draft.md` reports, less the verified quotes.
EXPECTED = {
    ("negation-changed", 14, 1, 14, 29),
    ("number-changed", 16, 39, 16, 98),
    ("name-changed", 18, 1, 18, 190),
    ("modality-changed", 20, 1, 20, 73),
    ("speaker-conflict", 22, 1, 22, 74),
    ("misattributed", 24, 1, 24, 88),
    ("paraphrase-quoted", 26, 1, 26, 105),
    ("not-a-quote", 28, 1, 28, 101),
    ("misattributed", 32, 14, 32, 89),
    ("misquote", 34, 1, 34, 62),
    ("missing", 36, 1, 36, 28),
    ("missing", 38, 1, 38, 59),
}


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "claimcheck", "lsp"])
)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    params = types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=ROOT.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=ROOT.as_uri(), name="claimcheck")],
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


def found(params: types.PublishDiagnosticsParams) -> set[tuple[Any, ...]]:
    return {
        (
            d.code,
            d.range.start.line,
            d.range.start.character,
            d.range.end.line,
            d.range.end.character,
        )
        for d in params.diagnostics
    }


async def published(
    client: LanguageClient, send: Any, version: int
) -> types.PublishDiagnosticsParams:
    """Send a notification, then wait for the diagnostics of ``version`` (skip older ones)."""
    waiting = client.wait_for_notification(PUBLISHED)  # registered before anything can arrive
    send()
    while True:
        params: types.PublishDiagnosticsParams = await asyncio.wait_for(waiting, TIMEOUT)
        if params.uri == URI and params.version == version:
            return params
        waiting = client.wait_for_notification(PUBLISHED)


def change(client: LanguageClient, text: str, version: int) -> Any:
    doc = types.VersionedTextDocumentIdentifier(uri=URI, version=version)
    event = types.TextDocumentContentChangeWholeDocument(text=text)
    return lambda: client.text_document_did_change(
        types.DidChangeTextDocumentParams(text_document=doc, content_changes=[event])
    )


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply single-line text edits as an editor would (the draft has no astral characters)."""
    lines = text.split("\n")
    for e in sorted(
        edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True
    ):
        s, t = e.range.start, e.range.end
        assert s.line == t.line
        row = lines[s.line]
        lines[s.line] = row[: s.character] + e.new_text + row[t.character :]
    return "\n".join(lines)


@pytest.mark.asyncio
async def test_draft_in_the_editor(client: LanguageClient) -> None:
    item = types.TextDocumentItem(uri=URI, language_id="markdown", version=1, text=TEXT)
    opened = await published(
        client,
        lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item)),
        1,
    )
    assert found(opened) == EXPECTED
    by_code = {d.code: d for d in opened.diagnostics}
    number = by_code["number-changed"]
    assert number.severity == types.DiagnosticSeverity.Error
    assert number.source == "claimcheck"
    assert number.message == 'Misquote (number-changed): "1952" became "1962".'
    (related,) = number.related_information or []
    assert related.location.uri == SOURCE.as_uri()  # "go to" opens the source article
    assert related.location.range.start == types.Position(5, 1)
    assert "1952 peace treaty" in related.message
    assert by_code["speaker-conflict"].severity == types.DiagnosticSeverity.Warning

    # The writer corrects the year: that diagnostic goes, the others stay.
    fixed = TEXT.replace("since the 1962 peace treaty", "since the 1952 peace treaty")
    after_fix = await published(client, change(client, fixed, 2), 2)
    assert found(after_fix) == {e for e in EXPECTED if e[0] != "number-changed"}

    # A code action offers the source's exact wording for the negation; nothing changes
    # until the writer picks it.
    negation = next(d for d in after_fix.diagnostics if d.code == "negation-changed")
    offered = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=URI),
            range=negation.range,
            context=types.CodeActionContext(diagnostics=[negation]),
        )
    )
    assert offered is not None
    titles = [a.title for a in offered if isinstance(a, types.CodeAction)]
    assert titles == [
        "Use the source's wording: “It was not just to counter China”",
        "Suppress negation-changed here (with a reason)",
    ]
    use = offered[0]
    assert isinstance(use, types.CodeAction) and use.edit and use.edit.changes
    reworded = apply(fixed, use.edit.changes[URI])
    assert "“It was not just to counter China,” Das said of the strategy." in reworded
    after_action = await published(client, change(client, reworded, 3), 3)
    codes = {e[0] for e in found(after_action)}
    assert "negation-changed" not in codes
    assert "truncated-meaning" in codes  # the fragment still cuts "not just … but also"

    # The suppression action writes the CI layer's comment, with a reason to fill in.
    missing = next(d for d in after_action.diagnostics if d.code == "missing")
    offered = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=URI),
            range=missing.range,
            context=types.CodeActionContext(diagnostics=[missing]),
        )
    )
    assert offered is not None
    (suppress,) = [a for a in offered if isinstance(a, types.CodeAction)]
    assert suppress.edit and suppress.edit.changes
    (edit,) = suppress.edit.changes[URI]
    assert edit.new_text.startswith("<!-- claimcheck-disable-next-line missing -- ")
    suppressed = apply(reworded, [edit])
    after_suppress = await published(client, change(client, suppressed, 4), 4)
    lines = {(e[0], e[1]) for e in found(after_suppress)}
    assert ("missing", missing.range.start.line + 1) not in lines  # the comment pushed it down
    assert "unused-suppression" not in {e[0] for e in lines}


async def collect(client: LanguageClient, quiet: float) -> list[types.PublishDiagnosticsParams]:
    """Every diagnostics notification until none has come for ``quiet`` seconds."""
    out = []
    while True:
        try:
            out.append(await asyncio.wait_for(client.wait_for_notification(PUBLISHED), quiet))
        except TimeoutError:
            return out


@pytest.mark.asyncio
async def test_only_drafts_are_checked_and_only_their_last_edit(
    client: LanguageClient, tmp_path: Path
) -> None:
    code = (ROOT / "src" / "claimcheck" / "text.py").as_uri()
    item = types.TextDocumentItem(uri=code, language_id="python", version=1, text="“x,” Das said.")
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    md = types.TextDocumentItem(uri=URI, language_id="markdown", version=1, text=TEXT)
    await published(
        client,
        lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=md)),
        1,
    )
    assert code not in client.diagnostics  # a Python file is no draft

    broken = TEXT.replace("1952 peace treaty,” Shubhamitra", "1972 peace treaty,” Shubhamitra")
    fixed = TEXT.replace("since the 1962 peace treaty", "since the 1952 peace treaty")
    change(client, broken, 2)()  # three edits inside the debounce: only the last is checked
    change(client, TEXT, 3)()
    change(client, fixed, 4)()
    seen = await collect(client, quiet=2.0)
    assert [p.version for p in seen] == [4]  # once, for the text the writer has now
    assert found(seen[0]) == {e for e in EXPECTED if e[0] != "number-changed"}

    # A draft whose config names a corpus that is not there says so, once, at the top.
    (tmp_path / "claimcheck.toml").write_text('corpus = "no-such-folder"\n', encoding="utf-8")
    lost = (tmp_path / "draft.md").as_uri()
    item = types.TextDocumentItem(uri=lost, language_id="markdown", version=1, text=TEXT)
    waiting = client.wait_for_notification(PUBLISHED)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    params = await asyncio.wait_for(waiting, TIMEOUT)
    assert params.uri == lost
    (problem,) = params.diagnostics
    assert problem.message.startswith("claimcheck could not check this draft: ")
    assert "corpus folder not found" in problem.message
