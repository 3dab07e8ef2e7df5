"""JUnit XML: one ``<testsuite>`` per draft, one ``<testcase>`` per statement.

Errors are ``<failure>``; warnings pass but say so in ``<system-out>``;
suppressed statements are ``<skipped>``. xml.etree does the escaping; the
characters XML 1.0 cannot hold at all become U+FFFD.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from claimcheck.catalogue import is_notice, rule_of
from claimcheck.models import Report, Result

# Outside XML 1.0's Char production: C0 controls but tab, LF and CR; lone surrogates;
# U+FFFE and U+FFFF.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _case(suite: ET.Element, r: Result) -> None:
    s = r.statement
    who = f" — {s.speaker}" if s.speaker else ""
    case = ET.SubElement(
        suite,
        "testcase",
        name=f"{s.line}:{s.column} “{s.text}”{who}",
        classname=s.path,
        file=s.path,
        line=str(s.line),
    )
    rule = rule_of(r)
    detail = r.message
    if r.source is not None:
        src = r.source
        detail += f"\nSource: {src.document}:{src.line}: {src.passage or src.text}"
    if r.suppressed:
        ET.SubElement(case, "skipped", message=f"suppressed: {r.suppression_reason or 'no reason'}")
    elif r.severity == "error":
        failure = ET.SubElement(case, "failure", message=r.message, type=rule)
        failure.text = detail
    elif r.severity == "warning":
        ET.SubElement(case, "system-out").text = f"warning [{rule}]: {detail}"


def render(report: Report) -> str:
    by_path: dict[str, list[Result]] = defaultdict(list)
    for r in report.results:
        by_path[r.statement.path].append(r)
    root = ET.Element("testsuites", name="claimcheck")
    total = failed = skipped = 0
    for path in sorted(by_path):
        results = sorted(by_path[path], key=lambda r: (r.statement.line, r.statement.column))
        fails = sum(1 for r in results if r.severity == "error" and not r.suppressed)
        skips = sum(1 for r in results if r.suppressed)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=path,
            tests=str(len(results)),
            failures=str(fails),
            errors="0",
            skipped=str(skips),
        )
        for r in results:
            _case(suite, r)
        total, failed, skipped = total + len(results), failed + fails, skipped + skips
    run_errors = [e for e in report.errors if not is_notice(e)]
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", str(len(run_errors)))
    root.set("skipped", str(skipped))
    if run_errors:
        suite = ET.SubElement(root, "testsuite", name="claimcheck run", tests="1")
        suite.set("failures", "0")
        suite.set("errors", str(len(run_errors)))
        case = ET.SubElement(suite, "testcase", name="run", classname="claimcheck")
        for e in run_errors:
            ET.SubElement(case, "error", message=e.message, type=e.code).text = e.path or ""
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    # ElementTree escapes markup but writes control characters as they are, and XML 1.0
    # has no way to write most of them, not even as &#x0B;. They can only be drafts'
    # and sources' text (never markup), so each becomes U+FFFD.
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + NOT_XML.sub("\ufffd", body) + "\n"
