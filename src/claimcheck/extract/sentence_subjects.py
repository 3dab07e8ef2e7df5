"""The capitalised subjects of the sentences in a stretch of text.

Pronouns prefer the subject of the last sentences to an older speaker; only
main-clause subjects count ("Das highlighted that the late Shinzo Abe …" offers
Das, not Abe).
"""

from __future__ import annotations

import re

from claimcheck.extract.people import sentence_cut
from claimcheck.lexicon.names import (
    NOT_NAMES,
    PARTICLES,
    PRONOUNS,
)

# A sentence start: the text's start, a line break, or a full stop and space.
_SENTENCE_START = re.compile(r"(?:^|\n[ \t]*|(?<=[.!?])[\"”’]?\s+)(?=[\"“]?[A-Z])")

# _SENTENCE_START tried a match at every position of its window (its alternatives open
# with an anchor and a lookbehind); this one opens with the character before a sentence,
# so the engine skips from one to the next. _sentence_starts gives the same ends.
_AFTER_BREAK = re.compile(r"(?:\n[ \t]*|[.!?][\"”’]?\s+)(?=[\"“]?[A-Z])")
_CAPITAL_AHEAD = re.compile(r"(?=[\"“]?[A-Z])")


def _sentence_starts(text: str, lo: int, hi: int) -> list[int]:
    """``[m.end() for m in _SENTENCE_START.finditer(text, lo, hi)]``."""
    out = [0] if lo == 0 and _CAPITAL_AHEAD.match(text, 0, hi) else []
    # The stop before ``lo`` is the one the lookbehind reads at ``lo``.
    at = lo - 1 if lo > 0 and text[lo - 1] in ".!?" else lo
    out += [m.end() for m in _AFTER_BREAK.finditer(text, at, hi)]
    return out


_COMMA = re.compile(r",\s+")

# "and" joins two clauses only after a lowercase word: "These are generous assumptions
# and Morneau was …", never "Smith and Jones said", where the subject is both.
_CLAUSE_JOIN = re.compile(r"(?:;|\s(?:while|whereas|but)|\s[a-z][\w’'-]*\s+and)\s+(?=[A-Z])")

_PARTICLE = "|".join(sorted(sorted(re.escape(p) for p in PARTICLES), key=len, reverse=True))

_CAP_RUN = re.compile(rf"[A-Z][\w’'.-]*(?:[ \u00a0]+(?:[A-Z][\w’'.-]*|(?:{_PARTICLE})\b))*")

# What follows a subject: its verb, possibly after a possessive or an apposition
# ("Ian Campbell, whose credits include …, had a booth"). The verb must look like
# one, so that "Clinton Hill residents were angry" offers no subject.
_VERBS = (
    r"[a-z]+ed|is|was|are|were|has|had|have|does|did|will|would|can|could|may|might|"
    r"must|should|shall|says|said|told|tells|thinks|thought|believes|wants|wanted|insists|"
    r"argues|notes|adds|explains|writes|wrote|warns|claims|hopes|supports|opposes|made|"
    r"makes|took|takes|gave|gives|went|goes|won|wins|met|meets|left|leaves|spoke|speaks|"
    r"became|becomes|began|begins|came|comes|got|gets|held|holds|kept|keeps|led|leads|"
    r"lost|paid|put|sent|sends|stood|brought|found|finds|heard|knew|knows|ran|runs|saw|"
    r"sees|set|sold|spent|also|then|now|later|still|never|first"
)

_VERB_AFTER = re.compile(
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|of|and|for|the))*)?"
    r"(?:’s\s+[a-z]|'s\s+[a-z]|(?:,(?:[^.;:!?\n]|\.(?=[A-Z,])){2,150}?,)?\s+(?:[a-z]+ly\s+)?"
    rf"(?P<verb>(?:{_VERBS})\b))"
)

# The verb after the comma that closes an apposition; no adverb alone ("Smith, then …").
_APPOSED_VERB = re.compile(
    r",\s+(?:[a-z]+ly\s+)?(?!(?:also|then|now|later|still|never|first)\b)"
    rf"(?P<verb>(?:{_VERBS})\b)"
)

# What an apposed name follows: a short description that opens its clause ("Another
# voice actor, Lauren Landa, would …", "Its chief executive, Ana Ruiz, has …"); not a
# clause's tail ("… reported that the RT editor in chief, Margarita Simonyan, conveyed").
_DESCRIPTION = re.compile(
    r"(?:[Aa]nother|[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ne|[A-Z][\w.-]*(?:’s|'s))\s+"
    r"(?:(?!(?:that|who|which|when|where|and|or|said|says|told)\b)[\w’'.-]+\s+){0,5}?"
    r"(?!(?:that|who|which|when|where|and|or|said|says|told)\b)[\w’'.-]+,\s+$"
)

_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Jr|Sr|Prof|Rev|[A-Z])\.\s+$"
)


def _described_before(text: str, pos: int, starts: list[int], st: int) -> bool:
    """Whether the clause before ``st`` is only a description of the name at ``st``."""
    if _ABBREVIATION.search(text, max(0, pos - 6), pos):
        return False  # "under Mr. Bush's father, George Bush, …": no sentence starts there
    prev = max((x for x in starts if x < st), default=-1)
    return prev >= pos and _DESCRIPTION.fullmatch(text, prev, st) is not None


# "and" and a few lower-case words: "and three of his co-authors", "and her colleagues";
# never a second name ("Smith and Jones said": both speak).
_AND_OTHERS = re.compile(r"\s+and(?:\s+[a-z][\w’'-]*){1,5}")
_WORD = re.compile(r"[a-z][\w’'-]*")


def _and_others_verb(text: str, at: int, end: int) -> re.Match[str] | None:
    """The verb after "and" and others that end in a plural noun, if any."""
    both = _AND_OTHERS.match(text, at, end)
    if both is None:
        return None
    for w in list(_WORD.finditer(text, both.start(), both.end()))[1:]:
        if w.group().endswith("s") and w.group() not in ("his", "its", "was", "has", "is"):
            verb = _VERB_AFTER.match(text, w.end(), end)
            if verb is not None and verb.group("verb"):
                return verb
    return None


_OPENING_WORDS = NOT_NAMES | PRONOUNS.keys() | {"whether", "i’m", "i'm", "i’ve", "i'd", "i’d"}

_NOT_ROLE = frozenset(
    "that of with by for to from and or the a an his her their its than as said told in at on "
    "says who which where when what".split()
)


def _inside_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation opened earlier in its paragraph."""
    par = text[text.rfind("\n", 0, pos) + 1 : pos]
    return par.count("“") > par.count("”") or (par.count('"') + par.count("''")) % 2 == 1


def sentence_subjects(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """(offset, name) of the capitalised runs that may be the subject of a sentence.

    Up to four role words may stand before the name ("Special effects costumer
    Ian Campbell"), so a sentence can offer several runs; the caller keeps the
    one that is a person.
    """
    out = []
    for pos in _sentence_starts(text, lo, hi):
        if text[pos] in '"“' or _inside_quote(text, pos):
            continue  # “I believe Donald Trump is destroying …”: the speaker's words
        end = min(hi, pos + 300)
        # The subject may follow an opening phrase: "In response to a lawsuit by X, ",
        # "But on Thursday, in the release announcing his role, Manafort described".
        starts = [pos] + [c.end() for c in _COMMA.finditer(text, pos, min(end, pos + 250))]
        # A second main clause: "… while Interior Minister Joachim Brudziński wrote …".
        starts += [
            c.end()
            for c in _CLAUSE_JOIN.finditer(text, pos, min(end, pos + 250))
            if not _inside_quote(text, c.start())
        ]
        starts.sort()
        for st in starts:
            for run in _CAP_RUN.finditer(text, st, min(end, st + 90)):
                before = text[st : run.start()].split()
                if len(before) > 4 or any(w.lower() in _NOT_ROLE for w in before):
                    break
                name = run.group()
                if sentence_cut(name) != name:
                    continue  # "teaches English. Somehow, …": a run across a sentence end
                if name.endswith(("’s", "'s")):
                    name = name[:-2]  # the possessive is matched as part of what follows
                verb = _VERB_AFTER.match(text, run.start() + len(name), end)
                if verb is None and _described_before(text, pos, starts, st):
                    # "Another voice actor, Lauren Landa, would list …": a name set off
                    # by commas after its description is the subject it names.
                    verb = _APPOSED_VERB.match(text, run.start() + len(name), end)
                if verb is None:
                    # "Wong and three of his co-authors have started a company": the first
                    # of a coordinated subject is a subject too, for a later "he".
                    verb = _and_others_verb(text, run.start() + len(name), end)
                    if verb is None:
                        continue
                at, words = run.start(), name.split()
                while words and words[0].lower().strip("’'") in _OPENING_WORDS:
                    at += len(words[0]) + 1  # "When Sanders", "But I’m": no part of a name
                    words = words[1:]
                if words:
                    out.append((at, " ".join(words)))
                if verb.group("verb"):
                    break  # "Bush is panning Obama’s plan": the subject is found
    return out
