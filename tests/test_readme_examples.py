"""The Python examples of the README and docs/ run as written, from the repository root."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.M | re.S)


def _blocks() -> list[object]:
    out = []
    for page in PAGES:
        for n, m in enumerate(BLOCK.finditer(page.read_text(encoding="utf-8")), 1):
            out.append(pytest.param(m.group(1), id=f"{page.name}#{n}"))
    return out


def test_the_readme_has_python_examples() -> None:
    assert _blocks(), "the README lost its Python examples: this test would check nothing"


@pytest.mark.parametrize("code", _blocks())
def test_example_runs(code: str) -> None:
    before = Path.cwd()
    os.chdir(ROOT)
    try:
        exec(compile(code, "<example>", "exec"), {"__name__": "__example__"})
    finally:
        os.chdir(before)
