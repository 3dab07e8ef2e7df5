"""One statement against the corpus: match, judge, and the ``Result`` that explains it."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from claimcheck.catalogue import rule_of
from claimcheck.models import Result, StatementRef, Verdict
from claimcheck.text import fold_key
from claimcheck.verify import judge, paraphrase, statements, verbatim
from claimcheck.verify.corpus import Corpus
from claimcheck.verify.evidence import change, source_ref, speakers_of, speaking, uncertain
from claimcheck.verify.index import ClaimLookup, Unit
from claimcheck.verify.judge import SHORT_QUOTE, TELLING
from claimcheck.verify.match import (
    EntryMatch,
    Query,
    candidate_pools,
    match,
    parse,
    parse_keyed,
)
from claimcheck.verify.severity import Policy
from claimcheck.verify.wording import expand, same_words


@dataclass(frozen=True)
class Settings:
    scope: statements.Scope = "attributed"
    policy: Policy = field(default_factory=Policy)
    claims: str | None = None  # ledger folder; default: ``claims/`` beside the corpus
    threshold: float | None = None  # overrides ``policy.threshold`` when given
    candidates: int = 8


def result_id(statement: StatementRef, occurrence: int, words: str | None = None) -> str:
    """Survives moving the statement: no line numbers, only path, words and occurrence.

    ``words``: ``fold_key(statement.text)``, when the caller has it."""
    if words is None:
        words = fold_key(statement.text)
    key = f"{statement.path}\0{words}\0{occurrence}"
    # surrogatepass: a path that is not UTF-8 holds surrogate escapes (PEP 383).
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


# Sources this close to the best score are as good as it.
_TIED = 0.05


def check(
    statement: StatementRef,
    corpus: Corpus,
    settings: Settings,
    rid: str,
    query: Query | None = None,
) -> Result:
    """One statement against the corpus: the whole verification of a single quote.

    ``query``: ``parse(statement.text)``, when the caller has it."""
    index, policy = corpus.index, settings.policy
    if settings.threshold is not None:
        policy = replace(policy, threshold=settings.threshold)
    if query is None:
        query = parse(statement.text)
    short = query.size < SHORT_QUOTE
    # A short quote's sources are chosen again by their edits, so it needs them all; a
    # longer one reads only the best and those tied with it.
    pools = candidate_pools(index, query)  # paraphrase search asks the same of the index
    found = match(index, query, settings.candidates, within=None if short else _TIED, pools=pools)
    nearest = found[0] if found else None
    if short and nearest is not None and not nearest.exact:
        # One named edit is the test for a short quote, not the score (one word of four
        # changed scores ~75); a whole source sentence before a piece of one.
        found = [m for m in found if one_edit(index, m)]
        found.sort(key=lambda m: (not _whole_unit(index, m), -m.score, m.entry))
    best = found[0] if found else None
    if best is None or not best.exact:
        # The extractor may have missed or cut the claim: the documents still hold the words.
        in_text = verbatim.find(corpus, query)
        if in_text:
            return verbatim.result(statement, corpus, rid, in_text, policy)
    close = best is not None and (best.exact or short or best.score >= policy.threshold)
    if best is not None and not close and drops_only(best, query.size):
        close = True
    if best is None or not close:
        if statement.kind == "indirect" and statement.speaker:
            fit = paraphrase.best(index, query, statement.text, statement.speaker, pools=pools)
            if fit is not None:
                return _paraphrased(statement, index, rid, fit, policy)
        return _missing(statement, corpus, rid, nearest, policy, short)
    tied = [m for m in found if m.exact or m.score >= best.score - _TIED]
    telling = query.size >= TELLING
    speakers = speakers_of(index, tied)
    draft = statement.speaker
    # Asked once per source: choosing among the tied asks again of each.
    said = speaking(index, [m.entry for m in tied], draft) if draft else {}
    mine = any(said.values())
    attribution = judge.attribution(draft, speakers, mine, telling)
    chosen = _prefer(index, tied, statement, said)
    entry = index.entries[chosen.entry]
    keys = index.folded(chosen.entry).word_keys()
    if chosen.exact:
        flags = judge.gap_flags(keys, chosen.gaps)
    else:
        flags = judge.edit_flags(chosen.edits, statement.kind)
    flags += judge.kind_flags(statement.kind, entry.claim.kind)
    if telling and len({s.name for s in speakers}) > 1:
        flags.append("speaker-conflict")
    if judge.truncated(keys, chosen.lo, chosen.hi):
        flags.append("truncated-meaning")
    flags = judge.order_flags(flags)
    verdict: Verdict = "exact" if chosen.exact else "fuzzy"
    names = [s.name for s in speakers]
    doubt = uncertain(index, chosen.entry) if attribution == "mismatch" else None
    result = Result(
        id=rid,
        statement=statement,
        verdict=verdict,
        score=chosen.score,
        attribution=attribution,
        source=source_ref(index, chosen, names),
        changes=[change(e) for e in chosen.edits],
        flags=flags,
        severity=policy.severity(verdict, attribution, flags, certain=doubt is None),
        message=judge.message(
            verdict, chosen.score, attribution, flags, chosen.edits, draft, names, doubt
        ),
        basis="verbatim",
    )
    return result.model_copy(update={"rule": rule_of(result)})


def drops_only(m: EntryMatch, size: int) -> bool:
    """The draft left words out and changed none: all its words are in the source, in
    order, and what is missing is a clause or a word or two. Found, however low the
    score ("a press badge was used by the assailant[, reported by …,] to gain entry")."""
    if size < SHORT_QUOTE:
        return False
    edits = [e for e in m.edits if not same_words(e.source, e.statement)]
    return all(e.op == "delete" and (e.clause or len(e.source) <= 2) for e in edits)


def _unit_of(index: ClaimLookup, m: EntryMatch) -> Unit | None:
    units = (index.unit(u) for u in index.entry_units(m.entry))
    return next((u for u in units if u.lo <= m.lo < u.hi), None)


def _whole_unit(index: ClaimLookup, m: EntryMatch) -> bool:
    unit = _unit_of(index, m)
    return unit is not None and (m.lo, m.hi) == (unit.lo, unit.hi)


def one_edit(index: ClaimLookup, m: EntryMatch) -> bool:
    """A short quote's match: at most one word changed, and not a word at its edge where
    the source goes on ("We will win" is not "we will inform people …")."""
    edits = [e for e in m.edits if not same_words(e.source, e.statement)]
    # Words, or spelled-out words when fewer: "couldn't" → "will" is one edit, and so is
    # "shouldn't" → "must not" (should → must).
    size = sum(
        min(
            max(len(e.source), len(e.statement)),
            Levenshtein.distance(expand(e.source), expand(e.statement)),
        )
        for e in edits
    )
    if size > 1:
        return False
    unit = _unit_of(index, m)
    for e in edits:
        if unit is not None and e.at_start and m.lo > unit.lo:
            return False
        if unit is not None and e.at_end and m.hi < unit.hi:
            return False
    return True


_KIND_RANK = {
    "quote": ("quote", "indirect", "narrative"),
    "indirect": ("indirect", "quote", "narrative"),
    "narrative": ("narrative", "indirect", "quote"),
}


def _prefer(
    index: ClaimLookup, tied: list[EntryMatch], statement: StatementRef, said: dict[int, bool]
) -> EntryMatch:
    """Among equally good sources: the draft's speaker first (``said``: whether each
    source's speaker is the draft's), then the draft's kind of claim."""
    rank = _KIND_RANK[statement.kind]

    def key(m: EntryMatch) -> tuple[int, int, int]:
        mine = said.get(m.entry, False)
        return (0 if mine else 1, rank.index(index.entries[m.entry].claim.kind), m.entry)

    return min(tied, key=key)


def _paraphrased(
    statement: StatementRef, index: ClaimLookup, rid: str, fit: paraphrase.Fit, policy: Policy
) -> Result:
    entry = index.entries[fit.entry]
    flags = judge.order_flags(fit.flags)
    names = [entry.claim.speaker] if entry.claim.speaker else []
    at = EntryMatch(fit.entry, fit.score, False, 0, 0)
    result = Result(
        id=rid,
        statement=statement,
        verdict="fuzzy",
        score=fit.score,
        attribution="match",
        source=source_ref(index, at, names, fit.span),
        changes=[change(e) for e in fit.edits],
        flags=flags,
        severity=policy.severity("fuzzy", "match", flags),
        message=judge.paraphrase_message(flags, fit.edits, names, fit.matched),
        basis="paraphrase",
        matched=fit.matched,
    )
    return result.model_copy(update={"rule": rule_of(result)})


def _missing(
    statement: StatementRef,
    corpus: Corpus,
    rid: str,
    nearest: EntryMatch | None,
    policy: Policy,
    short: bool,
) -> Result:
    result = Result(
        id=rid,
        statement=statement,
        verdict="missing",
        score=0.0,
        attribution="not-applicable",
        nearest=source_ref(corpus.index, nearest, []) if nearest else None,
        nearest_score=nearest.score if nearest else None,
        severity=policy.severity("missing", "not-applicable", []),
        message=judge.missing_message(short and nearest is not None, SHORT_QUOTE),
    )
    return result.model_copy(update={"rule": rule_of(result)})


# A statement's parse is a function of its text, and a draft verified again (a watch
# loop, a server, the benchmark) brings the same texts: kept for the last few drafts.
parsed = lru_cache(maxsize=2048)(parse_keyed)


def check_all(items: Sequence[StatementRef], corpus: Corpus, settings: Settings) -> list[Result]:
    seen: Counter[tuple[str, str]] = Counter()
    out: list[Result] = []
    for st in items:
        query, words = parsed(st.text)  # one fold for the id and the match
        key = (st.path, words)
        seen[key] += 1
        out.append(check(st, corpus, settings, result_id(st, seen[key], words), query))
    return out
