"""A ``Pair`` as the report's ``Result``: the edited quotation is the statement, the
earlier one its source, so every format shows the edit as a misquote of the earlier
version (the same rules, word diff and suggested fix ``verify`` gives).
"""

from __future__ import annotations

import hashlib
from difflib import SequenceMatcher

from claimcheck.guard.pairing import Pair, same_speaker
from claimcheck.guard.quotations import Quotation
from claimcheck.models import Attribution, Flag, Result, SourceRef, StatementRef
from claimcheck.verify import judge
from claimcheck.verify.evidence import change


def result_id(after_path: str, before: Quotation, occurrence: int) -> str:
    """Survives moving the quotation: the edited file, the earlier words, their occurrence."""
    key = f"guard\0{after_path}\0{before.key}\0{occurrence}"
    # surrogatepass: a path that is not UTF-8 holds surrogate escapes (PEP 383).
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def source_ref(before: Quotation) -> SourceRef:
    r = before.ref
    return SourceRef(
        document=r.path,
        claim_id=before.claim_id,
        text=r.text,
        kind=r.kind,
        speaker=r.speaker,
        speakers=[r.speaker] if r.speaker else [],
        line=r.line,
        column=r.column,
        end_line=r.end_line,
        end_column=r.end_column,
        passage=r.text,
    )


def _first_words(q: Quotation, n: int = 6) -> str:
    more = " …" if len(q.words) > n else ""
    return "“" + " ".join(q.words[:n]) + more + f"” (line {q.ref.line})"


def _attribution(p: Pair) -> tuple[Attribution, str]:
    assert p.after is not None
    same = same_speaker(p.before, p.after)
    if same is None:
        return "unattributed-source", ""
    if same:
        return "match", ""
    was = p.before.ref.speaker
    if p.after.ref.speaker is None:
        return "mismatch", f" No longer attributed: the earlier version gives it to {was}."
    now = p.after.ref.speaker
    return "mismatch", f" Re-attributed: the earlier version gives it to {was}, not {now}."


def kept_or_changed(p: Pair, rid: str) -> Result:
    """A quotation found in the edited version: kept, changed, merged, re-attributed."""
    assert p.after is not None
    attribution, who = _attribution(p)
    flags: list[Flag] = judge.edit_flags(p.edits) if p.edits else []
    if p.merged_with:
        flags.append("quotes-merged")
    flags = judge.order_flags(flags)
    if p.exact:
        text, score = "Kept word for word.", 100.0
    else:
        score = 100 * SequenceMatcher(None, p.before.keys, p.after.keys[p.lo : p.hi]).ratio()
        material = [f for f in flags if f in judge.MATERIAL]
        what = f" ({', '.join(material)})" if material else ""
        text = f"Changed by the edit{what}: {judge.describe(p.edits)}." if p.edits else ""
        if p.merged_with:
            others = " and ".join(_first_words(q) for q in p.merged_with)
            merge = f"Merged into one quotation with {others} of the earlier version."
            text = f"{merge} {text}".strip()
    error = attribution == "mismatch" or bool(flags) or bool(p.edits)
    return Result(
        id=rid,
        statement=p.after.ref,
        verdict="exact" if p.exact else "fuzzy",
        score=round(score, 1),
        attribution=attribution,
        source=source_ref(p.before),
        changes=[change(e) for e in p.edits],
        flags=flags,
        severity="error" if error else "info",
        message=text + who,
    )


def dropped(before: Quotation, where: StatementRef, rid: str, unquoted: bool) -> Result:
    """A quotation the edited version no longer has; ``where`` is its place there."""
    said = f" ({before.ref.speaker})" if before.ref.speaker else ""
    text = f"Dropped by the edit: the earlier version quotes this{said} at line {before.ref.line}."
    if unquoted:
        text += " Its words are still in the edited version, but not as anyone's quotation."
    return Result(
        id=rid,
        statement=where,
        verdict="missing",
        score=0.0,
        attribution="not-applicable",
        source=source_ref(before),
        flags=["quote-dropped"],
        severity="error",
        message=text,
    )
