"""Every --help says what the command does, shows examples, lists exit codes; no type noise.

Help is compared as plain text (ANSI codes stripped, as ci-conventions.md asks),
so the checks hold in a terminal, under GITHUB_ACTIONS and in a pipe.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from claimcheck.cli import app

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
# What typer prints for a parameter without a placeholder: <bool>, <str>, <list[str]>,
# <path>, <int range>, <float range> [0<=x<=100]; click's INTEGER RANGE, BOOLEAN.
_TYPE_NOISE = re.compile(
    r"<(?:bool|str|int|float|path|uuid|datetime|list\[.*?\]|\w+ range|\w+(?:\|\w+)+)>"
    r"|\b(?:INTEGER|BOOLEAN|FLOAT)\b|\[x?[<>=]"
)


def _commands(group: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for name, cmd in getattr(group, "commands", {}).items():
        if getattr(cmd, "commands", None):
            out += _commands(cmd, (*path, name))
        else:
            out.append((*path, name))
    return out


LEAVES = _commands(typer.main.get_command(app))


def _help(*words: str) -> str:
    res = CliRunner().invoke(app, [*words, "--help"], env={"GITHUB_ACTIONS": "true"})
    assert res.exit_code == 0, res.output
    return _ANSI.sub("", res.stdout)


def _block(text: str, title: str) -> list[str]:
    m = re.search(rf"^{title}:\n((?:  .*\n?)+)", text, re.M)
    assert m, f"no {title!r} block in:\n{text}"
    return [line.strip() for line in m.group(1).splitlines() if line.strip()]


def test_every_command_is_found() -> None:
    assert {"extract", "verify", "report"} <= {c[0] for c in LEAVES}
    assert ("schema", "ledger") in LEAVES and ("baseline", "write") in LEAVES


@pytest.mark.parametrize("words", LEAVES, ids=" ".join)
def test_command_help(words: tuple[str, ...]) -> None:
    text = _help(*words)
    assert text.startswith(f"Usage: claimcheck {' '.join(words)} ")
    assert not _TYPE_NOISE.search(text), _TYPE_NOISE.search(text)
    summary = text.split("\n\n")[1].strip()
    assert summary and summary[0].isupper() and summary.endswith("."), summary
    examples = _block(text, "Examples")
    assert 2 <= len(examples) <= 4, examples
    assert any(e.startswith(f"claimcheck {words[0]}") for e in examples), examples
    codes = _block(text, "Exit codes")
    assert codes[0].startswith("0 "), codes


def test_root_help_lists_commands_with_examples_and_exit_codes() -> None:
    text = _help()
    assert not _TYPE_NOISE.search(text)
    listed = _block(text, "Commands")
    names = {line.split()[0] for line in listed if not line.startswith(("(", "-"))}
    assert {c[0] for c in LEAVES} <= names
    assert any("claimcheck verify" in e for e in _block(text, "Examples"))
    assert [c.split()[0] for c in _block(text, "Exit codes")] == ["0", "1", "2"]


def test_option_rows_show_a_placeholder_not_a_type() -> None:
    text = _help("verify")
    assert re.search(r"^  --corpus DIR +Folder", text, re.M)
    assert re.search(r"^  --exit-zero +Exit 0", text, re.M)  # a flag shows no placeholder


def test_usage_errors_are_plain_text() -> None:
    res = CliRunner().invoke(app, ["verify", "--no-such-option"])
    assert res.exit_code == 2
    assert "No such option: --no-such-option" in res.stderr
    assert "╭" not in res.stderr
