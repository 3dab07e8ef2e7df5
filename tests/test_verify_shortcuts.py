"""verify's shortcuts give what the plain computation they replaced gives.

A statement's parse (parts and sentence pieces) decides what is looked up and aligned,
and the word runs of an alignment are the edits a report shows: a difference in either
is a different report. Each is compared with the word-by-word reference it replaced.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.text import Folded, fold
from claimcheck.verify import align, match


def _reference_sentences(f: Folded, part: list[int], marks: list[int]) -> list[match.Piece]:
    """Cut word by word: a piece ends where a mark stands between two words."""
    words, source, offsets = f.words, f.source, f.offsets
    out: list[match.Piece] = []
    run: list[int] = []
    k, n_marks = 0, len(marks)
    last = len(part) - 1
    for n, i in enumerate(part):
        run.append(i)
        if n < last:
            end = words[i].end
            while k < n_marks and marks[k] < end:
                k += 1
            if k == n_marks or marks[k] >= words[part[n + 1]].start:
                continue
        keys = tuple([words[j].text for j in run])
        orig = tuple([source[offsets[words[j].start] : offsets[words[j].end - 1] + 1] for j in run])
        out.append(match.Piece(keys, orig))
        run = []
    return out


def _reference(text: str) -> tuple[match.Query, str]:
    f = fold(text)
    gaps = [(m.start(), m.end()) for m in match._GAP.finditer(f.text)]
    parts: list[list[int]] = [[]]
    g = 0
    for i, w in enumerate(f.words):
        while g < len(gaps) and gaps[g][1] <= w.start:
            g += 1
            if parts[-1]:
                parts.append([])
        if g < len(gaps) and gaps[g][0] < w.end:
            continue
        parts[-1].append(i)
    parts = [p for p in parts if p]
    marks = [m.start() for m in match._SENTENCE_END.finditer(f.text)]
    pieces = [piece for part in parts for piece in _reference_sentences(f, part, marks)]
    keys = tuple(tuple(f.words[i].text for i in part) for part in parts)
    return match.Query(keys, tuple(pieces)), " ".join([w.text for w in f.words])


_BITS = ["We", "will", "U.S.", "3.5", "win", "it's", "[Japan]", "[t]he", "…", "...", "(...)"]
_BITS += [".", "!", "?", ",", "said.", "“No.”", "Mr.", "e.g.", " ", "  ", "\n", "—", "a.b"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_BITS), max_size=30), st.sampled_from(["", " ", "."]))
def test_parse_is_the_reference_parse(bits: list[str], glue: str) -> None:
    text = glue.join(bits)
    assert match.parse_keyed(text) == _reference(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab .!?[]…,'\n", max_size=60))
def test_parse_of_any_text_is_the_reference_parse(text: str) -> None:
    assert match.parse_keyed(text) == _reference(text)


def test_a_statement_of_sentences_is_cut_at_each_mark() -> None:
    query = match.parse("It works. It is fast! Is it? Officials said 3.5 percent")
    assert [p.keys for p in query.pieces] == [
        ("it", "works"),
        ("it", "is", "fast"),
        ("is", "it"),
        ("officials", "said", "3.5", "percent"),
    ]


def _reference_to_words(
    run: list[int], s_own: list[int], d_own: list[int], s2d: dict[int, int], d2s: dict[int, int]
) -> None:
    """Grow a sub-word run to whole words, each word's sub-words found by a scan."""
    changed = True
    while changed:
        changed = False
        for own, lo_i, hi_i, cross, other_lo, other_hi in (
            (s_own, 0, 1, s2d, 2, 3),
            (d_own, 2, 3, d2s, 0, 1),
        ):
            lo, hi = run[lo_i], run[hi_i]
            if hi <= lo:
                continue
            first, last = own[lo], own[hi - 1]
            new_lo = min(i for i, o in enumerate(own) if o == first)
            new_hi = max(i for i, o in enumerate(own) if o == last) + 1
            for k in [*range(new_lo, lo), *range(hi, new_hi)]:
                if k in cross:
                    j = cross[k]
                    if run[other_hi] <= run[other_lo]:
                        run[other_lo], run[other_hi] = j, j + 1
                    else:
                        run[other_lo], run[other_hi] = (
                            min(run[other_lo], j),
                            max(run[other_hi], j + 1),
                        )
                    changed = True
            if (new_lo, new_hi) != (lo, hi):
                run[lo_i], run[hi_i] = new_lo, new_hi
                changed = True


_WORDS = ["we're", "we", "are", "not", "can't", "cannot", "can", "go", "it's", "it", "is"]
_WORDS += ["won't", "will", "i'm", "i", "am", "so"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), max_size=14), st.lists(st.sampled_from(_WORDS), max_size=14)
)
def test_word_runs_are_the_reference_runs(source: list[str], draft: list[str]) -> None:
    got = align.word_runs(source, draft)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(align, "_to_words", _reference_to_words)
        align.forget()
        want = align.word_runs(source, draft)
    assert got == want


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14))
def test_corpus_windows_are_spelled_out_as_the_drafts_words(words: list[str]) -> None:
    """The corpus windows' spellings, kept apart (``forget`` leaves them), are the plain
    spelling, as the draft's are."""
    align.forget()
    assert align._source_subwords(words) == align._spell(tuple(words))
    assert align._subwords(words) == align._spell(tuple(words))
    align.forget()
    assert align._spelled_out.cache_info().currsize == 0
    assert align._source_subwords(words) == align._spell(tuple(words))
