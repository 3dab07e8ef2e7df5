"""Speaker aliases a team declares in config, added to the corpus ledgers' speakers.

House style may call Dr. Shubhamitra Das "Professor Das"; the extractor cannot
know that. ``[tool.claimcheck.extract.speakers]`` maps a canonical name to such
aliases, and they join the aliases of every ledger speaker with that name (or
already known by it), so attribution treats them as the same person.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from claimcheck.models import Ledger, Speaker


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def _extend(speaker: Speaker, declared: Mapping[str, list[str]]) -> Speaker:
    known = {_key(speaker.name), *(_key(a) for a in speaker.aliases)}
    extra = [
        alias
        for canonical, names in declared.items()
        if _key(canonical) in known
        for alias in (canonical, *names)
        if _key(alias) not in known
    ]
    if not extra:
        return speaker
    return speaker.model_copy(update={"aliases": [*speaker.aliases, *dict.fromkeys(extra)]})


def extend(speakers: Iterable[Speaker], declared: Mapping[str, list[str]]) -> list[Speaker]:
    """A ledger's speakers with the declared aliases joined in."""
    return [_extend(s, declared) for s in speakers]


def apply(ledgers: Iterable[Ledger], declared: Mapping[str, list[str]]) -> list[Ledger]:
    out = []
    for ledger in ledgers:
        speakers = [_extend(s, declared) for s in ledger.speakers]
        changed = any(a is not b for a, b in zip(speakers, ledger.speakers, strict=True))
        out.append(ledger.model_copy(update={"speakers": speakers}) if changed else ledger)
    return out
