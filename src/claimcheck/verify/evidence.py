"""Evidence for a result: the source passage, where it is, who says it, what changed."""

from __future__ import annotations

from claimcheck.models import Change, SourceRef, Speaker
from claimcheck.verify.index import ClaimLookup, Entries
from claimcheck.verify.match import Edit, EntryMatch


def _line_col(text: str, line: int, column: int, offset: int) -> tuple[int, int]:
    """Line and column of ``offset`` inside a claim that starts at ``line:column``."""
    before = text[:offset]
    breaks = before.count("\n")
    if breaks == 0:
        return line, column + offset
    return line + breaks, offset - before.rfind("\n")


def source_ref(index: Entries, m: EntryMatch, speakers: list[str]) -> SourceRef:
    entry = index.entries[m.entry]
    claim, f = entry.claim, index.folded(m.entry)
    words = f.words
    passage = None
    line, column = claim.line, claim.column
    end_line, end_column = claim.end_line, claim.end_column
    if words and m.hi > m.lo:
        a, b = f.orig_start(words[m.lo].start), f.orig_end(words[m.hi - 1].end)
        passage = claim.text[a:b]
        line, column = _line_col(claim.text, claim.line, claim.column, a)
        end_line, end_column = _line_col(claim.text, claim.line, claim.column, b)
    return SourceRef(
        document=entry.document,
        claim_id=claim.id,
        text=claim.text,
        kind=claim.kind,
        speaker=claim.speaker,
        speakers=speakers,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        passage=passage,
    )


def speakers_of(index: ClaimLookup, matches: list[EntryMatch]) -> list[Speaker]:
    """Every distinct speaker the corpus gives these words, in corpus order."""
    out: dict[str, Speaker] = {}
    for m in sorted(matches, key=lambda x: x.entry):
        entry = index.entries[m.entry]
        name = entry.claim.speaker
        if name is None or name in out:
            continue
        known = [s for s in entry.speakers if s.name == name]
        out[name] = known[0] if known else Speaker(name=name)
    return list(out.values())


def change(edit: Edit) -> Change:
    op = edit.op if edit.op in ("replace", "delete", "insert") else "replace"
    return Change(op=op, source=" ".join(edit.source), statement=" ".join(edit.statement))  # type: ignore[arg-type]
