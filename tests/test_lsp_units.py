"""The language server's pure parts: positions in every encoding, the wording fix."""

from __future__ import annotations

import sys

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
    assert "pip install 'claimcheck[lsp]'" in res.stderr
