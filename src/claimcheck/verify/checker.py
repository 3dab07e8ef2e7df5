"""One statement against the corpus: match, judge, and the ``Result`` that explains it."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from claimcheck.models import Result, StatementRef, Verdict
from claimcheck.text import fold_key
from claimcheck.verify import judge, statements, verbatim
from claimcheck.verify.corpus import Corpus
from claimcheck.verify.evidence import change, source_ref, speakers_of
from claimcheck.verify.index import ClaimLookup
from claimcheck.verify.match import EntryMatch, match, parse
from claimcheck.verify.severity import Policy


@dataclass(frozen=True)
class Settings:
    scope: statements.Scope = "attributed"
    policy: Policy = field(default_factory=Policy)
    claims: str | None = None  # ledger folder; default: ``claims/`` beside the corpus
    threshold: float | None = None  # overrides ``policy.threshold`` when given
    candidates: int = 8


def result_id(statement: StatementRef, occurrence: int) -> str:
    """Survives moving the statement: no line numbers, only path, words and occurrence."""
    key = f"{statement.path}\0{fold_key(statement.text)}\0{occurrence}"
    # surrogatepass: a path that is not UTF-8 holds surrogate escapes (PEP 383).
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def check(statement: StatementRef, corpus: Corpus, settings: Settings, rid: str) -> Result:
    """One statement against the corpus: the whole verification of a single quote."""
    index, policy = corpus.index, settings.policy
    if settings.threshold is not None:
        policy = replace(policy, threshold=settings.threshold)
    query = parse(statement.text)
    found = match(index, query, settings.candidates)
    best = found[0] if found else None
    if best is None or not best.exact:
        # The extractor may have missed or cut the claim: the documents still hold the words.
        in_text = verbatim.find(corpus, query)
        if in_text:
            return verbatim.result(statement, corpus, rid, in_text, policy)
    if best is None or (not best.exact and best.score < policy.threshold):
        return _missing(statement, corpus, rid, best, policy)
    tied = [m for m in found if m.exact or m.score >= best.score - 0.05]
    speakers = speakers_of(index, tied)
    attribution = judge.attribution("exact" if best.exact else "fuzzy", statement.speaker, speakers)
    chosen = _prefer(index, tied, statement, attribution == "match")
    entry = index.entries[chosen.entry]
    flags = [] if chosen.exact else judge.edit_flags(chosen.edits)
    flags += judge.kind_flags(statement.kind, entry.claim.kind)
    if len({s.name for s in speakers}) > 1:
        flags.append("speaker-conflict")
    if judge.truncated(index.folded(chosen.entry).word_keys(), chosen.lo, chosen.hi):
        flags.append("truncated-meaning")
    flags = judge.order_flags(flags)
    verdict: Verdict = "exact" if chosen.exact else "fuzzy"
    names = [s.name for s in speakers]
    return Result(
        id=rid,
        statement=statement,
        verdict=verdict,
        score=chosen.score,
        attribution=attribution,
        source=source_ref(index, chosen, names),
        changes=[change(e) for e in chosen.edits],
        flags=flags,
        severity=policy.severity(verdict, attribution, flags),
        message=judge.message(
            verdict, chosen.score, attribution, flags, chosen.edits, statement.speaker, names
        ),
    )


_KIND_RANK = {
    "quote": ("quote", "indirect", "narrative"),
    "indirect": ("indirect", "quote", "narrative"),
    "narrative": ("narrative", "indirect", "quote"),
}


def _prefer(
    index: ClaimLookup, tied: list[EntryMatch], statement: StatementRef, by_speaker: bool
) -> EntryMatch:
    """Among equally good sources: the draft's speaker first, then the draft's kind of claim."""
    from claimcheck.verify.names import any_person

    rank = _KIND_RANK[statement.kind]

    def key(m: EntryMatch) -> tuple[int, int, int]:
        sp = speakers_of(index, [m])
        mine = by_speaker and bool(statement.speaker) and bool(sp)
        mine = mine and any_person(statement.speaker or "", sp)
        return (0 if mine else 1, rank.index(index.entries[m.entry].claim.kind), m.entry)

    return min(tied, key=key)


def _missing(
    statement: StatementRef,
    corpus: Corpus,
    rid: str,
    nearest: EntryMatch | None,
    policy: Policy,
) -> Result:
    return Result(
        id=rid,
        statement=statement,
        verdict="missing",
        score=0.0,
        attribution="not-applicable",
        nearest=source_ref(corpus.index, nearest, []) if nearest else None,
        nearest_score=nearest.score if nearest else None,
        severity=policy.severity("missing", "not-applicable", []),
        message=judge.message("missing", 0.0, "not-applicable", [], [], None, []),
    )


def check_all(items: Sequence[StatementRef], corpus: Corpus, settings: Settings) -> list[Result]:
    seen: Counter[tuple[str, str]] = Counter()
    out: list[Result] = []
    for st in items:
        key = (st.path, fold_key(st.text))
        seen[key] += 1
        out.append(check(st, corpus, settings, result_id(st, seen[key])))
    return out
