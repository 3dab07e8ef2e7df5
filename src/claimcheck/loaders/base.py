"""Types shared by the format readers and ``documents``."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Control bytes are not prose; tab, newlines and form feed are layout. Invisible
# format characters (zero-width space and joiners, word joiner, BOM, soft hyphen)
# are read as a space, so "Das\u200b said" is "Das said" to the extractor.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")

# "paragraph" | "blockquote" | "list-item" are prose; "heading" is classified by
# the extractor, and so is "title" (a plain-text file's first line when it reads as
# one: a headline unless it is a byline, a caption or a date); "code" and
# "caption" are never prose.
BlockKind = str


@dataclass(frozen=True)
class Block:
    """A block of the document: a paragraph, heading, list item, …"""

    start: int
    end: int
    kind: BlockKind = "paragraph"


@dataclass(frozen=True)
class Parsed:
    """What a format reader found; offsets index ``text``."""

    text: str
    view: str
    blocks: tuple[Block, ...]
    title: str | None = None
    warnings: tuple[str, ...] = ()


def trim(view: str, start: int, end: int, kind: BlockKind) -> Block | None:
    """The block shrunk to its first and last visible character, or None if blank."""
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    return Block(start, end, kind) if start < end else None


def blank_controls(view: str) -> str:
    """The view with control and invisible characters (NUL, U+200B, …) turned into spaces."""
    return _CONTROL.sub(" ", view) if _CONTROL.search(view) else view
