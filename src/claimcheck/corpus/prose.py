"""The searchable prose of a source document: what verify looks in beyond the claims.

The extractor can miss or cut a claim; the words are still in the document. Its
prose is the loader's blocks (not code, not captions) as the loader's ``view``
shows them (markup blanked), with the lines the extractor skipped (headlines,
datelines, related links) blanked too. Blanking, not cutting, keeps every
offset equal to the document's, so a passage found here points at the source
as written.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.loaders.documents import Document
from claimcheck.models import Claim, Skipped

# Never prose: program text, and a caption describes a picture, not what anyone said.
NOT_PROSE = frozenset({"code", "caption"})
# The rule of a passage's claim-shaped record: it is no claim, the extractor made none.
PASSAGE_RULE = "document-text"


def passage_id(stem: str, line: int) -> str:
    """``<stem>:<line>:text``: where document text no claim covers is, in a claim id's shape."""
    return f"{stem}:{line}:text"


def passages(document: Document, skipped: Sequence[Skipped] = ()) -> list[Claim]:
    """One record per prose block, in document order; blocks with no words are left out.

    A record is a ``Claim`` of kind narrative with no speaker, so the matching code
    reads passages and claims alike; its rule is ``document-text``.
    """
    out: list[Claim] = []
    for block in document.blocks:
        if block.kind in NOT_PROSE:
            continue
        chars = list(document.view[block.start : block.end])
        for skip in skipped:
            a, b = max(skip.start, block.start), min(skip.end, block.end)
            if a < b:
                chars[a - block.start : b - block.start] = " " * (b - a)
        text = "".join(chars)
        if text.isspace() or not any(ch.isalnum() for ch in text):
            continue
        line, column = document.line_col(block.start)
        end_line, end_column = document.line_col(block.end)
        out.append(
            Claim.model_construct(
                id=passage_id(document.stem, line),
                kind="narrative",
                text=text,
                start=block.start,
                end=block.end,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                speaker=None,
                rule=PASSAGE_RULE,
                form=None,
                verbatim=[],
                # Every list field given: a missing one costs pydantic an inspect.signature
                # of its default factory per record (30 s of CPU at 1k articles).
                speaker_alternatives=[],
            )
        )
    return out
