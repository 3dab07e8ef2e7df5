"""Archives in one process: rows become documents, parts cover every row once, the
claims table is generated from the models and reads back as the same ledgers."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("fsspec")

from claimcheck.cli.app import app  # noqa: E402
from claimcheck.corpus import bulk, table  # noqa: E402
from claimcheck.extract.pipeline import extract  # noqa: E402
from claimcheck.loaders import archive_plan  # noqa: E402
from claimcheck.loaders.archive import Columns, read_part  # noqa: E402
from claimcheck.loaders.documents import from_text  # noqa: E402
from claimcheck.models import LEDGER_SCHEMA_VERSION, Claim, Ledger  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = ROOT / "tests" / "data" / "archive" / "wikinews-24.jsonl"
ROWS = [json.loads(line) for line in ARCHIVE.read_text("utf-8").splitlines()]


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def _articles(path: str, size: int, columns: Columns | None = None) -> list[Any]:
    columns = columns or Columns()
    plan = archive_plan.plan([path], columns, size)
    return [a for p in plan.parts for a in read_part(p, columns)]


def test_a_row_is_the_article_its_text_would_be(tmp_path: Path) -> None:
    arts = _articles(ARCHIVE.as_posix(), 10**9)
    assert len(arts) == 24
    third = arts[2]
    assert third.document.path == f"{ARCHIVE.as_posix()}#3"
    assert (third.id, third.url, third.date) == ("3", ROWS[2]["url"], ROWS[2]["date"])
    ledger = extract(third.document)
    assert ledger.document.title == ROWS[2]["title"]
    alone = extract(from_text(ROWS[2]["text"], "alone.txt"))
    assert ledger.document.sha256 == alone.document.sha256
    # The same claims as the text in a file of its own; only the ids' stem differs.
    assert [c.model_copy(update={"id": c.id.split(":", 1)[1]}) for c in ledger.claims] == [
        c.model_copy(update={"id": c.id.split(":", 1)[1]}) for c in alone.claims
    ]
    assert ledger.claims and all(c.id.startswith("3:") for c in ledger.claims)


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=1, max_value=80_000),
    st.booleans(),
    st.integers(min_value=1, max_value=9_000),
)
def test_parts_cover_every_line_once(size: int, blank_lines: bool, chunk: int) -> None:
    text = ARCHIVE.read_text("utf-8")
    if blank_lines:
        text = text.replace("\n", "\n\n", 3)
    path = ROOT / "tests" / "data" / "archive" / ".tmp-prop.jsonl"
    path.write_text(text, "utf-8")
    saved, archive_plan._CHUNK = archive_plan._CHUNK, chunk  # cuts across read chunks
    try:
        plan = archive_plan.plan([path.as_posix()], Columns(), size)
        rows = [a for p in plan.parts for a in read_part(p, Columns())]
        lines = [n for n, line in enumerate(text.splitlines(), 1) if line.strip()]
        assert [a.id for a in rows] == [str(n) for n in lines]
        assert [a.url for a in rows] == [r["url"] for r in ROWS]
        assert plan.parts[0].start == 0 and plan.parts[-1].stop == len(text.encode())
        assert all(a.stop == b.start for a, b in zip(plan.parts, plan.parts[1:], strict=False))
        assert all(p.size >= size for p in plan.parts[:-1])
    finally:
        archive_plan._CHUNK = saved
        path.unlink()


def test_columns_name_the_fields(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    html = "<p>“We will win the vote on Sunday,” Ana Lee said.</p>"
    rows = [{"art": 7, "body": html, "head": "H"}, {"art": "b", "body": "x"}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    cols = Columns.parse("id=art,text=body,title=head")
    first, second = _articles(src.as_posix(), 10**6, cols)
    assert first.document.path.endswith("a.jsonl#7") and first.document.format == "html"
    assert first.document.title == "H" and second.document.format == "txt"
    assert extract(first.document).claims[0].speaker == "Ana Lee"
    for bad in ("id", "who=x", "text="):
        with pytest.raises(Exception, match="ROLE=NAME"):
            Columns.parse(bad)


def test_bad_rows_are_reported_and_the_rest_extracted(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    good = json.dumps({"text": "Das said the vote was close."})
    src.write_text(f'{good}\n{{"text": 3}}\nnot json\n[1]\n{{"title": "x"}}\n{good}\n', "utf-8")
    res = run("extract", str(src), "--format", "jsonl")
    assert res.exit_code == 2
    assert len(res.stdout.splitlines()) == 2
    for line, what in [(2, "is a int"), (3, "not valid JSON"), (4, "not a JSON object"),
                       (5, "has no 'text' field")]:  # fmt: skip
        assert re.search(rf"a\.jsonl:{line}: .*{what}", res.stderr), (line, res.stderr)
    assert "4 rows unreadable" in res.stderr


def test_a_misnamed_text_field_is_said_once_before_any_work(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"body": "x"}) + "\n", "utf-8")
    res = run("extract", str(src))
    assert res.exit_code == 2
    assert "the first row has no 'text' field (fields: body)" in res.stderr
    assert "--columns text=NAME" in res.stderr and not res.stdout


def _parquet(tmp_path: Path, group: int = 5) -> Path:
    data = {
        "article_id": [f"wn-{n:02d}" for n in range(len(ROWS))],
        "headline": [r["title"] for r in ROWS],
        "published": [dt.date.fromisoformat(r["date"]) for r in ROWS],
        "link": [r["url"] for r in ROWS],
        "body": [r["text"] for r in ROWS],
    }
    path = tmp_path / "wikinews.parquet"
    pq.write_table(pa.table(data), path, row_group_size=group)
    return path


PARQUET_COLUMNS = "id=article_id,title=headline,date=published,url=link,text=body"


def test_parquet_rows_by_row_groups(tmp_path: Path) -> None:
    path = _parquet(tmp_path)
    cols = Columns.parse(PARQUET_COLUMNS)
    plan = archive_plan.plan([path.as_posix()], cols, 1)
    assert [(p.start, p.stop, p.first_row) for p in plan.parts][:2] == [(0, 1, 1), (1, 2, 6)]
    arts = [a for p in plan.parts for a in read_part(p, cols)]
    assert [a.id for a in arts] == [f"wn-{n:02d}" for n in range(24)]
    assert arts[0].date == ROWS[0]["date"] and arts[0].document.title == ROWS[0]["title"]
    bad = run("extract", str(path))
    assert bad.exit_code == 2 and "has no 'text' column (columns: article_id" in bad.stderr


def test_table_columns_come_from_the_models() -> None:
    names = [f.name for f in table.schema()]
    assert names[:6] == [
        "document_id",
        "document_url",
        "document_date",
        "document_path",
        "document_sha256",
        "document_title",
    ]
    assert names[6:-1] == list(Claim.model_fields) and names[-1] == "speakers"
    meta = table.schema().metadata
    assert meta[b"claimcheck.table_schema"] == b"1"
    assert meta[b"claimcheck.ledger_schema"] == LEDGER_SCHEMA_VERSION.encode()


def test_docs_list_the_generated_columns() -> None:
    doc = (ROOT / "docs" / "archive.md").read_text("utf-8")
    listed = re.findall(r"^\| `(\w+)` \| `([^`]+)` \| (yes|no) \|$", doc, re.M)
    assert listed == table.describe()


def test_table_reads_back_as_the_ledgers(tmp_path: Path) -> None:
    out = tmp_path / "claims.parquet"
    res = run("extract", str(ARCHIVE), "--out", str(out), "--partition-size", "20KB")
    assert res.exit_code == 0, res.stderr
    assert "extract: 24 articles" in res.stderr and res.stderr.rstrip().endswith(f": {out}")
    printed = run("extract", str(ARCHIVE), "--format", "jsonl").stdout.splitlines()
    want = [Ledger.model_validate_json(line) for line in printed]
    back = list(table.read(str(out)))
    with_claims = [w.model_copy(update={"skipped": []}) for w in want if w.claims]
    assert [ledger for _, ledger in back] == with_claims
    urls = [r["url"] for r, w in zip(ROWS, want, strict=True) if w.claims]
    assert [a.url for a, _ in back] == urls
    rows = pq.read_table(out)
    assert rows.num_rows == sum(len(w.claims) for w in want)
    assert rows.schema.metadata[b"claimcheck.table_schema"] == b"1"


def test_a_folder_of_parts_and_stale_parts_removed(tmp_path: Path) -> None:
    out = tmp_path / "claims.parquet"
    out.mkdir()
    (out / "part-000099.parquet").write_bytes(b"old")
    (out / ".part-000001.parquet.dead.tmp").write_bytes(b"half")
    (out / "notes.txt").write_text("mine", "utf-8")
    res = run("extract", str(ARCHIVE), "--out", f"{out}/", "--partition-size", "20KB")
    assert res.exit_code == 0, res.stderr
    count = len(archive_plan.plan([str(ARCHIVE)], Columns(), 20 * 1024).parts)
    assert count == 3
    names = sorted(p.name for p in out.iterdir())
    assert names == ["notes.txt", *(f"part-{n:06d}.parquet" for n in range(count))]
    assert "removed 2 parts of an earlier run" in res.stderr
    single = tmp_path / "one.parquet"
    run("extract", str(ARCHIVE), "--out", str(single), "--partition-size", "20KB")
    assert list(table.read(str(out))) == list(table.read(str(single)))
    (out / "notes.txt").unlink()
    assert pq.read_table(out).equals(pq.read_table(single))


def test_files_into_a_table_match_their_json_ledgers(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "corpus.parquet"
    res = run("extract", "corpus/", "--out", str(out), "--partition-size", "4KB")
    assert res.exit_code == 0, res.stderr
    for article, ledger in table.read(str(out)):
        on_disk = Ledger.model_validate_json(
            (ROOT / "claims" / f"{article.id}.json").read_text("utf-8")
        )
        assert ledger == on_disk.model_copy(update={"skipped": []})


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--out", "claims/"], "an archive's claims go to a Parquet table"),
        (["--format", "json"], "--format json is for a few articles"),
        (["--out", "x.parquet", "--check"], "--check works with --out DIR"),
        (["corpus/"], "corpus/ is not an archive"),
        (["--columns", "who=x"], "is not ROLE=NAME"),
        (["--partition-size", "lots"], "is not a size"),
    ],
)
def test_usage_errors(args: list[str], message: str, monkeypatch: Any) -> None:
    monkeypatch.chdir(ROOT)
    res = run("extract", "tests/data/archive/wikinews-24.jsonl", *args)
    assert res.exit_code == 2
    assert message in res.stderr and "Traceback" not in res.stderr


def test_sizes() -> None:
    assert archive_plan.parse_size("8MB") == 8 * 2**20
    assert archive_plan.parse_size("512 KiB") == 512 * 2**10
    assert archive_plan.parse_size("100") == 100
    names = ("a.jsonl.gz", "s3://b/*.parquet", "a.txt")
    assert [archive_plan.archive_format(p) for p in names] == ["jsonl", "parquet", None]


def test_compressed_jsonl_is_one_part(tmp_path: Path) -> None:
    import gzip

    src = tmp_path / "a.jsonl.gz"
    src.write_bytes(gzip.compress(ARCHIVE.read_bytes()))
    plan = bulk.plan_inputs([str(src)], Columns(), 1000)
    assert len(plan.parts) == 1
    assert [a.id for a in read_part(plan.parts[0], Columns())] == [str(n) for n in range(1, 25)]


def test_a_lone_surrogate_escape_does_not_sink_its_partition(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    row = '{"text": "Das said the vote was close \\ud800 on Monday.", "title": "T\\udfff"}'
    src.write_text(row + "\n" + json.dumps({"text": "Lee said it was not."}) + "\n", "utf-8")
    out = tmp_path / "a.parquet"
    res = run("extract", str(src), "--out", str(out))
    assert res.exit_code == 0, res.stderr
    assert "a.jsonl#1: has lone surrogate escapes" in res.stderr
    ledgers = [ledger for _, ledger in table.read(str(out))]
    assert len(ledgers) == 2 and "\ufffd" in ledgers[0].claims[0].text
    assert ledgers[0].document.title == "T\ufffd"
    printed = run("extract", str(src))
    assert printed.exit_code == 0 and len(printed.stdout.splitlines()) == 2


def _on_a_terminal(args: list[str], cwd: Path) -> tuple[bytes, bytes]:
    """Run claimcheck with stderr on a pseudo-terminal (the progress bar shows) and
    stdout in a pipe, as ``claimcheck extract ARCHIVE > ledgers.jsonl`` in a shell."""
    import os
    import pty
    import subprocess
    import sys
    import threading

    env = {k: v for k, v in os.environ.items() if k != "CI"}  # CI hides the bar
    env["COLUMNS"] = "100"
    leader, follower = pty.openpty()
    seen: list[bytes] = []

    def read() -> None:  # all along: a full terminal would block the bar, and the run
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the other end closed: everything was read
                return
            if not chunk:
                return
            seen.append(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "claimcheck", *args],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=follower,
            timeout=300,
            check=False,
        )
    finally:
        os.close(follower)
        reader.join(10)
        os.close(leader)
    assert proc.returncode == 0, b"".join(seen)
    return proc.stdout, b"".join(seen)


def test_the_progress_bar_stays_on_the_terminal_out_of_stdout(tmp_path: Path) -> None:
    args = ["extract", str(ARCHIVE), "--partition-size", "4KB"]
    piped = run(*args).stdout.encode("utf-8")
    shown, terminal = _on_a_terminal(args, tmp_path)
    assert shown == piped  # the ledgers, and not a byte of the bar
    # The bar's last state: partitions done of all, articles and articles per second.
    parts = len(archive_plan.plan([str(ARCHIVE)], Columns(), 4096).parts)
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", terminal.decode("utf-8"))
    assert re.search(rf"extracting \S+ {parts}/{parts} 24 articles, [\d,]+\.\d/s", plain), plain
    assert "extract: 24 articles" in plain


def test_progress_counts_partitions_and_articles_per_second() -> None:
    plan = bulk.plan_inputs([str(ARCHIVE)], Columns(), 20 * 1024)
    ticks: list[tuple[int, int, str]] = []
    options = bulk.Options(quiet=True)
    bulk.run(plan.parts, options, print, print, progress=lambda *t: ticks.append(t))
    assert [(done, total) for done, total, _ in ticks] == [(1, 3), (2, 3), (3, 3)]
    assert re.fullmatch(r"24 articles, [\d,]+\.\d/s", ticks[-1][2]), ticks


def test_globs_folders_and_urls_read_as_the_one_file(tmp_path: Path) -> None:
    lines = ARCHIVE.read_text("utf-8").splitlines(keepends=True)
    (tmp_path / "jsonl" / "later").mkdir(parents=True)  # sorted after a.jsonl
    (tmp_path / "jsonl" / "a.jsonl").write_text("".join(lines[:10]), "utf-8")
    (tmp_path / "jsonl" / "later" / "b.jsonl").write_text("".join(lines[10:]), "utf-8")
    spark = tmp_path / "export.parquet"
    (spark / "year=2019").mkdir(parents=True)
    for n in range(3):  # Spark's layout: parts in partition folders, its marker files
        rows = [json.loads(line) for line in lines[n * 8 : (n + 1) * 8]]
        part = pa.table({k: [r[k] for r in rows] for k in ("text", "title", "url", "date")})
        pq.write_table(part, spark / "year=2019" / f"part-{n:05d}.parquet")
    (spark / "_SUCCESS").touch()
    (spark / "year=2019" / ".part-00000.parquet.crc").write_bytes(b"crc")

    def claims(*inputs: str) -> list[list[Any]]:
        plan = bulk.plan_inputs(list(inputs), Columns(), 4096)
        got = [a for p in plan.parts for a in read_part(p, Columns())]
        return [[(c.kind, c.text, c.speaker) for c in extract(a.document).claims] for a in got]

    want = claims(str(ARCHIVE))
    assert len(want) == 24
    both = (f"{tmp_path}/jsonl/*.jsonl", f"{tmp_path}/jsonl/later/b.jsonl")
    assert claims(f"{tmp_path}/jsonl/**/*.jsonl") == claims(*both) == want
    assert claims(f"{spark}/") == claims(f"{spark}/**/*.parquet") == want
    assert claims((tmp_path / "jsonl").as_uri() + "/**/*.jsonl") == want  # fsspec's file://
