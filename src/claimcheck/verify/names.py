"""Is the draft's speaker one of the source's speakers? Names are compared as people.

Both sides lose what describes the person rather than names them: titles and
role words ("Dr.", "House Speaker"), lower-case descriptions ("attendee Om
Prakash", "police chief Greg Allen"), a possessive, "according to". What is
left is compared as whole tokens: "Das" is "Shubhamitra Das" but never "Arnab
Dasgupta"; "Nikki Haley" is "United Nations Nikki Haley" (the longer one ends
with the shorter full name); "Wayne Frederick" is "Wayne A. I. Frederick"; a
hyphen is a space ("Schoch Spana" is "Schoch-Spana"). A single place word is
never a surname: "Canada" is not "Statistics Canada".

>>> from claimcheck.models import Speaker
>>> das = Speaker(name="Shubhamitra Das", aliases=["Dr. Shubhamitra Das"])
>>> [same_person(x, das) for x in ("Das", "Dr Das", "according to Das", "S. Das", "Dasgupta")]
[True, True, True, True, False]
>>> same_person("Arnab Das", das)
False
>>> same_person("Nikki Haley", Speaker(name="Ambassador to the United Nations Nikki Haley"))
True
>>> same_person("Canada", Speaker(name="Statistics Canada"))
False
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from claimcheck.lexicon.names import PARTICLES
from claimcheck.lexicon.names import TITLES as LEXICON_TITLES
from claimcheck.lexicon.places import PLACE_NAMES
from claimcheck.models import Speaker

# Titles and description words before a name ("Dr", "House Speaker"), shared with the
# extractor so that a draft's "House Speaker Paul Ryan" finds the speaker "Paul Ryan".
TITLES = LEXICON_TITLES | {"sister", "brother"}
_LEADS = re.compile(r"^\s*(?:according\s+to|said|says|told|by|for)\s+", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'.][^\W\d_]+)*\.?")
# A spelling variant is one letter apart in a surname at least this long.
_VARIANT_MIN = 4
_ARTICLES = frozenset("a an the".split())
# What a body issues, after its name: "Supreme Court decision" speaks for the Supreme Court
# (a floating quote's speaker is often such a phrase). Closed, and lower case only: "Smith
# supporters" is not Smith.
_ISSUED = frozenset(
    "decision ruling judgment judgement verdict opinion order statement report study letter "
    "filing complaint lawsuit memo release tweet post paper survey document".split()
)


def name_tokens(name: str) -> list[str]:
    """Lower-case name tokens without titles, descriptions or a possessive.

    >>> name_tokens("according to Dr. Shubhamitra Das's")
    ['shubhamitra', 'das']
    >>> name_tokens("House Speaker Paul Ryan")
    ['paul', 'ryan']
    >>> name_tokens("attendee Om Prakash"), name_tokens("Mohammad bin Salman")
    (['om', 'prakash'], ['mohammad', 'bin', 'salman'])
    >>> name_tokens("Wayne A. I. Frederick")
    ['wayne', 'a', 'i', 'frederick']
    """
    return list(_name_tokens(name))


@lru_cache(maxsize=1 << 14)
def _name_tokens(name: str) -> tuple[str, ...]:
    name = _LEADS.sub("", name.replace("\u2019", "'"))
    raw = [t.rstrip(".") for t in _TOKEN.findall(name)]
    if raw and raw[-1].lower().endswith("'s"):
        raw[-1] = raw[-1][:-2]
    # A sentence-opening "The" names no one: "The High Court said" is the High Court.
    while len(raw) > 1 and raw[0].lower() in _ARTICLES:
        raw = raw[1:]
    while len(raw) > 1 and raw[-1] in _ISSUED and any(t[:1].isupper() for t in raw[:-1]):
        raw = raw[:-1]
    # A description before the name is lower case or a title ("police chief", "Dr.").
    start = 0
    while start < len(raw) - 1 and (raw[start].islower() or raw[start].lower() in TITLES):
        start += 1
    tokens = [t.lower() for t in raw[start:]]
    # Everything up to the last title word describes the person ("House Speaker").
    last = max((i for i, t in enumerate(tokens[:-1]) if t in TITLES), default=-1)
    kept = [t for t in tokens[last + 1 :] if t not in TITLES]
    return tuple(kept or [t for t in tokens if t not in PARTICLES][-1:])


def _fits(x: str, y: str) -> bool:
    """Two given names agree: equal, or one is the other's initial ("S." and "Shubhamitra")."""
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


def _ends_with(longer: list[str], shorter: list[str]) -> bool:
    """The longer name ends with the shorter full name ("United Nations Nikki Haley")."""
    if len(shorter) < 2 or len(shorter) > len(longer):
        return False
    return all(_fits(a, b) for a, b in zip(longer[-len(shorter) :], shorter, strict=True))


def _given_fit(a: list[str], b: list[str]) -> bool:
    """Given names agree: the first ones fit, the rest of the shorter are in the longer."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return True
    if not _fits(short[0], long_[0]):
        return False
    at = 1
    for x in short[1:]:
        while at < len(long_) and not _fits(x, long_[at]):
            at += 1
        if at == len(long_):
            return False
        at += 1
    return True


def _short_form(longer: list[str], shorter: list[str]) -> bool:
    """The shorter is the longer's name before its "of" ("High Court" of England and Wales)."""
    n = len(shorter)
    return n >= 2 and len(longer) > n + 1 and longer[n] == "of" and longer[:n] == shorter


def _tokens_match(d: list[str], c: list[str]) -> bool:
    if d == c:
        return True
    if _ends_with(d, c) or _ends_with(c, d):
        return True
    if _short_form(d, c) or _short_form(c, d):
        return True
    if d[-1] != c[-1]:
        return False
    # A bare alias ("Das") cannot vouch for a given name the draft adds ("Ravi Das").
    if len(c) == 1:
        return len(d) == 1
    if len(d) == 1:
        return d[0] not in PLACE_NAMES
    return _given_fit(d[:-1], c[:-1])


def _split(tokens: list[str]) -> list[str]:
    return [p for t in tokens for p in t.split("-") if p]


def _names(speaker: Speaker) -> list[list[str]]:
    return [c for c in (name_tokens(n) for n in (speaker.name, *speaker.aliases)) if c]


def same_person(draft: str, speaker: Speaker, document: Sequence[Speaker] = ()) -> bool:
    """The draft's speaker string names this source speaker.

    ``document`` is the other speakers of the source's document: a one-letter
    spelling variant of a full name the document already has is the same
    person ("Yahya Sarea" is the "Saree" a later sentence quotes).
    """
    head = description_head(draft)
    if head is not None:
        names = (speaker.name, *speaker.aliases)
        return any(head in (t.lower() for t in _TOKEN.findall(n)) for n in names)
    d = name_tokens(draft)
    if not d:
        return False
    if len(d) == 1 and d[0] in PLACE_NAMES:
        # "Canada" is only Canada, whatever short forms a ledger lists for Statistics Canada.
        return name_tokens(speaker.name) == d
    for c in _names(speaker):
        if _tokens_match(d, c) or _tokens_match(_split(d), _split(c)):
            return True
    for other in document:
        variant = other.name != speaker.name and spelled_alike(other, speaker)
        if variant and any(_tokens_match(d, c) for c in _names(other)):
            return True
    return False


def description_head(draft: str) -> str | None:
    """The head noun of a speaker described, not named ("the mayor", "An eyewitness").

    A description matches a source speaker whose name or role holds that noun: "the
    mayor" is "El Paso mayor" and "Mayor Dee Margo".

    >>> description_head("the mayor"), description_head("Secretary"), description_head("Das")
    ('mayor', 'secretary', None)
    """
    raw = [t.rstrip(".") for t in _TOKEN.findall(_LEADS.sub("", draft))]
    raw = [t for t in raw if t.lower() not in _ARTICLES]
    if not raw or any(t[:1].isupper() and t.lower() not in TITLES for t in raw):
        return None
    return str(raw[-1]).lower()


def named(speaker: str) -> bool:
    """The speaker string holds a name, not only a description, a title or a place.

    >>> [named(s) for s in ("US Secretary", "police", "him", "Statistics Canada", "Das")]
    [False, False, False, True, True]
    """
    from claimcheck.lexicon.places import PLACE_OF

    for t in _TOKEN.findall(speaker):
        low = t.rstrip(".").lower()
        if t[:1].isupper() and low not in TITLES and low not in PLACE_OF and low not in _ARTICLES:
            return True
    return False


def spelled_alike(a: Speaker, b: Speaker) -> bool:
    """One letter apart in the surname, the rest agreeing, and one of them a full name.

    >>> spelled_alike(Speaker(name="Yahya Sarea"), Speaker(name="Saree"))
    True
    >>> spelled_alike(Speaker(name="Das"), Speaker(name="Dan"))
    False
    """
    return _names_alike(a.name, b.name)


@lru_cache(maxsize=1 << 14)
def _names_alike(a: str, b: str) -> bool:
    # By the names alone: the tied copies of a passage compare the same speaker with the
    # same names of document after document.
    x, y = _name_tokens(a), _name_tokens(b)
    if not x or not y or max(len(x), len(y)) < 2:
        return False
    sx, sy = x[-1], y[-1]
    if sx == sy or min(len(sx), len(sy)) < _VARIANT_MIN or Levenshtein.distance(sx, sy) != 1:
        return False
    return _given_fit(list(x[:-1]), list(y[:-1]))


def any_person(draft: str, speakers: list[Speaker], document: Sequence[Speaker] = ()) -> bool:
    return any(same_person(draft, s, document) for s in speakers)
