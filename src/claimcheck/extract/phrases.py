"""Is a noun phrase a speaker, and which part of it names them?

Trimming a speaker phrase to its head ("the minister of finance" is headed by
"minister"), telling a name from a role, and an appositive from a clause.
"""

from __future__ import annotations

import re

from claimcheck.extract.patterns import (
    ADVERB_LY,
    DET,
    WEEKDAY,
)
from claimcheck.lexicon.cues import FORMS, SAID_BY_WRITING
from claimcheck.lexicon.names import (
    ABBREVIATIONS,
    NOT_NAMES,
    PARTICLES,
    SPEAKER_NOUNS,
    TITLES,
)

# Compiled once: _make_subject runs for every candidate speaker phrase.
PREP_SPLIT = re.compile(r"\s+(?:of|for|at|with|from|in|to)\s+")

DET_SPACE = re.compile(DET + r"\s")

NOT_HEAD = frozenset(
    """to and or but of for the a an that than with by as at in on from into about
    before after while when since without during""".split()
)

_POSSESSIVES = ("’s", "'s", "’", "'")


def noun_key(word: str) -> str:
    """Lower case, possessive dropped: "Officials’" -> "officials"."""
    word = word.lower()
    if word.endswith(_POSSESSIVES):  # rarely: one test instead of four
        for suffix in _POSSESSIVES:
            if word.endswith(suffix):
                return word[: -len(suffix)]
    return word


# Words that never stand inside a speaker phrase: a verb, a clause opener, a pronoun.
CLAUSE_WORDS = frozenset(
    "is are was were has have had been be said says told claimed when who which whom after "
    "since initially eventually it they he she we i".split()
)

# A past tense with its object: "the city issued a follow-up statement announcing …".
VERB_OBJECT = re.compile(
    r"\b[a-z]+ed\s+(?:a|an|the|his|her|their|its|several|some|this|that|these|those)\b"
)

# Never "not" or "never": "the police did not see a gun" reports nothing they saw.
_TRAILING_AUX = frozenset(
    "has have had is are was were did does do also would will could can may might should "
    "must still already previously reportedly later earlier initially subsequently recently "
    "often always again".split()
)


_TRAILING_ADVERB = re.compile(rf"further|{ADVERB_LY}")

_MONTH = "(?:January|February|March|April|June|July|August|September|October|November|December)"
# When the words were said, at the end of a speaker phrase: "the Mexican government during
# the weekend said", "the ministry on Monday said", "the government last week said".
_TRAILING_TIME = re.compile(
    r"(?:\s+(?:during|on|over|at|in|since|earlier|later)(?:\s+(?:the|this|last|that))?"
    r"|\s+(?:last|this|earlier|later|late|early))"
    rf"\s+(?:weekend|week|month|year|morning|afternoon|evening|night|day|{WEEKDAY}|{_MONTH})"
    r"(?:\s+(?:morning|afternoon|evening|night))?$"
)
# The words _TRAILING_TIME can end with ("Monday" ends in "day"): a phrase that ends
# otherwise is not searched, and most do.
_TIME_ENDS = tuple(
    "weekend week month year morning afternoon evening night day January February March "
    "April June July August September October November December".split()
)


def trim_np(np_text: str, start: int) -> tuple[str, int]:
    # Drop a leading conjunction or sentence adverb swallowed by the NP pattern,
    # and a sentence's full stop swallowed by a name ("sighed Meg.").
    if np_text.endswith("."):
        last = np_text.split()[-1].lower()
        if len(last) > 2 and last.rstrip(".") not in ABBREVIATIONS:
            np_text = np_text[:-1]
    ends = np_text[:-1] if np_text.endswith("\n") else np_text  # "$" may stand before one
    time = _TRAILING_TIME.search(np_text) if ends.endswith(_TIME_ENDS) else None
    if time is not None:
        before = np_text[: time.start()].split()
        if before and before[-1] not in _TRAILING_AUX and before[-1].lower() not in _FINITE:
            # "Ivan's condition was on Wednesday reported": a clause, left whole to fail.
            np_text = np_text[: time.start()]
    # A no-break space separates words too ("From\xa0Andrea Peyser"); the text keeps it.
    original, first = np_text, start
    words = _WORD_GAP.split(np_text) if "\u00a0" in np_text else np_text.split(" ")
    if len(words) > 2 and words[-2] == "in" and words[-1].isdigit():
        words = words[:-2]  # "an arbitration panel in 2001 found": the year is no part of it
    while len(words) > 1 and words[0].lower() in {"and", "but", "so", "then", "while", "as"}:
        start += len(words[0]) + 1
        words = words[1:]
    while len(words) > 1 and words[0].lower() in NOT_NAMES and words[1][:1].isupper():
        if words[0].lower() in {"the", "a", "an", "another", "one", "two", "three"}:
            break
        start += len(words[0]) + 1
        words = words[1:]
    while len(words) > 1 and (
        words[-1] in _TRAILING_AUX or (len(words) > 2 and _TRAILING_ADVERB.fullmatch(words[-1]))
    ):
        # "the Trump campaign has declined": the verb is no part of it; but a
        # capitalised "May" is a name ("Ms. May said"), no verb. "The website
        # further reported", "The proclamation specifically said": an adverb.
        words = words[:-1]
    at = start - first
    return original[at : at + len(" ".join(words))], start


_WORD_GAP = re.compile("[ \u00a0]")


def drop_contraction(word: str) -> str:
    for suffix in ("’s", "'s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def all_caps_name(words: list[str]) -> bool:
    return all(w[0].isupper() or w.lower() in PARTICLES for w in words)


def looks_like_name(phrase: str) -> bool:
    words = phrase.split()
    if len(words) >= 2 and words[0].lower() in _BARE_HONORIFICS:
        # "Dr Meerjady Sabrina Flora": British style drops the full stop ("Dr. …" passed).
        words[0] += "."
    return 1 <= len(words) <= 5 and all_caps_name(words) and words[0].lower() not in NOT_NAMES


_BARE_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof"})


# A party member before an appositive name: "One red-state Democrat, Sen. Jon Tester,".
# Not speaker nouns: as adjectives they head no description ("Republican donors").
_PARTY_MEMBERS = frozenset({"democrat", "republican", "tory"})


def is_role_phrase(np_text: str) -> bool:
    words = np_text.replace("’s", "").replace("'s", "").split()
    return any(
        w.lower() in TITLES or w.lower() in SPEAKER_NOUNS or w.lower() in _PARTY_MEMBERS
        for w in words
    )


def name_with_role(np_text: str, role: str) -> bool:
    """ "Richard Revesz, dean of the law school, said": a name, then its role."""
    words = np_text.split()
    if not words or not all_caps_name(words) or words[0].lower() in NOT_NAMES:
        return False
    role_words = role.split()
    if not 1 <= len(role_words) <= 14:
        return False
    return not any(
        (w.lower() in FORMS and FORMS[w.lower()] not in SAID_BY_WRITING)
        or w.lower() in {"that", "is", "was", "are", "were"}
        for w in role_words
    )


_FINITE = frozenset({"is", "was", "are", "were", "has", "had"})


def is_appositive(role: str) -> bool:
    words = role.split()
    first = words[0].lower() if words else ""
    if first in TITLES and _FINITE.intersection(w.lower() for w in words):
        return False  # "Beaumont, Tex., Mr. Trump was just as blunt,": a clause, not a role
    return (
        first
        in {
            "a",
            "an",
            "the",
            "who",
            "whose",
            "which",
            "one",
            "another",
            "his",
            "her",
            "its",
            "their",
            "former",
            "then",
            "now",
            "also",
        }
        or first in TITLES
    )


def clean_role(role: str | None) -> str | None:
    if not role:
        return None
    role = " ".join(role.split())
    for art in ("a ", "an ", "the "):
        if role.lower().startswith(art):
            return role[len(art) :]
    if role.lower().startswith(("who ", "which ", "whose ")):
        return None
    return role
