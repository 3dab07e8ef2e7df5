"""Hypothesis strategies for the fuzz harness: hostile text, bytes in every format, statement files.

Text mixes the words and marks attribution rules look at with what breaks
parsers: every kind of blank in runs, control characters, line and paragraph
separators, combining marks, quotation marks of every family. Files are built
valid and then damaged, so the loaders' deep paths are reached as well as their
refusals.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile

import yaml
from hypothesis import strategies as st

WORDS = [
    "“", "”", '"', "‘", "’", "'", "«", "»", "„", ",", ".", "?", "!", ":", ";", "—", "–",
    " -- ", "(", ")", "[", "]", " ", "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "\u2009",
    "\u3000", "\u2028", "\u2029", "\x0b", "\x0c", "\x00", "\x01", "\x1b", "\x85", "\ufeff",
    "\u200b", "e\u0301", "Das", "Lee", "Dr.", "Ana Ruiz", "Mr.", "U.S.", "Jan.", "She", "he",
    "They", "it", "I", "said", "says", "told", "added", "noted", "argued", "according to",
    "tweeted", "wrote", "that", "and", "but", "as", "of", "the", "a", "The ministry",
    "the minister", "a spokesperson", "We will appeal", "not", "never", "2.5%", "46 percent",
    "WASHINGTON (AP) — ", "PENCE:", "By Ana Ruiz", "who", "citing", "in an interview",
    "Photo:", "#", "*", "_", "`", "```", "> ", "- ", "1. ", "|", "<b>", "</b>", "&amp;",
]  # fmt: skip

BLANKS = [" ", "\t", "\u00a0", "\u2009", "\u3000", "\x0b", "\n", "\u2028", "\r\n"]

# A run of one blank, 1 to 3,000 long: the shape that once cost cubic time.
blank_runs = st.builds(lambda b, n: b * n, st.sampled_from(BLANKS), st.integers(1, 3_000))

# Drawn short, not filtered short: a filter on blank_runs rejected 4 draws in 10
# and made half the loader inputs "invalid" in a 25,000-input run.
short_blank_runs = st.builds(lambda b, n: b * n, st.sampled_from(BLANKS), st.integers(1, 39))

newsy = st.lists(st.one_of(st.sampled_from(WORDS), short_blank_runs), max_size=80).map("".join)

texts = st.one_of(
    newsy,
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(WORDS), blank_runs), max_size=12).map("".join),
)


# ---------------------------------------------------------------- files


TAGS = [
    "p", "div", "article", "main", "section", "h1", "h2", "li", "ul", "blockquote", "q",
    "em", "b", "a", "span", "table", "tr", "td", "caption", "figure", "figcaption", "nav",
    "aside", "script", "style", "pre", "br", "header", "footer", "title", "template", "svg",
    "math", "noscript", "iframe", "select",
]  # fmt: skip
HTML_BITS = [
    "<!DOCTYPE html>", "<?php echo 1 ?>", "<?xml version='1.0'?>", "<!-- c -->", "<![CDATA[x]]>",
    "&nbsp;", "&#0;", "&#x110000;", "&#xD800;", "&amp;", "&", "<", ">", "</", "<<", "<p/>",
    '<meta charset="base64">', '<meta charset="windows-1252">', '<meta charset="utf-16">',
    '<div class="share">', '<div id="related">', "<p hidden>", '<a href="javascript:x">',
]  # fmt: skip


@st.composite
def html(draw: st.DrawFn) -> bytes:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append(f"<{draw(st.sampled_from(TAGS))}>")
        elif kind == 1:
            parts.append(f"</{draw(st.sampled_from(TAGS))}>")
        elif kind == 2:
            parts.append(draw(st.sampled_from(HTML_BITS)))
        else:
            parts.append(draw(newsy))
    text = "".join(parts)
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]))
    return text.encode(encoding, "replace")


MD_BITS = [
    "# ", "## ", "```\n", "~~~\n", "    code\n", "> ", "- ", "* ", "1. ", "[a](b)", "![i](x)",
    "<div>", "</div>", "<!-- ", " -->", "---\n", "| a | b |\n|---|---|\n", "\\", "*", "_",
    "`", "[", "]", "(", ")", "<http://x>", "&amp;", "\n\n",
]  # fmt: skip

markdown = st.lists(st.one_of(st.sampled_from(MD_BITS), newsy), max_size=30).map("".join)


def _xml_text(text: str) -> str:
    # python-docx refuses what XML cannot hold; the loader's bytes path is fuzzed below.
    return "".join(ch for ch in text if ch in "\t\n\r" or (ch >= " " and ch not in "\ufffe\uffff"))


@st.composite
def docx(draw: st.DrawFn) -> bytes:
    import docx as python_docx

    document = python_docx.Document()
    for _ in range(draw(st.integers(0, 8))):
        style = draw(st.sampled_from([None, "Heading 1", "Title", "Quote", "List Bullet"]))
        document.add_paragraph(_xml_text(draw(newsy)), style=style)
    if draw(st.booleans()):
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text = _xml_text(draw(newsy))
        table.cell(0, 0).merge(table.cell(0, 1))
    buf = io.BytesIO()
    document.save(buf)
    data = buf.getvalue()
    how = draw(st.integers(0, 3))
    if how == 1:  # flip bytes somewhere in the zip
        data = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        data = bytes(data)
    elif how == 2:  # cut it short
        data = data[: draw(st.integers(0, len(data)))]
    elif how == 3:  # replace the document part with damaged XML
        data = _replace_part(data, "word/document.xml", draw(st.binary(max_size=200)))
    return data


def _replace_part(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, content if info.filename == name else src.read(info))
    return out.getvalue()


SUFFIXES = [".txt", ".md", ".html", ".docx", ".htm", ".markdown", ".xhtml", ".unknown"]


@st.composite
def any_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """(file name, bytes): well-formed or damaged, in every format, or any bytes at all."""
    suffix = draw(st.sampled_from(SUFFIXES))
    maker = {
        ".html": html(),
        ".htm": html(),
        ".xhtml": html(),
        ".docx": docx(),
        ".md": markdown.map(lambda t: t.encode("utf-8", "surrogatepass")),
        ".markdown": markdown.map(lambda t: t.encode("utf-8", "surrogatepass")),
    }.get(suffix, texts.map(lambda t: t.encode("utf-8", "surrogatepass")))
    data = draw(st.one_of(maker, st.binary(max_size=400), maker))
    if draw(st.integers(0, 9)) == 0:
        bom = draw(
            st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"])
        )
        data = bom + data
    return "f" + suffix, data


# ---------------------------------------------------------------- statement files

_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), texts, st.text(max_size=20)
)
_values = st.recursive(
    _scalar,
    lambda kids: (
        st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=5), kids, max_size=3)
    ),
    max_leaves=8,
)
_row = st.one_of(
    st.fixed_dictionaries(
        {"text": texts}, optional={"speaker": _scalar, "id": _scalar, "extra": _values}
    ),
    _values,
)
_rows = st.lists(_row, max_size=6)

YAML_BITS = [
    "!!python/object/apply:os.system [x]", "!!binary AAAA", "&a [*a]", "*b", "? [x]\n: y",
    "!!set {a}", "!!omap [a: 1]", "%YAML 1.1\n---\n", "--- |\n  x", "'", '"\\ud800"', "[" * 40,
]  # fmt: skip


@st.composite
def statement_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """(name, bytes) of a YAML, JSON, JSON Lines or CSV statement file: valid, odd or broken."""
    fmt = draw(st.sampled_from(["yaml", "yml", "json", "jsonl", "csv"]))
    rows = draw(_rows)
    wrap = draw(st.booleans())
    if fmt in ("yaml", "yml"):
        text = yaml.safe_dump({"statements": rows} if wrap else rows, allow_unicode=True)
        if draw(st.booleans()):
            text += draw(st.sampled_from(YAML_BITS))
    elif fmt == "json":
        text = json.dumps({"statements": rows} if wrap else rows, ensure_ascii=draw(st.booleans()))
    elif fmt == "jsonl":
        text = "\n".join(json.dumps(r) for r in rows)
    else:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(draw(st.sampled_from([["text", "speaker"], ["speaker"], ["text"], []])))
        for r in rows:
            if isinstance(r, dict):
                writer.writerow([str(v) for v in r.values()])
        text = buf.getvalue()
    data = text.encode("utf-8", "surrogatepass")
    cut = draw(st.integers(0, 4))
    if cut == 0:
        data = data[: draw(st.integers(0, len(data)))]
    elif cut == 1:
        data = draw(st.binary(max_size=200)) + data
    return "s." + fmt, data
