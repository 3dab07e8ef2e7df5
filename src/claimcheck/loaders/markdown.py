"""Markdown: the text is the file itself; the view keeps only prose.

markdown-it-py gives block tokens with line maps but no character positions
for inline content, so each inline token's text is found again in the source
from a moving cursor: whatever is not found (markers, link URLs, code, HTML,
front matter) is blanked to spaces in the view, line breaks kept. Offsets into
the original text therefore stay exact, whatever markup surrounds the prose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from claimcheck.loaders.base import Block, Parsed, trim

# markdown-it counts lines the same way after normalising \r\n and \r to \n.
_NEWLINE = re.compile(r"\r\n?|\n")
_NOT_NEWLINE = re.compile(r"[^\r\n]+")
_FRONT = re.compile(r"(---|\+\+\+)[ \t]*(?:\r\n?|\n)")
_FM_KEY = re.compile(r"[ \t]*[\w-]+[ \t]*[:=]")
# No lazy group before optional quotes and trailing spaces: that backtracks.
_FM_TITLE = re.compile(r"^title[ \t]*[:=](.*)$", re.MULTILINE)
# How far past the cursor a token's text is looked for (a long link URL fits).
_WINDOW = 4096
_PIECE = re.compile(r"\w+|\S")
_CONTAINERS = {"blockquote_open": "blockquote", "list_item_open": "list-item"}


def parse_markdown(text: str) -> Parsed:
    fm_end, fm_title = _front_matter(text)
    # Blanking front matter keeps markdown-it's line numbers those of the file.
    source = _blank(text[:fm_end]) + text[fm_end:]
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(source)
    starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
    keep, blocks, title = _prose(tokens, text, starts, fm_title)
    view = _view(text, keep)
    trimmed = (trim(view, b.start, b.end, b.kind) for b in blocks)
    return Parsed(
        text=text,
        view=view,
        blocks=tuple(b for b in trimmed if b is not None),
        title=title,
        warnings=_unclosed_fences(tokens, source, starts),
    )


def _prose(
    tokens: Sequence[Token], text: str, starts: list[int], title: str | None
) -> tuple[list[tuple[int, int]], list[Block], str | None]:
    """Visible spans and blocks of every paragraph and heading; the first H1 as title."""
    keep: list[tuple[int, int]] = []
    blocks: list[Block] = []
    containers: list[str] = []
    pending = ""
    for tok in tokens:
        if tok.type in _CONTAINERS:
            containers.append(_CONTAINERS[tok.type])
        elif tok.type in ("blockquote_close", "list_item_close"):
            containers.pop()
        elif tok.type == "heading_open":
            pending = "heading" if tok.tag != "h1" or title is not None else "h1"
        elif tok.type == "paragraph_open":
            pending = containers[-1] if containers else "paragraph"
        elif tok.type == "inline" and tok.map is not None and pending:
            a, b = _line_span(text, starts, tok.map)
            spans = _align(tok.children or [], text, a, b)
            keep.extend(spans)
            if pending == "h1" and spans:
                title = " ".join(" ".join(text[s:e] for s, e in spans).split()) or None
            blocks.append(Block(a, b, "heading" if pending == "h1" else pending))
            pending = ""
        elif tok.type in ("th_open", "td_open"):
            pending = ""  # table cells are data, not sentences
    return keep, blocks, title


def _front_matter(text: str) -> tuple[int, str | None]:
    """End offset of a leading YAML (---) or TOML (+++) block, and its title."""
    m = _FRONT.match(text)
    # A leading --- is also a thematic break: front matter must open with a key.
    if m is None or _FM_KEY.match(text, m.end()) is None:
        return 0, None
    closers = (m.group(1), "...") if m.group(1) == "---" else (m.group(1),)
    line_start = m.end()
    for nl in _NEWLINE.finditer(text, m.end()):
        if text[line_start : nl.start()].rstrip() in closers:
            found = _FM_TITLE.search(text, m.end(), line_start)
            return nl.end(), (
                found.group(1).strip().strip("\"'").strip() or None
            ) if found else None
        line_start = nl.end()
    return 0, None


def _line_span(text: str, starts: list[int], lines: list[int]) -> tuple[int, int]:
    a = starts[lines[0]] if lines[0] < len(starts) else len(text)
    if lines[1] < len(starts):
        b = starts[lines[1]]
        # Stop before the line break that ends the last line of the block.
        while b > a and text[b - 1] in "\r\n":
            b -= 1
    else:
        b = len(text)
    return a, b


def _align(children: Sequence[Token], text: str, pos: int, end: int) -> list[tuple[int, int]]:
    """Spans of ``text[pos:end]`` that hold the inline tokens' visible text."""
    spans: list[tuple[int, int]] = []
    autolink = False
    for tok in children:
        if tok.type == "link_open" and tok.markup == "autolink":
            autolink = True
        elif tok.type == "link_close":
            autolink = False
        elif tok.type == "text" and not autolink:
            pos = _find_text(tok.content, text, pos, end, spans)
        elif tok.type == "code_inline":
            pos = _find_code(tok.markup, text, pos, end, spans)
    return spans


def _find_text(content: str, text: str, pos: int, end: int, spans: list[tuple[int, int]]) -> int:
    i = text.find(content, pos, min(end, pos + 2 * len(content) + _WINDOW))
    if i >= 0:
        spans.append((i, i + len(content)))
        return i + len(content)
    # Entities and backslash escapes change the text; place it piece by piece.
    for piece in _PIECE.findall(content):
        i = text.find(piece, pos, min(end, pos + len(piece) + _WINDOW))
        if i >= 0:
            spans.append((i, i + len(piece)))
            pos = i + len(piece)
    return pos


def _find_code(markup: str, text: str, pos: int, end: int, spans: list[tuple[int, int]]) -> int:
    i = text.find(markup, pos, end)
    j = text.find(markup, i + len(markup), end) if i >= 0 else -1
    if j < 0:
        return pos
    spans.append((i + len(markup), j))
    return j + len(markup)


def _blank(chunk: str) -> str:
    return _NOT_NEWLINE.sub(lambda m: " " * len(m.group()), chunk)


def _view(text: str, keep: list[tuple[int, int]]) -> str:
    parts: list[str] = []
    pos = 0
    for a, b in keep:
        if a < pos:
            continue
        parts.append(_blank(text[pos:a]))
        parts.append(text[a:b])
        pos = b
    parts.append(_blank(text[pos:]))
    return "".join(parts)


def _unclosed_fences(tokens: Sequence[Token], source: str, starts: list[int]) -> tuple[str, ...]:
    """A fence left open swallows the rest of its container as code: say so."""
    for tok in tokens:
        if tok.type != "fence" or tok.map is None or not tok.markup:
            continue
        first, end = tok.map
        last = source[starts[end - 1] : starts[end] if end < len(starts) else None]
        last = last.strip().lstrip(">").strip()
        if end - first < 2 or not last.startswith(tok.markup) or last.strip(tok.markup[0]):
            return (f"code fence opened at line {first + 1} is never closed; the rest is code",)
    return ()
