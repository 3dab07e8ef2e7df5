"""Regular-expression building blocks shared by cues, subjects and speakers.

Names, noun phrases, adverbs between a speaker and a cue, poll quantities.
Every piece is bounded, so the patterns built from them stay linear.
"""

from __future__ import annotations

import re

from claimcheck.lexicon.names import (
    PARTICLES,
)

LEFT_WINDOW = 200

WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# An "-ly" adverb, not one of the nouns spelled like one ("The family said").
ADVERB_LY = (
    r"(?!(?:family|ally|rally|supply|assembly|monopoly|anomaly|bully|belly|tally|folly|"
    r"homily|reply)\b)[a-z]+ly"
)

ADVERBS = (
    r"(?:also|has|have|had|was|were|is|are|would|will|later|previously|reportedly|then|further|"
    r"once|again|recently|earlier|repeatedly|publicly|privately|simply|has also|had also|"
    rf"{ADVERB_LY}|not only|even|still|already|had previously|has repeatedly|too|both|all|"
    r"[Ii]n an? (?:interview|statement)(?: with [A-Z][\w ]{0,40})?,?|"
    rf"(?:on\s+)?{WEEKDAY}"
    r"(?:\s+(?:night|morning|afternoon|evening))?|(?:last|this)\s+(?:week|month|year|weekend)|"
    r"yesterday|today|tonight|just|now|first|often|never|long|soon|finally|ultimately|"
    r"however|meanwhile|instead|likewise|"
    r"in\s+(?:19|20)\d\d)"
)

_NUMBER = r"(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en)"

# "46 percent of voters", "About three in 10", "Nearly half": poll respondents as a source.
QUANT = (
    r"(?:(?:[Aa]bout|[Nn]early|[Aa]lmost|[Oo]nly|[Jj]ust|[Mm]ore\s+than|[Ll]ess\s+than|"
    r"[Ff]ewer\s+than|[Ss]ome|[Rr]oughly|[Aa]round|[Oo]ver|[Uu]nder)\s+)?"
    r"(?:\d[\d.,]*\s*(?:%|percent\b|per\s+cent\b)|[A-Za-z-]+\s+percent\b|"
    rf"(?:\d+|{_NUMBER})\s+(?:in|out\s+of)\s+(?:\d+|{_NUMBER})\b|[Hh]alf\b|"
    r"[Aa]\s+(?:third|quarter|majority|minority)\b|[Tt]wo-thirds\b|[Mm]ost\b)"
    r"(?:\s+of\s+(?:the\s+|those\s+|all\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}?)?"
)

# Possessive quantifiers (``*+``, ``++``) below: wherever these pieces are used, what
# follows a word or a run of spaces never starts with a character of that run, so
# giving back characters could never lead to a match. Cutting that backtracking
# leaves every match identical and makes the end-anchored speaker search ~40% faster.
CAP = r"(?:[A-Z][\w’'.&-]*+|[A-Z]\.)"

_PART = (
    r"(?:" + "|".join(sorted(sorted(PARTICLES), key=len, reverse=True)).replace(".", r"\.") + r")"
)

SP = r"[ \t\u00a0]++"  # names never run across a line break

NAME = rf"{CAP}(?:{SP}(?:{_PART}{SP})?{CAP}){{0,5}}"

# The whole capitalised run, for collecting a text's names: cut at six words, "Breitbart
# News’ Washington Political Editor Matthew Boyle" would lose its surname. Two words at
# least: a lone capitalised word is no full name, and most capitals are lone ones (a
# run that fails to grow never hides a longer one: its words would start it too).
NAME_RUN = rf"{CAP}(?:{SP}(?:{_PART}{SP})?{CAP}){{1,11}}"

# "Mr. Morgan of the Sierra Club": a name with its organisation.
NAME_OF = rf"{NAME}(?:{SP}of{SP}(?:the{SP})?{CAP}(?:{SP}{CAP}){{0,4}}){{0,2}}"

DET = (
    r"(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]ome|[Mm]any|[Ss]everal|[Mm]ost|"
    r"[Oo]ther|[Tt]hose|[Tt]hese|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z]\w*+’s|"
    r"[A-Z]\w*+'s)"
)

_MOD = r"(?:[\w’'][\w’'-]*+\s++){0,7}"  # a dash alone ("--") is no word

_OBJ = (
    rf"(?:\s+(?:of|for|at|with|from|in|to)\s+(?:the\s+)?"
    rf"(?:{CAP}(?:\s+(?:of|and|for|the|on)?\s*{CAP}){{0,6}}|[a-z]++(?:\s++[a-z]++)?))?"
)

# "both candidates", "both Democratic senators": "both" opens a plural phrase, but
# floats after a verb ("were both evacuated and local police warned"), so it takes at
# most one modifier and never runs through "and".
_BOTH = r"[Bb]oth\s++(?:(?!and\s)[\w’'][\w’'-]*+\s++)?(?!and\b)[a-z][\w-]*+"

NOUN_NP = rf"(?:{DET}\s++{_MOD}\w[\w-]*+|{_BOTH}|[A-Z]?[a-z]++){_OBJ}"

# The boundary keeps a pronoun from being read off the front of a name: "said Heather
# Morrissette" is not "He", "said Ian Brown" not "I".
PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)\b"


def trie_pattern(words: list[str]) -> str:
    """A regex alternation with shared prefixes factored out: fast to match."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    return build(trie)
