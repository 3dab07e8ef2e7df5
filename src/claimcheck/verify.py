"""``verify(drafts, corpus, settings) -> Report``: the stage order for verification.

corpus → ledgers (current ``claims/<stem>.json`` or extracted now) → ClaimIndex;
drafts → statements; statement → match → judge → Result; Results → Report.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from claimcheck import __version__, documents, judge, statements
from claimcheck.errors import ClaimcheckError, InputError
from claimcheck.evidence import change, source_ref, speakers_of
from claimcheck.extract import extract
from claimcheck.index import ClaimIndex
from claimcheck.ledgers import gather, read_ledger
from claimcheck.match import EntryMatch, match, parse
from claimcheck.models import (
    CorpusInfo,
    Ledger,
    Report,
    Result,
    RunError,
    StatementRef,
    Summary,
    ToolInfo,
    Verdict,
)
from claimcheck.policy import summarise
from claimcheck.text import fold_key


@dataclass(frozen=True)
class Settings:
    scope: statements.Scope = "attributed"
    policy: judge.Policy = field(default_factory=judge.Policy)
    claims: str | None = None  # ledger folder; default: ``claims/`` beside the corpus
    threshold: float | None = None  # overrides ``policy.threshold`` when given
    candidates: int = 8


@dataclass
class Corpus:
    """Ledgers and the index over their claims; build once, verify many times."""

    ledgers: list[Ledger]
    index: ClaimIndex
    _info: CorpusInfo | None = None

    @classmethod
    def from_ledgers(cls, ledgers: Iterable[Ledger], index: ClaimIndex | None = None) -> Corpus:
        index = index if index is not None else ClaimIndex()
        kept = list(ledgers)
        for ledger in kept:
            speakers = tuple(ledger.speakers)
            for claim in ledger.claims:
                index.add(claim, ledger.document.path, speakers)
        return cls(kept, index)

    def info(self) -> CorpusInfo:
        """Counts and fingerprint; computed once, as it walks every ledger (~0.2 s at 100k)."""
        if self._info is None:
            self._info = self._count()
        return self._info

    def _count(self) -> CorpusInfo:
        shas = sorted(ledger.document.sha256 for ledger in self.ledgers)
        digest = hashlib.sha256("\n".join(shas).encode()).hexdigest()[:16]
        claims = sum(len(ledger.claims) for ledger in self.ledgers)
        return CorpusInfo(documents=len(self.ledgers), claims=claims, fingerprint=digest)


def load_corpus(folder: str, claims: str | None = None) -> Corpus:
    """Every source under ``folder``; a ledger is used only while its sha256 is current."""
    if not Path(folder).is_dir():
        raise InputError("corpus folder not found", path=folder, hint="pass --corpus DIR")
    files = gather([folder])
    if not files:
        raise InputError("no source files in the corpus folder", path=folder)
    ledger_dir = Path(claims) if claims else Path(folder).parent / "claims"
    ledgers: list[Ledger] = []
    for f in files:
        doc = documents.load(f)
        stored = ledger_dir / f"{Path(f).stem}.json"
        ledger = read_ledger(stored) if stored.is_file() else None
        if ledger is None or ledger.document.sha256 != doc.sha256:
            ledger = extract(doc)
        ledgers.append(ledger)
    return Corpus.from_ledgers(ledgers)


def result_id(statement: StatementRef, occurrence: int) -> str:
    """Survives moving the statement: no line numbers, only path, words and occurrence."""
    key = f"{statement.path}\0{fold_key(statement.text)}\0{occurrence}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def check(statement: StatementRef, corpus: Corpus, settings: Settings, rid: str) -> Result:
    """One statement against the corpus: the whole verification of a single quote."""
    index, policy = corpus.index, settings.policy
    if settings.threshold is not None:
        policy = replace(policy, threshold=settings.threshold)
    found = match(index, parse(statement.text), settings.candidates)
    best = found[0] if found else None
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
    index: ClaimIndex, tied: list[EntryMatch], statement: StatementRef, by_speaker: bool
) -> EntryMatch:
    """Among equally good sources: the draft's speaker first, then the draft's kind of claim."""
    from claimcheck.names import any_person

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
    policy: judge.Policy,
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


def read_draft(
    path: str, scope: statements.Scope, stdin: str | None = None
) -> tuple[list[StatementRef], list[RunError]]:
    """Statements of one input (a statement file, a draft, or ``-``), and its notices.

    What the loader noticed (an empty file, an unclosed code fence that hides the
    rest) is a ``draft-not-checked`` notice: a green run must not hide a draft
    that was never read.
    """
    doc = documents.from_text(stdin or "", "-") if path == "-" else documents.load(path)
    notices = [
        RunError(path=doc.path, line=None, code="draft-not-checked", message=w)
        for w in doc.warnings
    ]
    if path != "-" and statements.is_statement_file(path):
        return statements.from_file(doc), notices
    return statements.from_document(doc, scope), notices


def verify(
    drafts: Sequence[str] | None = None,
    corpus: str | Corpus = "corpus",
    settings: Settings | None = None,
    *,
    statements_: Sequence[StatementRef] = (),
    stdin: str | None = None,
) -> Report:
    """Check drafts (paths, ``-``) and/or ready-made statements against a corpus.

    An unreadable draft does not stop the run: it is reported in ``errors``.
    A corpus that cannot be loaded raises ``ClaimcheckError``.
    """
    settings = settings or Settings()
    if not isinstance(corpus, Corpus):
        corpus = load_corpus(corpus, settings.claims)
    items: list[StatementRef] = list(statements_)
    errors: list[RunError] = []
    for path in drafts or ():
        try:
            found, notices = read_draft(path, settings.scope, stdin)
            items.extend(found)
            errors.extend(notices)
        except ClaimcheckError as err:
            where = err.path or path
            errors.append(
                RunError(path=where, line=err.line, code=err.code, message=err.one_line())
            )
    results = check_all(items, corpus, settings)
    return Report(
        tool=ToolInfo(version=__version__),
        corpus=corpus.info(),
        summary=summarise(results),  # errors[] are counted by the CI layer
        results=results,
        errors=errors,
    )


def run(
    drafts: Sequence[str],
    corpus: str | Corpus,
    settings: Settings,
    *,
    text: str | None = None,
    speaker: str | None = None,
    stdin: str | None = None,
) -> Report:
    """The CLI's one library call: drafts plus an optional ``--text`` statement."""
    extra: list[StatementRef] = []
    if text is not None:
        if not text.strip():
            raise InputError("--text is empty")
        extra.append(statements.standalone(text, speaker))
    return verify(drafts, corpus, settings, statements_=extra, stdin=stdin)


def failed_report(err: ClaimcheckError) -> Report:
    """A report for a run that could not start (no corpus, a corrupt ledger).

    Programs reading ``--format json`` or SARIF get their format even then,
    with the problem in ``errors[]``; the exit code is 2.
    """
    return Report(
        tool=ToolInfo(version=__version__),
        corpus=CorpusInfo(documents=0, claims=0, fingerprint=""),
        summary=Summary(),
        errors=[RunError(path=err.path, line=err.line, code=err.code, message=err.one_line())],
    )
