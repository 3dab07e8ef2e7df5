"""The only file reader: bytes on disk become a ``Document``.

A ``Document`` keeps two strings of the same length: ``text``, exactly as
decoded (offsets in ledgers and reports point into it), and ``view``, where
characters that are not prose (Markdown markup, code blocks) are blanked out
with spaces so the extractor never sees them while every offset stays valid.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.errors import InputError

BlockKind = str  # "paragraph" | "heading" | "code" | "blockquote" | "list-item"


@dataclass(frozen=True)
class Block:
    """A block of the document: a paragraph, heading, list item, …"""

    start: int
    end: int
    kind: BlockKind = "paragraph"


@dataclass(frozen=True)
class Document:
    path: str
    text: str
    sha256: str
    format: str = "txt"
    view: str = ""
    blocks: tuple[Block, ...] = ()
    title: str | None = None
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.view:
            object.__setattr__(self, "view", self.text)
        if len(self.view) != len(self.text):
            raise ValueError("view must be as long as text")
        if not self.blocks:
            object.__setattr__(self, "blocks", tuple(text_blocks(self.text)))
        starts = [0]
        text = self.text
        i = 0
        n = len(text)
        # Lines end at \n, \r\n or a lone \r, as editors count them.
        while i < n:
            c = text[i]
            if c == "\n":
                starts.append(i + 1)
            elif c == "\r":
                if i + 1 < n and text[i + 1] == "\n":
                    i += 1
                starts.append(i + 1)
            i += 1
        object.__setattr__(self, "_line_starts", starts)

    @property
    def stem(self) -> str:
        name = self.path.replace("\\", "/").rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[0] if "." in name else name

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (code points) of a character offset."""
        idx = bisect.bisect_right(self._line_starts, offset) - 1
        return idx + 1, offset - self._line_starts[idx] + 1


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_TERMINAL = tuple(".?!:;\"'”’»)]")


def text_blocks(text: str) -> list[Block]:
    """Paragraphs of plain text.

    Blank lines separate blocks. Inside a block, a hard-wrapped paragraph
    (short lines that end mid-sentence) stays one paragraph; otherwise each
    line is its own paragraph, as in text pasted from a web page where every
    paragraph is one long line.
    """
    blocks: list[Block] = []
    lines: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos < n:
        nl = _next_newline(text, pos)
        end = nl if nl >= 0 else n
        lines.append((pos, end))
        if nl < 0:
            break
        pos = nl + (2 if text.startswith("\r\n", nl) else 1)
    run: list[tuple[int, int]] = []
    for start, end in [*lines, (n, n)]:
        if text[start:end].strip():
            run.append((start, end))
            continue
        if run:
            blocks.extend(_split_run(text, run))
            run = []
    return blocks


def _next_newline(text: str, pos: int) -> int:
    a = text.find("\n", pos)
    b = text.find("\r", pos)
    c = text.find("\u2028", pos)
    found = [x for x in (a, b, c) if x >= 0]
    return min(found) if found else -1


def _split_run(text: str, run: list[tuple[int, int]]) -> list[Block]:
    if len(run) == 1:
        return [_strip_block(text, *run[0])]
    widths = [end - start for start, end in run]
    open_ends = sum(1 for s, e in run[:-1] if not text[s:e].rstrip().endswith(_TERMINAL))
    if max(widths) <= 100 and open_ends * 2 > len(run) - 1:
        return [_strip_block(text, run[0][0], run[-1][1])]
    return [_strip_block(text, s, e) for s, e in run]


def _strip_block(text: str, start: int, end: int) -> Block:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Block(start, end)


def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is an error."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"is not valid UTF-16 (at byte offset {exc.start})",
                path=path,
                hint="re-save it as UTF-8",
            ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        hint = "re-save it as UTF-8"
        if 0x80 <= bad <= 0x9F:
            hint = "it looks like Windows-1252; re-save it as UTF-8"
        raise InputError(
            f"is not valid UTF-8 (byte 0x{bad:02x} at offset {exc.start})", path=path, hint=hint
        ) from None


def from_text(text: str, path: str = "<text>", fmt: str = "txt") -> Document:
    """A document from a string already in memory (stdin, tests)."""
    return Document(path=path, text=text, sha256=sha256_bytes(text.encode("utf-8")), format=fmt)


def load(path: str | Path) -> Document:
    """Read one file of any supported format."""
    shown = Path(path).as_posix() if not isinstance(path, str) else path.replace("\\", "/")
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=shown, hint="check the path") from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=shown) from None
    except PermissionError:
        raise InputError("permission denied", path=shown) from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror})", path=shown) from None
    text = decode(data, shown)
    return Document(path=shown, text=text, sha256=sha256_bytes(data), format="txt")
