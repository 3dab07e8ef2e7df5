"""Golden files for every CI format, and the formats' own schemas."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ci_report import draft_texts, make_report
from claimcheck.render import github, junit, markdown, rdjson, sarif

SCHEMAS = Path(__file__).parent / "schemas"


def _schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return schema


@pytest.mark.parametrize(
    ("name", "ext"),
    [
        ("github", ".txt"),
        ("markdown", ".md"),
        ("sarif", ".sarif"),
        ("rdjson", ".json"),
        ("rdjsonl", ".jsonl"),
        ("junit", ".xml"),
    ],
)
def test_golden(name: str, ext: str, file_regression: Any) -> None:
    report, texts = make_report(), draft_texts()
    out = {
        "github": lambda: github.render(report),
        "markdown": lambda: markdown.render(report),
        "sarif": lambda: sarif.render(report),
        "rdjson": lambda: rdjson.render(report, texts),
        "rdjsonl": lambda: rdjson.render_lines(report, texts),
        "junit": lambda: junit.render(report),
    }[name]()
    file_regression.check(out, extension=ext, basename=f"ci_{name}")


def test_sarif_validates_against_official_schema() -> None:
    doc = json.loads(sarif.render(make_report()))
    jsonschema.Draft7Validator(_schema("sarif-schema-2.1.0.json")).validate(doc)


def test_sarif_carries_what_code_scanning_needs() -> None:
    run = json.loads(sarif.render(make_report()))["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    for rule in run["tool"]["driver"]["rules"]:
        assert {"id", "name", "shortDescription", "fullDescription", "help"} <= set(rule)
    first = run["results"][0]
    assert first["ruleId"] == "missing" or first["level"] == "error"
    misquote = next(r for r in run["results"] if r["ruleId"] == "negation-changed")
    assert misquote["partialFingerprints"] == {"claimcheck/v1": "a1f0c0de00000001"}
    assert misquote["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    fix = misquote["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["insertedContent"]["text"] == "It was not just to counter China"


def test_rdjson_validates_against_reviewdog_schema() -> None:
    texts = draft_texts()
    doc = json.loads(rdjson.render(make_report(), texts))
    jsonschema.Draft4Validator(_schema("rdf-DiagnosticResult.json")).validate(doc)
    diag = _schema("rdf-Diagnostic.json")
    for line in rdjson.render_lines(make_report(), texts).splitlines():
        jsonschema.Draft4Validator(diag).validate(json.loads(line))


def test_rdjson_columns_are_utf8_bytes() -> None:
    report, texts = make_report(), draft_texts()
    doc = json.loads(rdjson.render(report, texts))
    diag = next(d for d in doc["diagnostics"] if d["code"]["value"] == "negation-changed")
    line = texts["drafts/india-japan.md"].splitlines()[2]
    start = diag["location"]["range"]["start"]["column"]
    end = diag["location"]["range"]["end"]["column"]
    raw = line.encode("utf-8")
    assert raw[start - 1 : end - 1].decode("utf-8") == "It was just to counter China"
    assert diag["suggestions"][0]["text"] == "It was not just to counter China"


def test_junit_one_suite_per_draft_one_case_per_statement() -> None:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(junit.render(make_report()))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["drafts/india-japan.md", "drafts/notes.md"]
    assert len(suites[0].findall("testcase")) == 7
    assert len(root.findall(".//failure")) == 3
    assert len(root.findall(".//skipped")) == 1


def test_github_escapes_messages_and_properties() -> None:
    assert github.escape_data("100% a\r\nb") == "100%25 a%0D%0Ab"
    assert github.escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_errors_first_and_caps_counted() -> None:
    report = make_report()
    many = [
        r.model_copy(update={"id": f"x{i}", "suppressed": False})
        for i in range(4)
        for r in report.results
        if r.severity == "error"
    ]
    big = report.model_copy(update={"results": many + list(report.results)})
    lines = github.render(big).splitlines()
    assert all(line.startswith("::error ") for line in lines[:10])
    assert lines[-1].startswith("::notice title=claimcheck::")
    assert "5 more errors" in lines[-1]
    assert sum(1 for line in lines if line.startswith("::error ")) == 10


def test_markdown_cells_cannot_break_the_table() -> None:
    assert markdown.cell("a|b\nc <b>") == "a\\|b c &lt;b&gt;"


def test_sarif_keeps_suppressed_results_as_suppressed() -> None:
    run = json.loads(sarif.render(make_report()))["runs"][0]
    (hit,) = [r for r in run["results"] if "suppressions" in r]
    assert hit["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "the archive copy has a typo"}
    ]


@settings(deadline=None)  # a slow CI machine must not turn a pure function flaky
@given(st.text())
def test_github_escaping_round_trips(text: str) -> None:
    def unescape(s: str) -> str:
        for a, b in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
            s = s.replace(a, b)
        return s

    prop = github.escape_property(text)
    assert not set(prop) & set(":,\r\n")
    assert unescape(prop) == text
    assert "\n" not in github.escape_data(text)


def test_markdown_table_stops_early_and_says_so() -> None:
    out = markdown.render(make_report(), max_rows=2)
    assert out.count("| ❌ error |") == 2
    assert "…and 4 more; see the log or the JSON report." in out
