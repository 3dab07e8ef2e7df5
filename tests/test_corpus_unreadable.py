"""One unreadable corpus file is reported and verify goes on (issue 17, item 5).

A FIFO, a dangling symbolic link, a device: ``extract`` skips such a file and
reports it; ``verify`` does the same, with the file in the report's
``errors[]`` and exit code 2, and every other document still checked.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
QUOTE = ["--text", "It was not just to counter China", "--speaker", "Das"]


def _fifo(p: Path) -> None:
    os.mkfifo(p)


def _dangling(p: Path) -> None:
    p.symlink_to(p.parent / "gone.txt")


def _device(p: Path) -> None:
    p.symlink_to("/dev/zero")


def _binary(p: Path) -> None:
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))


BAD: dict[str, tuple[Callable[[Path], None], str]] = {
    "fifo": (_fifo, "is not a regular file"),
    "dangling link": (_dangling, "is a broken symbolic link"),
    # Outside the project too, so refused before it is opened (SECURITY.md).
    "/dev/zero": (_device, "is outside the project root"),
    "binary": (_binary, "is a binary file"),
}


@pytest.mark.parametrize(
    ("name", "fmt"),
    [*((name, "json") for name in sorted(BAD)), ("fifo", "sarif"), ("fifo", "text")],
)
def test_unreadable_corpus_file_is_reported_and_the_rest_checked(
    name: str, fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ROOT / "corpus" / "india-japan-defense.txt", corpus)
    make, what = BAD[name]
    make(corpus / "bad.txt")
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(app, ["verify", *QUOTE, "--corpus", "corpus", "--isolated", "-f", fmt])
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.stdout + res.stderr
    assert f"corpus/bad.txt: {what}" in res.stderr
    if fmt == "json":
        report = json.loads(res.stdout)
        assert report["summary"]["exact"] == 1
        assert report["corpus"]["documents"] == 1
        [error] = report["errors"]
        assert error["path"] == "corpus/bad.txt" and what in error["message"]
    elif fmt == "sarif":
        invocation = json.loads(res.stdout)["runs"][0]["invocations"][0]
        assert invocation["executionSuccessful"] is False
        [note] = invocation["toolExecutionNotifications"]
        assert what in note["message"]["text"]
    else:
        assert "1 exact" in res.stdout
