"""Properties that hold for any text: no exception, honest offsets, stable ids."""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.extract import cues, extract, name_forms, patterns, referents, subjects
from claimcheck.loaders import from_text

NEWSY = st.lists(
    st.sampled_from(
        [
            "“",
            "”",
            '"',
            "‘",
            "’",
            "'",
            "«",
            "»",
            ",",
            ".",
            "?",
            "!",
            ":",
            " ",
            "\n",
            "\n\n",
            "\r\n",
            "Das",
            "said",
            "told",
            "Dr.",
            "She",
            "that",
            "according to",
            "—",
            "The ministry",
            "We will appeal",
            "U.S.",
            "Jan.",
            "noted",
            "Ana Ruiz",
            "\u2028",
        ]
    ),
    max_size=60,
).map("".join)

TEXT = st.one_of(st.text(max_size=400), NEWSY)
# CLAIMCHECK_FUZZ=20000 python -m pytest tests -k fuzz: a long fuzz run.
FUZZ = int(os.environ.get("CLAIMCHECK_FUZZ", "300"))


@settings(max_examples=FUZZ, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_fuzz_any_text_extracts_with_valid_offsets(text: str) -> None:
    doc = from_text(text, path="any.txt")
    ledger = extract(doc)
    for claim in ledger.claims:
        assert 0 <= claim.start < claim.end <= len(text)
        assert claim.text == text[claim.start : claim.end]
        assert (claim.line, claim.column) == doc.line_col(claim.start)
        if claim.mention is not None:
            assert claim.mention.text == text[claim.mention.start : claim.mention.end]
        if claim.cue is not None:
            assert claim.cue.text == text[claim.cue.start : claim.cue.end]
        for part in claim.verbatim:
            assert claim.start <= part.start <= part.end <= claim.end
    for skipped in ledger.skipped:
        assert 0 <= skipped.start <= skipped.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_ids_stable_across_runs(text: str) -> None:
    first = extract(from_text(text, path="x.txt"))
    second = extract(from_text(text, path="x.txt"))
    assert first == second
    assert len({c.id for c in first.claims}) == len(first.claims)


# Cue words, their neighbours and the characters that do or do not end a word.
CUE_TEXT = st.lists(
    st.sampled_from(
        [
            *("said", "Said", "says", "call for", "calls", "for", "according to", "point out"),
            *(" ", "  ", "\n", "\t", "\u00a0", "“", "(", "—", "’", "'", "-", "_", "2", "é", "un"),
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), CUE_TEXT))
def test_cue_scan_reads_like_one_lookbehind_pattern(text: str) -> None:
    # The document's cues are found by two scans merged (see cues._CUE_AFTER_SPACE);
    # they must give exactly the matches of the one pattern they replace.
    one = re.compile(r"(?<![\w'’-])" + cues._CUE_FORM)
    assert cues._cue_spans(text) == [m.span() for m in one.finditer(text)]


# Lower-case words, the characters they may hold, blanks of every kind and stops.
DESCRIPTOR_TEXT = st.lists(
    st.sampled_from(
        ["a", "mayor", "the", "-", "'", "’", " ", "  ", "\n", "\t", "\u00a0", "X", "."]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), DESCRIPTOR_TEXT), st.integers(0, 80))
def test_descriptor_reads_like_the_end_anchored_search(text: str, at: int) -> None:
    # referents._descriptor reads the window backwards; it must find what the
    # search it replaces finds.
    at = min(at, len(text))
    search = re.compile(r"((?:[a-z][a-z’'-]*\s+){1,3})$").search(text, max(0, at - 50), at)
    assert referents._descriptor(text, at) == (search.group(1) if search else None)


NAME_TEXT = st.lists(
    st.sampled_from(
        ["Ana", "Ruiz", "de", "U.S.", "McD", "X.", " ", "\u00a0", "\t", "\n", "a", "-", "’s"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=120), NAME_TEXT))
def test_name_runs_are_the_longer_runs_of_the_one_word_pattern(text: str) -> None:
    # patterns.NAME_RUN asks for two words at least; it must find every run of two
    # or more words that the pattern allowing one word finds, and no other.
    one = (
        rf"{patterns.CAP}(?:{patterns.SP}(?:{patterns._PART}{patterns.SP})?{patterns.CAP}){{0,11}}"
    )
    longer = [
        m.span()
        for m in re.finditer(one, text)
        if m.group() != re.match(patterns.CAP, m.group()).group()
    ]
    assert [m.span() for m in re.finditer(patterns.NAME_RUN, text)] == longer


RUN_TEXT = st.lists(
    st.sampled_from(
        ["A", "Bc", "and", "of", "the", "&", " ", ",", "\t", "\n", "x", "-", "’", "É", "Rand"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), RUN_TEXT), st.integers(0, 80), st.integers(0, 60))
def test_run_before_reads_like_the_end_anchored_search(text: str, end: int, back: int) -> None:
    # name_forms.run_before reads the words before an acronym's bracket backwards; it
    # must find what the search it replaces finds.
    end = min(end, len(text))
    lo = max(0, end - back)
    search = name_forms._RUN.search(text, lo, end)
    assert name_forms.run_before(text, lo, end) == (search.group() if search else None)


QUANT_TEXT = st.lists(
    st.sampled_from(
        ["one", "Ones", "someone", "ten", "often", "Most", "half", "7", "٣", " ", "-", "x"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=100), QUANT_TEXT), st.integers(0, 100))
def test_quant_hint_is_the_one_pattern_it_replaces(text: str, pos: int) -> None:
    words = patterns.trie_pattern(subjects._QUANT_WORDS)
    one = re.compile(rf"\d|percent|Half|half|third|quarter|majorit|minorit|(?:{words})\b")
    assert subjects._quant_hint(text, pos) == (one.search(text, pos) is not None)


# Words the end-anchored patterns below look for, blanks of every kind, a stop, a comma,
# marks and letters that join a word.
TAIL_TEXT = st.lists(
    st.sampled_from(
        [
            "of",
            "Whether",
            "although",
            "a",
            "THE",
            "x",
            "wife",
            "son",
            "in",
            "outside",
            "saying",
            "ing",
            " ",
            "  ",
            "\n",
            "\t",
            "\u00a0",
            "\u2028",
            ",",
            ".",
            "“",
            '"',
            "(",
            "’",
            "-",
            "é",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=120), TAIL_TEXT), st.integers(0, 40))
def test_tail_searches_find_what_the_whole_searches_find(text: str, lo: int) -> None:
    # lead_ok searches its end-anchored patterns from _tail_start only; the match must
    # be the one a search of the whole lead gives.
    from claimcheck.extract.attribute import base

    for pattern, width in (
        (base._LEAD_STOP, base._LEAD_STOP_WIDTH),
        (base._NEW_CLAUSE, base._NEW_CLAUSE_WIDTH),
    ):
        whole = pattern.search(text)
        tail = pattern.search(text, base._tail_start(text, width))
        assert (whole and whole.span()) == (tail and tail.span())


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), TAIL_TEXT), st.integers(0, 60))
def test_tests_before_end_anchored_searches_never_hide_a_match(text: str, at: int) -> None:
    # Each of these tests a window's end before its pattern is searched: where the
    # test says no, the search finds nothing either.
    from claimcheck.extract import gender, known_names

    at = min(at, len(text))
    kin = gender._KIN_BEFORE.search(text, max(0, at - 16), at)
    assert gender._kin_gender(text, at) == (
        None if kin is None else "m" if kin.group(1) in gender._KIN_MALE else "f"
    )
    place = known_names._PLACE_BEFORE.search(text, max(0, at - 9), at) is not None
    found: list[tuple[int, str]] = []
    known_names._keep(text, found, at, "Ana Ruiz")
    if place:
        assert not found
    ing = cues._ING_BEFORE_PARTICIPLE.search(text, max(0, at - 24), at)
    window = text[max(0, at - 24) : at]
    if ing is not None:  # the test that runs first lets every match through
        assert window[-1:].isspace() and window.rstrip().endswith("ing")
    else:
        assert not cues._ing_before_participle(text, at)


CLAUSE_TEXT = st.lists(
    st.sampled_from(
        [
            "and",
            "but",
            "band",
            "was",
            "is",
            "being",
            "quickly",
            "ly",
            "people",
            "who",
            "run",
            "polled",
            "Most",
            "voters",
            "ab",
            "7",
            "_",
            "”",
            '"',
            ",",
            ";",
            ":",
            "“",
            " ",
            "  ",
            "\n",
            "\t",
            "\u00a0",
            "x",
            "É",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=120), CLAUSE_TEXT), st.integers(0, 40))
def test_narrowed_searches_answer_as_the_whole_ones(text: str, lo: int) -> None:
    from claimcheck.extract.attribute import base, reported_rules

    # lead_ok asks _AND_CLAUSE only whether it matches, from three before the last comma.
    narrowed = "," in text and base._AND_CLAUSE.search(text, max(0, text.rfind(",") - 3))
    assert bool(narrowed) == bool(base._AND_CLAUSE.search(text))
    # _modified_subject searches from after the last stop character.
    left = text.rstrip()
    tail_at = max(left.rfind(c) for c in reported_rules._MODIFIED_STOPS) + 1
    for pattern in (reported_rules._MODIFIED, reported_rules._RESPONDENTS):
        whole, tail = pattern.search(left), pattern.search(left, tail_at)
        assert (whole and whole.span()) == (tail and tail.span())
    # subject_before tests the window's end before _PASSIVE_AUX.
    lo = min(lo, len(text))
    hi = len(text)
    passive = subjects._PASSIVE_AUX.search(text, lo, hi) is not None
    assert subjects._passive_before(text, lo, hi) == passive


SENTENCE_TEXT = st.lists(
    st.sampled_from(
        [
            "Ana",
            "said",
            "x",
            ".",
            "!",
            "?",
            '"',
            "“",
            "”",
            "’",
            " ",
            "  ",
            "\n",
            "\t",
            "\u2028",
            "\u00a0",
            "B",
            "a.",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=120), SENTENCE_TEXT), st.integers(0, 60), st.integers(0, 60))
def test_sentence_starts_are_the_ends_of_the_one_pattern(text: str, lo: int, back: int) -> None:
    from claimcheck.extract import sentence_subjects as ss

    hi = max(0, len(text) - back)
    lo = min(lo, hi)
    ends = [m.end() for m in ss._SENTENCE_START.finditer(text, lo, hi)]
    assert ss._sentence_starts(text, lo, hi) == ends


TIME_TEXT = st.lists(
    st.sampled_from(
        [
            "the",
            "ministry",
            "on",
            "during",
            "last",
            "this",
            "Monday",
            "May",
            "June",
            "weekend",
            "week",
            "day",
            "today",
            "night",
            "evening",
            "x",
            " ",
            "  ",
            "\n",
            "\t",
            "\u00a0",
            ".",
        ]
    ),
    max_size=20,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), TIME_TEXT))
def test_trailing_time_needs_one_of_its_end_words(text: str) -> None:
    # trim_np searches _TRAILING_TIME only when the phrase ends with one of _TIME_ENDS.
    from claimcheck.extract import phrases

    if phrases._TRAILING_TIME.search(text) is not None:
        assert (text[:-1] if text.endswith("\n") else text).endswith(phrases._TIME_ENDS)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), NEWSY, CLAUSE_TEXT))
def test_loop_rewrites_give_what_the_comprehensions_gave(text: str) -> None:
    from claimcheck.extract import segment
    from claimcheck.extract.attribute import reported_rules as rr

    words = [w for w in segment._WORD.findall(text) if w.lower() not in segment._SMALL]
    ratio = sum(1 for w in words if w[0].isupper()) / len(words) if words else 0.0
    assert segment.title_case_ratio(text) == ratio
    last_stop = max(text.rfind(c) for c in rr._MODIFIED_STOPS)
    assert text.translate(rr._STOPS_AS_COMMA).rfind(",") == last_stop
    assert bool(rr._MODIFIER_HINT.search(text)) == any(h in text for h in rr._MODIFIER_HINTS)
    assert bool(segment._MARK.search(text)) == any(c in text for c in '“”"«»')


ACTS_TEXT = st.lists(
    st.sampled_from(
        [
            "said",
            "says",
            "sa",
            "saying",
            "is",
            "island",
            "who",
            "also",
            ",",
            ".",
            ")",
            " ",
            "\n",
            "x",
            "É",
            "-",
            "’",
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), ACTS_TEXT), st.integers(0, 40))
def test_acts_next_matches_where_the_alternation_did(text: str, at: int) -> None:
    from claimcheck.extract import known_names as kn

    words = sorted(kn._ACTS_NEXT_WORDS, key=len, reverse=True)
    one = re.compile(r"\s*(?:[,.;:)]|(?:" + "|".join(words) + r")\b)")
    at = min(at, len(text))
    assert bool(kn._ACTS_NEXT.match(text, at)) == bool(one.match(text, at))
