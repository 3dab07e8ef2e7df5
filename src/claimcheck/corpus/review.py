"""A person's corrections carried from an old ledger onto a new extraction.

People review ledgers. A claim whose ``reviewed`` field a person sets to
``true`` (after correcting its ``speaker``, ``kind`` or ``mention``) keeps that
correction whenever the ledger is regenerated: the reviewed claim is carried
over onto the new claim with the same kind and text.
"""

from __future__ import annotations

from claimcheck.models import Claim, Ledger, Speaker


def carry_corrections(new: Ledger, old: Ledger) -> tuple[Ledger, list[Claim]]:
    """Apply the reviewed claims of ``old`` to ``new``; return the ones that no longer fit."""
    reviewed = [c for c in old.claims if c.reviewed]
    if not reviewed:
        return new, []
    by_text: dict[str, Claim] = {c.text: c for c in reviewed}
    used: set[str] = set()
    claims: list[Claim] = []
    for claim in new.claims:
        fix = by_text.get(claim.text)
        if fix is None:
            claims.append(claim)
            continue
        used.add(claim.text)
        claims.append(
            claim.model_copy(
                update={
                    "kind": fix.kind,
                    "speaker": fix.speaker,
                    "mention": fix.mention,
                    "reviewed": True,
                }
            )
        )
    orphans = [c for c in reviewed if c.text not in used]
    speakers = list(new.speakers)
    known = {s.name for s in speakers}
    for c in claims:
        if c.reviewed and c.speaker and c.speaker not in known:
            speakers.append(Speaker(name=c.speaker, aliases=[]))
            known.add(c.speaker)
    return new.model_copy(update={"claims": claims, "speakers": speakers}), orphans
