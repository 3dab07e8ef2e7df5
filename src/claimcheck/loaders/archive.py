"""Archives: JSON Lines or Parquet files with one article per row become ``Document``s.

A newsroom's archive is rarely a folder of files: it is an export with one
article per row. Each row becomes one ``Document`` whose path is
``<file>#<id>`` (``wikinews.jsonl#17``), so its claim ids (``<id>:<line>:<n>``)
and every message name the row. The id is the row's id column, or its row
number (the line in a JSON Lines file, 1-based) when the row has none.

Which fields hold what is ``Columns`` (``--columns id=ID,text=body``); a body is
plain text, HTML or Markdown (``--body``; ``auto``: HTML when it starts with a
tag). Rows are read a ``Part`` at a time (``loaders.archive_plan`` cuts the
archive into parts), locally or from any URL fsspec opens (``s3://…``), so a
cluster's worker reads its own part.

fsspec and pyarrow (Parquet) come with ``claimcheck-news[archive]`` and are imported
only here, when an archive is read.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from claimcheck.errors import InputError, UsageError
from claimcheck.files import encodable
from claimcheck.loaders.documents import Document, from_text, load, load_bytes

BODY_FORMATS = ("auto", "txt", "html", "md")
_HTML_START = re.compile(r"\s*<[A-Za-z!]")
_HTML_START_BYTES = re.compile(rb"\s*<[A-Za-z!]")


@dataclass(frozen=True)
class Columns:
    """The row fields that hold an article's id, body and metadata."""

    id: str = "id"
    text: str = "text"
    title: str = "title"
    date: str = "date"
    url: str = "url"
    body: str = "auto"

    @classmethod
    def parse(cls, spec: str | None, body: str = "auto") -> Columns:
        """``id=article_id,text=body``: the names given override the defaults."""
        if body not in BODY_FORMATS:
            raise UsageError(f"--body {body!r} is not one of {', '.join(BODY_FORMATS)}")
        names: dict[str, str] = {}
        for item in (spec or "").split(","):
            if not item.strip():
                continue
            key, sep, value = item.partition("=")
            key, value = key.strip(), value.strip()
            if not sep or key not in ("id", "text", "title", "date", "url") or not value:
                raise UsageError(
                    f"--columns: {item.strip()!r} is not ROLE=NAME",
                    hint="roles: id, text, title, date, url "
                    "(e.g. --columns id=article_id,text=body)",
                )
            names[key] = value
        return cls(**names, body=body)

    def wanted(self) -> list[str]:
        return [self.id, self.text, self.title, self.date, self.url]


@dataclass(frozen=True)
class Part:
    """A slice of an archive that one task reads: rows of one file, or source files.

    jsonl: the bytes ``[start, stop)`` (whole lines; stop -1 for a compressed
    file, read whole); parquet: the row groups ``[start, stop)``; files: the
    source files in ``files``. ``first_row`` is the 1-based number (JSON Lines:
    the line) of the part's first row in its file.
    """

    index: int
    path: str
    format: str
    start: int = 0
    stop: int = -1
    first_row: int = 1
    size: int = 0
    files: tuple[str, ...] = field(default=())

    def describe(self) -> str:
        if self.format == "files":
            return f"partition {self.index} ({len(self.files)} files from {self.path})"
        unit = "bytes" if self.format == "jsonl" else "row groups"
        span = f"{unit} {self.start}-{self.stop}" if self.stop >= 0 else "whole file"
        return f"partition {self.index} ({self.path}, {span})"


@dataclass(frozen=True)
class Article:
    """One row (or source file) as a document, with what the ledger does not carry."""

    document: Document
    id: str
    url: str | None = None
    date: str | None = None


def read_part(part: Part, columns: Columns) -> Iterator[Article | InputError]:
    """The part's articles in file order; a row that cannot be used is an InputError."""
    if part.format == "files":
        for path in part.files:
            try:
                doc = load(path)
            except InputError as err:
                yield err
                continue
            yield Article(doc, doc.stem)
        return
    rows = _jsonl_rows(part) if part.format == "jsonl" else _parquet_rows(part, columns)
    for number, row in rows:
        if isinstance(row, InputError):
            yield row
        else:
            yield to_article(row, part.path, number, columns)


def to_article(
    row: dict[str, Any], path: str, number: int, columns: Columns
) -> Article | InputError:
    """One row as an article; the row number is the id when the row has none."""
    if not isinstance(row, dict):
        return InputError("is not an object (one article per line)", path=path, line=number)
    raw_id = _as_str(row.get(columns.id))
    art_id = raw_id if raw_id else str(number)
    where = f"{path}#{art_id}"
    body = row.get(columns.text)
    if body is None:
        return InputError(
            f"has no {columns.text!r} field",
            path=path,
            line=number,
            hint=f"name the article's text with --columns text=NAME (fields: {_fields(row)})",
        )
    fmt = columns.body
    if isinstance(body, bytes):
        if fmt == "auto":
            fmt = "html" if _HTML_START_BYTES.match(body, 0) else "txt"
        doc = load_bytes(body, where, fmt)
    elif isinstance(body, str):
        if fmt == "auto":
            fmt = "html" if _HTML_START.match(body) else "txt"
        clean = encodable(body)
        doc = from_text(clean, where, fmt)
        if clean != body:
            # JSON may escape half a surrogate pair ("\ud800"): no UTF-8 can hold it.
            note = "has lone surrogate escapes (\\ud800…), read as U+FFFD"
            doc = replace(doc, warnings=(note, *doc.warnings))
    else:
        kind = type(body).__name__
        return InputError(f"field {columns.text!r} is a {kind}, not text", path=path, line=number)
    title = _as_str(row.get(columns.title))
    doc = replace(doc, id=art_id, title=title or doc.title)
    return Article(doc, art_id, _as_str(row.get(columns.url)), _as_str(row.get(columns.date)))


def _fields(row: dict[str, Any]) -> str:
    names = [str(k) for k in row][:8]
    return ", ".join(names) + (", …" if len(row) > 8 else "")


def _as_str(value: object) -> str | None:
    """An id, title, date or URL as text (a Parquet date or timestamp in ISO 8601)."""
    if value is None:
        return None
    if isinstance(value, str):
        return encodable(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _jsonl_rows(part: Part) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    import fsspec

    number = part.first_row - 1
    with fsspec.open(part.path, "rb", compression="infer") as fh:
        if part.stop >= 0:
            fh.seek(part.start)
            lines = fh.read(part.stop - part.start).split(b"\n")
            if lines and not lines[-1]:
                lines.pop()  # the part's last line ends with its newline
        else:
            lines = fh
        for raw in lines:
            number += 1
            if raw.strip():
                yield number, _json_row(raw, part.path, number)


def _json_row(raw: bytes, path: str, number: int) -> dict[str, Any] | InputError:
    try:
        row = json.loads(raw)
    except UnicodeDecodeError:
        return InputError("is not UTF-8", path=path, line=number)
    except json.JSONDecodeError as exc:
        problem = f"is not valid JSON ({exc.msg}, column {exc.colno})"
        return InputError(problem, path=path, line=number)
    if not isinstance(row, dict):
        return InputError("is not a JSON object (one article per line)", path=path, line=number)
    return row


def _parquet_rows(part: Part, columns: Columns) -> Iterator[tuple[int, dict[str, Any]]]:
    import fsspec
    import pyarrow.parquet as pq

    number = part.first_row - 1
    with fsspec.open(part.path, "rb") as fh:
        pf = pq.ParquetFile(fh)
        present = set(pf.schema_arrow.names)
        wanted = [c for c in dict.fromkeys(columns.wanted()) if c in present]
        for group in range(part.start, part.stop):
            for row in pf.read_row_group(group, columns=wanted).to_pylist():
                number += 1
                yield number, row
