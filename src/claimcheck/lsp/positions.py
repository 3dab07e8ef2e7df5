"""Character offsets (code points, as the report counts) to LSP positions.

LSP counts lines as ``\\n``, ``\\r\\n`` or ``\\r`` end them (as ``Document`` does;
``str.splitlines`` also breaks at form feeds and U+2028) and columns in the
encoding the client and server agreed on: UTF-16 code units unless the client
offered UTF-8 or UTF-32.
"""

from __future__ import annotations

import bisect
import re

from lsprotocol import types

_LINE_END = re.compile(r"\r\n|\r|\n")


class Lines:
    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in _LINE_END.finditer(text))]
        self.encoding = encoding

    def _units(self, chars: str) -> int:
        if self.encoding == types.PositionEncodingKind.Utf32:
            return len(chars)
        if self.encoding == types.PositionEncodingKind.Utf8:
            return len(chars.encode("utf-8", "surrogatepass"))
        return len(chars.encode("utf-16-le", "surrogatepass")) // 2

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return types.Position(line, self._units(self.text[self.starts[line] : offset]))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def line_start(self, line: int) -> int:
        """Offset of 1-based ``line``'s first character."""
        return self.starts[max(0, min(line, len(self.starts)) - 1)]

    def line_end(self, line: int) -> int:
        """Offset just after 1-based ``line``'s last character (before its line end)."""
        start = self.line_start(line)
        found = _LINE_END.search(self.text, start)
        return found.start() if found else len(self.text)

    def offset(self, line: int, column: int) -> int:
        """Offset of 1-based ``line`` and ``column`` (code points), as a report gives them."""
        return min(self.line_start(line) + column - 1, self.line_end(line))

    def to_offset(self, position: types.Position) -> int:
        """The offset of a client position (in the agreed encoding)."""
        start = self.line_start(position.line + 1)
        end = self.line_end(position.line + 1)
        units = 0
        for i in range(start, end):
            if units >= position.character:
                return i
            units += self._units(self.text[i])
        return end
