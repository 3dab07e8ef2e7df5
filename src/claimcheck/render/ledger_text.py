"""A ledger as a table a person can review line by line."""

from __future__ import annotations

import textwrap

from claimcheck.models import Ledger
from claimcheck.render.words import visible

_WIDTH = 100


def render_ledger(ledger: Ledger) -> str:
    out: list[str] = []
    doc = ledger.document
    out.append(f"# {doc.path}" + (f" — {doc.title}" if doc.title else ""))
    out.append("")
    out.append("Speakers:")
    if not ledger.speakers:
        out.append("  (none)")
    for sp in ledger.speakers:
        role = f" — {sp.role}" if sp.role else ""
        aliases = f" (also: {', '.join(sp.aliases)})" if sp.aliases else ""
        out.append(f"  {sp.name}{role}{aliases}")
    out.append("")
    out.append(f"Claims ({len(ledger.claims)}):")
    for c in ledger.claims:
        who = c.speaker or "—"
        cue = f" [{c.cue.text}]" if c.cue else ""
        stance = f" ({c.stance})" if c.stance and c.stance != "assert" else ""
        head = f"  {c.line:>4}  {c.kind:<9} {who}{cue}{stance}  ·{c.rule}"
        if c.reviewed:
            head += "  ✔reviewed"
        out.append(head)
        body = " ".join(c.text.split())
        for row in textwrap.wrap(body, _WIDTH - 10) or [""]:
            out.append(f"          {row}")
    out.append("")
    out.append(f"Skipped ({len(ledger.skipped)}):")
    for s in ledger.skipped:
        out.append(f"  {s.line:>4}  {s.reason:<14} {' '.join(s.text.split())[:70]}")
    return visible("\n".join(out)) + "\n"
