"""``corpus.gather`` lists a folder with plain strings; its order and choices are pathlib's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimcheck.corpus.gather import SOURCE_SUFFIXES, gather, suffix


def _reference(folder: Path) -> list[str]:
    """What gather returned when it walked with pathlib (sorted Paths, part by part)."""
    seen: set[Path] = set()

    def walk(d: Path) -> list[Path]:
        if d.resolve() in seen:
            return []
        seen.add(d.resolve())
        out: list[Path] = []
        for e in sorted(d.iterdir()):
            if e.name.startswith("."):
                continue
            if e.is_dir():
                out.extend(walk(e))
            elif e.suffix.lower() in SOURCE_SUFFIXES:
                out.append(e)
        return out

    return [p.as_posix() for p in sorted(walk(folder))]


NAMES = [
    "a.txt", "b/x.md", "b.txt", "B.txt", ".h.txt", "z.", "a.TXT", "sub/deep/q.html",
    "sub.md", "_a.txt", "a b.txt", "ä.txt", "1.txt", "10.txt", "2.txt", ".hid/x.txt",
    "noext", "x.json", "b-c/y.txt", "b0/y.txt",
]  # fmt: skip


@pytest.mark.parametrize("given", ["c", "c/", "./c", "ABS"])
def test_same_files_in_the_same_order_as_pathlib(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in NAMES:
        path = tmp_path / "c" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    os.symlink(tmp_path / "c" / "b", tmp_path / "c" / "link")
    os.symlink(tmp_path / "c", tmp_path / "c" / "sub" / "loop")  # a loop: visited once
    os.symlink(tmp_path / "gone", tmp_path / "c" / "broken.txt")  # the loader reports it
    folder = str(tmp_path / "c") if given == "ABS" else given
    found = gather([folder])
    assert found == _reference(Path(folder))
    assert "c/broken.txt" in [f[-12:] for f in found] and not any("/." in f for f in found)


@pytest.mark.parametrize("name", ["a.txt", "a.", ".a", "a", "a.b.c", "..a", "a..b"])
def test_suffix_is_pathlibs(name: str) -> None:
    assert suffix(name) == Path(name).suffix
