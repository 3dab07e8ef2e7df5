"""The report as one JSON document (contracts.md §2); same input, same bytes."""

from __future__ import annotations

from claimcheck.models import Report, dump_json


def render(report: Report, color: bool = False) -> str:
    return dump_json(report)
