"""Where in the edited version a dropped quotation was: a line map from a line diff.

A finding needs a place in the file a reviewer reads (the edited one): the
line that took the dropped line's place, or the first line with text after
where it was.
"""

from __future__ import annotations

import difflib
import re

from claimcheck.loaders.documents import Document
from claimcheck.models import StatementRef

_LINES = re.compile(r"\r\n|\r|\n")


def line_map(before: str, after: str) -> list[int]:
    """``out[n - 1]`` is the 1-based line of the edited text that stands for line ``n``."""
    a, b = _LINES.split(before), _LINES.split(after)
    out = [1] * len(a)
    sm = difflib.SequenceMatcher(None, [x.strip() for x in a], [x.strip() for x in b])
    for _op, i1, i2, j1, j2 in sm.get_opcodes():
        for i in range(i1, i2):
            j = j1 + min(i - i1, max(j2 - j1 - 1, 0))
            out[i] = min(j, len(b) - 1) + 1
    return out


def anchor(quote: StatementRef, after: Document, lines: list[int]) -> StatementRef:
    """The dropped ``quote`` placed on the whole line that took its line's place."""
    line = lines[min(quote.line, len(lines)) - 1]
    text = after.text
    starts = [0, *(m.end() for m in _LINES.finditer(text))]
    rows = _LINES.split(text)
    # Blank lines align anywhere: the place is the next line with text, if there is one.
    ahead = next((n for n in range(line, len(rows) + 1) if rows[n - 1].strip()), None)
    line = ahead or line
    start = starts[min(line, len(starts)) - 1]
    found = _LINES.search(text, start)
    end = found.start() if found else len(text)
    return quote.model_copy(
        update={
            "path": after.path,
            "line": line,
            "column": 1,
            "end_line": line,
            "end_column": end - start + 1,
            "start": start,
            "end": end,
        }
    )
