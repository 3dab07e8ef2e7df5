"""Deliberate removals: a quotation the edited version may drop.

In the edited draft, an HTML comment (invisible when Markdown or HTML renders,
reviewed in the same diff as the removal itself)::

    <!-- claimcheck-removed: We will deploy submarines -- the minister withdrew it -->

or, where a comment cannot go (a .docx, a pipeline), ``--allow-removed TEXT``
(``allow_removed=`` in Python). Either names the quotation by its first words,
folded as guard compares them: at least four words, or all of a shorter one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from claimcheck.text import fold_key

MIN_WORDS = 4
_MARKER = re.compile(
    r"<!--\s*claimcheck-removed\b:?(?P<words>.*?)(?:\s--\s*(?P<reason>.*?))?\s*-->", re.DOTALL
)


@dataclass(frozen=True)
class Removal:
    key: str  # folded first words
    reason: str


def declared(text: str) -> list[Removal]:
    """The removals the edited version declares in ``claimcheck-removed`` comments."""
    out: list[Removal] = []
    for m in _MARKER.finditer(text):
        key = fold_key(m["words"])
        if key:
            reason = " ".join((m["reason"] or "").split()) or "no reason given"
            out.append(Removal(key, f"declared removed: {reason}"))
    return out


def allowed(texts: Iterable[str]) -> list[Removal]:
    return [Removal(k, "declared removed: --allow-removed") for t in texts if (k := fold_key(t))]


def declaring(removals: Iterable[Removal], key: str) -> Removal | None:
    """The removal that names the quotation with folded words ``key``, if any."""
    for r in removals:
        if key == r.key or (key.startswith(r.key + " ") and len(r.key.split()) >= MIN_WORDS):
            return r
    return None
