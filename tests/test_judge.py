from __future__ import annotations

import doctest

import pytest

from claimcheck import text
from claimcheck.lexicon import cues as cue_lexicon
from claimcheck.models import Speaker
from claimcheck.render import text as text_render
from claimcheck.render import words as render_words
from claimcheck.verify import Policy, align, judge, match, names, paraphrase, wording
from claimcheck.verify.align import Edit
from claimcheck.verify.judge import edit_flags


@pytest.mark.parametrize(
    "module",
    [text, match, judge, names, cue_lexicon, align, wording, paraphrase, text_render, render_words],
)
def test_doctests(module: object) -> None:
    failed, tried = doctest.testmod(module)  # type: ignore[arg-type]
    assert tried > 0
    assert failed == 0


def rep(src: str, st: str) -> Edit:
    return Edit("replace", tuple(src.split()), tuple(st.split()))


@pytest.mark.parametrize(
    ("edit", "flags"),
    [
        (rep("twelve", "12"), []),
        (rep("1952", "1962"), ["number-changed"]),
        (rep("twelve", "13"), ["number-changed"]),
        (rep("is", "isn't"), ["negation-changed"]),
        (rep("can't", "can"), ["negation-changed"]),  # "can't" is "can" + a negation
        (rep("shouldn't", "should"), ["negation-changed"]),
        (rep("can't", "cannot"), []),
        (rep("I've", "I have"), []),
        (Edit("delete", ("never",), ()), ["negation-changed"]),
        (rep("would", "will"), ["modality-changed"]),
        (rep("may", "must"), ["modality-changed"]),
        (rep("Japan", "China"), ["name-changed"]),
        (rep("friends", "partners"), []),
        (Edit("replace", ("It",), ("This",), at_start=True), []),
    ],
)
def test_edit_flags(edit: Edit, flags: list[str]) -> None:
    assert edit_flags([edit]) == flags


def test_policy_is_overridable() -> None:
    lenient = Policy(material="warning", missing="warning")
    assert lenient.severity("fuzzy", "match", ["number-changed"]) == "warning"
    assert Policy().severity("fuzzy", "match", ["number-changed"]) == "error"
    assert Policy().severity("exact", "match", []) == "info"
    assert Policy().severity("exact", "match", ["not-a-quote"]) == "warning"
    assert Policy().severity("exact", "mismatch", []) == "error"
    assert Policy().severity("missing", "not-applicable", []) == "error"


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        ("Das", True),
        ("Dr. Das", True),
        ("Professor Das", True),
        ("according to Das", True),
        ("Das's", True),
        ("Shubhamitra Das", True),
        ("Dasgupta", False),
        ("Arnab Dasgupta", False),
        ("Ravi Das", False),
        ("", False),
        # A description before the name, as the extractor now strips it from speakers.
        ("Research analyst Shubhamitra Das", True),
        ("Defence Minister Das", True),
        ("Research analyst Ravi Das", False),
    ],
)
def test_same_person(draft: str, expected: bool) -> None:
    das = Speaker(name="Shubhamitra Das", aliases=["Das"])
    assert names.same_person(draft, das) is expected


def test_fold_maps_back_to_original() -> None:
    src = "He said: “It’s *not*  over.”"
    f = text.fold(src)
    w = f.words[3]
    assert w.text == "not"
    assert f.original(w.start, w.end) == "not"
    first = f.words[2]
    assert f.original(first.start, first.end) == "It’s"
