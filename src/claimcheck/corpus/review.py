"""A person's corrections carried from an old ledger onto a new extraction, never lost.

People review ledgers. A claim whose ``reviewed`` field a person sets to
``true`` (after correcting its ``speaker``, ``kind`` or ``mention``) keeps that
correction whenever the ledger is regenerated:

- it goes to the one new claim with the same text: the nearest one in the
  document when the text occurs more than once (preferring one the extractor
  already gives the corrected speaker), so a correction of Lee's "No comment."
  never lands on Das's "No comment.";
- a correction whose text no longer occurs (a word of the claim was edited) is
  kept in the ledger's ``pending_corrections``, and every run says how many
  wait; it is attached again when its text returns, and only a person removes it;
- ``carried_from`` finds the old ledger of a renamed document (the same sha256,
  or most of the same claims), so a rename does not drop its corrections.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from claimcheck.models import Claim, Ledger, Speaker

# A renamed-and-edited document is recognised when this share of its old claims'
# texts (at least MIN_SHARED of them) is among the new ledger's claims.
RENAME_OVERLAP = 0.8
MIN_SHARED = 3


def carry_corrections(new: Ledger, old: Ledger) -> tuple[Ledger, list[Claim]]:
    """Apply the corrections of ``old`` to ``new``; return the ones left pending.

    The returned ledger holds the pending ones in ``pending_corrections``, so
    writing it keeps them; the list returned beside it is the same claims, for
    the caller to report.
    """
    corrections = [c for c in old.claims if c.reviewed] + list(old.pending_corrections)
    if not corrections:
        return new, []
    assigned, pending = _assign(new.claims, corrections)
    claims = [
        _corrected(claim, assigned[i]) if i in assigned else claim
        for i, claim in enumerate(new.claims)
    ]
    speakers = list(new.speakers)
    known = {s.name for s in speakers}
    for c in claims:
        if c.reviewed and c.speaker and c.speaker not in known:
            speakers.append(Speaker(name=c.speaker, aliases=[]))
            known.add(c.speaker)
    update = {"claims": claims, "speakers": speakers, "pending_corrections": pending}
    return new.model_copy(update=update), pending


def _assign(claims: list[Claim], corrections: list[Claim]) -> tuple[dict[int, Claim], list[Claim]]:
    """One correction per claim at most: same text, then nearest, then the corrected speaker."""
    by_text: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        by_text[claim.text].append(i)
    pairs = sorted(
        (abs(claims[i].start - fix.start), claims[i].speaker != fix.speaker, n, i)
        for n, fix in enumerate(corrections)
        for i in by_text.get(fix.text, ())
    )
    assigned: dict[int, Claim] = {}
    used: set[int] = set()
    for _dist, _other, n, i in pairs:
        if n in used or i in assigned:
            continue
        assigned[i] = corrections[n]
        used.add(n)
    pending = [fix for n, fix in enumerate(corrections) if n not in used]
    return assigned, _unique(pending)


def _unique(fixes: Iterable[Claim]) -> list[Claim]:
    seen: set[tuple[str, int, str | None]] = set()
    out: list[Claim] = []
    for fix in fixes:
        key = (fix.text, fix.start, fix.speaker)
        if key not in seen:
            seen.add(key)
            out.append(fix)
    return out


def _corrected(claim: Claim, fix: Claim) -> Claim:
    mention = fix.mention
    if mention is not None:
        # The mention moves with the claim when the text around it moved.
        shift = claim.start - fix.start
        mention = mention.model_copy(
            update={"start": mention.start + shift, "end": mention.end + shift}
        )
    update = {"kind": fix.kind, "speaker": fix.speaker, "mention": mention, "reviewed": True}
    return claim.model_copy(update=update)


def corrections_in(ledger: Ledger) -> int:
    return sum(1 for c in ledger.claims if c.reviewed) + len(ledger.pending_corrections)


def carried_from(new: Ledger, candidates: Iterable[Ledger]) -> Ledger | None:
    """The old ledger of a renamed document: the same bytes, else most of the same claims."""
    with_fixes = [old for old in candidates if corrections_in(old)]
    for old in with_fixes:
        if old.document.sha256 == new.document.sha256:
            return old
    texts = {c.text for c in new.claims}
    best: tuple[float, Ledger] | None = None
    for old in with_fixes:
        olds = {c.text for c in old.claims}
        shared = len(olds & texts)
        share = shared / len(olds) if olds else 0.0
        if shared >= MIN_SHARED and share >= RENAME_OVERLAP and (best is None or share > best[0]):
            best = (share, old)
    return best[1] if best is not None else None
