"""The format readers: what each keeps and drops, and that offsets stay exact."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.errors import InputError
from claimcheck.loaders import Document, from_text, load, load_bytes

DATA = Path(__file__).resolve().parent / "data" / "loaders"
# CLAIMCHECK_FUZZ=20000 python -m pytest tests/test_loaders.py -k fuzz: a long fuzz run.
FUZZ = int(os.environ.get("CLAIMCHECK_FUZZ", "300"))


def assert_consistent(doc: Document) -> None:
    assert len(doc.view) == len(doc.text)
    for b in doc.blocks:
        assert 0 <= b.start < b.end <= len(doc.text)
        assert doc.view[b.start : b.end].strip()
    starts = [b.start for b in doc.blocks]
    assert starts == sorted(starts)


def block_texts(doc: Document, view: bool = False) -> list[tuple[str, str]]:
    source = doc.view if view else doc.text
    return [(b.kind, " ".join(source[b.start : b.end].split())) for b in doc.blocks]


# ---------------------------------------------------------------- markdown


def test_markdown_blocks_and_title() -> None:
    doc = load(DATA / "article.md")
    assert_consistent(doc)
    assert doc.format == "md" and doc.title == "Talks in Vientiane"
    assert doc.text == (DATA / "article.md").read_bytes().decode("utf-8")
    assert [k for k, _ in block_texts(doc)] == [
        "heading",
        "paragraph",
        "blockquote",
        "list-item",
        "list-item",
        "heading",
    ]


def test_markdown_view_blanks_markup_not_prose() -> None:
    doc = load(DATA / "article.md")
    texts = dict((t.split()[0], t) for _, t in block_texts(doc, view=True))
    assert texts["India"] == ("India and Japan are strengthening their defence relationship .")
    assert texts["“It"] == (
        "“It was not just to counter China,” Das said. She added that the pact was provisional ."
    )
    assert texts["Lee"] == "Lee said the deal would be signed in 2025 ."
    assert texts["A"] == "A second item *with escapes * & entities."
    for hidden in ("https://", "print(", "editor:", "tags:", "```", "#", "**", "> She"):
        assert hidden not in doc.view


def test_markdown_offsets_point_into_the_original() -> None:
    raw = (DATA / "article.md").read_bytes().decode("utf-8").replace("\n", "\r\n")
    doc = load_bytes(raw.encode("utf-8"), "a.md")
    assert doc.text == raw
    quote = raw.index("“It was")
    assert any(b.start == quote for b in doc.blocks)
    assert doc.line_col(quote) == (9, 3)


def test_markdown_first_h1_is_the_title_without_front_matter() -> None:
    doc = from_text("Intro line.\n\n# The *real* title\n\n# Second\n", "a.md", "md")
    assert doc.title == "The real title"


def test_markdown_thematic_break_is_not_front_matter() -> None:
    doc = from_text("---\n\nAna said it.\n\n---\n\nLee said no.\n", "a.md", "md")
    assert [t for _, t in block_texts(doc)] == ["Ana said it.", "Lee said no."]


def test_markdown_unclosed_fence_warns_and_hides_code() -> None:
    doc = from_text("Ana said it.\n\n```\nDas said code.\n", "a.md", "md")
    assert [t for _, t in block_texts(doc)] == ["Ana said it."]
    assert any("line 3 is never closed" in w for w in doc.warnings)


# ---------------------------------------------------------------- html


def test_html_article_text_only() -> None:
    doc = load(DATA / "page.html")
    assert_consistent(doc)
    assert doc.title == "India and Japan deepen defence ties"
    assert block_texts(doc) == [
        ("heading", "Defence ties deepen"),
        ("paragraph", "India and Japan are strengthening their defence relationship."),
        ("paragraph", "Das said the pact was “not just to counter China”, and added more."),
        ("blockquote", "“We are close,” Lee said."),
        ("caption", "Das speaks, Monday."),
        ("list-item", "First point"),
        ("list-item", "Second point"),
        ("paragraph", "Broken markup here still reads."),
    ]
    hidden = ("Home", "Related", "NASAMS", "script said", "Subscribe", "Copyright", "Share")
    for furniture in hidden:
        assert furniture not in doc.text


def test_html_furniture_class_on_a_wrapper_keeps_the_article() -> None:
    page = b'<article><div class="share-enabled body"><p>Ana said it.</p></div></article>'
    assert load_bytes(page, "a.html").text == "Ana said it."


def test_html_text_is_blocks_joined_by_blank_lines() -> None:
    doc = load_bytes(b"<p>One.</p><p>Two <q>in <q>nested</q></q>.</p>", "a.html")
    assert doc.text == "One.\n\nTwo “in ‘nested’”."
    assert doc.line_col(doc.blocks[1].start) == (3, 1)


def test_html_without_article_reads_body_and_h1_title() -> None:
    doc = load_bytes(b"<nav>Menu</nav><h1>Head</h1><div>Text<br>more</div>", "a.htm")
    assert doc.title == "Head"
    assert [t for _, t in block_texts(doc)] == ["Head", "Text", "more"]


def test_html_declared_charset_is_honoured() -> None:
    page = '<meta charset="windows-1252"><p>He said “no”.</p>'.encode("cp1252")
    doc = load_bytes(page, "a.html")
    assert doc.text == "He said “no”."
    assert doc.warnings


def test_html_absurd_nesting_is_refused_quickly() -> None:
    with pytest.raises(InputError, match="nests more than"):
        load_bytes(b"<div>" * 20_000, "a.html")


@pytest.mark.parametrize(
    "page", [b"", b"<", b"</p></p>", b"<p <b>a</i> <<x </", b"<script>x", b"\x00<p>a\x00b"]
)
def test_html_garbage_never_crashes(page: bytes) -> None:
    assert_consistent(load_bytes(page, "a.html"))


# ---------------------------------------------------------------- docx


def make_docx() -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = ""
    document.add_heading("Defence ties deepen", 0)
    document.add_paragraph("“It was not just to counter China,” Das said.")
    document.add_paragraph("")
    document.add_heading("Background", 1)
    document.add_paragraph("Lee said the deal was close.", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cell one said yes."
    table.cell(0, 1).text = "Cell two."
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_tables_headings(tmp_path: Path) -> None:
    path = tmp_path / "story.docx"
    path.write_bytes(make_docx())
    doc = load(path)
    assert_consistent(doc)
    assert doc.format == "docx" and doc.title == "Defence ties deepen"
    assert block_texts(doc) == [
        ("heading", "Defence ties deepen"),
        ("paragraph", "“It was not just to counter China,” Das said."),
        ("heading", "Background"),
        ("list-item", "Lee said the deal was close."),
        ("paragraph", "Cell one said yes."),
        ("paragraph", "Cell two."),
    ]
    assert doc.text.split("\n\n")[1] == "“It was not just to counter China,” Das said."


def test_docx_with_a_damaged_part_is_invalid() -> None:
    import zipfile

    data = make_docx()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as out:
        for info in src.infolist():
            body = src.read(info.filename)
            out.writestr(info, b"<w:document" if info.filename == "word/document.xml" else body)
    with pytest.raises(InputError, match=r"is not a valid \.docx"):
        load_bytes(buf.getvalue(), "x.docx")


# ---------------------------------------------------------------- text, encodings, files


def test_text_blocks_handle_every_line_ending() -> None:
    doc = from_text("One said.\r\n\r\nTwo said.\r\rThree.\u2028Four.\u2029\u2029Five.\n")
    assert [t for _, t in block_texts(doc)] == [
        "One said.",
        "Two said.",
        "Three.",
        "Four.",
        "Five.",
    ]
    assert doc.line_col(doc.text.index("Two")) == (3, 1)
    assert doc.line_col(doc.text.index("Three")) == (5, 1)


def test_nul_bytes_stay_in_text_and_leave_the_view() -> None:
    doc = load_bytes(b"Ana\x00 said it.", "n.txt")
    assert doc.text == "Ana\x00 said it." and doc.view == "Ana  said it."


def test_utf8_bom_is_not_text() -> None:
    doc = load_bytes(b"\xef\xbb\xbfHi.", "a.txt")
    assert doc.text == "Hi."


def test_unknown_suffix_is_read_as_text_when_it_decodes() -> None:
    assert load_bytes(b"Ana said it.", "notes.rst").format == "txt"
    with pytest.raises(InputError, match="looks like JPEG"):
        load_bytes(b"\xff\xd8\xff\xe0junk", "photo.rst")


def test_read_errors_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    cases = {
        tmp_path / "missing.txt": "no such file",
        tmp_path: "is a directory",
        tmp_path / "loop": "symbolic link loop",
        tmp_path / "dangling.txt": "broken symbolic link",
    }
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.txt")
        cases[tmp_path / "pipe.txt"] = "not a regular file"
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(2 * 2**30)  # sparse: no disk used
    cases[huge] = "is too large"
    for path, what in cases.items():
        with pytest.raises(InputError, match=what) as info:
            load(path)
        assert "\n" not in info.value.one_line()
    with pytest.raises(InputError, match="NUL byte"):
        load("bad\x00name.txt")


# ---------------------------------------------------------------- properties


@settings(max_examples=FUZZ, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(), fmt=st.sampled_from(["a.txt", "a.md", "a.html", "a.docx", "a"]))
def test_fuzz_any_text_loads_or_fails_cleanly(text: str, fmt: str) -> None:
    try:
        doc = load_bytes(text.encode("utf-8", "surrogatepass"), fmt)
    except InputError:
        return
    assert_consistent(doc)


SOUP = [
    *'ab *_`[]()<>!#-\n\r\t&;\\"“”‘’~|=:1',
    *["```", "---\n", "<!--", "-->", "<p>", "</p>", "<q>", "<script>", "&amp;", "\x00"],
    *["\u2028", "title: x\n", "    ", "> ", "- ", "1. ", "Das said", "Ana Ruiz told us", "."],
]


@settings(max_examples=FUZZ, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(SOUP), max_size=60), st.sampled_from(["a.md", "a.html", "a.txt"]))
def test_fuzz_markup_soup_loads_and_extracts(pieces: list[str], name: str) -> None:
    from claimcheck.extract import extract

    text = "".join(pieces)
    try:
        doc = load_bytes(text.encode("utf-8"), name)
    except InputError:
        return
    assert_consistent(doc)
    if name != "a.html":
        assert doc.text == text
    for claim in extract(doc).claims:
        assert doc.text[claim.start : claim.end] == claim.text


@settings(max_examples=FUZZ, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300), st.sampled_from(["a.md", "a.html", "a.txt", "a.docx"]))
def test_fuzz_any_bytes_load_or_fail_cleanly(data: bytes, name: str) -> None:
    try:
        doc = load_bytes(data, name)
    except InputError as err:
        assert "\n" not in err.one_line()
        return
    assert_consistent(doc)


def test_html_declared_latin1_reads_as_browsers_do() -> None:
    """iso-8859-1 means windows-1252 on the web: 0x93/0x94 are curly quotes, not C1 controls."""
    page = b'<meta charset="iso-8859-1"><p>He said \x93no\x94.</p>'
    doc = load_bytes(page, "l.html")
    assert doc.text == "He said “no”."
    assert "read as windows-1252" in doc.warnings[0]
