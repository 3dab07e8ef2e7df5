"""Data-driven case files: a title, the input, the expected claims.

```
Title of the case
.
Input text; blank lines separate paragraphs.
.
kind | speaker | cue | text
skipped | reason | text
.
```

Rows of six columns also check how the speaker was found and what the cue
reports: ``kind | speaker | speaker_basis | cue | cue.act | text`` (a basis
with alternatives reads ``pronoun (or Jane Das)``).

``-`` stands for "none". A title starting with ``[xfail]`` marks a known
failure (strict: a fix shows up as news). Narrative claims are compared only
when the expectation lists one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Case:
    file: str
    title: str
    text: str
    expected: tuple[tuple[str, ...], ...]
    xfail: bool


def load_cases(path: Path) -> list[Case]:
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[Case] = []
    i = 0
    while i < len(lines):
        if not lines[i].strip() or lines[i].startswith("#"):
            i += 1
            continue
        title = lines[i].strip()
        if lines[i + 1] != ".":
            raise ValueError(f"{path}:{i + 2}: expected '.' after the title")
        j = lines.index(".", i + 2)
        text = "\n".join(lines[i + 2 : j])
        k = lines.index(".", j + 1)
        expected = tuple(
            tuple(part.strip() for part in row.split("|"))
            for row in lines[j + 1 : k]
            if row.strip()
        )
        xfail = title.startswith("[xfail]")
        cases.append(Case(path.name, title.removeprefix("[xfail]").strip(), text, expected, xfail))
        i = k + 1
    return cases
