"""Every output format stays well-formed whatever a draft holds (issue 17, item 6).

JUnit XML broke on a draft with control characters (1,217 of 12,000 fuzzed
drafts); the same class: characters each format's grammar forbids or gives a
meaning (XML 1.0's excluded controls, JSON's, GitHub's ``%`` ``:`` ``,`` and
line breaks, Markdown's ``|``), in statements, speakers and file names.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.ci import outputs
from claimcheck.verify import Corpus, load_corpus, verify
from output_grammar import FORMATS, check, render_all

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = int(os.environ.get("CLAIMCHECK_FUZZ_EXAMPLES", "25"))

# Every C0 and C1 control, DEL, the Unicode line breaks, XML's non-characters, and
# the characters GitHub's and Markdown's syntax use.
AWKWARD = "".join(map(chr, range(32))) + "\x7f\x85\u2028\u2029\ufeff\ufffe\uffff%:,|\\<>&`*_[]"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(str(ROOT / "corpus"))


def _all_formats(tmp_path: Path, corpus: Corpus, name: str, text: str) -> None:
    draft = tmp_path / name
    draft.write_text(text, encoding="utf-8", newline="")
    report = verify([str(draft)], corpus)
    texts = outputs.draft_texts(report)
    for fmt, out in render_all(report, texts).items():
        check(fmt, out)


def test_junit_with_control_characters_is_xml(tmp_path: Path, corpus: Corpus) -> None:
    """The issue's reproducer: a vertical tab and a SOH inside a quotation."""
    report = verify(
        [str(_write(tmp_path, "c.md", "“Vertical\x0btab and \x01 here,” Lee said.\n"))], corpus
    )
    assert report.results, "the quotation must be checked for the test to mean anything"
    check("junit", render_all(report, {})["junit"])


# Eight drafts of a few characters each: one failure still names few suspects.
GROUPS = [AWKWARD[i : i + 6] for i in range(0, len(AWKWARD), 6)]


@pytest.mark.parametrize("chars", GROUPS, ids=lambda g: "-".join(f"{ord(c):X}" for c in g))
def test_each_awkward_character_in_every_format(tmp_path: Path, corpus: Corpus, chars: str) -> None:
    text = "".join(_draft(char) for char in chars)
    _all_formats(tmp_path, corpus, "d.md", text)


def _draft(char: str) -> str:
    return (
        f"“It was not just{char}to counter China,” Das{char} said.\n\n"
        f"“Plans{char}changed,” Lee said.\n\n"
    )


@pytest.mark.parametrize(
    "name", ["a,b:c%25.md", "pipe|and\\back.md", "new\nline.md", "1::error::x.md"]
)
def test_awkward_file_names_in_every_format(tmp_path: Path, corpus: Corpus, name: str) -> None:
    _all_formats(tmp_path, corpus, name, "“It was just to counter China,” Das said.\n")


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.text(st.sampled_from(AWKWARD + "abc “”\"'"), max_size=12)
        | st.sampled_from(["Das", "said"]),
        min_size=1,
        max_size=6,
    )
)
def test_any_quotation_in_every_format(
    tmp_path_factory: pytest.TempPathFactory, words: list[str]
) -> None:
    corpus = _seed_corpus()
    inside = " ".join(words)
    text = f"“{inside},” Das said. “It was {inside} to counter China,” {inside} said.\n"
    _all_formats(tmp_path_factory.mktemp("g"), corpus, "f.md", text)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


_SEED: list[Corpus] = []


def _seed_corpus() -> Corpus:
    if not _SEED:
        _SEED.append(load_corpus(str(ROOT / "corpus")))
    return _SEED[0]


def test_formats_listed() -> None:
    assert set(FORMATS) == {
        "text",
        "json",
        "jsonl",
        "github",
        "sarif",
        "rdjson",
        "rdjsonl",
        "junit",
        "markdown",
    }


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github"])
def test_a_file_name_that_is_not_utf8_in_every_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """Such a name reaches Python as surrogate escapes: it once crashed the result id."""
    from typer.testing import CliRunner

    from claimcheck.cli.app import app

    name = os.fsdecode(b"bad\xff.md")
    (tmp_path / name).write_text("“It was just to counter China,” Das said.\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    corpus = str(ROOT / "corpus")
    res = CliRunner().invoke(app, ["verify", name, "--corpus", corpus, "--isolated", "-f", fmt])
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    check(fmt, res.stdout)


def test_text_option_that_is_not_utf8_is_refused() -> None:
    from typer.testing import CliRunner

    from claimcheck.cli.app import app

    bad = os.fsdecode(b"It was \xff just")
    res = CliRunner().invoke(app, ["verify", "--text", bad, "--corpus", str(ROOT / "corpus")])
    assert res.exit_code == 2 and "--text is not valid UTF-8" in res.stderr
