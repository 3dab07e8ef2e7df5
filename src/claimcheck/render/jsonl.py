"""One result per line, in report order: easy to stream, grep and append.

Run problems are not results; they go to stderr (and to ``--format json``).
"""

from __future__ import annotations

from claimcheck.models import Report, dump_jsonl


def render(report: Report, color: bool = False) -> str:
    return "".join(dump_jsonl(r) + "\n" for r in report.results)
