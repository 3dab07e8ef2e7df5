"""A person or body of one document, and how a name mention splits into role and name.

"Japanese Defence Minister Gen Nakatani" is the role "Japanese Defence
Minister" and the name "Gen Nakatani"; names are compared token by token, so
"Das" never aliases "Dasgupta".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from claimcheck.lexicon.names import (
    HONORIFICS,
    TITLES,
)

FIRST_PERSON = frozenset({"i", "we"})

FEMALE_TITLES = {"mrs", "ms", "miss", "dame", "lady", "queen", "princess", "chairwoman"}

MALE_TITLES = {"mr", "sir", "lord", "king", "prince", "chairman", "father", "fr"}

ORG_HINTS = frozenset(
    [
        "ministry",
        "department",
        "agency",
        "police",
        "company",
        "firm",
        "group",
        "campaign",
        "party",
        "government",
        "committee",
        "council",
        "board",
        "union",
        "organization",
        "organisation",
        "association",
        "commission",
        "office",
        "court",
        "administration",
        "team",
        "staff",
        "network",
        "newspaper",
        "magazine",
        "website",
        "army",
        "navy",
        "military",
        "inc",
        "corp",
        "ltd",
        "university",
        "institute",
        "house",
        "times",
        "post",
        "journal",
        "news",
        "technologies",
        "systems",
        "industries",
        "holdings",
        "bank",
        "foundation",
        "corporation",
        "center",
        "centre",
        "embassy",
        "consulate",
    ]
)


@dataclass(eq=False)  # one object per person: identity, not field equality
class Person:
    name: str
    tokens: tuple[str, ...]
    kind: str  # "person" | "group"
    role: str | None = None
    gender: str | None = None
    titles: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    last_at: int = -1  # where the text last referred to this person
    # Made from a description the article never tied to a name ("the company",
    # "police"): the claim's speaker is then `unresolved`, not a confident one.
    described: bool = False

    @property
    def surname(self) -> str:
        return self.tokens[-1] if self.tokens else self.name

    def aliases(self) -> list[str]:
        out: list[str] = []
        for m in self.mentions:
            if m != self.name:
                out.append(m)
        if self.kind == "person" and len(self.tokens) >= 2:
            out.append(self.surname)
            for t in self.titles:
                if t.lower() not in HONORIFICS:
                    continue  # "Actor Fraser", "House Ryan": nobody is called that
                bare = t.rstrip(".")
                for form in (f"{bare}. {self.surname}", f"{bare} {self.surname}"):
                    if bare.lower() in ("dr", "mr", "mrs", "ms", "prof", "st") or "." not in form:
                        out.append(form)
                if bare.lower() in ("dr", "prof", "professor"):
                    out.append(
                        f"Professor {self.surname}"
                        if bare.lower() != "dr"
                        else f"Dr {self.surname}"
                    )
        seen: set[str] = set()
        uniq = []
        for a in out:
            if a not in seen and a != self.name:
                seen.add(a)
                uniq.append(a)
        return sorted(uniq, key=lambda a: (len(a), a))


def sentence_cut(text: str) -> str:
    """ "Ms. Hawkins. She" -> "Ms. Hawkins": a word of three letters or more ending in a
    full stop (not a title, not an initial) ends the sentence and the name."""
    if "." not in text:
        return text  # most names: no word to test
    words = text.split(" ")
    for i, w in enumerate(words[:-1]):
        if w.endswith(".") and len(w) > 3 and "." not in w[:-1] and w.lower() not in TITLES:
            return " ".join(words[: i + 1])[:-1]
    return text


THING_BEFORE = re.compile(r"\b[Tt]he\s+[\"“]?$")

# Capitalised words for many people, never one he or she: "Fellow Americans".
GROUPS = frozenset(
    "americans democrats republicans conservatives liberals europeans africans asians "
    "muslims christians jews catholics latinos hispanics fellow people voters".split()
)


def split_name(text: str) -> tuple[list[str], list[str]]:
    """(titles and role words, name tokens) of a name mention; possessives dropped.

    "Japanese Defence Minister Gen Nakatani" -> (["Japanese", "Defence",
    "Minister"], ["Gen", "Nakatani"]): everything up to the last title word is
    the role; "Gen" without a full stop is not a title.
    """
    # A document asks for the same few names again and again (every resolve,
    # every pronoun, every role lookup): a sixth of calls are new. Fresh lists
    # each time, so a caller that edits its copy changes no other.
    titles, toks = _split_name(text)
    return list(titles), list(toks)


def name_parts(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``split_name`` as the cached tuples themselves, for callers that only read them."""
    return _split_name(text)


@functools.lru_cache(maxsize=8192)
def _split_name(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    titles, toks = _split_name_uncached(text)
    return tuple(titles), tuple(toks)


def _split_name_uncached(text: str) -> tuple[list[str], list[str]]:
    raw = text.split()
    words = [drop_possessive(w) for w in raw]
    owner = next((i for i in range(len(raw) - 1) if raw[i] != words[i]), -1)
    if owner >= 0 and words[owner].lower() in TITLES:
        owner = -1  # "the Alachua Sheriff's Office", "the Governor's Office": one name
    if owner >= 0 and len(raw) - owner == 2 and words[-1].lower() not in ORG_HINTS:
        # "RIAA's DMCA notice", "NASA's Hubble": one word after the owner is its
        # thing, and the owner speaks through it.
        raw, words = raw[: owner + 1], words[: owner + 1]
    elif owner >= 0 and words[-1].lower() in ORG_HINTS:
        # "Taiwan's Constitutional Court": the body's name is what follows its owner.
        return [], words[owner + 1 :]
    last_title = -1
    for i, w in enumerate(words[:-1]):
        if w.lower() in TITLES:
            last_title = i
        elif raw[i] != w and len(words) - i > 2 and all(t[:1].isupper() for t in words[i + 1 :]):
            last_title = i  # "BBC's Jonathan Marcus": whose, not who
    if last_title >= 0 and words[-1].lower() in ORG_HINTS:
        return [], words  # "The Alachua Sheriff Office": an organisation, not Sheriff Office
    titles = words[: last_title + 1]
    toks = words[last_title + 1 :]
    if titles and len(toks) >= 3 and toks[0].lower() in _ROLE_PREPOSITIONS:
        # "Senator from Vermont Bernie Sanders": the office runs on to the name.
        n = 3 if len(toks) >= 4 and len(toks[-2]) == 2 and toks[-2].endswith(".") else 2
        return words[: len(words) - n], words[len(words) - n :]
    if toks[-1:] and toks[-1].endswith(".") and toks[-1][:-1].lower() in _CORPORATE:
        # "Shopify Inc." and "Shopify Inc" are one name: the full stop is the suffix's.
        toks = [t[:-1] if t.endswith(".") and t[:-1].lower() in _CORPORATE else t for t in toks]
    return titles, toks


_CORPORATE = frozenset("inc ltd corp co cos plc llc bros ltée".split())


_ROLE_PREPOSITIONS = frozenset(["of", "from", "for", "to"])


_POSSESSIVES = ("’s", "'s", "’", "'")


def drop_possessive(word: str) -> str:
    # String tests instead of a regex substitution: this runs for every word of
    # every name, and most words have no possessive (one test rules them out).
    if word.endswith(_POSSESSIVES):
        for suffix in _POSSESSIVES:
            if word.endswith(suffix):
                return word[: -len(suffix)]
    return word


FOR_SOMEONE = frozenset(["for", "to", "of", "with"])

ROLE_HEAD = re.compile(r"\s+(?:of|at|for|in|from|with|on|who|whose|which|that)\s+")
