"""Hostile statement files are an InputError naming the file, never a crash (issue 17, item 4).

A YAML tag that would run code, nesting past the recursion limit, a CSV field
past the csv module's limit, an integer past Python's digit limit, an
unpaired surrogate escape: each is one line on stderr and exit 2, and the run
goes on with the other inputs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.errors import InputError
from claimcheck.loaders import load_bytes
from claimcheck.verify import statements

ROOT = Path(__file__).resolve().parent.parent

HOSTILE: dict[str, tuple[str, bytes, str]] = {
    "yaml python tag": (
        "t.yaml",
        b'- !!python/object/apply:os.system ["echo pwned"]\n',
        "is not plain YAML data",
    ),
    "yaml python tag in a row": (
        "r.yaml",
        b"- text: !!python/name:os.system\n",
        "is not plain YAML data",
    ),
    "yaml nested 5,000 deep": ("d.yaml", b"[" * 5_000, "nests too deep"),
    "json nested 100,000 deep": ("d.json", b"[" * 100_000, "nests too deep"),
    "jsonl nested 100,000 deep": ("d.jsonl", b"[" * 100_000, "nests too deep"),
    "csv field of 200,000 characters": ("c.csv", b"text\n" + b"x" * 200_000, "not valid CSV"),
    "json 5,000-digit number": ("n.json", b'[{"text": 1' + b"1" * 5_000 + b"}]", "4,300 digits"),
    "yaml 5,000-digit number": ("n.yaml", b"- text: 1" + b"1" * 5_000 + b"\n", "4,300 digits"),
    "json unpaired surrogate": ("s.json", b'[{"text": "\\ud800 x"}]', "unpaired surrogate"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_statement_file_is_an_input_error(name: str) -> None:
    filename, data, what = HOSTILE[name]
    with pytest.raises(InputError, match=what):
        statements.from_file(load_bytes(data, filename))


def test_hostile_statement_file_does_not_stop_the_run(tmp_path: Path) -> None:
    bad = tmp_path / "t.yaml"
    bad.write_bytes(HOSTILE["yaml python tag"][1])
    good = tmp_path / "good.yaml"
    good.write_text("- text: It was not just to counter China\n  speaker: Das\n", "utf-8")
    corpus = str(ROOT / "corpus")
    res = CliRunner().invoke(
        app, ["verify", str(bad), str(good), "--corpus", corpus, "--isolated", "-f", "json"]
    )
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.stderr
    assert "t.yaml:1: is not plain YAML data" in res.stderr
    assert '"statements": 1' in res.stdout
