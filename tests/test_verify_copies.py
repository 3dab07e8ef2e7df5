"""Wire copies: a passage many documents hold is matched once and reported for each.

``match`` aligns one entry of each distinct text and gives the answer to every
entry of that text (``match._Copies``). These tests hold that to the work done
entry by entry: the same results, byte for byte, in the same order, and every
document that holds the passage still counts (its speaker, its place in the
tie-breaking). Articles: Wikinews, CC BY 2.5 (tests/data/WIKINEWS.md).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract import extract
from claimcheck.loaders.documents import from_text
from claimcheck.models import Claim, DocumentInfo, Ledger, Result, Speaker
from claimcheck.text import fold
from claimcheck.verify import Corpus, Settings, check, match, paraphrase
from claimcheck.verify.evidence import speaking, speaks
from claimcheck.verify.statements import standalone

DATA = Path(__file__).resolve().parent / "data" / "wikinews"
T = TypeVar("T")
ARTICLES = [
    "fianc-e-of-murdered-saudi-journalist-demands-justice-at-un-g",
    "us-speaker-pelosi-announces-trump-impeachment-investigation",
    "uk-urges-us-to-waive-immunity-for-diplomat-s-wife-involved-i",
]


class _OneByOne(match._Copies):
    """The reference: every entry matched on its own and every unit aligned, as before."""

    def once(self, key: tuple[object, ...], work: Callable[[], T]) -> T:
        return work()

    def ceiling(self, uid: int, pstr: str, after: int, before: int) -> float:
        return 200.0  # above every score: every unit is aligned

    def unit_ceiling(self, uid: int, pstr: str) -> float:
        return 200.0  # and every candidate entry

    def exact_all(self, eids: list[int], query: match.Query) -> list[match.EntryMatch]:
        # Each entry searched on its own, with nothing kept from the others.
        out = []
        for e in eids:
            out += super().exact_all([e], query)
        return out


def _wire_copies() -> tuple[list[Ledger], dict[str, object]]:
    """Each article as three documents: itself, a verbatim copy, and a copy whose
    speakers' names are swapped for another agency's (the same words, said by someone
    else), so copies disagree on who speaks and tie-breaking has work to do."""
    ledgers, docs = [], {}
    for n, name in enumerate(ARTICLES):
        text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
        first = extract(from_text(text, f"corpus/{n}-a.txt"))
        for copy, body in (("a", text), ("b", text), ("c", text)):
            if copy == "c":
                for sp in first.speakers:
                    body = body.replace(sp.name, "Jordan Example")
            doc = from_text(body, f"corpus/{n}-{copy}.txt")
            docs[doc.path] = doc
            ledgers.append(extract(doc))
    return ledgers, docs


LEDGERS, DOCS = _wire_copies()
CORPUS = Corpus.from_ledgers(LEDGERS, documents=DOCS)  # type: ignore[arg-type]
QUOTES = [c for lg in LEDGERS[::3] for c in lg.claims if c.kind == "quote" and len(c.text) > 20]


def _both(text: str, speaker: str | None) -> tuple[Result, Result]:
    st_ = standalone(text, speaker, path="d.md")
    shared = check(st_, CORPUS, Settings(), "r")
    with pytest.MonkeyPatch.context() as m:
        m.setattr(match, "_Copies", _OneByOne)
        alone = check(st_, CORPUS, Settings(), "r")
    return shared, alone


@st.composite
def edited_quote(draw: st.DrawFn) -> tuple[str, str | None]:
    """A corpus quote as a draft may have it: whole, cut, a word changed, dropped or
    added, two pieces joined by an ellipsis; under its speaker, another or none."""
    claim = draw(st.sampled_from(QUOTES))
    f = fold(claim.text)
    words = [f.original(w.start, w.end) for w in f.words]
    n = len(words)
    lo = draw(st.integers(0, max(0, n - 2)))
    hi = draw(st.integers(min(n, lo + 1), n))
    part = words[lo:hi]
    how = draw(st.sampled_from(["as is", "replace", "drop", "add", "ellipsis"]))
    if part and how != "as is":
        i = draw(st.integers(0, len(part) - 1))
        if how == "replace":
            part[i] = draw(st.sampled_from(["never", "purportedly", "300", "Jordan"]))
        elif how == "drop" and len(part) > 1:
            del part[i]
        elif how == "add":
            part.insert(i, "not")
        elif how == "ellipsis" and 0 < i < len(part):
            part = [*part[:i], "…", *part[i + 1 :]]
    speaker = draw(st.sampled_from([claim.speaker, "Jordan Example", None]))
    return " ".join(part), speaker


@settings(max_examples=60, deadline=None)
@given(edited_quote())
def test_sharing_copies_changes_no_result(case: tuple[str, str | None]) -> None:
    text, speaker = case
    shared, alone = _both(text, speaker)
    assert shared.model_dump_json() == alone.model_dump_json()


def test_match_lists_every_copy_in_the_same_order() -> None:
    for claim in QUOTES[:12]:
        for text in (claim.text, claim.text.replace(" the ", " a ", 1)):
            query = match.parse(text)
            shared = match.match(CORPUS.index, query)
            with pytest.MonkeyPatch.context() as m:
                m.setattr(match, "_Copies", _OneByOne)
                alone = match.match(CORPUS.index, query)
            assert [vars(x) for x in shared] == [vars(x) for x in alone], text
            copies = [x for x in shared if x.score == shared[0].score]
            # At least the article and its verbatim copy.
            docs = {CORPUS.index.entries[x.entry].document for x in copies}
            assert len(docs) >= 2, text


def _renamed_quote() -> tuple[Claim, int]:
    """The longest quote that its renamed copy gives to "Jordan Example", and its article."""
    found = []
    for n in range(len(ARTICLES)):
        own, renamed = LEDGERS[3 * n], LEDGERS[3 * n + 2]
        theirs = {c.text for c in renamed.claims if c.speaker == "Jordan Example"}
        found += [
            (c, n) for c in own.claims if c.kind == "quote" and c.speaker and c.text in theirs
        ]
    return max(found, key=lambda t: len(t[0].text))


def test_copies_under_two_speakers_both_count() -> None:
    """The same words under two speakers in two copies: both names, a conflict, and the
    draft's speaker's copy is the source shown; without a speaker, the first copy."""
    claim, n = _renamed_quote()
    edited = claim.text.replace(" the ", " a ", 1)
    assert edited != claim.text
    for text in (claim.text, edited):
        mine = check(standalone(text, claim.speaker, path="d.md"), CORPUS, Settings(), "r")
        other = check(standalone(text, "Jordan Example", path="d.md"), CORPUS, Settings(), "r")
        assert mine.source is not None and other.source is not None
        assert {claim.speaker, "Jordan Example"} <= set(mine.source.speakers)
        assert "speaker-conflict" in mine.flags
        assert mine.source.document == f"corpus/{n}-a.txt"
        assert other.source.document == f"corpus/{n}-c.txt"


def _quote_ledger(path: str, text: str) -> Ledger:
    """A document whose whole text is one quote of Ana Ruiz."""
    claim = Claim(
        id=f"{path}:1:1", kind="quote", text=text, start=0, end=len(text), line=1,
        speaker="Ana Ruiz", rule="test",
    )  # fmt: skip
    info = DocumentInfo(path=path, sha256="x")
    return Ledger(document=info, speakers=[Speaker(name="Ana Ruiz")], claims=[claim])


def test_copies_realigned_in_order_keep_their_own_windows() -> None:
    """Only the best entry is re-aligned piece by piece, each piece after the last: a
    window cut short there is not the window of the free alignment of its copy."""
    text = (
        "The plan is not finished at all. We will go on with the work. "
        "The plan is finished at last, they said."
    )

    corpus = Corpus.from_ledgers(
        [_quote_ledger("corpus/a.md", text), _quote_ledger("corpus/b.md", text)]
    )
    query = match.parse("The plan is finished. We will go on with the work, they said.")
    shared = match.match(corpus.index, query)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(match, "_Copies", _OneByOne)
        alone = match.match(corpus.index, query)
    assert [vars(x) for x in shared] == [vars(x) for x in alone]
    assert [(x.entry, x.score, x.lo, x.hi) for x in shared] == [(0, 86.7, 0, 14), (1, 89.9, 7, 18)]


def test_copies_of_one_key_differ_in_brackets() -> None:
    """ "He [Trump] will …" and "He Trump will …" have one key: only the bracketed copy
    holds "He will …" exactly, and both hold "He Trump will …"."""

    corpus = Corpus.from_ledgers(
        [
            _quote_ledger("corpus/a.md", "He [Trump] will sign the bill into law today."),
            _quote_ledger("corpus/b.md", "He Trump will sign the bill into law today."),
        ]
    )
    assert corpus.index.entries[0].key == corpus.index.entries[1].key
    for text, exact in (
        ("He will sign the bill into law today.", [0]),
        ("He Trump will sign the bill into law today.", [0, 1]),
    ):
        query = match.parse(text)
        shared = match.match(corpus.index, query)
        with pytest.MonkeyPatch.context() as m:
            m.setattr(match, "_Copies", _OneByOne)
            alone = match.match(corpus.index, query)
        assert [vars(x) for x in shared] == [vars(x) for x in alone], text
        assert [x.entry for x in shared if x.exact] == exact, text


def test_speaking_asks_each_speaker_once_and_answers_as_speaks() -> None:
    index = CORPUS.index
    eids = list(range(len(index.entries)))
    names = {c.speaker for lg in LEDGERS for c in lg.claims if c.speaker}
    for draft in [*sorted(names)[:8], "Jordan Example", "the mayor", "Canada"]:
        assert speaking(index, eids, draft) == {e: speaks(index, e, draft) for e in eids}


@settings(max_examples=60, deadline=None)
@given(edited_quote())
def test_match_within_keeps_the_best_and_every_tied_entry(case: tuple[str, str | None]) -> None:
    """Entries left unaligned by their ceiling are never the best nor tied with it."""
    query = match.parse(case[0])
    full = match.match(CORPUS.index, query)
    kept = match.match(CORPUS.index, query, within=0.05)
    rows = [vars(x) for x in full]
    assert [vars(x) for x in kept[:1]] == rows[:1]
    tied = [r for r in rows if r["exact"] or r["score"] >= rows[0]["score"] - 0.05]
    assert all(r in map(vars, kept) for r in tied)
    at = iter(rows)  # kept is in full's order
    assert all(any(vars(x) == r for r in at) for x in kept)


def test_match_within_leaves_out_what_cannot_reach_the_best() -> None:
    texts = [
        "The committee will publish its full report on the spending next week.",
        "Members said the committee will publish its findings.",
    ]

    corpus = Corpus.from_ledgers([_quote_ledger(f"corpus/{n}.md", t) for n, t in enumerate(texts)])
    query = match.parse("The committee will publish its whole report on the spending next week.")
    full = match.match(corpus.index, query)
    assert [x.entry for x in full] == [0, 1] and full[1].score < full[0].score - 20
    assert [vars(x) for x in match.match(corpus.index, query, within=0.05)] == [vars(full[0])]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from("a b c d e f g h i j k l m n o p q r s t".split()), max_size=40),
    st.lists(st.sampled_from("a b c d e f g h i j k l m n o p q r s t u".split()), max_size=30),
)
def test_a_key_lacks_a_word_as_its_word_list_says(key_words: list[str], words: list[str]) -> None:
    """Past the first searches the key is read as a set of words: the same answer."""
    key = " " + " ".join(key_words) + " "
    query = match.parse(" ".join(words))
    assert match._lacks_word(key, query) == (not set(words) <= set(key_words))


def test_paraphrase_search_from_the_pools_match_asked() -> None:
    """``paraphrase.best`` given the pools ``match`` looked in finds what it finds alone."""
    index = CORPUS.index
    indirect = [c for lg in LEDGERS[::3] for c in lg.claims if c.kind == "indirect" and c.speaker]
    assert indirect
    for claim in indirect[:10]:
        text = claim.text.replace(" the ", " a ", 1)
        query = match.parse(text)
        pools = match.candidate_pools(index, query)
        alone = paraphrase.best(index, query, text, claim.speaker or "")
        given_pools = paraphrase.best(index, query, text, claim.speaker or "", pools=pools)
        assert given_pools == alone, text
