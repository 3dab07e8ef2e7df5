"""The ledger's promises, on inputs that once broke them (issue 17, item 7).

A claim's text is the document's text at its offsets; a split or mixed
quote's ``verbatim`` parts lie inside the claim, in order, and hold words; a
quote claim is never only blanks or marks.
"""

from __future__ import annotations

import pytest

from claimcheck.extract import extract
from claimcheck.loaders import from_text
from claimcheck.models import Ledger


def assert_contract(ledger: Ledger, text: str) -> None:
    for c in ledger.claims:
        assert 0 <= c.start < c.end <= len(text)
        assert c.text == text[c.start : c.end]
        assert not c.text.isspace()
        if c.kind == "quote":
            assert any(ch.isalnum() for ch in c.text), c
        last = c.start
        for part in c.verbatim:
            assert last <= part.start < part.end <= c.end, c
            assert part.text == text[part.start : part.end]
            assert any(ch.isalnum() for ch in part.text), c
            last = part.end


CASES = {
    # Two quotations joined as one split quote, the second one before the first.
    "split parts out of order": '", "s " y r d , W m g t o y d e""T want d"tweeted de. "u"',
    "ideographic space quoted": "“\u3000” Das said.",
    "vertical tab quoted": '"\x0b" Das said.',
    "blank mixed quote": '“\u3000” and "\x0b" he said.',
    "dash quoted": "“—” Das said.",
    "nbsp quoted": "Das said “\u00a0”.",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_ledger_contract_holds(name: str) -> None:
    text = CASES[name]
    assert_contract(extract(from_text(text)), text)


def test_a_real_split_quote_keeps_its_parts() -> None:
    text = "“It was,” said Jane Das, “a mistake.”"
    ledger = extract(from_text(text))
    (claim,) = [c for c in ledger.claims if c.kind == "quote"]
    assert claim.form == "split"
    assert [p.text for p in claim.verbatim] == ["It was", "a mistake."]
