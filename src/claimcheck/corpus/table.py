"""The claims table: ledgers as Parquet rows, one per claim, and back.

The columns are derived from the models, never listed by hand:
``document_<field>`` for ``ArticleInfo`` then ``DocumentInfo`` (id, url, date,
path, sha256, title), every ``Claim`` field under its own name (``id`` is the
claim's id, ``text``, ``speaker``, ``cue`` a struct, …), and ``speakers``, the
ledger's speakers (a list of structs). A field added to a model is a column
added here; ``TABLE_SCHEMA_VERSION`` names the layout, and both it and the
ledger's schema version are in every file's metadata.

A document without claims has no row; ``skipped`` lines are not in the table.
pyarrow and fsspec are imported only here (``claimcheck-news[archive]``).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Iterator
from typing import Any, Literal, Union

from pydantic import BaseModel

from claimcheck.errors import InputError
from claimcheck.models import (
    LEDGER_SCHEMA_VERSION,
    TABLE_SCHEMA_VERSION,
    ArticleInfo,
    Claim,
    DocumentInfo,
    Ledger,
    Speaker,
)

PART_NAME = "part-{:06d}.parquet"
METADATA = {
    "claimcheck.table_schema": TABLE_SCHEMA_VERSION,
    "claimcheck.ledger_schema": LEDGER_SCHEMA_VERSION,
}


def _document_fields() -> list[tuple[str, str, Any]]:
    """(column, model field, annotation) of the document_* columns."""
    out: list[tuple[str, str, Any]] = []
    for model in (ArticleInfo, DocumentInfo):
        for name, info in model.model_fields.items():
            if all(c != f"document_{name}" for c, *_ in out):
                out.append((f"document_{name}", name, info.annotation))
    return out


def columns() -> list[tuple[str, Any]]:
    """(name, annotation) of every column, in order. A column is null only where
    its field is optional: a field with a default is still always written."""
    cols = [(c, ann) for c, _, ann in _document_fields()]
    cols += [(n, f.annotation) for n, f in Claim.model_fields.items()]
    cols.append(("speakers", list[Speaker]))
    return cols


def _optional(annotation: Any) -> tuple[Any, bool]:
    """The annotation without ``| None``, and whether it had it."""
    if typing.get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return (args[0] if len(args) == 1 else annotation), len(args) < len(
            typing.get_args(annotation)
        )
    return annotation, False


def arrow_type(annotation: Any) -> Any:
    """The Arrow type of a model field's annotation."""
    import pyarrow as pa

    inner, _ = _optional(annotation)
    origin = typing.get_origin(inner)
    if origin is Literal or inner is str:
        return pa.string()
    if inner is bool:
        return pa.bool_()
    if inner is int:
        return pa.int64()
    if inner is float:
        return pa.float64()
    if origin is list:
        return pa.list_(arrow_type(typing.get_args(inner)[0]))
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return pa.struct(
            [
                pa.field(n, arrow_type(f.annotation), nullable=_optional(f.annotation)[1])
                for n, f in inner.model_fields.items()
            ]
        )
    raise TypeError(f"no Arrow type for {annotation!r}")


def schema() -> Any:
    """The table's Arrow schema, with the schema versions in its metadata."""
    import pyarrow as pa

    fields = [
        pa.field(name, arrow_type(ann), nullable=_optional(ann)[1]) for name, ann in columns()
    ]
    return pa.schema(fields, metadata=METADATA)


def describe() -> list[tuple[str, str, str]]:
    """(column, Arrow type, nullable) rows for the documentation."""
    return [
        (f.name, str(f.type), "yes" if f.nullable else "no")
        for f in schema()  # a pyarrow Schema iterates its fields
    ]


def rows(article: ArticleInfo, ledger: Ledger) -> list[dict[str, Any]]:
    doc = {**article.model_dump(), **ledger.document.model_dump()}
    head = {col: doc[name] for col, name, _ in _document_fields()}
    speakers = [s.model_dump() for s in ledger.speakers]
    return [{**head, **c.model_dump(), "speakers": speakers} for c in ledger.claims]


def to_table(items: Iterable[tuple[ArticleInfo, Ledger]]) -> Any:
    import pyarrow as pa

    out: list[dict[str, Any]] = []
    for article, ledger in items:
        out.extend(rows(article, ledger))
    return pa.Table.from_pylist(out, schema=schema())


class TableFile:
    """One Parquet file written a table at a time (a row group or more each), in
    order; it replaces ``path`` only on ``commit``, so a run that stops midway
    leaves the previous file as it was."""

    def __init__(self, path: str) -> None:
        import pyarrow.parquet as pq

        self.target = _Target(path)
        self.writer = pq.ParquetWriter(self.target.__enter__(), schema(), compression="zstd")

    def write(self, table: Any) -> None:
        if table.num_rows:
            self.writer.write_table(table)

    def commit(self) -> None:
        self.writer.close()
        self.target.__exit__(None)

    def abort(self) -> None:
        self.writer.close()
        self.target.__exit__(RuntimeError)


def write_part(folder: str, index: int, table: Any) -> str:
    """``folder/part-NNNNNN.parquet``: one per part, even with no rows, so a missing
    part is visible; a retried or repeated part writes the same bytes over it."""
    import pyarrow.parquet as pq

    path = f"{folder.rstrip('/')}/{PART_NAME.format(index)}"
    with _Target(path) as tmp:
        pq.write_table(table, tmp, compression="zstd")
    return path


def tidy_parts(folder: str, count: int, failed: Iterable[int] = ()) -> list[str]:
    """Remove parts numbered ``count`` or more (an earlier, larger run), those of
    ``failed`` parts (an earlier run's) and the temporary files of writers that
    died; the removed names."""
    failed_names = {PART_NAME.format(i) for i in failed}
    import fsspec

    fs, root = fsspec.core.url_to_fs(folder)
    removed: list[str] = []
    for entry in sorted(fs.ls(root, detail=False)):
        name = entry.rstrip("/").rsplit("/", 1)[-1]
        stale_tmp = name.startswith(".part-") and name.endswith(".tmp")
        number = name.removeprefix("part-").removesuffix(".parquet")
        stale_part = name.startswith("part-") and number.isdigit() and int(number) >= count
        if stale_tmp or stale_part or name in failed_names:
            fs.rm(entry)
            removed.append(name)
    return removed


def read(path: str) -> Iterator[tuple[ArticleInfo, Ledger]]:
    """The articles and ledgers of a claims table (a file or a folder of parts)."""
    import fsspec
    import pyarrow.dataset as ds

    try:
        fs, root = fsspec.core.url_to_fs(path)
        # A folder's parts in order; anything else a person keeps there is not read.
        files = sorted(fs.glob(f"{root}/*.parquet")) if fs.isdir(root) else root
        dataset = ds.dataset(files, format="parquet", filesystem=fs)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the claims table ({exc})", path=path) from None
    names = dataset.schema.names
    missing = [c for c, _ in columns() if c not in names]
    if missing:
        raise InputError(
            f"is not a claims table (no column {missing[0]!r})",
            path=path,
            hint="write it with claimcheck extract --out X.parquet",
        )
    doc_fields = _document_fields()
    claim_names = list(Claim.model_fields)
    key: tuple[str, str] | None = None
    first: dict[str, Any] = {}
    claims: list[dict[str, Any]] = []
    for batch in dataset.to_batches():
        rows = batch.drop_columns(["speakers"]).to_pylist()
        starts: list[int] = []  # the rows where a document starts
        for n, row in enumerate(rows):
            if (row["document_id"], row["document_path"]) != key:
                key = (row["document_id"], row["document_path"])
                starts.append(n)
        # A document's speakers repeat on each of its rows: converted once, from its first.
        speakers = iter(batch.column("speakers").take(starts).to_pylist())
        at = set(starts)
        for n, row in enumerate(rows):
            if n in at:
                if claims:
                    yield _ledger(first, claims, doc_fields)
                first, claims = {**row, "speakers": next(speakers)}, []
            claims.append({c: row[c] for c in claim_names})
    if claims:
        yield _ledger(first, claims, doc_fields)


def _ledger(
    row: dict[str, Any], claims: list[dict[str, Any]], doc_fields: list[tuple[str, str, Any]]
) -> tuple[ArticleInfo, Ledger]:
    # One validation per ledger, as the extractor builds it (a model per claim and
    # every row's speakers converted: 4,400 claims/s; this way 16,000).
    fields = {name: row[col] for col, name, _ in doc_fields}
    article = ArticleInfo.model_validate({k: fields[k] for k in ArticleInfo.model_fields})
    info = {k: fields[k] for k in DocumentInfo.model_fields}
    data = {"document": info, "speakers": row["speakers"], "claims": claims}
    ledger = Ledger.model_validate(data)
    return article, ledger


class _Target:
    """A temporary name beside ``path``, moved over it when the block ends well."""

    def __init__(self, path: str) -> None:
        import fsspec

        self.fs, self.path = fsspec.core.url_to_fs(path)
        folder, _, name = self.path.rpartition("/")
        self.tmp = f"{folder}/.{name}.{_token()}.tmp"
        self.folder = folder

    def __enter__(self) -> Any:
        self.fs.makedirs(self.folder, exist_ok=True)
        self.handle = self.fs.open(self.tmp, "wb")
        return self.handle

    def __exit__(self, kind: object, *_: object) -> None:
        self.handle.close()
        if kind is None:
            self.fs.mv(self.tmp, self.path)
        else:
            self.fs.rm(self.tmp)


def _token() -> str:
    import os

    return os.urandom(4).hex()
