"""Ledgers at a glance: one row per article (claims by kind, the main speakers).

What ``claimcheck extract corpus/`` prints with no ``--format``: the first thing
a person tries, so it says what was found and how to go further.
"""

from __future__ import annotations

import shlex
from collections import Counter

from claimcheck.models import Ledger
from claimcheck.render.words import count, visible

_SPEAKERS = 3


def _speakers(ledger: Ledger) -> str:
    said = Counter(c.speaker for c in ledger.claims if c.speaker)
    top = [name for name, _ in sorted(said.items(), key=lambda kv: (-kv[1], kv[0]))]
    shown = visible(", ".join(top[:_SPEAKERS]))
    return shown + (f" +{len(top) - _SPEAKERS} more" if len(top) > _SPEAKERS else "")


def render_summary(ledgers: list[Ledger], hint_path: str) -> str:
    header = (
        "article",
        "claims",
        "quotes",
        "reported",
        "narrative",
        "speakers (most claims first)",
    )
    rows = [header]
    totals: Counter[str] = Counter()
    for ledger in ledgers:
        kinds = Counter(c.kind for c in ledger.claims)
        totals.update(kinds)
        rows.append(
            (
                visible(ledger.document.path),
                str(len(ledger.claims)),
                str(kinds["quote"]),
                str(kinds["indirect"]),
                str(kinds["narrative"]),
                _speakers(ledger) or "—",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(header) - 1)]
    out = []
    for row in rows:
        cells = [
            row[i].ljust(widths[i]) if i == 0 else row[i].rjust(widths[i])
            for i in range(len(widths))
        ]
        out.append("  ".join([*cells, row[-1]]).rstrip())
    speakers = len({c.speaker for ledger in ledgers for c in ledger.claims if c.speaker})
    out.append("")
    out.append(
        f"{count(len(ledgers), 'article')}, {count(sum(totals.values()), 'claim')} "
        f"({count(totals['quote'], 'quote')}, {totals['indirect']} reported, "
        f"{totals['narrative']} narrative), {count(speakers, 'speaker')}"
    )
    # A command to copy: a path with a space or a quote in it is quoted for the shell.
    first = shlex.quote(ledgers[0].document.path) if ledgers else hint_path
    hints = [
        (f"claimcheck extract {visible(first)} --format text", "one article's claims, to review"),
        (f"claimcheck extract {visible(hint_path)} --out claims/", "write the ledgers verify uses"),
    ]
    pad = max(len(cmd) for cmd, _ in hints)
    out += ["", "Next:", *(f"  {cmd.ljust(pad)}  # {why}" for cmd, why in hints)]
    return "\n".join(out) + "\n"
