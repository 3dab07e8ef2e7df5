"""Properties: words copied from a source are always exact; gibberish is always missing."""

from __future__ import annotations

import os
import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimcheck.models import StatementRef
from claimcheck.text import WORD_RE, fold, fold_slow, key_sentences
from claimcheck.verify import Corpus, Settings, check, load_corpus, match
from claimcheck.verify.statements import standalone

# CLAIMCHECK_FUZZ=20000 python -m pytest tests -k fuzz: a long fuzz run.
FUZZ = int(os.environ.get("CLAIMCHECK_FUZZ", "150"))
ROOT = Path(__file__).resolve().parent.parent
CORPUS: Corpus = load_corpus(str(ROOT / "corpus"))
CLAIMS = [e.claim for e in CORPUS.index.entries]


def statement(text: str, speaker: str | None = None) -> StatementRef:
    return standalone(text, speaker, path="d.md")


@st.composite
def copied_passage(draw: st.DrawFn) -> tuple[str, str | None]:
    claim = draw(st.sampled_from(CLAIMS))
    f = fold(claim.text)
    n = len(f.words)
    size = draw(st.integers(min_value=min(n, 2), max_value=n))
    start = draw(st.integers(min_value=0, max_value=n - size))
    first, last = f.words[start], f.words[start + size - 1]
    return f.original(first.start, last.end), claim.speaker


@settings(max_examples=FUZZ, deadline=None)
@given(copied_passage())
def test_fuzz_copied_passage_is_exact_with_its_speaker(case: tuple[str, str | None]) -> None:
    text, speaker = case
    result = check(statement(text, speaker), CORPUS, Settings(), "x")
    assert result.verdict == "exact", text
    assert result.score == 100.0
    if speaker is not None and len(text.split()) >= 4:
        # Short fragments may also occur under someone else; longer ones keep their speaker.
        assert result.source is not None and speaker in result.source.speakers, text
        assert result.attribution == "match", text


gibberish = st.lists(
    st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=4, max_size=9), min_size=3, max_size=15
)


@settings(max_examples=FUZZ, deadline=None)
@given(gibberish)
def test_fuzz_random_words_are_missing(words: list[str]) -> None:
    result = check(statement(" ".join(words)), CORPUS, Settings(), "x")
    assert result.verdict == "missing"
    assert result.source is None
    assert result.attribution == "not-applicable"


_PIECES = [*"abcXYZ019 ,.!?'’“”\"-—*_[]…\n\t", "[T]", "1,000", "n't", "a_b", "__"]
prose = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(prose)
@example("a[_]")  # found by hypothesis: an underscore in brackets is not an editorial letter
def test_bulk_keys_equal_folded_words(text: str) -> None:
    """The index's fast keys and the aligner's offset map must agree word for word."""
    flat = [w for s in key_sentences(text) for w in s]
    assert flat == fold(text).word_keys()


def _sentences_word_by_word(text: str) -> list[list[str]]:
    """``key_sentences`` as first written: a new sentence when a gap between two words
    holds a full stop, ! or ?."""
    folded = fold_slow(text).text
    out: list[list[str]] = [[]]
    last = -1
    for m in WORD_RE.finditer(folded):
        if last >= 0 and out[-1] and re.search(r"[.!?]", folded[last : m.start()]):
            out.append([])
        out[-1].append(m.group())
        last = m.end()
    return out if out[0] else []


@settings(max_examples=500, deadline=None)
@given(prose)
@example("U.S. 3.5 a. .b c.d! e?f")
@example("a[.]b x.[y] z._w")
def test_bulk_sentences_equal_the_word_by_word_rule(text: str) -> None:
    """Cutting at breaks first groups the words as the word-by-word walk did."""
    assert key_sentences(text) == _sentences_word_by_word(text)


@settings(max_examples=300, deadline=None)
@given(prose)
def test_fast_fold_equals_slow_fold(text: str) -> None:
    assert fold(text) == fold_slow(text)


def _unbracketed_by_every_span(f):  # type: ignore[no-untyped-def]
    """The rule as first written: a word is an editor's when any [span] holds it."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\[[^\]]*\]", f.text)]
    kept = [
        i for i, w in enumerate(f.words) if not any(a < w.start and w.end <= b for a, b in spans)
    ]
    return " " + " ".join(f.words[i].text for i in kept) + " ", kept


@settings(max_examples=300, deadline=None)
@given(prose)
@example("[a] b [c d] e[f] [g]h [")
@example("[] [, ] c [d]")  # spans without words: the walk must pass them all
def test_unbracketed_walk_equals_the_rule(text: str) -> None:
    """The one-pass walk over spans and words keeps exactly the words the rule keeps."""
    f = fold(text)
    rule = _unbracketed_by_every_span(f)
    assert match._unbracketed(f) == rule
    assert match._unbracketed_key(f) == rule[0]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "dd", "e-f"]), max_size=12))
def test_index_keys_equal_their_definitions(words: list[str]) -> None:
    """Shingles spelled three at a time and windows as shifted copies: the same keys
    as the slices they replace (an index on disk must keep its keys)."""
    from zlib import crc32

    from claimcheck.index.keys import shingles, winnow

    hashes = shingles(words)
    assert hashes == [crc32(" ".join(words[i : i + 3]).encode()) for i in range(len(words) - 2)]
    expect = {min(hashes[i : i + 4]) for i in range(len(hashes) - 3)} if len(hashes) > 4 else set()
    assert winnow(hashes) == (expect or ({min(hashes)} if hashes else set()))
