"""Word .docx: paragraphs and table cells, in reading order, via python-docx.

As for HTML, offsets point into the extracted text: one block per non-empty
paragraph or table-cell paragraph, blocks joined by a blank line ("\\n\\n").
Heading and Title styles become heading blocks, list styles list items, quote
styles blockquotes, the Caption style captions. The title is the document
property, else the first Title or Heading 1 paragraph.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from claimcheck import limits
from claimcheck.errors import InputError
from claimcheck.loaders.base import Block, Parsed

# A .docx is a zip; refuse one that would inflate past this (a zip bomb).
_MAX_UNPACKED = 512 * 1024 * 1024
_REASONS = {
    "XMLSyntaxError": "damaged XML inside",
    "KeyError": "a part it refers to is missing",
    "BadZipFile": "damaged ZIP archive",
    "error": "damaged ZIP archive",  # zlib.error
    "EOFError": "truncated ZIP archive",
    "NotImplementedError": "unsupported ZIP features",
}


def parse_docx(data: bytes, path: str) -> Parsed:
    _check_zip(data, path)
    _check_paragraphs(data, path)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        items = list(_paragraphs(document, _StyleNames(document)))
        core_title = document.core_properties.title
    except Exception as exc:  # python-docx raises many types on damaged parts
        raise _invalid(path, _REASONS.get(type(exc).__name__, "it cannot be opened")) from None
    return _assemble(items, core_title)


def _invalid(path: str, why: str) -> InputError:
    return InputError(f"is not a valid .docx ({why})", path=path, hint="re-save it from Word")


def _check_zip(data: bytes, path: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except Exception:  # zipfile also raises NotImplementedError, EOFError, struct.error
        raise _invalid(path, "not a ZIP archive") from None
    names = {info.filename for info in infos}
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        raise _invalid(path, "a ZIP archive without a Word document inside")
    if sum(info.file_size for info in infos) > _MAX_UNPACKED:
        raise _invalid(path, "it unpacks to more than 512 MB")


class _StyleNames:
    """Style id -> name, read once.

    python-docx's ``Paragraph.style`` looks the default style up by scanning every
    style of the document, for each paragraph without a style of its own: 20,000
    one-letter paragraphs took 17 s. Here each id is looked up once.
    """

    def __init__(self, document: Any) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        self.names: dict[str, str] = {}
        for style in document.styles:
            if style.style_id is not None:
                self.names[style.style_id] = style.name or ""
        default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self.default = default.name if default is not None else ""

    def of(self, paragraph: Any) -> str:
        style_id = paragraph._p.style  # the w:pStyle value, or None
        if style_id is None:
            return self.default or ""
        return self.names.get(style_id, self.default or "")


def _check_paragraphs(data: bytes, path: str) -> None:
    """Counted in the XML before python-docx builds an object per paragraph."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
    except Exception:  # damaged: python-docx says how, below
        return
    limits.check_paragraphs(xml.count(b"<w:p>") + xml.count(b"<w:p "), path)


def _paragraphs(container: Any, styles: _StyleNames) -> Iterator[tuple[str, str]]:
    """(text, style name) of every paragraph, descending into table cells."""
    for item in container.iter_inner_content():
        if hasattr(item, "rows"):
            seen: set[Any] = set()
            for row in item.rows:
                for cell in row.cells:
                    # Merged cells appear once per grid column they span.
                    if cell._tc not in seen:
                        seen.add(cell._tc)
                        yield from _paragraphs(cell, styles)
        else:
            yield item.text, styles.of(item)


def _kind(style: str) -> str:
    lowered = style.lower()
    if lowered.startswith(("heading", "title", "subtitle")):
        return "heading"
    if lowered.startswith("list"):
        return "list-item"
    if "quote" in lowered:
        return "blockquote"
    if lowered.startswith("caption"):
        return "caption"
    return "paragraph"


def _assemble(items: list[tuple[str, str]], core_title: str | None) -> Parsed:
    texts: list[str] = []
    blocks: list[Block] = []
    title = (core_title or "").strip() or None
    pos = 0
    for raw, style in items:
        text = raw.strip()
        if not text:
            continue
        if title is None and style in ("Title", "Heading 1"):
            title = " ".join(text.split())
        texts.append(text)
        blocks.append(Block(pos, pos + len(text), _kind(style)))
        pos += len(text) + 2
    text = "\n\n".join(texts)
    return Parsed(text=text, view=text, blocks=tuple(blocks), title=title)
