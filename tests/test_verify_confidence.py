"""Verify uses how sure the source is of its speaker (issue 14, verify side).

Hand-made ledgers with ``speaker_basis`` and ``speaker_alternatives``: a
confident source makes a wrong speaker an error; an unsure one a warning that
names both and says why. Fails before: every mismatch was an error.
"""

from __future__ import annotations

from typing import Any

import pytest

from claimcheck.models import Claim, DocumentInfo, Ledger, Speaker
from claimcheck.verify import Corpus, Settings, check
from claimcheck.verify.statements import standalone

WORDS = "we expect revenue to double over the next three years"


def _corpus(**claim: Any) -> Corpus:
    c = Claim(
        id="a:1:1", kind="quote", text=WORDS, start=0, end=len(WORDS), line=1, rule="test", **claim
    )
    speakers = [
        Speaker(name=n) for n in {claim.get("speaker"), *claim.get("speaker_alternatives", [])} if n
    ]
    ledger = Ledger(document=DocumentInfo(path="a.txt", sha256="0"), speakers=speakers, claims=[c])
    return Corpus.from_ledgers([ledger])


def _check(corpus: Corpus, speaker: str) -> tuple[str, str, str]:
    r = check(standalone(WORDS, speaker), corpus, Settings(), "x")
    return r.attribution, r.severity, r.message


def test_a_sure_source_makes_a_wrong_speaker_an_error() -> None:
    corpus = _corpus(speaker="Jane Smith", speaker_basis="named")
    assert _check(corpus, "Bob Ray")[:2] == ("mismatch", "error")


@pytest.mark.parametrize(
    ("claim", "why"),
    [
        ({"speaker": "the company", "speaker_basis": "unresolved"}, 'only says "the company"'),
        (
            {
                "speaker": "Jane Smith",
                "speaker_basis": "pronoun",
                "speaker_alternatives": ["Ann Lee"],
            },
            "could also be Ann Lee",
        ),
        ({"speaker": "US Secretary", "speaker_basis": "named"}, "a description, not a name"),
    ],
)
def test_an_unsure_source_makes_a_wrong_speaker_a_warning(claim: dict[str, Any], why: str) -> None:
    attribution, severity, message = _check(_corpus(**claim), "Bob Ray")
    assert (attribution, severity) == ("mismatch", "warning")
    assert why in message and "Bob Ray" in message and claim["speaker"] in message


def test_the_draft_naming_the_resolved_body_is_a_match() -> None:
    corpus = _corpus(speaker="Google", speaker_basis="description")
    assert _check(corpus, "Google")[:2] == ("match", "info")


def test_the_report_says_how_the_source_found_its_speaker() -> None:
    corpus = _corpus(
        speaker="Jane Smith", speaker_basis="pronoun", speaker_alternatives=["Ann Lee"]
    )
    r = check(standalone(WORDS, "Jane Smith"), corpus, Settings(), "x")
    assert r.source is not None
    assert (r.source.speaker_basis, r.source.speaker_alternatives) == ("pronoun", ["Ann Lee"])
