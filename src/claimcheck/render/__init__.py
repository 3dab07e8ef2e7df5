"""One module per output format; each ``render(report, color) -> str`` is deterministic.

``RENDERERS`` is the whole dispatch: a new format is one module and one entry.
"""

from __future__ import annotations

from collections.abc import Callable

from claimcheck.models import Report
from claimcheck.render import json, jsonl, text

Renderer = Callable[[Report, bool], str]

RENDERERS: dict[str, Renderer] = {
    "text": text.render,
    "json": json.render,
    "jsonl": jsonl.render,
}
