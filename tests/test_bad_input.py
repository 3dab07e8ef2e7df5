"""The bad-input matrix: every hostile or broken input gives a stable exit code,
one line on stderr saying what and where, no traceback, and no half-written file.

Each case builds its inputs under ``tmp_path`` (big and binary fixtures are
generated, never committed) and returns the arguments after ``extract``.
"""

from __future__ import annotations

import builtins
import io
import json
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimcheck.cli.app import app

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
GOOD = "“We will win,” Ana Ruiz said. The team was ready.\n"


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], list[str]]
    code: int
    what: str = ""  # expected in the single stderr line (empty: nothing on stderr)
    where: str = ""  # the file or folder that line must name


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_bytes(data.encode("utf-8"))
    else:
        path.write_bytes(data)
    return path


def file_case(name: str, filename: str, data: bytes | str, code: int, what: str = "") -> Case:
    def make(tmp: Path) -> list[str]:
        return [str(write(tmp / filename, data))]

    return Case(name, make, code, what, filename if what else "")


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    return buf.getvalue()


def symlink_loop(tmp: Path) -> list[str]:
    corpus = tmp / "corpus"
    write(corpus / "good.txt", GOOD)
    (corpus / "sub").mkdir()
    (corpus / "sub" / "back").symlink_to(corpus, target_is_directory=True)
    return [str(corpus), "--out", str(tmp / "claims")]


def file_link_loop(tmp: Path) -> list[str]:
    corpus = tmp / "corpus"
    write(corpus / "good.txt", GOOD)
    (corpus / "a.txt").symlink_to(corpus / "a.txt")
    return [str(corpus), "--out", str(tmp / "claims")]


def empty_corpus(tmp: Path) -> list[str]:
    corpus = tmp / "corpus"
    write(corpus / "notes.csv", "a,b\n")
    write(corpus / "photo.png", PNG)
    return [str(corpus), "--out", str(tmp / "claims")]


def out_is_a_file(tmp: Path) -> list[str]:
    src = write(tmp / "one.txt", GOOD)
    write(tmp / "claims", "not a folder")
    return [str(src), "--out", str(tmp / "claims")]


def corpus_with(tmp: Path, ledger: str | None, *, check: bool) -> list[str]:
    corpus = tmp / "corpus"
    write(corpus / "one.txt", GOOD)
    write(corpus / "two.txt", "Lee said the plan was fine.\n")
    if ledger is not None:
        write(tmp / "claims" / "one.json", ledger)
    return [str(corpus), "--out", str(tmp / "claims"), *(["--check"] if check else [])]


def stale_ledger(tmp: Path) -> list[str]:
    args = corpus_with(tmp, None, check=False)
    assert CliRunner().invoke(app, ["extract", *args]).exit_code == 0
    write(tmp / "corpus" / "one.txt", GOOD.replace("ready", "not ready"))
    return [*args, "--check"]


def bad_file_in_folder(tmp: Path) -> list[str]:
    corpus = tmp / "corpus"
    write(corpus / "good.txt", GOOD)
    write(corpus / "bad.txt", b"He said \x93no\x94.")
    return [str(corpus), "--out", str(tmp / "claims")]


CORRUPT = '{"schema_version": "1", "document": {"path": 3}'

CASES = [
    Case("missing path", lambda t: [str(t / "nope.txt")], 2, "no such file", "nope.txt"),
    Case("empty folder", lambda t: [str(t)], 2, "no source files found", ""),
    Case("folder with no articles", empty_corpus, 2, "no source files found", "corpus"),
    Case("--out is a file", out_is_a_file, 2, "is not a folder", "claims"),
    file_case("empty file", "empty.txt", b"", 0, "is empty"),
    file_case("whitespace only", "blank.txt", " \n\t\r\n\u2028 \n", 0, "only whitespace"),
    file_case("png named .txt", "photo.txt", PNG, 2, "binary file (looks like PNG)"),
    file_case("png", "photo.png", PNG, 2, "binary file (looks like PNG)"),
    file_case("zip named .txt", "a.txt", zip_bytes({"x": b"y"}), 2, "looks like a ZIP archive"),
    file_case("pdf", "a.md", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", 2, "looks like PDF"),
    file_case(
        "windows-1252", "w.txt", "He said “no”.".encode("cp1252"), 2, "byte 0x93 at offset 8"
    ),
    file_case("utf-16 with bom", "u.txt", GOOD.encode("utf-16"), 0),
    file_case("utf-16 no bom", "u.txt", GOOD.encode("utf-16-le"), 0, "no byte-order mark"),
    file_case("utf-16-be no bom", "u.txt", GOOD.encode("utf-16-be"), 0, "read as UTF-16-BE"),
    file_case(
        "mixed line endings", "m.txt", "Ana said it.\r\nLee said no.\rHe left.\u2028Ok.\n", 0
    ),
    file_case("nul bytes", "n.txt", "Ana said\x00 it was\x00 fine.\n", 0),
    file_case("mostly nul", "n.txt", b"\x00" * 5000 + b"text", 2, "looks like binary data"),
    file_case("10 MB single line", "big.txt", "x" * 10_000_000, 0),
    file_case("long line of sentences", "big.txt", "Ana said it was fine. " * 20_000, 0),
    file_case("100,000 straight quotes", "q.txt", '"' * 100_000, 0),
    file_case("only quote marks", "q.txt", "“”‘’«»\"'„‟‹›\n" * 500, 0),
    file_case("nested quotes", "q.txt", "“a ‘b “c ‘d " * 200 + "’”’”" * 200 + " Ana said.", 0),
    file_case("rtl and combining", "r.txt", "قال أحمد «نحن هنا». Ze\u0301ro cafe\u0301 said.\n", 0),
    file_case("emoji", "e.txt", "“We 🎉 won 👍🏽,” said 👩‍🚀 Ana.\n", 0),
    file_case("zero-width", "z.txt", "An\u200ba Ru\u200diz said “we\u2060 won\ufeff”.\n", 0),
    file_case("md unclosed fence", "d.md", "Ana said it.\n\n```\ncode\n", 0, "never closed"),
    file_case(
        "html scripts and broken tags",
        "p.html",
        "<script>alert('“x,” he said')</script><p>Ana <b>said <i>it</b> was <<fine</",
        0,
    ),
    file_case(
        "docx zip of junk", "j.docx", zip_bytes({"junk.bin": os.urandom(64)}), 2, "valid .docx"
    ),
    file_case("docx not a zip", "t.docx", "plain text", 2, "is not a valid .docx"),
    # Issue 17, item 1: what else the parser's tree holds besides elements and text.
    file_case("html processing instruction", "pi.html", "<p>Text</p><?php echo 1 ?>", 0),
    file_case(
        "html doctype, comment, cdata, svg, math",
        "x.html",
        "<!DOCTYPE html><p>A<!-- c -->b</p><![CDATA[x]]><svg><title>t</title></svg>"
        "<math><mi>x</mi></math><template><p>t</p></template><?xml version='1.0'?>",
        0,
    ),
    # Issue 17, item 3: a charset that names a byte transform, not a text encoding.
    *(
        file_case(
            f"html charset {codec}",
            "b.html",
            f'<meta charset="{codec}"><p>caf\xe9</p>'.encode("latin-1"),
            2,
            f"it declares charset '{codec}', which claimcheck does not read",
        )
        for codec in ("base64", "hex", "zlib", "bz2", "uu", "quopri", "rot13", "unicode_escape")
    ),
    file_case(
        "html charset utf-16 in ascii",
        "u.html",
        b'<meta charset="utf-16"><p>caf\xe9</p>',
        2,
        "not valid UTF-8",
    ),
    Case("symlink loop (folder)", symlink_loop, 0),
    Case("symlink loop (file)", file_link_loop, 2, "symbolic link loop", "a.txt"),
    Case("undecodable file among good", bad_file_in_folder, 2, "not valid UTF-8", "bad.txt"),
    Case("stale ledger --check", stale_ledger, 1),
    Case(
        "corrupt ledger --check",
        lambda t: corpus_with(t, CORRUPT, check=True),
        2,
        "ledger is corrupt",
        "one.json",
    ),
    Case(
        "corrupt ledger --out",
        lambda t: corpus_with(t, "not json at all", check=False),
        2,
        "ledger is corrupt",
        "one.json",
    ),
]


def snapshot(root: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for p in root.rglob("*"):
        if p.is_file() and not p.is_symlink():
            files[p.relative_to(root).as_posix()] = p.read_bytes()
    return files


def run(args: list[str]) -> Any:
    # One ledger as JSON unless the case asks for another output (the default is a summary).
    plain = not any(a in ("--format", "--out") for a in args)
    return CliRunner().invoke(app, ["extract", *args, *(["--format", "json"] if plain else [])])


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Case, tmp_path: Path) -> None:
    args = case.make(tmp_path)
    before = snapshot(tmp_path)
    res = run(args)
    assert_clean_exit(res, case.code)
    problems = [ln for ln in res.stderr.splitlines() if ln.startswith("claimcheck: ")]
    if case.what:
        assert len(problems) == 1, res.stderr
        assert case.what in problems[0] and case.where in problems[0], problems[0]
    else:
        assert not problems, res.stderr
    after = snapshot(tmp_path)
    assert not [p for p in after if p.endswith(".tmp")], "a temporary file was left behind"
    if case.code != 0:
        changed = [p for p in before if after.get(p) != before[p]]
        assert not changed, f"a failed run changed {changed}"
    if case.code == 0 and "--out" not in args:
        assert_offsets(res.stdout, Path(args[0]))


def assert_clean_exit(res: Any, code: int) -> None:
    assert "Traceback" not in res.stdout + res.stderr
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    assert res.exit_code == code, res.stderr


def assert_offsets(stdout: str, source: Path) -> None:
    """Every claim's text is the document's text at its offsets."""
    from claimcheck.loaders import load

    text = load(source).text
    for claim in json.loads(stdout)["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]


def test_failed_file_does_not_stop_the_others(tmp_path: Path) -> None:
    res = run(bad_file_in_folder(tmp_path))
    assert res.exit_code == 2
    assert (tmp_path / "claims" / "good.json").exists()
    assert not (tmp_path / "claims" / "bad.json").exists()


def test_corrupt_ledger_is_kept_and_the_other_is_written(tmp_path: Path) -> None:
    res = run(corpus_with(tmp_path, "not json at all", check=False))
    assert res.exit_code == 2
    assert (tmp_path / "claims" / "one.json").read_text("utf-8") == "not json at all"
    assert (tmp_path / "claims" / "two.json").exists()


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = write(tmp_path / "secret.txt", GOOD)
    secret.chmod(0)
    if os.geteuid() == 0:
        # root reads anything: simulate the refusal the kernel gives other users.
        real_open = builtins.open

        def deny(file: Any, *args: Any, **kwargs: Any) -> Any:
            if str(file) == str(secret):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", deny)
    res = run([str(secret)])
    secret.chmod(0o644)
    assert_clean_exit(res, 2)
    assert res.stderr.strip().endswith(
        "secret.txt: permission denied (check the file's permissions)"
    )
    assert res.stderr.count("\n") == 1


def test_100000_curly_quotes(tmp_path: Path) -> None:
    res = run([str(write(tmp_path / "q.txt", "“" * 100_000))])
    assert_clean_exit(res, 0)


def test_jsonl_reports_the_bad_file_and_prints_the_good(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", GOOD)
    bad = write(tmp_path / "bad.txt", PNG)
    res = run([str(bad), str(tmp_path / "gone.md"), str(good), "--format", "jsonl"])
    assert_clean_exit(res, 2)
    assert [json.loads(x)["document"]["path"] for x in res.stdout.splitlines()] == [good.as_posix()]
    errors = res.stderr.splitlines()
    assert len(errors) == 2
    assert "bad.txt: is a binary file" in errors[0] and "gone.md: no such file" in errors[1]


def test_empty_file_gives_an_empty_ledger(tmp_path: Path) -> None:
    res = run([str(write(tmp_path / "empty.md", ""))])
    assert_clean_exit(res, 0)
    assert json.loads(res.stdout)["claims"] == []


def test_unlistable_subfolder_is_reported_and_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "good.txt", GOOD)
    locked = corpus / "locked"
    write(locked / "hidden.txt", GOOD)
    real_scandir = os.scandir  # what gather lists a folder with

    def scandir(path: Any) -> Any:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    res = run([str(corpus), "--out", str(tmp_path / "claims")])
    assert_clean_exit(res, 2)
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("claimcheck: error:")]
    assert len(errors) == 1 and "locked: cannot list folder (Permission denied)" in errors[0]
    assert (tmp_path / "claims" / "good.json").exists()


def test_100_mb_text_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the size limit raised, a 100 MB file is read and extracted, the ledger whole."""
    monkeypatch.setenv("CLAIMCHECK_MAX_FILE_MB", "128")
    big = tmp_path / "big.txt"
    with open(big, "w", encoding="utf-8", newline="") as fh:
        line = "x" * 999 + "\n"
        for _ in range(100_000):
            fh.write(line)
    assert big.stat().st_size == 100_000_000
    out = tmp_path / "claims"
    res = run([str(big), "--out", str(out)])
    assert_clean_exit(res, 0)
    ledger = json.loads((out / "big.json").read_text(encoding="utf-8"))
    assert ledger["document"]["path"] == big.as_posix()
    # Lines of one long token are not prose: every one is skipped, with its line.
    assert ledger["claims"] == []
    assert len(ledger["skipped"]) == 100_000
    assert ledger["skipped"][-1]["line"] == 100_000


def test_subject_finder_survives_a_phrase_trimmed_to_its_preposition(tmp_path: Path) -> None:
    """Issue 17, item 2: "as of y said" trimmed the subject to " of y", then IndexError."""
    res = run([str(write(tmp_path / "i.txt", b"as \x01of y said o t h"))])
    assert_clean_exit(res, 0)
    res = run([str(write(tmp_path / "j.txt", "as  said it. And  of  said so."))])
    assert_clean_exit(res, 0)


# ---------------------------------------------------------------- limits (issue 17, items 9, 10)


def test_a_file_past_the_size_limit_says_what_where_and_how_to_raise_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMCHECK_MAX_FILE_MB", "1")
    big = write(tmp_path / "big.md", "Ana said it was fine. " * 60_000)  # 1.3 MB
    good = write(tmp_path / "good.txt", GOOD)
    res = run([str(big), str(good), "--format", "jsonl"])
    assert_clean_exit(res, 2)
    assert "big.md: is too large (1.3 MB; the limit is 1 MB) (set CLAIMCHECK_MAX_FILE_MB" in (
        res.stderr
    )
    assert json.loads(res.stdout)["document"]["path"] == good.as_posix()


def test_the_default_size_limit_refuses_a_200_mb_draft(tmp_path: Path) -> None:
    huge = tmp_path / "huge.md"
    with open(huge, "wb") as fh:
        fh.truncate(200 * 2**20)  # sparse: no 200 MB written
    res = run([str(huge)])
    assert_clean_exit(res, 2)
    assert "is too large (200.0 MB; the limit is 32 MB)" in res.stderr


def test_a_docx_past_the_paragraph_limit_is_refused_before_it_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMCHECK_MAX_PARAGRAPHS", "1000")
    body = "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 1001
    document = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    data = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": document.encode()})
    res = run([str(write(tmp_path / "many.docx", data))])
    assert_clean_exit(res, 2)
    assert "has 1,001 paragraphs, more than the limit of 1,000" in res.stderr
    assert "CLAIMCHECK_MAX_PARAGRAPHS" in res.stderr


def test_docx_paragraphs_cost_linear_time() -> None:
    """20,000 one-letter paragraphs took 17 s: python-docx looked the default style up each time."""
    import time

    import docx

    def load(n: int) -> float:
        document = docx.Document()
        for _ in range(n):
            document.add_paragraph("x")
        buf = io.BytesIO()
        document.save(buf)
        start = time.perf_counter()
        from claimcheck.loaders import load_bytes

        load_bytes(buf.getvalue(), "a.docx")
        return time.perf_counter() - start

    small, big = load(500), load(2_000)
    assert big <= 10 * small + 0.3, f"{big:.2f}s for 2,000 paragraphs, {small:.2f}s for 500"
