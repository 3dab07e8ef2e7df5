"""The ledger's models are made from their values (``extract.ledger.made``), not validated:
each must be the very object pydantic's validation gives for the same data.

The reference is built as ``build_ledger`` built it before: plain dicts (without the
``reviewed`` default a claim never gives) through ``Ledger.model_validate``. The
comparison is deep: each model's class, its fields in order with their values, and
the fields validation records as set (``model_dump(exclude_unset=True)`` reads them).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from claimcheck.extract import extract
from claimcheck.extract import ledger as ledger_mod
from claimcheck.loaders import from_text, load
from claimcheck.models import Ledger

WIKINEWS = sorted((Path(__file__).parent / "data" / "wikinews").glob("*.txt"))


def _validated(ledger: Ledger) -> Ledger:
    return Ledger.model_validate(
        {
            "document": ledger.document.model_dump(),
            "speakers": [s.model_dump() for s in ledger.speakers],
            "claims": [c.model_dump(exclude={"reviewed"}) for c in ledger.claims],
            "skipped": [s.model_dump() for s in ledger.skipped],
        }
    )


def _same(a: Any, b: Any, at: str = "ledger") -> None:
    assert type(a) is type(b), at
    if isinstance(a, BaseModel):
        assert list(a.__dict__) == list(b.__dict__), at
        assert a.__pydantic_fields_set__ == b.__pydantic_fields_set__, at
        assert a.__pydantic_extra__ == b.__pydantic_extra__, at
        assert a.__pydantic_private__ == b.__pydantic_private__, at
        for k in a.__dict__:
            _same(a.__dict__[k], b.__dict__[k], f"{at}.{k}")
    elif isinstance(a, list):
        assert len(a) == len(b), at
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{at}[{i}]")
    else:
        assert a == b, at


@pytest.fixture(autouse=True)
def _made_only(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    # The comparisons below are only worth something if build_ledger made its models.
    if "closed_set" not in request.node.name:

        def refuse(*_args: Any) -> Ledger:
            raise AssertionError("build_ledger validated instead of making its models")

        monkeypatch.setattr(ledger_mod, "_validated", refuse)


def _check(ledger: Ledger) -> None:
    ref = _validated(ledger)
    _same(ledger, ref)
    assert ledger == ref
    assert ledger.model_dump_json() == ref.model_dump_json()
    assert ledger.model_dump(exclude_unset=True) == ref.model_dump(exclude_unset=True)


@pytest.mark.parametrize("path", WIKINEWS, ids=lambda p: p.stem[:30])
def test_made_ledger_is_the_validated_one(path: Path) -> None:
    ledger = extract(load(path))
    assert ledger.claims and ledger.speakers
    _check(ledger)


def test_made_ledger_keeps_a_title_and_skipped_lines() -> None:
    text = "Mayor says city will rebuild\n\nSources\n\n“We will rebuild,” Mayor Ana Ruiz said.\n"
    ledger = extract(from_text(text, path="title.txt"))
    _check(ledger)


WORDS = st.lists(
    st.sampled_from(
        [
            "“",
            "”",
            '"',
            ",",
            ".",
            " ",
            "\n\n",
            "Das",
            "said",
            "told",
            "She",
            "that",
            "according to",
            "Ana Ruiz",
            "the report",
            "found",
            "hopes",
            "—",
            "(IRCC)",
        ]
    ),
    max_size=50,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(WORDS)
def test_made_ledger_is_the_validated_one_on_any_text(text: str) -> None:
    _check(extract(from_text(text)))


def test_a_word_outside_its_closed_set_is_still_a_validation_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The membership tests stand for validation: a basis no contract knows must fail
    # as loudly as it did when every claim was validated.
    real = ledger_mod.build_ledger

    def bogus(doc: Any, state: Any) -> Ledger:
        for o in state.out:
            if o.person is not None:
                o.basis = "guessed"
        return real(doc, state)

    monkeypatch.setattr("claimcheck.extract.pipeline.build_ledger", bogus)
    with pytest.raises(ValidationError, match="speaker_basis"):
        extract(from_text("“We will rebuild,” Mayor Ana Ruiz said."))


def test_a_made_claim_copies_as_a_validated_one() -> None:
    # Corrections (corpus.review) copy claims with updates: the fields set must be a set
    # of the claim's own, as validation leaves it.
    ledger = extract(from_text("“We will rebuild,” Mayor Ana Ruiz said. Ruiz said it was hard."))
    ref = _validated(ledger)
    for made_claim, claim in zip(ledger.claims, ref.claims, strict=True):
        update = {"speaker": "Jane Das", "reviewed": True}
        _same(made_claim.model_copy(update=update), claim.model_copy(update=update))
    # Each claim owns its set: an update of one copy's fields set touches no other claim.
    assert len({id(c.__pydantic_fields_set__) for c in ledger.claims}) == len(ledger.claims)


def test_a_made_ledger_pickles_and_copies_as_a_validated_one() -> None:
    # Archive extraction sends ledgers between processes (pickle); corrections deep-copy.
    import copy
    import pickle

    ledger = extract(load(WIKINEWS[0]))
    ref = _validated(ledger)
    _same(pickle.loads(pickle.dumps(ledger)), ref)
    _same(copy.deepcopy(ledger), ref)
