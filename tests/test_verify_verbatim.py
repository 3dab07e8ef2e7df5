"""Words that are verbatim in a source document are found, whatever the extractor made of it.

The first case is a real miss (Wikinews, tests/data/WIKINEWS.md): the extractor
ends Callamard's quote before '…, she said, asking Cengiz to be "patient and
resilient."', so only the documents' text holds those words. The others use a
small article with a hand-made ledger, so the extractor's behaviour cannot
change what they test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.loaders.documents import from_text
from claimcheck.models import Claim, DocumentInfo, Ledger, Skipped, Speaker
from claimcheck.verify import Corpus, Settings, check, load_corpus
from claimcheck.verify.statements import standalone
from claimcheck.verify.verbatim import UNCOVERED

DATA = Path(__file__).resolve().parent / "data" / "wikinews"
SACOOLAS = "uk-urges-us-to-waive-immunity-for-diplomat-s-wife-involved-i"

ARTICLE = (
    "Harbour plan approved\n"
    "\n"
    "The council approved the harbour plan on Monday after a long debate.\n"
    "\n"
    "“We listened to every fisherman in town,” Mayor Ana Ruiz said, "
    "before the vote that ended months of protest.\n"
    "\n"
    "```\n"
    "the secret build flags are here\n"
    "```\n"
)


def _ledger(text: str) -> Ledger:
    """A ledger that cuts Ruiz's quote short and skips the headline."""
    start = text.index("We listened")
    end = text.index(" in town")
    quote = Claim(
        id="harbour:5:1",
        kind="quote",
        text=text[start:end],
        start=start,
        end=end,
        line=5,
        speaker="Ana Ruiz",
        rule="test",
    )
    head = Skipped(line=1, reason="headline", text="Harbour plan approved", start=0, end=21)
    return Ledger(
        document=DocumentInfo(path="corpus/harbour.md", sha256="x"),
        speakers=[Speaker(name="Ana Ruiz", aliases=["Ruiz"])],
        claims=[quote],
        skipped=[head],
    )


@pytest.fixture(scope="module")
def harbour() -> Corpus:
    doc = from_text(ARTICLE, "corpus/harbour.md", fmt="md")
    return Corpus.from_ledgers([_ledger(ARTICLE)], documents={doc.path: doc})


def _check(corpus: Corpus, text: str, speaker: str | None = None):  # type: ignore[no-untyped-def]
    return check(standalone(text, speaker), corpus, Settings(), "r")


def test_a_quote_the_extractor_missed_is_exact_and_unattributed() -> None:
    # 'The State Department gave its "deepest sympathies"': no cue, so no claim covers it.
    corpus = load_corpus(str(DATA))
    result = _check(corpus, "deepest sympathies", "State Department")
    assert result.verdict == "exact"
    assert result.attribution == "unattributed-source"
    assert result.message.endswith(UNCOVERED)
    assert result.source is not None
    assert result.source.claim_id == f"{SACOOLAS}:21:text"
    assert result.source.passage == "deepest sympathies"
    assert (result.source.line, result.source.speaker) == (21, None)


def test_a_cut_claim_lends_its_speaker_to_the_words_around_it(harbour: Corpus) -> None:
    result = _check(harbour, "We listened to every fisherman in town", "Ruiz")
    assert (result.verdict, result.attribution) == ("exact", "match")
    assert result.source is not None
    assert result.source.claim_id == "harbour:5:1"
    assert result.source.passage == "We listened to every fisherman in town"
    assert UNCOVERED not in result.message


def test_a_claim_that_only_touches_the_passage_does_not_attribute_it(harbour: Corpus) -> None:
    result = _check(harbour, "in town, Mayor Ana Ruiz said, before the vote", "Ruiz")
    assert (result.verdict, result.attribution) == ("exact", "unattributed-source")
    assert result.message.endswith(UNCOVERED)


def test_skipped_lines_and_code_are_not_prose(harbour: Corpus) -> None:
    assert _check(harbour, "Harbour plan approved").verdict == "missing"
    assert _check(harbour, "the secret build flags are here").verdict == "missing"


def test_words_in_two_paragraphs_are_not_one_passage(harbour: Corpus) -> None:
    assert _check(harbour, "after a long debate. We listened to every").verdict != "exact"
