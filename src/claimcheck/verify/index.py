"""The indexes verify looks in: ``ClaimIndex`` (claims) and ``TextIndex`` (documents' prose).

They live in ``claimcheck.index`` (in memory: ``index.memory``; on disk or on a
server: ``index.stored``); this module is where verify's stages import them from.
"""

from __future__ import annotations

from claimcheck.index.keys import Entries, Entry, Unit, exact_key, shingles, spoken_text, winnow
from claimcheck.index.memory import (
    BruteForce,
    Candidate,
    ClaimIndex,
    ClaimLookup,
    TextIndex,
    TextLookup,
)

__all__ = [
    "BruteForce",
    "Candidate",
    "ClaimIndex",
    "ClaimLookup",
    "Entries",
    "Entry",
    "TextIndex",
    "TextLookup",
    "Unit",
    "exact_key",
    "shingles",
    "spoken_text",
    "winnow",
]
