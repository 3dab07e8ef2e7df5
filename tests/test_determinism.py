"""Same inputs, same bytes: whatever PYTHONHASHSEED, the locale or the order on disk."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _extract(corpus: Path, out: Path, env_extra: dict[str, str]) -> dict[str, bytes]:
    env = {**os.environ, **env_extra}
    subprocess.run(
        [sys.executable, "-m", "claimcheck", "extract", str(corpus), "--out", str(out)],
        check=True,
        capture_output=True,
        env=env,
        cwd=ROOT,
    )
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.json"))}


def test_ledgers_byte_identical_across_hash_seeds_locales_and_file_order(tmp_path: Path) -> None:
    sources = [
        *sorted((ROOT / "tests" / "data" / "loaders").glob("*.*")),
        ROOT / "corpus" / "india-japan-defense.txt",
    ]
    first = tmp_path / "c1"
    second = tmp_path / "c2"
    first.mkdir()
    second.mkdir()
    for src in sources:
        shutil.copy(src, first / src.name)
    # Create the second copy in reverse order, so directory order on disk differs.
    for src in reversed(sources):
        shutil.copy(src, second / src.name)
    runs = [
        _extract(first, tmp_path / "o1", {"PYTHONHASHSEED": "0", "LC_ALL": "C"}),
        _extract(second, tmp_path / "o2", {"PYTHONHASHSEED": "12345", "LC_ALL": "C.UTF-8"}),
        _extract(first, tmp_path / "o3", {"PYTHONHASHSEED": "random", "LANG": "tr_TR.UTF-8"}),
    ]
    assert runs[0], "no ledgers written"
    # Paths inside ledgers name the folder given; compare with it normalised.
    norm = [{k: v.replace(b"/c2/", b"/c1/") for k, v in run.items()} for run in runs]
    assert norm[0] == norm[1] == norm[2]
