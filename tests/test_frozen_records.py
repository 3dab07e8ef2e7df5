"""Frozen records with a hand-written ``__init__`` (it writes the instance's dict, which is
cheaper than the generated one) stay the dataclasses they were: same fields and defaults,
equality, hashing, ``replace`` and immutability."""

from __future__ import annotations

import dataclasses

import pytest

from claimcheck.extract.cues import CueHit
from claimcheck.extract.quotes import Quote
from claimcheck.extract.segment import LineVerdict, Sentence
from claimcheck.extract.subjects import Subject

CASES = [
    (Sentence, (3, 9), {}),
    (LineVerdict, ("heading", 12), {}),
    (Quote, (1, 5, 0, 6, "double", 0), {}),
    (Quote, (1, 5, 0, 6, "double", 1), {"unclosed": True, "continued": True}),
    (Subject, (0, 3, "Das", "name", None), {}),
    (CueHit, (4, 8, "say", "assert"), {}),
]


@pytest.mark.parametrize(("cls", "args", "kwargs"), CASES, ids=lambda c: getattr(c, "__name__", ""))
def test_a_record_is_its_dataclass(cls: type, args: tuple, kwargs: dict) -> None:
    fields = dataclasses.fields(cls)
    made = cls(*args, **kwargs)
    # Every field set, in order, defaults where none was given.
    expected = [*args]
    for f in fields[len(args) :]:
        expected.append(kwargs.get(f.name, f.default))
    assert dataclasses.astuple(made) == tuple(expected)
    assert list(made.__dict__) == [f.name for f in fields]
    by_name = cls(**{f.name: v for f, v in zip(fields, expected, strict=True)})
    assert by_name == made and hash(by_name) == hash(made)
    assert dataclasses.replace(made) == made
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, fields[0].name, 99)
    other = dataclasses.replace(made, **{fields[0].name: 99})
    assert other != made and getattr(other, fields[0].name) == 99
