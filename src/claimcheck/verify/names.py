"""Is the draft's speaker one of the source's speakers?

Names are compared as tokens with titles stripped: "Dr. Das", "Professor Das"
and "according to Das" all reduce to the surname ``das``, which matches the
source speaker "Shubhamitra Das" but never "Arnab Dasgupta" (whole tokens,
not prefixes).

>>> from claimcheck.models import Speaker
>>> das = Speaker(name="Shubhamitra Das", aliases=["Dr. Shubhamitra Das"])
>>> [same_person(x, das) for x in ("Das", "Dr Das", "according to Das", "S. Das", "Dasgupta")]
[True, True, True, True, False]
>>> same_person("Arnab Das", das)
False
"""

from __future__ import annotations

import re

from claimcheck.lexicon.names import TITLES as LEXICON_TITLES
from claimcheck.models import Speaker

# Titles and description words before a name ("Dr", "House Speaker"), shared with the
# extractor so that a draft's "House Speaker Paul Ryan" finds the speaker "Paul Ryan".
TITLES = LEXICON_TITLES | {"sister", "brother"}
_LEADS = re.compile(r"^\s*(?:according\s+to|said|says|told|by|for)\s+", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def name_tokens(name: str) -> list[str]:
    """Lower-case name tokens without titles or a possessive.

    >>> name_tokens("according to Dr. Shubhamitra Das's")
    ['shubhamitra', 'das']
    >>> name_tokens("House Speaker Paul Ryan")
    ['paul', 'ryan']
    """
    name = _LEADS.sub("", name.replace("\u2019", "'"))
    tokens = [t.lower() for t in _TOKEN.findall(name)]
    if tokens and tokens[-1].endswith("'s"):
        tokens[-1] = tokens[-1][:-2]
    # Everything up to the last title word describes the person ("House Speaker").
    last = max((i for i, t in enumerate(tokens[:-1]) if t in TITLES), default=-1)
    return [t for t in tokens[last + 1 :] if t not in TITLES]


def _given_compatible(a: list[str], b: list[str]) -> bool:
    """Given names agree where both are given ("S." fits "Shubhamitra")."""
    for x, y in zip(a, b, strict=False):
        if x == y:
            continue
        if (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
            continue
        return False
    return True


def same_person(draft: str, speaker: Speaker) -> bool:
    """The draft's speaker string names this source speaker."""
    d = name_tokens(draft)
    if not d:
        return False
    for candidate in (speaker.name, *speaker.aliases):
        c = name_tokens(candidate)
        if not c:
            continue
        if d == c:
            return True
        # A bare alias ("Das") cannot vouch for a given name the draft adds ("Ravi Das").
        if len(d) > 1 and len(c) == 1:
            continue
        if d[-1] == c[-1] and _given_compatible(d[:-1], c[:-1]):
            return True
    return False


def any_person(draft: str, speakers: list[Speaker]) -> bool:
    return any(same_person(draft, s) for s in speakers)
