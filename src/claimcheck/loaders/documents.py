"""The only file reader: bytes on disk become a ``Document``.

A ``Document`` keeps two strings of the same length: ``text``, exactly as
decoded (offsets in ledgers and reports point into it), and ``view``, where
characters that are not prose (Markdown markup, code blocks, NUL and other
control bytes) are blanked out with spaces so the extractor never sees them
while every offset stays valid.

Formats, by suffix: .txt (and any unknown suffix that decodes as text), .md
and .markdown (text = the file), .html and .htm and .docx (text = the
extracted prose, blocks joined by a blank line; see ``loaders.html``). The
accepted encodings are described in ``loaders.encoding``.

An empty or whitespace-only file, or one with no prose, is not an error: it
loads as a document with no blocks (so an empty ledger) and a warning in
``Document.warnings`` that the CLI prints.
"""

from __future__ import annotations

import bisect
import errno
import hashlib
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck import limits, paths
from claimcheck.errors import InputError
from claimcheck.loaders.base import Block, BlockKind, Parsed, blank_controls, trim
from claimcheck.loaders.encoding import decode as _decode

__all__ = ["Block", "BlockKind", "Document", "decode", "from_text", "load", "load_bytes"]

FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
}
_LINE_END = re.compile(r"\r\n?|\n")
_SURROGATE = re.compile("[\ud800-\udfff]")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class Document:
    path: str
    text: str
    sha256: str
    format: str = "txt"
    view: str = ""
    blocks: tuple[Block, ...] = ()
    title: str | None = None
    warnings: tuple[str, ...] = ()
    # An archive row's id (``loaders.archive``): its path is "<file>#<id>", so the
    # stem of its claim ids comes from here, not from splitting the path.
    id: str | None = None
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        view = blank_controls(self.view or self.text)
        if len(view) != len(self.text):
            raise ValueError("view must be as long as text")
        object.__setattr__(self, "view", view)
        if not self.blocks and self.format == "txt":
            object.__setattr__(self, "blocks", tuple(text_blocks(view)))
        # Lines end at \n, \r\n or a lone \r, as editors count them. A .docx has no
        # lines: its "line" is the paragraph (non-empty paragraphs and table cells,
        # in order), the column a character in it, as Word users can find them.
        if self.format == "docx" and self.blocks:
            starts = [0, *(b.start for b in self.blocks[1:])]
        else:
            starts = [0, *(m.end() for m in _LINE_END.finditer(self.text))]
        object.__setattr__(self, "_line_starts", starts)

    @property
    def stem(self) -> str:
        if self.id is not None:
            return self.id
        name = self.path.replace("\\", "/").rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[0] if "." in name else name

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line (a .docx: paragraph) and column (code points) of an offset."""
        idx = bisect.bisect_right(self._line_starts, offset) - 1
        return idx + 1, offset - self._line_starts[idx] + 1


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_TERMINAL = tuple(".?!:;\"'”’»)]")
_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029]")


def text_blocks(text: str) -> list[Block]:
    """Paragraphs of plain text.

    Blank lines separate blocks. Inside a block, a hard-wrapped paragraph
    (short lines that end mid-sentence) stays one paragraph; otherwise each
    line is its own paragraph, as in text pasted from a web page where every
    paragraph is one long line. Lines end at \\n, \\r\\n, \\r, U+2028 or U+2029.
    """
    blocks: list[Block] = []
    run: list[tuple[int, int]] = []
    pos = 0
    for m in [*_BREAK.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        if not text[pos:end].isspace() and pos < end:
            run.append((pos, end))
        elif run:
            blocks.extend(_split_run(text, run))
            run = []
        pos = m.end() if m is not None else len(text)
    if run:
        blocks.extend(_split_run(text, run))
    if len(blocks) > 1 and _is_title(text[blocks[0].start : blocks[0].end]):
        blocks[0] = Block(blocks[0].start, blocks[0].end, "title")
    return blocks


# A plain-text article's first line is its title when it is one short line with
# no sentence punctuation at its end ("Zara Kay tells Wikinews about …"), as a
# web page's <h1> or a Markdown "# " line is: a headline, never a claim.
_TITLE_END = tuple(".,;:")
_CLOSING = "\"'”’»)]"


def _is_title(line: str) -> bool:
    if _BREAK.search(line) or len(line.split()) > 25:
        return False
    return not line.rstrip(_CLOSING).endswith(_TITLE_END) and any(c.isalpha() for c in line)


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
    """Text from bytes (see ``loaders.encoding``); an InputError names byte and offset."""
    return _decode(data, path).text


def from_text(text: str, path: str = "<text>", fmt: str = "txt") -> Document:
    """A document from a string already in memory (stdin, tests).

    Text read with ``surrogateescape`` (stdin under a C locale) holds the bytes
    that were not UTF-8 as lone surrogates: refused, as a file with them is.
    """
    bad = _SURROGATE.search(text)
    if bad is not None:
        raise InputError(
            f"is not valid UTF-8 (an undecodable byte at character {bad.start()})",
            path=path,
            hint="re-save it as UTF-8",
        )
    parsed = _parse_text(text, fmt, path)
    return _document(path, fmt, sha256_bytes(text.encode("utf-8", "surrogatepass")), parsed, ())


def load(path: str | Path) -> Document:
    """Read one file of any supported format."""
    shown = Path(path).as_posix() if not isinstance(path, str) else path.replace("\\", "/")
    return load_bytes(_read(Path(path), shown), shown)


def load_bytes(data: bytes, path: str = "<bytes>", fmt: str | None = None) -> Document:
    """A document from a file's bytes; ``fmt`` defaults to what the suffix says."""
    if fmt is None:
        fmt = FORMATS.get(Path(path).suffix.lower(), "txt")
    if fmt == "docx":
        from claimcheck.loaders.docx import parse_docx

        return _document(path, fmt, sha256_bytes(data), parse_docx(data, path), ())
    declared = None
    if fmt == "html":
        found = _META_CHARSET.search(data, 0, 4096)
        declared = found.group(1).decode("ascii") if found else None
    decoded = _decode(data, path, declared=declared)
    parsed = _parse_text(decoded.text, fmt, path)
    return _document(path, fmt, sha256_bytes(data), parsed, decoded.warnings)


def _parse_text(text: str, fmt: str, path: str) -> Parsed:
    # The parsers import heavy libraries; load them only for their formats.
    if fmt == "md":
        from claimcheck.loaders.markdown import parse_markdown

        return parse_markdown(text)
    if fmt == "html":
        from claimcheck.loaders.html import parse_html

        return parse_html(text, path)
    if fmt in ("txt", "docx"):
        view = blank_controls(text)
        return Parsed(text=text, view=view, blocks=tuple(text_blocks(view)))
    raise InputError(f"unknown format {fmt!r}", path=path, hint="use txt, md, html or docx")


def _document(path: str, fmt: str, sha: str, parsed: Parsed, notes: tuple[str, ...]) -> Document:
    view = blank_controls(parsed.view)
    # A block of nothing but control characters is blank once they are blanked.
    trimmed = (trim(view, b.start, b.end, b.kind) for b in parsed.blocks)
    blocks = tuple(b for b in trimmed if b is not None)
    limits.check_paragraphs(len(blocks), path)
    warnings = notes + parsed.warnings
    if not parsed.text:
        warnings += ("is empty",)
    elif parsed.text.isspace():
        warnings += ("contains only whitespace",)
    elif not blocks:
        warnings += ("has no prose to extract (only markup or code)",)
    return Document(
        path=path,
        text=parsed.text,
        sha256=sha,
        format=fmt,
        view=view,
        blocks=blocks,
        title=parsed.title,
        warnings=warnings,
    )


def _read(p: Path, shown: str) -> bytes:
    paths.check(p, shown)
    try:
        info = p.stat()
    except FileNotFoundError:
        what = "is a broken symbolic link" if p.is_symlink() else "no such file"
        raise InputError(what, path=shown, hint="check the path") from None
    except OSError as exc:
        raise _os_error(exc, shown) from None
    except ValueError:
        raise InputError("is not a valid path (it contains a NUL byte)", path=repr(shown)) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is a directory, not a file", path=shown)
    if not stat.S_ISREG(info.st_mode):
        # Reading a pipe or device could block forever.
        raise InputError("is not a regular file", path=shown)
    limits.check_size(info.st_size, shown)
    try:
        with open(p, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise _os_error(exc, shown) from None


def _os_error(exc: OSError, shown: str) -> InputError:
    if isinstance(exc, PermissionError):
        return InputError("permission denied", path=shown, hint="check the file's permissions")
    if isinstance(exc, IsADirectoryError):
        return InputError("is a directory, not a file", path=shown)
    if exc.errno == errno.ELOOP:
        return InputError("is a symbolic link loop", path=shown)
    return InputError(f"cannot be read ({exc.strerror or exc})", path=shown)
