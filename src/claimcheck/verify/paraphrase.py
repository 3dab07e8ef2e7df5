"""Reported speech in the draft's own words, aligned on content words with the speaker's claims.

"Ebrard said Mexico would push Washington to better protect Mexicans" shares
few words in a row with the source's "the Mexican government would pressure
the U.S. government to provide better protections for Mexicans", so the
verbatim alignment (``match``) finds nothing. Here both are reduced to content
words (stems by the Snowball English stemmer, numbers by value, places by
country: "Washington" is the United States, "Mexican" is Mexico) and matched
as bags within a window of the source claim. Only claims of the draft's
speaker are candidates, so a faithful paraphrase of someone else is not one.

The material checks still run on what the alignment matched: a number the
source window does not have, a negation or a modal that governs a matched word
on one side only (the tense shift of reported speech aside), a place or a name
put where the source has another.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import snowballstemmer

from claimcheck.lexicon.names import ABBREVIATIONS
from claimcheck.lexicon.places import PLACE_OF
from claimcheck.models import Flag
from claimcheck.verify import judge
from claimcheck.verify.align import Edit
from claimcheck.verify.evidence import speaking
from claimcheck.verify.index import Candidate, ClaimLookup, spoken_text
from claimcheck.verify.match import Query
from claimcheck.verify.wording import expand, spelling

_TOKEN = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*|[,;:.!?()\[\]…—–]|\.\.\.")
_CLAUSE = frozenset(",;:.!?()[]…—–") | {"..."}
_SENTENCE_END = frozenset(".!?…") | {"..."}
_STOP = frozenset(
    """a an the this that these those it its it's he she they them him her his hers their
    theirs we us our ours i me my mine you your yours who whom whose which what where when
    why how there here all any both each every some such own same other another more most
    very so too also just only even still then than as if or and but nor yet for of to in
    on at by with from into onto about over under after before between through during
    against without within upon out up down off again once is are was were be been being
    am has have had having do does did doing done get got says said say saying told tell
    telling added adding stated noted according would will may might must can could shall
    should ought need needs needed used use using going gone go make made making take took
    taken give gave given way ways thing things lot lots much many one ones whether while
    because since although though however therefore thus whose per via""".split()
)
# Verbs that reverse what they govern, as a negation does: "the firm would stop installing
# power lines" is not "the firm was working to install … power lines".
_REVERSING_WORDS = (
    "stop stops stopped stopping halt halted cease ceased quit abandon abandoned refuse "
    "refused reject rejected deny denied oppose opposed cancel cancelled canceled fail "
    "failed prevent prevented block blocked ban banned scrap scrapped"
).split()
_REVERSING = frozenset(_REVERSING_WORDS)
# Words too common in news to vouch for a paraphrase on their own.
_WEAK = frozenset("said say says told people time year years day days".split())
_stemmer = snowballstemmer.stemmer("english")
# A negation or a modal governs the next content words of its clause, up to this many.
_SCOPE = 4
# "will" and its reported "would" are tense, not modality, once speech is reported:
# "he would manage" restates "we are working to manage".
_FUTURE = "will"
# What a faithful paraphrase keeps: enough of the draft's content words, at least two.
MIN_COVERAGE = 0.5
MIN_WORDS = 2
MIN_MATCHED = 3


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    return str(_stemmer.stemWord(spelling(word)))


@dataclass(frozen=True)
class Token:
    text: str
    kind: str  # word | name | number | negation | modal | stop | clause
    key: str
    start: int = 0  # offsets in the text
    end: int = 0


def tokens(text: str) -> list[Token]:
    """The words of a text as the alignment sees them.

    >>> [(t.kind, t.key) for t in tokens("Mexico won't push Washington.")][:4]
    [('name', 'mexico'), ('modal', 'will'), ('negation', 'not'), ('word', 'push')]
    >>> tokens("Washington")[0].key
    'united states'
    """
    raw = list(_TOKEN.finditer(text))
    out: list[Token] = []
    opener = True
    i = 0
    while i < len(raw):
        m = raw[i]
        w = m.group()
        prev = raw[i - 1].group() if i else ""
        if w == "." and prev and ("." in prev or prev.lower() in ABBREVIATIONS):
            if out and out[-1].end == m.start():  # "U.S." and "Oct." end no clause
                out[-1] = replace(out[-1], text=out[-1].text + ".", end=m.end())
            i += 1
            continue
        if w in _CLAUSE:
            out.append(Token(w, "clause", w, m.start(), m.end()))
            opener = w in ".!?…" or w == "..."
            i += 1
            continue
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        pair = f"{w} {nxt.group()}".lower().rstrip(".") if nxt else ""
        if nxt is not None and pair in PLACE_OF and w[:1].isupper():
            out.append(
                Token(text[m.start() : nxt.end()], "name", PLACE_OF[pair], m.start(), nxt.end())
            )
            i, opener = i + 2, False
            continue
        out.extend(Token(t, k, key, m.start(), m.end()) for t, k, key in _word(w, opener))
        opener = False
        i += 1
    return out


def _word(w: str, opener: bool) -> list[tuple[str, str, str]]:
    lower = w.lower().replace("’", "'")
    parts = expand([w]) if "'" in lower or lower == "cannot" else [lower]
    out: list[tuple[str, str, str]] = []
    for p in parts:
        p = p.split("|")[0]
        modal = judge.modal_lemma(p, reported=True)  # reported speech: "would" is "will"
        number = judge.number_value(p)
        if judge.is_negation(p) or p in _REVERSING:
            out.append((w, "negation", "not"))
        elif modal is not None:
            out.append((w, "modal", modal))
        elif number is not None:
            out.append((w, "number", number))
        elif p in _STOP:
            out.append((w, "stop", p))
        elif w[:1].isupper() and not (opener and p in judge.COMMON):
            key = p[:-2] if p.endswith("'s") else p
            out.append((w, "name", PLACE_OF.get(key.rstrip("."), stem(key))))
        else:
            out.append((w, "word", stem(p[:-2] if p.endswith("'s") else p)))
    return out


_CONTENT = ("word", "name", "number")


@dataclass
class Fit:
    entry: int
    score: float
    matched: list[str]  # the source's words the alignment matched, as written
    flags: list[Flag]
    edits: list[Edit]
    span: tuple[int, int]  # the matched source window, offsets in the claim text


def align(draft: list[Token], source: list[Token]) -> tuple[list[tuple[int, int]], int, int]:
    """Draft and source token indices matched, and the source window ``[lo, hi)``.

    The window is the stretch of source content words (about twice the draft's)
    that holds most of the draft's content keys; inside it each draft word takes
    the nearest unused source word with its key.
    """
    d_idx = [i for i, t in enumerate(draft) if t.kind in _CONTENT]
    s_idx = [i for i, t in enumerate(source) if t.kind in _CONTENT]
    if not d_idx or not s_idx:
        return [], 0, 0
    want = Counter(draft[i].key for i in d_idx)
    width = max(2 * len(d_idx), 8)
    best, at = -1, 0
    for start in range(0, max(1, len(s_idx) - width + 1)):
        have = Counter(source[i].key for i in s_idx[start : start + width])
        n = sum((have & want).values())
        if n > best:
            best, at = n, start
    window = s_idx[at : at + width]
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    last = window[0]
    for di in d_idx:
        options = [si for si in window if si not in used and source[si].key == draft[di].key]
        if options:
            # The one nearest the previous match: "along 980 miles" pairs with the
            # "miles" after "vegetation", not an earlier one.
            pick = min(options, key=lambda si: (abs(si - last), si))
            used.add(pick)
            pairs.append((di, pick))
            last = pick
    if not pairs:
        return [], 0, 0
    lo = min(s for _, s in pairs)
    hi = max(s for _, s in pairs) + 1
    return pairs, lo, hi


def _governed(toks: list[Token], at: int, matched: set[int]) -> int | None:
    """The first matched content token a negation or modal at ``at`` governs."""
    seen = 0
    for j in range(at + 1, len(toks)):
        t = toks[j]
        if t.kind == "clause":
            return None
        if t.kind in _CONTENT:
            if j in matched:
                return j
            seen += 1
            if seen >= _SCOPE:
                return None
    return None


def _governors(toks: list[Token], at: int, kind: str) -> set[str]:
    """Keys of the negations or modals that govern the token at ``at`` (within its clause)."""
    out: set[str] = set()
    seen = 0
    for j in range(at - 1, -1, -1):
        t = toks[j]
        if t.kind == "clause":
            break
        if t.kind == kind and t.key != _FUTURE:
            out.add(t.key)
        elif t.kind in _CONTENT:
            seen += 1
            if seen >= _SCOPE:
                break
    return out


def _scoped_change(
    draft: list[Token], source: list[Token], pairs: list[tuple[int, int]], kind: str
) -> bool:
    """A negation (or a modal) governs a matched word on one side and not the other."""
    to_src = dict(pairs)
    to_draft = {s: d for d, s in pairs}
    for toks, other, mapping in ((draft, source, to_src), (source, draft, to_draft)):
        for i, t in enumerate(toks):
            if t.kind != kind or t.key == _FUTURE:
                continue
            head = _governed(toks, i, set(mapping))
            if head is None:
                continue
            if t.key not in _governors(other, mapping[head], kind):
                return True
    return False


def judge_fit(
    draft: list[Token],
    source: list[Token],
    pairs: list[tuple[int, int]],
    lo: int,
    hi: int,
    known: set[str],
) -> tuple[list[Flag], list[Edit]]:
    """Material changes between a paraphrase and the source window it matched."""
    flags: list[Flag] = []
    edits: list[Edit] = []
    matched_d = {d for d, _ in pairs}
    window = source[lo:hi]
    extra_numbers = [t for i, t in enumerate(draft) if t.kind == "number" and i not in matched_d]
    if extra_numbers:
        flags.append("number-changed")
        for n in extra_numbers:
            theirs = _nearest_number(draft, source, pairs, draft.index(n), lo, hi)
            edits.append(Edit("replace" if theirs else "insert", theirs, (n.text,)))
    if _scoped_change(draft, source, pairs, "negation"):
        flags.append("negation-changed")
    d_names = {t.key for i, t in enumerate(draft) if t.kind == "name" and i not in matched_d}
    s_names = {t.key for t in window if t.kind == "name"} - {t.key for t in draft}
    new = d_names - known
    if new and (s_names or any(k in PLACE_OF.values() for k in new)):
        flags.append("name-changed")
    if _scoped_change(draft, source, pairs, "modal"):
        flags.append("modality-changed")
    return flags, edits


def _nearest_number(
    draft: list[Token], source: list[Token], pairs: list[tuple[int, int]], at: int, lo: int, hi: int
) -> tuple[str, ...]:
    """The source number (unmatched, in the window) nearest where the draft's would be."""
    to_src = dict(pairs)
    near = [to_src[d] for d in sorted(to_src, key=lambda d: abs(d - at))][:1]
    taken = {s for _, s in pairs}
    # The sentence around the window: "six people had been arrested" matched from "people".
    while lo > 0 and source[lo - 1].text not in _SENTENCE_END:
        lo -= 1
    while hi < len(source) and source[hi].text not in _SENTENCE_END:
        hi += 1
    numbers = [i for i in range(lo, hi) if source[i].kind == "number" and i not in taken]
    if not numbers:
        return ()
    anchor = near[0] if near else lo
    return (source[min(numbers, key=lambda i: (abs(i - anchor), i))].text,)


def _doc_names(index: ClaimLookup, eid: int, seeds: Iterable[int]) -> set[str]:
    """Name keys of the candidate claims from the entry's document: who "we" or "it" is
    (the Houthis, Khashoggi) when the draft names them. Only candidates are read, so a
    stored index is asked for nothing it has not already found."""
    doc = index.entries[eid].document
    out: set[str] = set()
    for e in seeds:
        if index.entries[e].document == doc:
            out.update(t.key for t in tokens(index.entries[e].claim.text) if t.kind == "name")
    return out


def best(
    index: ClaimLookup,
    query: Query,
    text: str,
    speaker: str,
    pool: int = 64,
    pools: Sequence[Sequence[Candidate]] | None = None,
) -> Fit | None:
    """The draft speaker's claim that this reported speech restates, if one does.

    ``pools``: each piece's ``index.candidates(keys, pool)``, when the caller has them
    (``match`` asked the same)."""
    if pools is None:
        pools = [index.candidates(p.keys, pool) for p in query.pieces]
    seeds = {index.unit_entry[u] for c in pools for u, _ in c}
    spoken = sorted(e for e in seeds if index.entries[e].claim.kind != "narrative")
    # Asked once per speaker's name: the candidates are mostly copies of a few claims.
    said = speaking(index, spoken, speaker)
    entries = {e for e in spoken if said[e]}
    draft = tokens(text)
    content = [t for t in draft if t.kind in _CONTENT]
    words = [t for t in content if t.kind == "word" and t.key not in _WEAK]
    if not words:
        return None
    found: Fit | None = None
    for eid in sorted(entries):
        source = tokens(spoken_text(index.entries[eid].claim))
        pairs, lo, hi = align(draft, source)
        got_words = sum(
            1 for d, _ in pairs if draft[d].kind == "word" and draft[d].key not in _WEAK
        )
        if (
            len(pairs) < MIN_MATCHED
            or got_words < MIN_WORDS
            or got_words < MIN_COVERAGE * len(words)
        ):
            continue
        window = [t for t in source[lo:hi] if t.kind in _CONTENT]
        score = round(100 * 2 * len(pairs) / (len(content) + len(window)), 1)
        if found is None or score > found.score:
            known = _doc_names(index, eid, seeds)
            flags, edits = judge_fit(draft, source, pairs, lo, hi, known)
            matched = [source[s].text for _, s in sorted(pairs, key=lambda p: p[1])]
            span = (source[lo].start, source[hi - 1].end)
            found = Fit(eid, score, matched, flags, edits, span)
    return found
