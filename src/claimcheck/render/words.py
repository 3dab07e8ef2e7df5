"""Counted nouns in what people read: "1 statement", "2 statements", never "1 statements"."""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls: what a terminal obeys.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_IRREGULAR = {"was": "were", "is": "are", "this": "these", "has": "have"}


def plural(n: int, word: str, many: str | None = None) -> str:
    """``word`` as ``n`` of it takes it: "document"/"documents"; ``many`` when irregular."""
    if n == 1:
        return word
    if many is not None:
        return many
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def count(n: int, word: str, many: str | None = None) -> str:
    """ "1 statement", "18 statements", "0 errors"."""
    return f"{n} {plural(n, word, many)}"


def location(path: str, line: int, column: int | None = None) -> str:
    """Where, as a person finds it: ``draft.md:5:2``; a .docx has paragraphs, not lines."""
    if path.lower().endswith(".docx"):
        return f"{path}, paragraph {line}"
    return f"{path}:{line}" + (f":{column}" if column is not None else "")


def visible(text: str) -> str:
    r"""``text`` with control characters written out (``\x1b``), never sent to a terminal.

    Drafts, corpus files and file names can come from a pull request: an escape
    sequence in them must not clear the screen, retitle the window or hide a
    line of the CI log when a person reads the report.

    >>> visible("Lee\x1b[2J said\x07")
    'Lee\\x1b[2J said\\x07'
    >>> visible("tabs\tand\nnewlines stay")
    'tabs\tand\nnewlines stay'
    """
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
