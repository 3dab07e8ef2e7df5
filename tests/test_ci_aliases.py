from __future__ import annotations

from claimcheck.models import DocumentInfo, Ledger, Speaker
from claimcheck.verify import aliases


def _ledger() -> Ledger:
    return Ledger(
        document=DocumentInfo(path="corpus/a.txt", sha256="0"),
        speakers=[
            Speaker(name="Shubhamitra Das", aliases=["Das", "Dr. Shubhamitra Das"]),
            Speaker(name="Rajnath Singh"),
        ],
    )


def test_declared_aliases_join_the_named_speaker() -> None:
    (out,) = aliases.apply([_ledger()], {"shubhamitra  das": ["Professor Das", "das"]})
    das, singh = out.speakers
    assert das.aliases == ["Das", "Dr. Shubhamitra Das", "Professor Das"]
    assert singh == _ledger().speakers[1]


def test_a_known_alias_can_be_the_key_and_nothing_matching_changes_nothing() -> None:
    (out,) = aliases.apply([_ledger()], {"Dr. Shubhamitra Das": ["Prof. Das"]})
    assert "Prof. Das" in out.speakers[0].aliases
    ledger = _ledger()
    assert aliases.apply([ledger], {"Nobody": ["X"]})[0] is ledger


def test_declared_aliases_work_in_both_directions() -> None:
    """The source knows only the alias; the draft uses the canonical name (fails before:
    the table was applied only to speakers already known by the canonical name)."""
    from claimcheck.verify.names import any_person

    ledger = Ledger(
        document=DocumentInfo(path="a.txt", sha256="0"),
        speakers=[Speaker(name="Professor Das")],
    )
    (out,) = aliases.apply([ledger], {"Shubhamitra Das": ["Professor Das"]})
    assert out.speakers[0].aliases == ["Shubhamitra Das"]
    assert any_person("Shubhamitra Das", out.speakers)
    assert not any_person("Shubhamitra Das", ledger.speakers)
