"""The quotations of one version of a draft, as the extractor finds them.

A quotation is what ``verify`` would check as a quote (a split quotation is
one, its parts joined by an ellipsis; each quoted part of a mixed quote is
one), with its words folded the way ``verify`` compares them: case, curly or
straight marks, dashes, emphasis, line breaks and spacing are typography.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.extract import extract
from claimcheck.loaders.documents import Document
from claimcheck.models import Ledger, Speaker, StatementRef
from claimcheck.text import fold
from claimcheck.verify import statements


@dataclass(frozen=True)
class Quotation:
    ref: StatementRef  # where it is, its words as checked, its speaker as resolved
    keys: tuple[str, ...]  # folded words: what "word for word" compares
    words: tuple[str, ...]  # the same words as written, for the diff
    person: Speaker | None  # the speaker with the aliases this version knows
    claim_id: str
    breaks: frozenset[int]  # word indices where a quoted part starts after an ellipsis

    @property
    def key(self) -> str:
        return " ".join(self.keys)


def quotations(document: Document) -> list[Quotation]:
    ledger = extract(document)
    people = {s.name: s for s in ledger.speakers}
    out: list[Quotation] = []
    for ref in statements.from_ledger(document, ledger, "quotes"):
        f = fold(ref.text)
        if not f.words:
            continue
        keys = tuple(w.text for w in f.words)
        words = tuple(f.original(w.start, w.end) for w in f.words)
        breaks = frozenset(
            i
            for i in range(1, len(f.words))
            if "..." in f.text[f.words[i - 1].end : f.words[i].start]
        )
        person = people.get(ref.speaker) if ref.speaker else None
        out.append(Quotation(ref, keys, words, person, _claim_id(ledger, ref, document), breaks))
    return out


def _claim_id(ledger: Ledger, ref: StatementRef, document: Document) -> str:
    for claim in ledger.claims:
        if ref.start is not None and claim.start <= ref.start < claim.end:
            return claim.id
    return f"{document.stem}:{ref.line}:{ref.column}"
