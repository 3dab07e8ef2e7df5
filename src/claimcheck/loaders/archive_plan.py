"""An archive cut into parts of about the same size, the same way on every run.

The parts are the unit of work on a cluster and of output (one Parquet part
each), so they depend only on the archive and the target size, never on the
engine: the single-process run and a cluster cut the same parts and write the
same bytes.

- JSON Lines: whole lines of about ``target`` bytes. Planning reads the file
  once, line by line, to count them (row numbers are the fallback ids); a
  compressed file (``.jsonl.gz``, …) cannot be cut and is one part.
- Parquet: consecutive row groups of about ``target`` bytes, from the footer
  alone. A row group is never split, so an archive written as one huge row
  group is one part (a warning says how to write it).
- Source files (``.txt``, ``.html``, …): consecutive files of about ``target``
  bytes.
"""

from __future__ import annotations

import contextlib
import glob
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError
from claimcheck.loaders.archive import Columns, Part

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")
# fsspec's compression="infer" reads these; none can be cut by byte ranges.
COMPRESSED = (".gz", ".bz2", ".xz", ".zst", ".lz4")
_GLOB = re.compile(r"[*?\[]")
_CHUNK = 8 * 2**20
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?i?b?)\s*", re.I)
_UNITS = {"": 1, "b": 1, "k": 2**10, "m": 2**20, "g": 2**30}


@dataclass
class Plan:
    parts: list[Part] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(p.size for p in self.parts)


def parse_size(text: str) -> int:
    """``8MB``, ``512KB``, ``1GiB`` or a number of bytes."""
    m = _SIZE.fullmatch(text)
    if m is None or float(m.group(1)) <= 0:
        raise InputError(f"--partition-size {text!r} is not a size", hint="e.g. 8MB or 512KB")
    return max(1, int(float(m.group(1)) * _UNITS[m.group(2)[:1].lower()]))


def archive_format(path: str) -> str | None:
    """The archive format by the name (a glob's too): jsonl, parquet or None."""
    name = path.rstrip("/").lower()
    for suffix in COMPRESSED:
        name = name.removesuffix(suffix)
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(PARQUET_SUFFIXES):
        return "parquet"
    return None


def is_archive(path: str) -> bool:
    return archive_format(path) is not None


def expand(paths: Iterable[str]) -> list[str]:
    """Each archive file named, globbed or inside a ``.parquet`` folder (sorted per input)."""
    found: list[str] = []
    for raw in paths:
        shown = raw.replace("\\", "/")
        if "://" in shown:
            found.extend(_expand_url(shown))
        elif _GLOB.search(shown):
            hits = sorted(p.replace("\\", "/") for p in glob.glob(shown, recursive=True))
            if not hits:
                raise InputError("matches no file", path=shown, hint="check the pattern")
            found.extend(h for h in hits if Path(h).is_file())
        elif Path(shown).is_dir():
            inside = sorted(p.as_posix() for p in Path(shown).rglob("*") if _is_data(p.name))
            found.extend(p for p in inside if is_archive(p))
        else:
            found.append(Path(shown).as_posix())
    return found


def _is_data(name: str) -> bool:
    # Spark and Hive leave _SUCCESS, .crc and _metadata files beside the parts.
    return not name.startswith((".", "_"))


def _expand_url(url: str) -> list[str]:
    import fsspec

    fs, path = fsspec.core.url_to_fs(url)
    if _GLOB.search(path):
        hits = sorted(fs.glob(path))
    elif fs.isdir(path):
        hits = sorted(p for p in fs.find(path) if _is_data(p.rsplit("/", 1)[-1]))
    else:
        return [url]
    return [fs.unstrip_protocol(h) for h in hits if is_archive(h)]


def plan(files: list[str], columns: Columns, target: int) -> Plan:
    """Cut every archive file into parts (numbered in file order)."""
    result = Plan()
    for path in files:
        fmt = archive_format(path)
        if fmt == "jsonl":
            spans = _jsonl_spans(path, columns, target)
        elif fmt == "parquet":
            spans = _parquet_spans(path, columns, target, result.warnings)
        else:
            raise InputError(
                "is not an archive (.jsonl, .ndjson or .parquet)",
                path=path,
                hint="give archives and article files in separate runs",
            )
        for start, stop, first, size in spans:
            index = len(result.parts)
            result.parts.append(Part(index, path, fmt, start, stop, first, size))
    return result


def plan_files(files: list[str], target: int) -> Plan:
    """Source files (one article each) grouped into parts of about ``target`` bytes."""
    result = Plan()
    group: list[str] = []
    size = 0
    for f in files:
        group.append(f)
        with contextlib.suppress(OSError):  # the loader reports it when the part is read
            size += Path(f).stat().st_size
        if size >= target:
            result.parts.append(_files_part(len(result.parts), group, size))
            group, size = [], 0
    if group:
        result.parts.append(_files_part(len(result.parts), group, size))
    return result


def _files_part(index: int, group: list[str], size: int) -> Part:
    return Part(index, group[0], "files", size=size, files=tuple(group))


def _open(path: str, mode: str = "rb", **kw: Any) -> Any:
    try:
        import fsspec
    except ImportError:
        raise InputError(
            "reading archives needs the archive extra",
            path=path,
            hint="pip install 'claimcheck-news[archive]'",
        ) from None
    try:
        return fsspec.open(path, mode, **kw).open()
    except FileNotFoundError:
        raise InputError("no such file", path=path, hint="check the path") from None
    except IsADirectoryError:
        raise InputError("is a directory, not an archive file", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", path=path) from None


def _jsonl_spans(path: str, columns: Columns, target: int) -> list[tuple[int, int, int, int]]:
    with _open(path, compression="infer") as fh:
        _check_first_row(fh.readline(), path, columns)
        if path.lower().endswith(COMPRESSED):
            return [(0, -1, 1, 0)]
        fh.seek(0)
        return _cut_lines(fh, target)


def _cut_lines(fh: Any, target: int) -> list[tuple[int, int, int, int]]:
    """(start, stop, first line, bytes) of whole lines of about ``target`` bytes.

    Read in large chunks and counted with ``bytes.count`` and ``find``, at
    disk speed: a Python loop over lines ran at 21 MB/s."""
    spans: list[tuple[int, int, int, int]] = []
    start, first_line = 0, 1
    offset = lines = 0  # bytes and newlines before the chunk
    while chunk := fh.read(_CHUNK):
        counted = 0  # newlines of chunk[:counted] are in ``lines``
        while True:
            # The part ends after the first newline at or past start + target - 1.
            want = max(start + target - 1 - offset, counted)
            end = chunk.find(b"\n", want) if want < len(chunk) else -1
            if end < 0:
                break
            lines += chunk.count(b"\n", counted, end + 1)
            counted = end + 1
            stop = offset + end + 1
            spans.append((start, stop, first_line, stop - start))
            start, first_line = stop, lines + 1
        lines += chunk.count(b"\n", counted)
        offset += len(chunk)
    if offset > start:
        spans.append((start, offset, first_line, offset - start))
    return spans


def _check_first_row(raw: bytes, path: str, columns: Columns) -> None:
    """A misnamed text field is said once, before any work, not once per row."""
    try:
        row = json.loads(raw)
    except ValueError:
        return  # the row itself is reported when its part is read
    if isinstance(row, dict) and columns.text not in row:
        names = ", ".join(str(k) for k in row)
        raise InputError(
            f"the first row has no {columns.text!r} field (fields: {names})",
            path=path,
            line=1,
            hint="name the article's text with --columns text=NAME",
        )


def _parquet_spans(
    path: str, columns: Columns, target: int, warnings: list[str]
) -> list[tuple[int, int, int, int]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(
            "reading Parquet needs the archive extra",
            path=path,
            hint="pip install 'claimcheck-news[archive]'",
        ) from None
    with _open(path) as fh:
        try:
            pf = pq.ParquetFile(fh)
        except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, …
            raise InputError(f"is not a Parquet file ({exc})", path=path) from None
        names = pf.schema_arrow.names
        meta = pf.metadata
    if columns.text not in names:
        raise InputError(
            f"has no {columns.text!r} column (columns: {', '.join(names)})",
            path=path,
            hint="name the article's text with --columns text=NAME",
        )
    spans: list[tuple[int, int, int, int]] = []
    start, rows, size, first = 0, 0, 0, 1
    for g in range(meta.num_row_groups):
        group = meta.row_group(g)
        if group.total_byte_size > 4 * target:
            warnings.append(
                f"claimcheck: warning: {path}: row group {g} holds {group.num_rows} rows "
                f"({group.total_byte_size / 2**20:.0f} MB), read as one part; write the "
                "archive with smaller row groups (e.g. pyarrow row_group_size=10000) "
                "to spread it over the workers"
            )
        rows += group.num_rows
        size += group.total_byte_size
        if size >= target:
            spans.append((start, g + 1, first, size))
            start, first, size = g + 1, rows + 1, 0
    if start < meta.num_row_groups:
        spans.append((start, meta.num_row_groups, first, size))
    return spans
