"""Is each output well-formed for its own grammar? Shared by the format tests and the fuzz harness.

- every format encodes as UTF-8 (no lone surrogate);
- JUnit is XML 1.0 that a strict parser (expat) reads;
- JSON, JSON Lines, SARIF and rdjson parse, and validate against their schemas
  (the report's own, generated from the models; SARIF 2.1.0; reviewdog's);
- GitHub workflow commands: one command a line, properties escaped so that a
  value never holds a raw ``,`` ``:`` CR or LF, and the escapes decode back;
- Markdown: every table row has the header's number of cells;
- no format but ``github`` prints a line that GitHub would run as a workflow
  command (a line starting ``::``): a draft must not be able to forge one.
"""

from __future__ import annotations

import functools
import json
import re
import xml.dom.minidom
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jsonschema

from claimcheck.ci import outputs
from claimcheck.models import Report, json_schema
from claimcheck.render import RENDERERS

SCHEMAS = Path(__file__).parent / "schemas"
FORMATS = outputs.FORMATS


@functools.cache
def _validator(name: str) -> Any:
    if name == "report":
        return jsonschema.Draft202012Validator(json_schema("report"))
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    cls = jsonschema.Draft7Validator if name.startswith("sarif") else jsonschema.Draft4Validator
    return cls(schema)


def render_all(report: Report, texts: Mapping[str, str]) -> dict[str, str]:
    base = {name: (lambda r, fn=fn: fn(r, False)) for name, fn in RENDERERS.items()}
    return {fmt: outputs.render(fmt, report, texts, base) for fmt in FORMATS}


def check(fmt: str, out: str) -> None:
    """Raise AssertionError (or the parser's error) when ``out`` breaks ``fmt``'s grammar."""
    out.encode("utf-8")
    if fmt != "github":
        # The runner reads its log by lines ending in LF, CR or CRLF (not U+2028).
        forged = [ln for ln in re.split(r"\r\n?|\n", out) if ln.lstrip().startswith("::")]
        assert not forged, f"{fmt}: a line GitHub would run as a command: {forged[0]!r}"
    CHECKS[fmt](out)


# What a terminal obeys: C0 controls but tab and newline, DEL, C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _text(out: str) -> None:
    # Uncoloured text goes to a person's terminal or a CI log: a draft's escape
    # sequence must arrive written out, never obeyed.
    bad = _CONTROL.search(out)
    assert bad is None, f"text: control character {bad.group()!r} at {bad.start()}"


def _json(out: str) -> None:
    _validator("report").validate(json.loads(out))


def _lines(out: str) -> list[str]:
    # JSON Lines end at LF; U+2028 or U+0085 inside a string is JSON, not a line break.
    return [ln for ln in out.split("\n") if ln]


def _jsonl(out: str) -> None:
    for line in _lines(out):
        assert isinstance(json.loads(line), dict)


def _sarif(out: str) -> None:
    _validator("sarif-schema-2.1.0.json").validate(json.loads(out))


def _rdjson(out: str) -> None:
    _validator("rdf-DiagnosticResult.json").validate(json.loads(out))


def _rdjsonl(out: str) -> None:
    for line in _lines(out):
        _validator("rdf-Diagnostic.json").validate(json.loads(line))


def _junit(out: str) -> None:
    xml.dom.minidom.parseString(out.encode("utf-8"))  # expat: XML 1.0, strict


_COMMAND = re.compile(r"::(error|warning|notice)(?: ([^:]*))?::(.*)")
_PROPERTY = re.compile(r"([A-Za-z]+)=([^,:\r\n]*)")


def unescape(value: str) -> str:
    return re.sub(r"%(25|0D|0A|3A|2C)", lambda m: chr(int(m.group(1), 16)), value)


def _github(out: str) -> None:
    assert out == "" or out.endswith("\n")
    for line in out[:-1].split("\n") if out else []:
        assert "\r" not in line, repr(line)
        m = _COMMAND.fullmatch(line)
        assert m is not None, f"not a workflow command: {line!r}"
        for prop in (m.group(2) or "").split(","):
            assert _PROPERTY.fullmatch(prop), f"badly escaped property {prop!r} in {line!r}"
        assert not re.search(r"%(?!25|0D|0A|3A|2C)", m.group(3)), line


def _markdown(out: str) -> None:
    rows = [ln for ln in out.split("\n") if ln.startswith("|")]
    if not rows:
        return
    width = _cells(rows[0])
    for row in rows:
        assert _cells(row) == width, f"row of {_cells(row)} cells, header {width}: {row!r}"


def _cells(row: str) -> int:
    return len(re.findall(r"(?<!\\)(?:\\\\)*\|", row)) - 1


CHECKS = {
    "text": _text,
    "json": _json,
    "jsonl": _jsonl,
    "github": _github,
    "sarif": _sarif,
    "rdjson": _rdjson,
    "rdjsonl": _rdjsonl,
    "junit": _junit,
    "markdown": _markdown,
}
