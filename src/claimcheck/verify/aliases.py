"""Speaker aliases a team declares in config, added to the corpus ledgers' speakers.

House style may call Dr. Shubhamitra Das "Professor Das"; the extractor cannot
know that. ``[tool.claimcheck.speakers]`` maps a canonical name to such aliases
(docs/speakers.md). The table works in both directions: a ledger speaker known
by *any* of a group's names (the canonical one or an alias) gets all the others
as aliases, so a draft may use any name of the group for a source that uses
any other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from claimcheck.models import Ledger, Speaker


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def _extend(speaker: Speaker, groups: list[list[str]]) -> Speaker:
    known = {_key(speaker.name), *(_key(a) for a in speaker.aliases)}
    extra = [
        name
        for group in groups
        if any(_key(n) in known for n in group)
        for name in group
        if _key(name) not in known
    ]
    if not extra:
        return speaker
    return speaker.model_copy(update={"aliases": [*speaker.aliases, *dict.fromkeys(extra)]})


def _groups(declared: Mapping[str, list[str]]) -> list[list[str]]:
    return [[canonical, *names] for canonical, names in declared.items()]


def extend(speakers: Iterable[Speaker], declared: Mapping[str, list[str]]) -> list[Speaker]:
    """A ledger's speakers with the declared aliases joined in."""
    groups = _groups(declared)
    return [_extend(s, groups) for s in speakers]


def apply(ledgers: Iterable[Ledger], declared: Mapping[str, list[str]]) -> list[Ledger]:
    groups = _groups(declared)
    out = []
    for ledger in ledgers:
        speakers = [_extend(s, groups) for s in ledger.speakers]
        changed = any(a is not b for a, b in zip(speakers, ledger.speakers, strict=True))
        out.append(ledger.model_copy(update={"speakers": speakers}) if changed else ledger)
    return out
