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
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        items = list(_paragraphs(document))
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


def _paragraphs(container: Any) -> Iterator[tuple[str, str]]:
    """(text, style name) of every paragraph, descending into table cells."""
    for item in container.iter_inner_content():
        if hasattr(item, "rows"):
            seen: set[Any] = set()
            for row in item.rows:
                for cell in row.cells:
                    # Merged cells appear once per grid column they span.
                    if cell._tc not in seen:
                        seen.add(cell._tc)
                        yield from _paragraphs(cell)
        else:
            style = item.style.name if item.style is not None else ""
            yield item.text, style or ""


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
