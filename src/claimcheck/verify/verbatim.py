"""Words found verbatim in a document's prose, where no claim holds them.

The claims are what the extractor understood; the documents are what the
sources say. When no claim holds a statement's words exactly, the prose of
every document is searched (``TextIndex``): words found there are ``exact``.
Who said them comes from the claim that covers most of the passage; when none
does, the attribution is ``unattributed-source`` and the message says that no
claim covers the passage, so an editor knows to look at the source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.catalogue import rule_of
from claimcheck.models import Claim, Flag, Result, SourceRef, Speaker, StatementRef
from claimcheck.text import fold_key
from claimcheck.verify import judge
from claimcheck.verify.corpus import Corpus
from claimcheck.verify.evidence import source_ref, speakers_of, speaks, uncertain
from claimcheck.verify.match import EntryMatch, Query, exact_all
from claimcheck.verify.severity import Policy

UNCOVERED = " No claim of the source's ledger covers this passage: check who says it."


@dataclass(frozen=True)
class Found:
    """A verbatim passage: its match in the text index and the claim covering it, if any."""

    match: EntryMatch
    start: int  # document offsets of the matched words
    end: int
    cover: int | None  # claim entry id


def find(corpus: Corpus, query: Query) -> list[Found]:
    """Every passage holding the statement's parts in order, in corpus order."""
    words = [w for part in query.parts for w in part]
    out: list[Found] = []
    # All candidates at once: wire copies hold one passage, searched once.
    for m in exact_all(corpus.text, corpus.text.candidates(words), query):
        eid = m.entry
        entry = corpus.text.entries[eid]
        f = corpus.text.folded(eid)
        a = entry.claim.start + f.orig_start(f.words[m.lo].start)
        b = entry.claim.start + f.orig_end(f.words[m.hi - 1].end)
        out.append(Found(m, a, b, corpus.covering(entry.document, a, b)))
    return out


def result(
    statement: StatementRef, corpus: Corpus, rid: str, found: Sequence[Found], policy: Policy
) -> Result:
    """The exact result for words found in document text."""
    covers = [EntryMatch(f.cover, 100.0, True, 0, 0) for f in found if f.cover is not None]
    speakers = speakers_of(corpus.index, covers)
    draft = statement.speaker or ""
    mine = bool(draft) and any(speaks(corpus.index, m.entry, draft) for m in covers)
    telling = len(fold_key(statement.text).split()) >= judge.TELLING
    attribution = judge.attribution(statement.speaker, speakers, mine, telling)
    chosen = _prefer(corpus, found, statement.speaker, speakers)
    claim = corpus.index.entries[chosen.cover].claim if chosen.cover is not None else None
    flags: list[Flag] = judge.kind_flags(statement.kind, claim.kind) if claim else []
    if telling and len({s.name for s in speakers}) > 1:
        flags.append("speaker-conflict")
    flags = judge.order_flags(flags)
    names = [s.name for s in speakers]
    doubt = (
        uncertain(corpus.index, chosen.cover)
        if attribution == "mismatch" and chosen.cover is not None
        else None
    )
    message = judge.message("exact", 100.0, attribution, flags, [], statement.speaker, names, doubt)
    result = Result(
        id=rid,
        statement=statement,
        verdict="exact",
        score=100.0,
        attribution=attribution,
        source=_source(corpus, chosen, claim, names),
        flags=flags,
        severity=policy.severity("exact", attribution, flags, certain=doubt is None),
        message=message if claim is not None else message + UNCOVERED,
        basis="verbatim",
    )
    return result.model_copy(update={"rule": rule_of(result)})


def _prefer(
    corpus: Corpus, found: Sequence[Found], speaker: str | None, speakers: list[Speaker]
) -> Found:
    """The first passage whose covering claim gives the draft's speaker, else the first."""
    if speaker:
        for f in found:
            if f.cover is not None and speaks(corpus.index, f.cover, speaker):
                return f
    covered = [f for f in found if f.cover is not None]
    return covered[0] if covered and speakers else found[0]


def _source(corpus: Corpus, found: Found, claim: Claim | None, names: list[str]) -> SourceRef:
    ref = source_ref(corpus.text, found.match, names)
    if claim is None:
        return ref
    return ref.model_copy(
        update={
            "claim_id": claim.id,
            "text": claim.text,
            "kind": claim.kind,
            "speaker": claim.speaker,
        }
    )
